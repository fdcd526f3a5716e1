/* Maps: construction, lookup, insertion, the HAMT's shape, OTP's internal
 * hash, and iteration in OTP's orders (tests/oracle/map_order.erl and
 * term_order.erl). */
#include "unit.h"
#include "oracle_data.h"
#include "term_build.h"

#include "loader/etf.h"
#include "vm/atom.h"
#include "vm/binary.h"
#include "vm/compare.h"
#include "vm/map.h"

static kb_heap heap;

static term cons(term h, term t) { return build_cons(&heap, h, t); }

static term tuple2(term a, term b) { return build_tuple2(&heap, a, b); }

static term flt(double d) { return build_float(&heap, d); }

/* A deterministic shuffle (xorshift). */
static uint64_t rng = 88172645463325252u;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void shuffle(term *k, term *v, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = next_rand() % i;
		term t = k[i - 1];
		k[i - 1] = k[j];
		k[j] = t;
		t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* Checks a map's structure against map.h: sizes, bitmaps, sorted flatmap
 * keys, every leaf at the slot its hash names, no node with a single leaf
 * child (such a leaf belongs one level up). Returns the number of keys. */
static size_t check_node(term node_term, unsigned level, term *path_key, const char **why)
{
	term *node = boxed_ptr(node_term);
	if (header_subtag(node[0]) != SUBTAG_MAP) {
		*why = "child is not a map node";
		return 0;
	}
	unsigned bitmap = map_node_bitmap(node), count = hamt_node_count(node);
	if ((unsigned)__builtin_popcount(bitmap) != count || count == 0) {
		*why = "bitmap does not match the children";
		return 0;
	}
	if (level > 0 && map_node_kind(node) != MAP_KIND_NODE_BITMAP) {
		*why = "inner node is not a bitmap node";
		return 0;
	}
	if (level == 0 && (map_node_kind(node) == MAP_KIND_HEAD_ARRAY) != (bitmap == 0xffff)) {
		*why = "head kind does not match its bitmap";
		return 0;
	}
	if (level > 0 && count == 1 && is_list(hamt_node_children(node)[0])) {
		*why = "node with a single leaf";
		return 0;
	}
	size_t keys = 0;
	unsigned slot = 0;
	for (unsigned c = 0; c < count; c++, slot++) {
		while (!(bitmap & (1u << slot)))
			slot++;
		term child = hamt_node_children(node)[c];
		if (is_list(child)) {
			term k = list_head(child);
			for (unsigned l = 0; l <= level; l++) {
				unsigned s = (map_key_hash(k, l / 8) >> (4 * (l % 8))) & 15;
				unsigned want =
				    l == level ? slot : (unsigned)small_value(path_key[l]);
				if (s != want) {
					*why = "leaf is not where its hash puts it";
					return 0;
				}
			}
			keys++;
		} else {
			path_key[level] = make_small(slot);
			size_t sub = check_node(child, level + 1, path_key, why);
			if (!sub)
				return 0;
			keys += sub;
		}
	}
	return keys;
}

static bool map_is_valid(term m, const char **why)
{
	*why = NULL;
	if (!is_map(m)) {
		*why = "not a map";
		return false;
	}
	if (map_is_flat(m)) {
		size_t n = flatmap_size(m);
		if (n > MAP_FLAT_LIMIT || tuple_arity(flatmap_keys_tuple(m)) != n) {
			*why = "bad flatmap size";
			return false;
		}
		for (size_t i = 1; i < n; i++)
			if (term_compare_exact(flatmap_keys(m)[i - 1], flatmap_keys(m)[i]) >= 0) {
				*why = "flatmap keys out of order";
				return false;
			}
		return true;
	}
	term path[MAP_MAX_DEPTH];
	size_t keys = check_node(m, 0, path, why);
	if (!keys)
		return false;
	if (keys != map_size(m) || keys <= MAP_FLAT_LIMIT) {
		*why = "HAMT size is wrong";
		return false;
	}
	return true;
}

static void flatmaps_sort_keys_in_map_key_order(void)
{
	/* #{2 => a, 1.0 => b, 1 => c}: keys 1, 2, 1.0 */
	term k[3] = {make_small(2), flt(1.0), make_small(1)};
	term v[3] = {ATOM(ok), ATOM(error), ATOM(true)};
	term m = map_from_pairs(&heap, k, v, 3);
	const char *why;
	CHECK(map_is_valid(m, &why) && map_size(m) == 3 && map_is_flat(m));
	CHECK(flatmap_keys(m)[0] == make_small(1) && flatmap_keys(m)[1] == make_small(2));
	CHECK(map_get(m, flt(1.0)) == ATOM(error) && map_get(m, make_small(1)) == ATOM(true));
	CHECK(map_get(m, make_small(3)) == THE_NON_VALUE && map_get(m, flt(2.0)) == THE_NON_VALUE);
	term e = map_from_pairs(&heap, NULL, NULL, 0);
	CHECK(map_size(e) == 0 && map_get(e, NIL) == THE_NON_VALUE);
	map_iter it;
	term key, val;
	map_iter_init(&it, e);
	CHECK(!map_iter_next(&it, &key, &val));
}

static void repeated_keys_last_wins(void)
{
	term k[5] = {make_small(1), make_small(2), make_small(1), flt(0.0), flt(-0.0)};
	term v[5] = {make_small(10), make_small(20), make_small(30), make_small(40),
	             make_small(50)};
	term m = map_from_pairs(&heap, k, v, 5);
	CHECK(map_size(m) == 3 && map_get(m, make_small(1)) == make_small(30));
	CHECK(map_get(m, flt(0.0)) == make_small(50) && map_get(m, flt(-0.0)) == make_small(50));
	/* the same with 100 keys, each given twice */
	term bk[200], bv[200];
	for (int i = 0; i < 200; i++) {
		bk[i] = make_small(i % 100);
		bv[i] = make_small(i);
	}
	term b = map_from_pairs(&heap, bk, bv, 200);
	const char *why;
	CHECK(map_is_valid(b, &why) && map_size(b) == 100);
	for (int i = 0; i < 100; i++)
		CHECK(map_get(b, make_small(i)) == make_small(100 + i));
	/* 40 pairs of 20 keys: a flatmap */
	for (int i = 0; i < 40; i++)
		bk[i] = make_small(i % 20);
	term f = map_from_pairs(&heap, bk, bv, 40);
	CHECK(map_is_flat(f) && map_size(f) == 20 && map_get(f, make_small(3)) == make_small(23));
}

/* Builds maps of n int/tuple/float keys by from_pairs and by puts, in
 * shuffled orders, and checks they agree. */
static void puts_and_from_pairs_agree(void)
{
	static term k[3000], v[3000];
	const char *why = NULL;
	for (size_t n = 0; n <= 3000; n = n < 70 ? n + 1 : n * 3 / 2) {
		for (size_t i = 0; i < n; i++) {
			switch (i % 3) {
			case 0:
				k[i] = make_small((int64_t)i * 7919 - 5000);
				break;
			case 1:
				k[i] = tuple2(make_small((int64_t)i), NIL);
				break;
			default:
				k[i] = flt((double)i / 3);
				break;
			}
			v[i] = make_small((int64_t)i);
		}
		shuffle(k, v, n);
		term a = map_from_pairs(&heap, k, v, n);
		shuffle(k, v, n);
		term b = map_from_pairs(&heap, NULL, NULL, 0);
		for (size_t i = 0; i < n; i++) {
			b = map_put(&heap, b, k[i], make_small(-1));
			b = map_put(&heap, b, k[i], v[i]);
		}
		CHECKF(map_is_valid(a, &why), "from_pairs %zu keys: %s", n, why);
		CHECKF(map_is_valid(b, &why), "puts %zu keys: %s", n, why);
		CHECKF(map_size(a) == n && map_size(b) == n, "%zu keys: sizes %zu %zu", n,
		       map_size(a), map_size(b));
		CHECKF(term_eq_exact(a, b), "%zu keys: maps differ", n);
		for (size_t i = 0; i < n; i++)
			CHECKF(map_get(a, k[i]) == v[i] && map_get(b, k[i]) == v[i],
			       "%zu keys: lookup", n);
		CHECK(map_get(a, make_small(-1000000)) == THE_NON_VALUE);
		map_iter ia, ib;
		map_iter_init(&ia, a);
		map_iter_init(&ib, b);
		term ka, va, kb, vb;
		size_t seen = 0;
		while (map_iter_next(&ia, &ka, &va)) {
			CHECK(map_iter_next(&ib, &kb, &vb) && ka == kb && va == vb);
			seen++;
		}
		CHECK(seen == n && !map_iter_next(&ib, &kb, &vb));
		/* the two orders are each other's reverse */
		term *order = malloc((n + 1) * sizeof *order);
		map_iter_init(&ia, a);
		for (size_t i = 0; map_iter_next(&ia, &ka, &va); i++)
			order[i] = ka;
		map_iter_init_next(&ia, a);
		for (size_t i = 0; map_iter_next(&ia, &ka, &va); i++)
			CHECK(ka == order[map_is_flat(a) ? i : n - 1 - i]);
		free(order);
	}
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static void hamt_rehashes_past_eight_levels(void)
{
	/* find two small integers whose first hashes agree in all 32 bits */
	size_t n = 1 << 18;
	uint64_t *hv = malloc(n * sizeof *hv);
	for (size_t i = 0; i < n; i++)
		hv[i] = (uint64_t)map_key_hash(make_small((int64_t)i), 0) << 32 | i;
	qsort(hv, n, sizeof *hv, cmp_u64);
	int64_t x = -1, y = -1;
	for (size_t i = 1; i < n && x < 0; i++)
		if (hv[i] >> 32 == hv[i - 1] >> 32) {
			x = (int64_t)(uint32_t)hv[i - 1];
			y = (int64_t)(uint32_t)hv[i];
		}
	free(hv);
	CHECKF(x >= 0, "no 32-bit collision among %zu integers", n);
	if (x < 0)
		return;
	CHECK(map_key_hash(make_small(x), 1) != map_key_hash(make_small(y), 1));
	term k[40], v[40];
	for (int i = 0; i < 38; i++) {
		k[i] = make_small(1000000 + i);
		v[i] = make_small(i);
	}
	k[38] = make_small(x);
	v[38] = ATOM(ok);
	k[39] = make_small(y);
	v[39] = ATOM(error);
	term m = map_from_pairs(&heap, k, v, 40);
	const char *why;
	CHECKF(map_is_valid(m, &why), "%s", why);
	CHECK(map_get(m, make_small(x)) == ATOM(ok) && map_get(m, make_small(y)) == ATOM(error));
	term p = map_from_pairs(&heap, k, v, 38);
	p = map_put(&heap, p, make_small(y), ATOM(error));
	p = map_put(&heap, p, make_small(x), ATOM(ok));
	CHECKF(map_is_valid(p, &why), "%s", why);
	CHECK(term_eq_exact(m, p) && map_size(p) == 40);
}

static void hash_matches_known_values(void)
{
	/* erts_debug:get_internal_state({internal_hash, T}) in OTP 25 */
	CHECK(term_internal_hash(make_small(0)) == 3620831944u);
	CHECK(term_internal_hash(make_small(1)) == 2441450838u);
	CHECK(term_internal_hash(make_small(-1)) == 559702020u);
	CHECK(term_internal_hash(NIL) == 2464209347u);
	term abc = cons(make_small('a'), cons(make_small('b'), cons(make_small('c'), NIL)));
	CHECK(term_internal_hash(abc) == 4050146831u);
	CHECK(term_internal_hash(tuple2(make_small(1), make_small(2))) == 240741374u);
	CHECK(term_internal_hash(flt(1.0)) == 1476340101u);
	CHECK(term_internal_hash(flt(-0.0)) == 2778859731u &&
	      term_internal_hash(flt(0.0)) == 2778859731u);
	uint8_t b3[3] = {1, 2, 3};
	CHECK(term_internal_hash(binary_new(&heap, b3, 3)) == 4177851886u);
	/* <0.77.3>: pids hash as OTP's word, process table index included */
	term pid = make_local_pid((uint64_t)3 << PID_NUMBER_BITS | 77);
	CHECK(term_internal_hash(pid) == 2180052302u);
}

/* ---- the OTP oracle ---- */

/* Pairs of a decoded [{K, V}] list into k, v; returns how many. */
static size_t list_pairs(term l, term *k, term *v, size_t max)
{
	size_t n = 0;
	for (; is_list(l) && n < max; l = list_tail(l), n++) {
		term t = list_head(l);
		k[n] = tuple_get(t, 1);
		v[n] = tuple_get(t, 2);
	}
	return n;
}

/* Whether iterating m in one of the orders gives exactly k, v. */
static bool iterates_as(term m, bool next_order, const term *k, const term *v, size_t n)
{
	map_iter it;
	if (next_order)
		map_iter_init_next(&it, m);
	else
		map_iter_init(&it, m);
	term key, val;
	for (size_t i = 0; i < n; i++)
		if (!map_iter_next(&it, &key, &val) || !term_eq_exact(key, k[i]) ||
		    !term_eq_exact(val, v[i]))
			return false;
	return !map_iter_next(&it, &key, &val);
}

static void oracle_map_order(void)
{
	size_t n;
	char **lines = oracle_read_lines("map_order.maps", &n);
	if (!lines) {
		unit_result("otp_map_iteration_order", 0, "missing map_order.maps");
		return;
	}
	char why[512] = "";
	size_t bad = 0, large = 0;
	static term k[256], v[256], ik[256], iv[256], sk[256], sv[256];
	for (size_t l = 0; l < n; l++) {
		const char *err;
		term list = oracle_decode_hex(&heap, oracle_field(lines[l], 0), &err);
		term ilist = oracle_decode_hex(&heap, oracle_field(lines[l], 1), &err);
		term otp_map = oracle_decode_hex(&heap, oracle_field(lines[l], 2), &err);
		if (list == THE_NON_VALUE || ilist == THE_NON_VALUE || otp_map == THE_NON_VALUE) {
			if (!bad++)
				snprintf(why, sizeof why, "map %zu does not decode: %s", l,
				         err ? err : "?");
			continue;
		}
		size_t np = list_pairs(list, k, v, 256);
		list_pairs(ilist, ik, iv, 256);
		large += np > MAP_FLAT_LIMIT;
		memcpy(sk, k, np * sizeof *k);
		memcpy(sv, v, np * sizeof *v);
		shuffle(sk, sv, np);
		term m = map_from_pairs(&heap, sk, sv, np);
		shuffle(sk, sv, np);
		term p = map_from_pairs(&heap, NULL, NULL, 0);
		for (size_t i = 0; i < np; i++)
			p = map_put(&heap, p, sk[i], sv[i]);
		const char *problem = NULL, *vwhy = NULL;
		if (!map_is_valid(m, &vwhy) || !map_is_valid(p, &vwhy))
			problem = vwhy;
		else if (!iterates_as(m, false, k, v, np) || !iterates_as(p, false, k, v, np))
			problem = "maps:to_list order differs";
		else if (!iterates_as(m, true, ik, iv, np))
			problem = "maps:iterator order differs";
		else if (!term_eq_exact(m, otp_map) || !iterates_as(otp_map, false, k, v, np))
			problem = "binary_to_term of the map differs";
		else if (oracle_field(lines[l], 3)[0] != '1')
			problem = "OTP wrote MAP_EXT pairs in another order than maps:to_list";
		if (problem && !bad++)
			snprintf(why, sizeof why, "map %zu (%zu keys): %s", l, np, problem);
	}
	char msg[700];
	snprintf(msg, sizeof msg, "%zu of %zu maps wrong; first: %s", bad, n, why);
	unit_result("otp_map_iteration_order", bad == 0 && n >= 200 && large > 100, msg);
	oracle_free_lines(lines, n);
}

static void oracle_internal_hash(void)
{
	size_t n, nh;
	char **terms = oracle_read_lines("term_order.terms", &n);
	char **hashes = oracle_read_lines("term_order.hash", &nh);
	if (!terms || !hashes || n != nh) {
		unit_result("otp_internal_hash", 0, "missing term_order.terms or term_order.hash");
		return;
	}
	size_t checked = 0, bad = 0;
	char why[256] = "";
	for (size_t i = 0; i < n; i++) {
		unsigned long want;
		int portable;
		if (sscanf(hashes[i], "%lu %d", &want, &portable) != 2 || !portable)
			continue;
		const char *err;
		term t = oracle_decode_hex(&heap, terms[i], &err);
		if (t == THE_NON_VALUE)
			continue; /* reported by test_compare */
		checked++;
		uint32_t got = term_internal_hash(t);
		if (got != want && !bad++)
			snprintf(why, sizeof why, "term %zu: OTP %lu, kbeam %u", i, want, got);
	}
	char msg[400];
	snprintf(msg, sizeof msg, "%zu of %zu hashes wrong; first: %s", bad, checked, why);
	unit_result("otp_internal_hash", bad == 0 && checked > 150, msg);
	oracle_free_lines(terms, n);
	oracle_free_lines(hashes, nh);
}

int main(void)
{
	atom_table_init();
	heap_init(&heap);
	RUN(flatmaps_sort_keys_in_map_key_order);
	RUN(repeated_keys_last_wins);
	RUN(puts_and_from_pairs_agree);
	RUN(hamt_rehashes_past_eight_levels);
	RUN(hash_matches_known_values);
	oracle_internal_hash();
	oracle_map_order();
	heap_free(&heap);
	return unit_exit();
}
