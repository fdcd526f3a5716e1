/* Term order and equality: hand-built cases, and OTP's answers for every
 * pair of a few hundred terms (tests/oracle/term_order.erl). */
#include "unit.h"
#include "oracle_data.h"
#include "term_build.h"

#include <math.h>

#include "loader/etf.h"
#include "vm/atom.h"
#include "vm/binary.h"
#include "vm/compare.h"
#include "vm/export.h"
#include "vm/fun.h"
#include "vm/ident.h"
#include "vm/map.h"

static kb_heap heap;

/* ---- builders ---- */

static term flt(double d) { return build_float(&heap, d); }

/* A bignum from its sign and 64-bit digits, least significant first. */
static term big(bool neg, const uint64_t *digits, size_t n)
{
	term *p = heap_alloc(&heap, 1 + n);
	p[0] = make_header(n, neg ? SUBTAG_NEG_BIG : SUBTAG_POS_BIG);
	memcpy(p + 1, digits, n * sizeof *digits);
	return make_boxed(p);
}

static term tuple2(term a, term b) { return build_tuple2(&heap, a, b); }

static term cons(term h, term t) { return build_cons(&heap, h, t); }

static term atom(const char *s) { return atom_from_cstr(s); }

static term ref3(uint32_t a, uint32_t b, uint32_t c, unsigned count)
{
	term *p = heap_alloc(&heap, 2 + 3);
	p[0] = make_header(1 + ref_id_words(count), SUBTAG_REF);
	p[1] = count;
	p[2] = (term)a | (term)b << 32;
	p[3] = c;
	p[4] = 0;
	return make_boxed(p);
}

/* A sub binary viewing bits [offs, offs + nbits) of a fresh binary. */
static term sub_bits(const uint8_t *bytes, size_t nbytes, uint64_t offs, uint64_t nbits)
{
	term bin = binary_new(&heap, bytes, nbytes);
	term *p = heap_alloc(&heap, SUB_BIN_WORDS);
	p[0] = make_header(SUB_BIN_WORDS - 1, SUBTAG_SUB_BIN);
	p[SUB_BIN_BITSIZE] = nbits;
	p[SUB_BIN_BITOFFS] = offs;
	p[SUB_BIN_ORIG] = bin;
	return make_boxed(p);
}

/* ---- hand-built cases ---- */

static void numbers_compare_by_value(void)
{
	term one = make_small(1), onef = flt(1.0);
	CHECK(term_compare(one, onef) == 0 && term_eq(one, onef));
	CHECK(!term_eq_exact(one, onef) && term_compare_exact(one, onef) < 0);
	CHECK(term_compare_exact(make_small(5), flt(1.0)) < 0); /* integers first */
	CHECK(term_compare(make_small(5), flt(1.0)) > 0);
	CHECK(term_eq_exact(flt(0.0), flt(-0.0)) && term_compare(flt(-0.0), flt(0.0)) == 0);
	CHECK(term_compare(make_small(2), flt(1.5)) > 0 &&
	      term_compare(make_small(1), flt(1.5)) < 0);
	CHECK(term_compare(make_small(-2), flt(-1.5)) < 0);

	/* 2^59 as a bignum against 2^59 as a float: equal under == */
	uint64_t d59 = UINT64_C(1) << 59;
	term b59 = big(false, &d59, 1);
	CHECK(term_compare(b59, flt(0x1p59)) == 0);
	CHECK(term_compare(b59, flt(0x1p60)) < 0 && term_compare(b59, flt(0x1p58)) > 0);
	CHECK(term_compare_exact(b59, flt(-1e300)) < 0);
	/* 2^1023 + 1 > 2^1023 as a float; 2^1023 == it */
	uint64_t dd[16] = {0};
	dd[15] = UINT64_C(1) << 63;
	term p1023 = big(false, dd, 16);
	dd[0] = 1;
	term p1023p1 = big(false, dd, 16);
	CHECK(term_compare(p1023, flt(0x1p1023)) == 0);
	CHECK(term_compare(p1023p1, flt(0x1p1023)) > 0 && term_compare(flt(0x1p1023), p1023p1) < 0);
	term n1023 = big(true, dd, 16);
	CHECK(term_compare(n1023, flt(-0x1p1023)) < 0 && term_compare(n1023, flt(1.0)) < 0);
	CHECK(term_compare(make_small(MAX_SMALL), b59) < 0 &&
	      term_compare(n1023, make_small(MIN_SMALL)) < 0);
	/* a small near 2^59 against floats that are not exactly it */
	CHECK(term_compare(make_small(MAX_SMALL), flt(0x1p59)) < 0);
	CHECK(term_compare(make_small(MIN_SMALL), flt(-0x1p59)) == 0);
	CHECK(term_compare(make_small((INT64_C(1) << 53) + 1), flt(0x1p53)) > 0);
}

static void type_order_holds(void)
{
	uint8_t bytes[2] = {1, 2};
	term order[] = {make_small(7),
	                atom("a"),
	                ref3(1, 2, 3, 3),
	                make_local_port(3),
	                make_local_pid(5),
	                tuple2(NIL, NIL),
	                map_from_pairs(&heap, NULL, NULL, 0),
	                NIL,
	                cons(NIL, NIL),
	                binary_new(&heap, bytes, 2)};
	size_t n = sizeof order / sizeof order[0];
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int c = term_compare(order[i], order[j]);
			CHECKF((i < j && c < 0) || (i == j && c == 0) || (i > j && c > 0),
			       "classes %zu vs %zu gave %d", i, j, c);
		}
	CHECK(term_compare(atom("ab"), atom("b")) < 0 && term_compare(atom("ab"), atom("a")) > 0);
	CHECK(term_compare(atom("\xc3\xa9"), atom("z")) > 0); /* é after z: code point order */
}

static void refs_ignore_high_zero_numbers(void)
{
	CHECK(term_eq_exact(ref3(1, 2, 3, 3), ref3(1, 2, 3, 3)));
	CHECK(term_compare(ref3(1, 2, 3, 3), ref3(3, 2, 1, 3)) > 0); /* last number first */
	CHECK(term_eq_exact(ref3(1, 2, 0, 3), ref3(1, 2, 0, 2)));
	CHECK(term_compare(ref3(1, 2, 5, 3), ref3(9, 9, 0, 2)) > 0);
}

static void long_and_deep_terms_use_no_c_stack(void)
{
	term a = NIL, b = NIL;
	for (int i = 0; i < 1000000; i++) {
		a = cons(make_small(i % 7), a);
		b = cons(make_small(i % 7), b);
	}
	CHECK(term_eq_exact(a, b) && term_compare(a, b) == 0);
	b = cons(make_small(1), b);
	CHECK(term_compare(a, b) < 0 && !term_eq(a, b));

	term da = NIL, db = NIL; /* nested through heads */
	for (int i = 0; i < 300000; i++) {
		da = cons(da, NIL);
		db = cons(db, NIL);
	}
	CHECK(term_eq_exact(da, db) && term_compare(da, db) == 0);
	term ta = make_small(1), tb = flt(1.0); /* nested tuples */
	for (int i = 0; i < 300000; i++) {
		ta = tuple2(ta, NIL);
		tb = tuple2(tb, NIL);
	}
	CHECK(term_eq(ta, tb) && !term_eq_exact(ta, tb) && term_compare_exact(ta, tb) < 0);
}

static void bitstrings_compare_bits_then_length(void)
{
	uint8_t x[4] = {0xab, 0xcd, 0xef, 0x12};
	uint8_t y[5] = {0x0a, 0xbc, 0xde, 0xf1, 0x20}; /* x shifted right by 4 */
	term bx = binary_new(&heap, x, 4);
	term sy = sub_bits(y, 5, 4, 32);
	CHECK(term_eq_exact(bx, sy) && term_compare(sy, bx) == 0);
	term sy31 = sub_bits(y, 5, 4, 31);
	CHECK(term_compare(sy31, bx) < 0 && term_compare(bx, sy31) > 0);
	term sz = sub_bits(y, 5, 5, 30); /* x's bits from the second on: 0x579bde.. */
	CHECK(term_compare(sz, bx) < 0);
	uint8_t e = 0;
	term empty = binary_new(&heap, &e, 0);
	CHECK(term_compare(empty, sub_bits(y, 5, 3, 1)) < 0);
	CHECK(term_compare(sub_bits(y, 5, 4, 3), sub_bits(x, 4, 0, 3)) == 0);
}

static void maps_compare_keys_then_values(void)
{
	term k[3] = {make_small(1), make_small(2), atom("a")};
	term v[3] = {make_small(10), make_small(20), make_small(30)};
	term m = map_from_pairs(&heap, k, v, 3);
	term vf[3] = {flt(10.0), make_small(20), make_small(30)};
	term mf = map_from_pairs(&heap, k, vf, 3);
	CHECK(term_eq(m, mf) && !term_eq_exact(m, mf));
	term kf[3] = {flt(1.0), make_small(2), atom("a")};
	term mk = map_from_pairs(&heap, kf, v, 3);
	CHECK(!term_eq(m, mk) && term_compare(m, mk) < 0); /* key 1 < key 1.0 exactly */

	/* large maps: one value differing at the smallest key decides */
	term bk[100], bv[100], bv2[100];
	for (int i = 0; i < 100; i++) {
		bk[i] = make_small(i);
		bv[i] = make_small(i);
		bv2[i] = make_small(i);
	}
	bv2[3] = make_small(-1);
	bv2[90] = make_small(1000);
	term A = map_from_pairs(&heap, bk, bv, 100), B = map_from_pairs(&heap, bk, bv2, 100);
	CHECK(term_compare(A, B) > 0 && term_compare(B, A) < 0 && !term_eq(A, B));
	bk[50] = make_small(-5); /* a smaller key only in C */
	term C = map_from_pairs(&heap, bk, bv, 100);
	CHECK(term_compare(C, A) < 0 && term_compare(A, C) > 0);
}

static term export_term(export_entry *e)
{
	term *p = heap_alloc(&heap, 2);
	p[0] = make_header(1, SUBTAG_EXPORT);
	p[1] = (term)(uintptr_t)e;
	return make_boxed(p);
}

static term local_fun(fun_entry *fe, term env)
{
	term *p = heap_alloc(&heap, 5);
	p[0] = make_header(4, SUBTAG_FUN);
	p[FUN_ENTRY] = (term)(uintptr_t)fe;
	p[FUN_CREATOR] = make_local_pid(0);
	p[FUN_NUM_FREE] = 1;
	p[FUN_ENV] = env;
	return make_boxed(p);
}

static void funs_compare_as_otp(void)
{
	static export_entry e[4];
	e[0] = (export_entry){atom("lists"), atom("map"), 2, NULL};
	e[1] = (export_entry){atom("lists"), atom("map"), 3, NULL};
	e[2] = (export_entry){atom("lists"), atom("filter"), 9, NULL};
	e[3] = (export_entry){atom("erlang"), atom("map"), 2, NULL};
	CHECK(term_compare(export_term(&e[0]), export_term(&e[1])) < 0);
	CHECK(term_compare(export_term(&e[2]), export_term(&e[0])) < 0);
	CHECK(term_compare(export_term(&e[3]), export_term(&e[2])) < 0);
	CHECK(term_eq_exact(export_term(&e[0]), export_term(&e[0])));

	static fun_entry f[3];
	f[0] = (fun_entry){.module = atom("zzz"), .index = 5, .old_uniq = 7};
	f[1] =
	    (fun_entry){.module = atom("zzz"), .index = 5, .old_uniq = 0x80000000u}; /* negative */
	f[2] = (fun_entry){.module = atom("zzz"), .index = 6, .old_uniq = 1};
	term a = local_fun(&f[0], make_small(1)), af = local_fun(&f[0], flt(1.0));
	CHECK(term_eq(a, af) && !term_eq_exact(a, af) && term_compare_exact(a, af) < 0);
	CHECK(term_compare(local_fun(&f[1], NIL), a) < 0); /* old uniq compares as an int */
	CHECK(term_compare(local_fun(&f[2], NIL), a) > 0);
	CHECK(term_compare(local_fun(&f[2], NIL), export_term(&e[3])) < 0); /* locals first */
}

/* ---- the OTP oracle ---- */

static term *corpus; /* THE_NON_VALUE where a term did not decode */
static size_t ncorpus;

/* Decodes the corpus; false (with why) when it is missing or a term does
 * not decode. The terms that decode are still checked. */
static bool load_corpus(char *why, size_t whylen)
{
	size_t n;
	char **lines = oracle_read_lines("term_order.terms", &n);
	if (!lines) {
		snprintf(why, whylen, "missing %s/term_order.terms", oracle_dir());
		return false;
	}
	corpus = malloc(n * sizeof *corpus);
	ncorpus = n;
	size_t bad = 0;
	for (size_t i = 0; i < n; i++) {
		const char *err = NULL;
		corpus[i] = oracle_decode_hex(&heap, lines[i], &err);
		if (corpus[i] == THE_NON_VALUE && !bad++)
			snprintf(why, whylen, "term %zu does not decode: %s", i, err ? err : "?");
	}
	oracle_free_lines(lines, n);
	if (bad) {
		size_t l = strlen(why);
		snprintf(why + l, whylen - l, " (%zu of %zu terms fail)", bad, n);
	}
	return bad == 0;
}

static void oracle_pairs(void)
{
	char why[512] = "";
	bool ok = true;
	size_t n;
	char **cmp = oracle_read_lines("term_order.cmp", &n);
	if (!cmp || n != ncorpus) {
		unit_result("otp_pairwise_order", 0, "missing or short term_order.cmp");
		unit_result("otp_pairwise_equality", 0, "missing or short term_order.cmp");
		oracle_free_lines(cmp, cmp ? n : 0);
		return;
	}
	size_t checked = 0, bad_order = 0, bad_eq = 0;
	char why_eq[512] = "";
	for (size_t i = 0; i < ncorpus; i++) {
		for (size_t j = 0; j < ncorpus; j++) {
			if (corpus[i] == THE_NON_VALUE || corpus[j] == THE_NON_VALUE)
				continue;
			int code = cmp[i][j] - '0';
			bool lt = code & 4, eq = code & 2, exact = code & 1;
			int c = term_compare(corpus[i], corpus[j]);
			int ce = term_compare_exact(corpus[i], corpus[j]);
			int cr = term_compare(corpus[j], corpus[i]);
			checked++;
			if ((c < 0) != lt || (c == 0) != eq || cr != -c || c < -1 || c > 1) {
				if (!bad_order++)
					snprintf(why, sizeof why,
					         "terms %zu, %zu: OTP says <%d ==%d, kbeam %d (%d "
					         "reversed)",
					         i, j, lt, eq, c, cr);
				ok = false;
			}
			if ((ce == 0) != exact || term_eq(corpus[i], corpus[j]) != eq ||
			    term_eq_exact(corpus[i], corpus[j]) != exact ||
			    ce != -term_compare_exact(corpus[j], corpus[i])) {
				if (!bad_eq++)
					snprintf(
					    why_eq, sizeof why_eq,
					    "terms %zu, %zu: OTP says =:= %d, kbeam exact cmp %d",
					    i, j, exact, ce);
			}
		}
	}
	oracle_free_lines(cmp, n);
	char msg[700];
	snprintf(msg, sizeof msg, "%zu of %zu pairs wrong; first: %s", bad_order, checked, why);
	unit_result("otp_pairwise_order", ok && checked > 10000, msg);
	snprintf(msg, sizeof msg, "%zu of %zu pairs wrong; first: %s", bad_eq, checked, why_eq);
	unit_result("otp_pairwise_equality", bad_eq == 0 && checked > 10000, msg);
}

/* Stable merge sort of indexes by term_compare, as lists:keysort. */
static void sort_indexes(size_t *idx, size_t *tmp, size_t n)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	sort_indexes(idx, tmp, h);
	sort_indexes(idx + h, tmp, n - h);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = term_compare(corpus[idx[j]], corpus[idx[i]]) < 0 ? idx[j++] : idx[i++];
	while (i < h)
		tmp[k++] = idx[i++];
	while (j < n)
		tmp[k++] = idx[j++];
	memcpy(idx, tmp, n * sizeof *idx);
}

static void oracle_sort(void)
{
	size_t n;
	char **lines = oracle_read_lines("term_order.sort", &n);
	if (!lines || n != 1) {
		unit_result("otp_sort_permutation", 0, "missing term_order.sort");
		return;
	}
	/* the terms that decoded, sorted; OTP's order restricted to them */
	size_t *idx = malloc(ncorpus * sizeof *idx), *tmp = malloc(ncorpus * sizeof *tmp);
	size_t m = 0;
	for (size_t i = 0; i < ncorpus; i++)
		if (corpus[i] != THE_NON_VALUE)
			idx[m++] = i;
	sort_indexes(idx, tmp, m);
	char *p = lines[0];
	bool ok = m > 0;
	char why[256] = "";
	for (size_t i = 0; i < m && ok;) {
		char *end;
		size_t want = strtoul(p, &end, 10);
		if (end == p || want >= ncorpus) {
			ok = false;
			snprintf(why, sizeof why, "term_order.sort is short or bad");
			break;
		}
		p = end;
		if (corpus[want] == THE_NON_VALUE)
			continue;
		if (want != idx[i]) {
			ok = false;
			snprintf(why, sizeof why, "position %zu: OTP has term %zu, kbeam term %zu",
			         i, want, idx[i]);
		}
		i++;
	}
	unit_result("otp_sort_permutation", ok, why);
	free(idx);
	free(tmp);
	oracle_free_lines(lines, n);
}

static void oracle_exact_order(void)
{
	size_t n;
	char **lines = oracle_read_lines("term_order.exact", &n);
	if (!lines) {
		unit_result("otp_map_key_order", 0, "missing term_order.exact");
		return;
	}
	bool ok = n > 100;
	char why[256] = "";
	for (size_t l = 0; l < n && ok; l++) {
		char *p = lines[l], *end;
		long prev = -1;
		for (;;) {
			long i = strtol(p, &end, 10);
			if (end == p)
				break;
			p = end;
			if (corpus[i] == THE_NON_VALUE)
				continue;
			if (prev >= 0 && term_compare_exact(corpus[prev], corpus[i]) >= 0) {
				ok = false;
				snprintf(why, sizeof why,
				         "line %zu: term %ld should sort before term %ld", l, prev,
				         i);
				break;
			}
			prev = i;
		}
	}
	unit_result("otp_map_key_order", ok, why);
	oracle_free_lines(lines, n);
}

int main(void)
{
	atom_table_init();
	heap_init(&heap);
	RUN(numbers_compare_by_value);
	RUN(type_order_holds);
	RUN(refs_ignore_high_zero_numbers);
	RUN(long_and_deep_terms_use_no_c_stack);
	RUN(bitstrings_compare_bits_then_length);
	RUN(maps_compare_keys_then_values);
	RUN(funs_compare_as_otp);

	char why[512] = "";
	bool decoded = load_corpus(why, sizeof why);
	unit_result("otp_corpus_decodes", decoded, why);
	if (corpus) {
		oracle_pairs();
		oracle_sort();
		oracle_exact_order();
	}
	free(corpus);
	heap_free(&heap);
	return unit_exit();
}
