/* Deep copies (vm/copy.h): every kind of object and random term graphs are
 * copied into fresh heaps; each copy must be =:= to its source, take
 * exactly term_copy_size() words, hold no pointer outside its own words
 * (checked by parsing them, and by freeing the source and comparing with a
 * copy made independently), and hold one reference per refc binary,
 * released with the destination heap. Long lists, deep nesting and heavy
 * sharing must neither overflow the C stack nor take time or memory out of
 * proportion to the term's distinct objects. */
#include "ref_copy.h"
#include "unit.h"
#include "term_build.h"

#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "vm/atom.h"
#include "vm/bignum.h"
#include "vm/bits.h"
#include "vm/compare.h"
#include "vm/copy.h"
#include "vm/export.h"
#include "vm/fun.h"
#include "vm/ident.h"
#include "vm/map.h"

static uint64_t rng = 0x2545f4914f6cdd1du;
static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static kb_heap lit_heap; /* literals: outside every process */
static term lit_tuple, lit_list, lit_refc;
static term node_atom, module_atom;

static inline const term *untag(term t) { return (const term *)(uintptr_t)(t & ~(term)3); }
static inline bool is_pointer(term t) { return is_list(t) || is_boxed(t); }
static kb_binary *refc_of(term bin) { return (kb_binary *)(uintptr_t)boxed_ptr(bin)[REFC_BIN_VAL]; }
static uint64_t refc_count(kb_binary *b) { return atomic_load(&b->refc); }

/* ---- parsing a copy: its words alone, no pointer out ---- */

#define MAX_KBS 1024
static kb_binary *seen_kb[MAX_KBS];
static unsigned seen_occ[MAX_KBS], nseen;

static void note_kb(kb_binary *b)
{
	for (unsigned i = 0; i < nseen; i++)
		if (seen_kb[i] == b) {
			seen_occ[i]++;
			return;
		}
	if (nseen < MAX_KBS) {
		seen_kb[nseen] = b;
		seen_occ[nseen++] = 1;
	}
}

/* NULL when the n words from the root's object are a run of whole objects
 * whose term words point inside the run, and h's off-heap chain is exactly
 * the refc binaries among them (noted in seen_kb); else what is wrong. */
static const char *region_check(const kb_heap *h, term root, size_t n)
{
	nseen = 0;
	if (!is_pointer(root))
		return n == 0 ? NULL : "an immediate with words";
	const term *start = untag(root), *end = start + n, *s = start;
#define INSIDE(t) (!is_pointer(t) || (untag(t) >= start && untag(t) < end))
	size_t refcs = 0;
	while (s < end) {
		if (primary_tag(s[0]) != TAG_PRIMARY_HEADER) {
			if (end - s < 2)
				return "a cons cell past the end";
			if (!INSIDE(s[0]) || !INSIDE(s[1]))
				return "a cons cell points outside";
			s += 2;
			continue;
		}
		unsigned sub = header_subtag(s[0]);
		size_t words = header_arity(s[0]) + 1;
		if (words > (size_t)(end - s))
			return "an object past the end";
		switch (sub) {
		case SUBTAG_TUPLE:
		case SUBTAG_MAP:
			for (size_t i = 1; i < words; i++)
				if (!INSIDE(s[i]))
					return "a tuple or map points outside";
			break;
		case SUBTAG_FUN:
			if (s[FUN_NUM_FREE] != words - FUN_ENV || !INSIDE(s[FUN_CREATOR]))
				return "a fun is malformed or points outside";
			for (size_t i = FUN_ENV; i < words; i++)
				if (!INSIDE(s[i]))
					return "a fun's environment points outside";
			break;
		case SUBTAG_SUB_BIN:
			if (!is_boxed(s[SUB_BIN_ORIG]) || !INSIDE(s[SUB_BIN_ORIG]))
				return "a sub binary's original is outside";
			if (!is_boxed_with(s[SUB_BIN_ORIG], SUBTAG_HEAP_BIN) &&
			    !is_boxed_with(s[SUB_BIN_ORIG], SUBTAG_REFC_BIN))
				return "a sub binary over something else";
			break;
		case SUBTAG_REFC_BIN:
			refcs++;
			note_kb((kb_binary *)(uintptr_t)s[REFC_BIN_VAL]);
			break;
		case SUBTAG_MATCHSTATE:
			return "a match context in a copy";
		default:
			break;
		}
		s += words;
	}
	size_t chain = 0;
	for (term t = h->offheap_first; t != THE_NON_VALUE; t = boxed_ptr(t)[REFC_BIN_NEXT]) {
		if (!INSIDE(t) || !is_boxed_with(t, SUBTAG_REFC_BIN))
			return "the off-heap chain names something else";
		chain++;
	}
#undef INSIDE
	return chain == refcs ? NULL : "the off-heap chain misses a refc binary";
}

/* ---- copying and checking one term ---- */

typedef struct copied {
	kb_heap dst;
	kb_heap ref; /* made independently, to compare with once the source is gone */
	term copy, expect;
	size_t words;
} copied;

/* Copies t (built in some heap the caller may free afterwards) into c->dst
 * and checks the copy; false (with the reason set) when anything is off. */
static bool copy_checked(copied *c, term t, const char *what)
{
	heap_init(&c->dst);
	heap_init(&c->ref);
	c->expect = ref_copy(&c->ref, t);
	c->words = term_copy_size(t);
	c->copy = term_copy(&c->dst, t);
	CHECKF(c->copy != THE_NON_VALUE, "%s: copy failed", what);
	if (c->copy == THE_NON_VALUE)
		return false;
	CHECKF(c->dst.words_used == c->words, "%s: %zu words used, size said %zu", what,
	       c->dst.words_used, c->words);
	CHECKF(term_eq_exact(c->copy, t), "%s: copy differs", what);
	CHECKF(is_pointer(t) || c->copy == t, "%s: immediate changed", what);
	CHECKF(!is_pointer(t) || c->copy != t, "%s: not copied", what);
	const char *why = region_check(&c->dst, c->copy, c->words);
	CHECKF(why == NULL, "%s: %s", what, why);
	CHECKF(term_eq_exact(t, c->expect), "%s: source changed", what);
	return !unit_current_failed;
}

/* After the source is gone: the copy still equals the independent one. */
static void copied_finish(copied *c, const char *what)
{
	CHECKF(term_eq_exact(c->copy, c->expect), "%s: copy changed after the source was freed",
	       what);
	heap_free(&c->dst);
	heap_free(&c->ref);
}

/* ---- hand-built objects ---- */

static term build_tuple(kb_heap *h, const term *elems, size_t n)
{
	term *p = heap_alloc(h, n + 1);
	p[0] = make_header(n, SUBTAG_TUPLE);
	if (n)
		memcpy(p + 1, elems, n * sizeof(term));
	return make_boxed(p);
}

static term build_words(kb_heap *h, unsigned subtag, const term *words, size_t n)
{
	term *p = heap_alloc(h, n + 1);
	p[0] = make_header(n, subtag);
	memcpy(p + 1, words, n * sizeof(term));
	return make_boxed(p);
}

static term build_bytes(kb_heap *h, size_t n, uint8_t seed)
{
	term b = binary_new(h, NULL, n);
	uint8_t *d = binary_bytes_mut(b);
	for (size_t i = 0; i < n; i++)
		d[i] = (uint8_t)(seed + i * 37);
	return b;
}

static term build_sub(kb_heap *h, term orig, uint64_t bitoffs, uint64_t bitsize)
{
	term w[3] = {bitsize, bitoffs, orig};
	return build_words(h, SUBTAG_SUB_BIN, w, 3);
}

static term build_match_context(kb_heap *h, term bin, uint64_t start, uint64_t pos, uint64_t end)
{
	term w[MS_WORDS - 1];
	w[MS_BIN - 1] = bin;
	w[MS_POS - 1] = pos;
	w[MS_END - 1] = end;
	w[MS_START - 1] = start;
	return build_words(h, SUBTAG_MATCHSTATE, w, MS_WORDS - 1);
}

static term build_ext_pid(kb_heap *h, uint64_t number)
{
	term w[4] = {node_atom, 3, number, 1};
	return build_words(h, SUBTAG_EXTERNAL_PID, w, 4);
}

static term build_fun(kb_heap *h, uint32_t index, term creator, const term *env)
{
	static const uint8_t md5[16] = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6};
	/* an entry keeps the num_free it was first made with: one per index */
	fun_entry *fe = fun_entry_get(module_atom, md5, index, 77, 1, index, THE_NON_VALUE);
	term *p = heap_alloc(h, FUN_ENV + index);
	p[0] = make_header(FUN_ENV - 1 + index, SUBTAG_FUN);
	p[FUN_ENTRY] = (term)(uintptr_t)fe;
	p[FUN_CREATOR] = creator;
	p[FUN_NUM_FREE] = index;
	for (uint32_t i = 0; i < index; i++)
		p[FUN_ENV + i] = env[i];
	return make_boxed(p);
}

static term build_export(kb_heap *h, uint32_t arity)
{
	export_entry *e = export_entry_get(module_atom, ATOM(ok), arity);
	term w[1] = {(term)(uintptr_t)e};
	return build_words(h, SUBTAG_EXPORT, w, 1);
}

/* ---- random terms ---- */

typedef struct gen {
	kb_heap *h;
	term pool[64]; /* built this round: shared subterms */
	unsigned npool;
} gen;

static term gen_term(gen *g, int depth);

static term gen_sub_binary(gen *g)
{
	term orig = rnd() % 4 == 0 ? lit_refc : build_bytes(g->h, rnd() % 300, (uint8_t)rnd());
	uint64_t bits = bitstring_bitsize(orig);
	uint64_t offs = rnd() % (bits / 2 + 1);
	return build_sub(g->h, orig, offs, rnd() % (bits - offs + 1));
}

static term gen_map(gen *g, int depth, size_t n)
{
	term keys[80], vals[80];
	for (size_t i = 0; i < n; i++) {
		keys[i] = i % 5 == 4 ? gen_term(g, 1) : make_small((int64_t)(i * 7 + rnd() % 7));
		vals[i] = gen_term(g, depth - 1);
	}
	return map_from_pairs(g->h, keys, vals, n);
}

static term gen_fun(gen *g, int depth)
{
	uint32_t index = (uint32_t)(rnd() % 4);
	term env[3];
	for (uint32_t i = 0; i < index; i++)
		env[i] = gen_term(g, depth - 1);
	term creator = rnd() % 2 ? make_local_pid(rnd() % 1000) : build_ext_pid(g->h, rnd() % 99);
	return build_fun(g->h, index, creator, env);
}

static term gen_leaf(gen *g)
{
	switch (rnd() % 16) {
	case 0:
		return make_small((int64_t)(rnd() % 1000) - 500);
	case 1:
		return rnd() % 2 ? ATOM(ok) : node_atom;
	case 2:
		return rnd() % 2 ? NIL : make_local_pid(rnd() % 5000);
	case 3:
		return rnd() % 2 ? lit_tuple : lit_list;
	case 4:
		return g->npool ? g->pool[rnd() % g->npool] : make_local_port(7);
	case 5:
		return build_float(g->h, (double)(int64_t)rnd() / 1e6);
	case 6: {
		uint64_t digits[3] = {rnd(), rnd(), 1 + rnd() % 5};
		return int_from_digits(g->h, rnd() % 2, digits, 1 + rnd() % 3);
	}
	case 7:
		return build_bytes(g->h, rnd() % 65, (uint8_t)rnd());
	case 8: {
		term w[3] = {3, rnd(), rnd() & 0xffffffffu};
		return build_words(g->h, SUBTAG_REF, w, 3);
	}
	case 9:
		return build_ext_pid(g->h, rnd() % 100);
	case 10: {
		term w[5] = {node_atom, 9, 3, rnd(), 42};
		return build_words(g->h, SUBTAG_EXTERNAL_REF, w, 5);
	}
	case 11: {
		term w[3] = {node_atom, 4, rnd() % 1000};
		return build_words(g->h, SUBTAG_EXTERNAL_PORT, w, 3);
	}
	case 12:
		return build_export(g->h, (uint32_t)(rnd() % 4));
	case 13:
		return build_sub(g->h, lit_refc, rnd() % 64, rnd() % 300);
	default:
		return make_local_port(rnd() % 100);
	}
}

static term gen_term(gen *g, int depth)
{
	term t;
	switch (depth > 0 ? rnd() % 11 : 0) {
	case 0:
	case 1:
		t = gen_leaf(g);
		break;
	case 2:
	case 3: {
		size_t n = rnd() % 8;
		t = rnd() % 4 ? NIL : gen_term(g, 0); /* improper lists too */
		for (size_t i = 0; i < n; i++)
			t = build_cons(g->h, gen_term(g, depth - 1), t);
		break;
	}
	case 4: {
		term e[6];
		size_t n = rnd() % 6;
		for (size_t i = 0; i < n; i++)
			e[i] = gen_term(g, depth - 1);
		t = build_tuple(g->h, e, n);
		break;
	}
	case 5:
		t = build_bytes(g->h, 65 + rnd() % 300, (uint8_t)rnd());
		break;
	case 6:
		t = gen_sub_binary(g);
		break;
	case 7:
		t = gen_map(g, depth, rnd() % 10 == 0 ? 33 + rnd() % 40 : rnd() % 6);
		break;
	case 8:
		t = gen_fun(g, depth);
		break;
	case 9: { /* {X, X}: sharing inside the term */
		term x = gen_term(g, depth - 1);
		t = build_tuple2(g->h, x, x);
		break;
	}
	default: { /* [X | X] */
		term x = gen_term(g, depth - 1);
		t = build_cons(g->h, x, x);
		break;
	}
	}
	if (is_pointer(t) && g->npool < 64)
		g->pool[g->npool++] = t;
	return t;
}

/* ---- tests ---- */

static void test_immediates(void)
{
	const term ts[] = {make_small(0), make_small(MAX_SMALL), make_small(MIN_SMALL), ATOM(ok),
	                   NIL,           make_local_pid(12345), make_local_port(99),   node_atom};
	for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++) {
		kb_heap h;
		heap_init(&h);
		CHECK(term_copy_size(ts[i]) == 0);
		term *hp = NULL;
		CHECK(term_copy_into(&h, &hp, ts[i]) == ts[i] && hp == NULL);
		CHECK(term_copy(&h, ts[i]) == ts[i]);
		CHECK(h.words_used == 0 && h.chunks == NULL && h.offheap_first == THE_NON_VALUE);
	}
}

/* Each boxed kind alone and in small compounds, from a heap freed after. */
static void test_each_kind(void)
{
	kb_heap src;
	heap_init(&src);
	term refc = build_bytes(&src, 200, 1);
	term heapbin = build_bytes(&src, 40, 2);
	uint64_t big_digits[2] = {0x123456789abcdef0u, 77};
	term env[3] = {lit_list, refc, build_float(&src, -0.0)};
	term fkeys[3] = {ATOM(ok), make_small(3), heapbin};
	term fvals[3] = {lit_tuple, NIL, build_sub(&src, refc, 3, 900)};
	term ref_words[3] = {3, 0x1234, 0x5678};
	term eport_words[3] = {node_atom, 4, 77};
	term eref_words[6] = {node_atom, 9, 5, 1, 2, 3};
	struct {
		const char *name;
		term t;
	} kinds[] = {
	    {"empty tuple", build_tuple(&src, NULL, 0)},
	    {"tuple", build_tuple2(&src, make_small(1), ATOM(ok))},
	    {"float", build_float(&src, 3.25)},
	    {"positive bignum", int_from_digits(&src, false, big_digits, 2)},
	    {"negative bignum", int_from_digits(&src, true, big_digits, 2)},
	    {"local ref", build_words(&src, SUBTAG_REF, ref_words, 3)},
	    {"external ref", build_words(&src, SUBTAG_EXTERNAL_REF, eref_words, 6)},
	    {"external pid", build_ext_pid(&src, 5)},
	    {"external port", build_words(&src, SUBTAG_EXTERNAL_PORT, eport_words, 3)},
	    {"export", build_export(&src, 2)},
	    {"fun without env", build_fun(&src, 0, make_local_pid(3), NULL)},
	    {"fun with env", build_fun(&src, 3, build_ext_pid(&src, 8), env)},
	    {"empty heap binary", binary_new(&src, NULL, 0)},
	    {"heap binary", heapbin},
	    {"refc binary", refc},
	    {"sub binary of a heap binary", build_sub(&src, heapbin, 5, 77)},
	    {"sub binary of a refc binary", build_sub(&src, refc, 13, 1000)},
	    {"small sub binary of a refc binary", build_sub(&src, refc, 13, 100)},
	    {"flatmap", map_from_pairs(&src, fkeys, fvals, 3)},
	    {"empty map", map_from_pairs(&src, NULL, NULL, 0)},
	    {"cons", build_cons(&src, make_small(1), NIL)},
	    {"improper list", build_cons(&src, heapbin, build_float(&src, 1.5))},
	    {"literal tuple", lit_tuple},
	    {"literal refc binary", lit_refc},
	    {"tuple of literals", build_tuple2(&src, lit_tuple, lit_list)},
	};
	enum { N = sizeof kinds / sizeof kinds[0] };
	copied c[N];
	for (size_t i = 0; i < N; i++)
		copy_checked(&c[i], kinds[i].t, kinds[i].name);
	/* the expected shapes of a few */
	CHECK(c[0].words == 1 && c[2].words == 2 && c[3].words == 3 && c[9].words == 2);
	CHECK(c[11].words == FUN_ENV + 3 + 2 * 2 + 5 + 2 + 5); /* env list, refc, float */
	CHECK(fun_get_entry(c[11].copy) == fun_get_entry(kinds[11].t));
	CHECK(export_get_entry(c[9].copy) == export_get_entry(kinds[9].t));
	CHECK(c[14].words == REFC_BIN_WORDS && refc_of(c[14].copy) == refc_of(refc));
	CHECK(boxed_ptr(c[14].copy)[REFC_BIN_BYTES] == boxed_ptr(refc)[REFC_BIN_BYTES]);
	/* 77 bits: a 10-byte heap binary under a sub binary at offset 0 */
	CHECK(c[15].words == heap_bin_words(10) + SUB_BIN_WORDS);
	CHECK(boxed_ptr(c[15].copy)[SUB_BIN_BITOFFS] == 0);
	CHECK(c[16].words == SUB_BIN_WORDS + REFC_BIN_WORDS); /* the storage is shared */
	CHECK(c[17].words == heap_bin_words(13) + SUB_BIN_WORDS);
	heap_free(&src);
	for (size_t i = 0; i < N; i++)
		copied_finish(&c[i], kinds[i].name);
}

static void test_random_graphs(void)
{
	size_t total_words = 0, refcs = 0;
	for (int round = 0; round < 400 && !unit_current_failed; round++) {
		kb_heap src;
		heap_init(&src);
		gen g = {.h = &src, .npool = 0};
		for (int i = (int)(rnd() % 4); i > 0; i--) /* a pool of shared subterms */
			gen_term(&g, 2);
		term t = gen_term(&g, 1 + (int)(rnd() % 5));
		char what[32];
		snprintf(what, sizeof what, "round %d", round);
		copied c;
		if (!copy_checked(&c, t, what))
			break;
		total_words += c.words;
		/* hold the storage, so that counts can be read after the frees */
		CHECKF(nseen < MAX_KBS, "%s: too many binaries", what);
		kb_binary *kbs[MAX_KBS];
		unsigned occ[MAX_KBS], n = nseen;
		memcpy(kbs, seen_kb, n * sizeof kbs[0]);
		memcpy(occ, seen_occ, n * sizeof occ[0]);
		for (unsigned i = 0; i < n; i++) {
			binary_retain(kbs[i]);
			refcs += occ[i];
		}
		heap_free(&src);
		uint64_t held[MAX_KBS];
		for (unsigned i = 0; i < n; i++)
			held[i] = refc_count(kbs[i]);
		copied_finish(&c, what); /* frees the copy */
		for (unsigned i = 0; i < n; i++) {
			CHECKF(refc_count(kbs[i]) == held[i] - occ[i],
			       "%s: the copy held %u references, %llu were released", what, occ[i],
			       (unsigned long long)(held[i] - refc_count(kbs[i])));
			binary_release(kbs[i]);
		}
	}
	CHECKF(total_words > 50000 && refcs > 200, "%zu words, %zu refc binaries copied",
	       total_words, refcs);
}

/* One reference per refc binary in a copy, dropped by heap_free(). */
static void test_refc_counts(void)
{
	kb_heap src, a, b;
	heap_init(&src);
	heap_init(&a);
	heap_init(&b);
	term bin = build_bytes(&src, 500, 7);
	kb_binary *kb = refc_of(bin);
	term pair = build_tuple2(&src, bin, bin);
	term big_sub = build_sub(&src, bin, 9, 3000);
	term small_sub = build_sub(&src, bin, 9, 300);
	CHECK(refc_count(kb) == 1);
	term ca = term_copy(&a, bin);
	CHECK(refc_count(kb) == 2 && refc_of(ca) == kb && a.offheap_first == ca);
	term cb = term_copy(&b, pair);
	CHECK(refc_count(kb) == 4); /* the pair's two elements are two copies */
	CHECK(tuple_get(cb, 1) != tuple_get(cb, 2) && refc_of(tuple_get(cb, 2)) == kb);
	term cs = term_copy(&a, big_sub);
	CHECK(refc_count(kb) == 5 && is_boxed_with(cs, SUBTAG_SUB_BIN));
	CHECK(refc_of(boxed_ptr(cs)[SUB_BIN_ORIG]) == kb && term_eq_exact(cs, big_sub));
	term css = term_copy(&a, small_sub); /* its bits alone */
	CHECK(refc_count(kb) == 5 && term_eq_exact(css, small_sub));
	CHECK(is_boxed_with(boxed_ptr(css)[SUB_BIN_ORIG], SUBTAG_HEAP_BIN));
	size_t chain = 0;
	for (term t = a.offheap_first; t != THE_NON_VALUE; t = boxed_ptr(t)[REFC_BIN_NEXT])
		chain++;
	CHECK(chain == 2);
	heap_free(&b);
	CHECK(refc_count(kb) == 3);
	heap_free(&a);
	CHECK(refc_count(kb) == 1);
	/* a copy of the copy of a literal, the literal heap keeping its own */
	kb_binary *lit = refc_of(lit_refc);
	term l1 = term_copy(&a, build_tuple2(&src, lit_refc, lit_list));
	term l2 = term_copy(&b, l1);
	CHECK(refc_count(lit) == 3 && term_eq_exact(l2, l1));
	heap_free(&a);
	CHECK(refc_count(lit) == 2 && term_eq_exact(l2, build_tuple2(&src, lit_refc, lit_list)));
	heap_free(&b);
	heap_free(&src);
	CHECK(refc_count(lit) == 1);
}

/* Sub binaries: small ones become their bits, large ones keep the storage;
 * the boundary is HEAP_BIN_LIMIT bytes. */
static void test_sub_binaries(void)
{
	kb_heap src, dst;
	heap_init(&src);
	heap_init(&dst);
	term refc = build_bytes(&src, 1000, 3);
	term heapbin = build_bytes(&src, 64, 4);
	struct {
		term orig;
		uint64_t offs, size;
		size_t words;
	} cases[] = {
	    {refc, 0, 512, heap_bin_words(64)},
	    {refc, 3, 512, heap_bin_words(64)},
	    {refc, 3, 513, SUB_BIN_WORDS + REFC_BIN_WORDS},
	    {refc, 8, 504, heap_bin_words(63)},
	    {refc, 7, 0, heap_bin_words(0)},
	    {refc, 0, 8000, SUB_BIN_WORDS + REFC_BIN_WORDS},
	    {refc, 7999, 1, heap_bin_words(1) + SUB_BIN_WORDS},
	    {refc, 5, 7990, SUB_BIN_WORDS + REFC_BIN_WORDS},
	    {heapbin, 0, 512, heap_bin_words(64)},
	    {heapbin, 1, 511, heap_bin_words(64) + SUB_BIN_WORDS},
	    {heapbin, 6, 10, heap_bin_words(2) + SUB_BIN_WORDS},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		term s = build_sub(&src, cases[i].orig, cases[i].offs, cases[i].size);
		size_t n = term_copy_size(s);
		size_t used = dst.words_used;
		term c = term_copy(&dst, s);
		CHECKF(n == cases[i].words, "case %zu: %zu words", i, n);
		CHECKF(dst.words_used - used == n, "case %zu: words used", i);
		CHECKF(term_eq_exact(c, s), "case %zu: differs", i);
		bool whole_bytes = cases[i].size % 8 == 0;
		bool small = cases[i].size <= 512;
		CHECKF(!small || !whole_bytes || is_boxed_with(c, SUBTAG_HEAP_BIN),
		       "case %zu: not a heap binary", i);
		CHECKF(small || (is_boxed_with(c, SUBTAG_SUB_BIN) &&
		                 boxed_ptr(c)[SUB_BIN_BITOFFS] == cases[i].offs),
		       "case %zu: not a sub binary at the same offset", i);
	}
	/* the padding bits of a copied odd-sized slice are zero */
	term s = build_sub(&src, refc, 3, 21);
	term c = term_copy(&dst, s);
	const uint8_t *bytes = (const uint8_t *)(boxed_ptr(boxed_ptr(c)[SUB_BIN_ORIG]) + 2);
	CHECK((bytes[2] & 0x07) == 0 && boxed_ptr(boxed_ptr(c)[SUB_BIN_ORIG])[1] == 3);
	const uint8_t *src_bytes = binary_bytes_mut(refc);
	CHECK(bytes[0] == (uint8_t)(src_bytes[0] << 3 | src_bytes[1] >> 5));
	heap_free(&src);
	heap_free(&dst);
}

/* A match context is copied as the bitstring it was started on. */
static void test_match_contexts(void)
{
	kb_heap src, dst, want;
	heap_init(&src);
	heap_init(&dst);
	heap_init(&want);
	term refc = build_bytes(&src, 300, 5);
	term heapbin = build_bytes(&src, 50, 6);
	struct {
		term bin;
		uint64_t start, pos, end;
	} cases[] = {
	    {heapbin, 0, 0, 400}, {heapbin, 3, 100, 333}, {refc, 0, 2000, 2400},
	    {refc, 9, 9, 2000},   {refc, 100, 200, 300},  {heapbin, 40, 40, 40},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		term ms = build_match_context(&src, cases[i].bin, cases[i].start, cases[i].pos,
		                              cases[i].end);
		term inside = build_tuple2(&src, ms, build_cons(&src, ms, NIL));
		term expect = ref_copy(&want, build_sub(&src, cases[i].bin, cases[i].start,
		                                        cases[i].end - cases[i].start));
		size_t n = term_copy_size(inside);
		size_t used = dst.words_used;
		term c = term_copy(&dst, inside);
		CHECKF(dst.words_used - used == n, "case %zu: words used", i);
		CHECKF(is_bitstring(tuple_get(c, 1)) && term_eq_exact(tuple_get(c, 1), expect),
		       "case %zu: not the matched bitstring", i);
		CHECKF(term_eq_exact(list_head(tuple_get(c, 2)), expect), "case %zu: in a list", i);
	}
	heap_free(&src);
	heap_free(&want);
	heap_free(&dst);
}

/* Funs keep their entry and count; the environment is copied deeply. */
static void test_funs(void)
{
	kb_heap src;
	heap_init(&src);
	term inner_env[2] = {build_bytes(&src, 100, 1), lit_tuple};
	term inner = build_fun(&src, 2, make_local_pid(1), inner_env);
	term keys[2] = {ATOM(ok), inner};
	term vals[2] = {inner, build_nested_lists(&src, 50)};
	term env[3] = {inner, map_from_pairs(&src, keys, vals, 2),
	               build_cons(&src, inner, build_sub(&src, inner_env[0], 1, 70))};
	term outer = build_fun(&src, 3, build_ext_pid(&src, 44), env);
	copied c;
	if (copy_checked(&c, outer, "fun")) {
		CHECK(fun_get_entry(c.copy) == fun_get_entry(outer) && fun_num_free(c.copy) == 3);
		CHECK(is_external_pid(fun_creator(c.copy)) &&
		      fun_creator(c.copy) != fun_creator(outer));
		CHECK(term_eq_exact(fun_creator(c.copy), fun_creator(outer)));
		term ci = fun_env(c.copy)[0];
		CHECK(is_fun(ci) && ci != inner && fun_get_entry(ci) == fun_get_entry(inner));
		term cm = fun_env(c.copy)[1];
		CHECK(term_eq_exact(map_get(cm, ATOM(ok)), inner));
		CHECK(term_eq_exact(map_get(cm, inner), vals[1]));
		CHECK(nseen == 1 && seen_occ[0] == 4); /* inner's binary, reached four times */
	}
	heap_free(&src);
	copied_finish(&c, "fun");
}

/* HAMTs: the copy is a map that finds every key. */
static void test_big_maps(void)
{
	kb_heap src;
	heap_init(&src);
	enum { N = 3000 };
	static term keys[N], vals[N];
	for (size_t i = 0; i < N; i++) {
		switch (i % 5) {
		case 0:
			keys[i] = make_small((int64_t)i);
			break;
		case 1:
			keys[i] = build_float(&src, (double)i + 0.5);
			break;
		case 2:
			keys[i] = build_bytes(&src, i % 90, (uint8_t)i);
			break;
		case 3:
			keys[i] = build_tuple2(&src, make_small((int64_t)i), lit_list);
			break;
		default: {
			uint64_t d[2] = {i, 1};
			keys[i] = int_from_digits(&src, i % 2, d, 2);
		}
		}
		vals[i] = i % 3 ? make_small((int64_t)i) : build_cons(&src, keys[i], lit_tuple);
	}
	term m = map_from_pairs(&src, keys, vals, N);
	CHECK(map_size(m) == N && !map_is_flat(m));
	/* two flatmaps sharing their keys tuple, and a map of maps */
	term small = map_put(&src, map_from_pairs(&src, keys, vals, 5), keys[0], ATOM(ok));
	term pair[3] = {m, small, map_from_pairs(&src, keys + 1, vals + 1, 3)};
	term all = build_tuple(&src, pair, 3);
	copied c;
	if (copy_checked(&c, all, "maps")) {
		term cm = tuple_get(c.copy, 1);
		CHECK(map_size(cm) == N && !map_is_flat(cm));
		for (size_t i = 0; i < N && !unit_current_failed; i++)
			CHECKF(term_eq_exact(map_get(cm, keys[i]), vals[i]), "key %zu", i);
		term before = map_put(&src, m, make_small(-1), NIL);
		term after = map_put(&c.dst, cm, make_small(-1), NIL);
		CHECK(term_eq_exact(before, after)); /* the shape is usable */
		CHECK(term_eq_exact(map_get(tuple_get(c.copy, 2), keys[0]), ATOM(ok)));
	}
	heap_free(&src);
	copied_finish(&c, "maps");
}

/* Ten million elements, the tail never recursed on. */
static void test_long_lists(void)
{
	kb_heap src, dst;
	heap_init(&src);
	heap_init(&dst);
	enum { N = 10000000 };
	term l = build_float(&src, 0.5); /* improper */
	for (size_t i = 0; i < N; i++)
		l = build_cons(&src, make_small((int64_t)i), l);
	CHECK(term_copy_size(l) == 2 * (size_t)N + 2);
	term c = term_copy(&dst, l);
	CHECK(c != THE_NON_VALUE && dst.words_used == 2 * (size_t)N + 2);
	CHECK(region_check(&dst, c, dst.words_used) == NULL);
	CHECK(term_eq_exact(c, l));
	heap_free(&src);
	term t = c;
	size_t n = 0;
	for (; is_list(t); t = list_tail(t), n++)
		if (list_head(t) != make_small((int64_t)(N - 1 - n)))
			break;
	CHECK(n == N && is_float(t) && float_value(t) == 0.5);
	heap_free(&dst);
	/* a million elements with boxed heads */
	heap_init(&src);
	heap_init(&dst);
	l = NIL;
	for (size_t i = 0; i < 1000000; i++)
		l = build_cons(&src, build_tuple2(&src, make_small((int64_t)i), lit_list), l);
	c = term_copy(&dst, l);
	CHECK(c != THE_NON_VALUE && dst.words_used == 1000000 * (2 + 3 + 4));
	CHECK(term_eq_exact(c, l) && region_check(&dst, c, dst.words_used) == NULL);
	heap_free(&src);
	heap_free(&dst);
}

/* A million levels of tuples, list heads, and maps, funs and lists. */
static void test_deep_nesting(void)
{
	kb_heap src, dst;
	enum { DEPTH = 1000000 };
	for (int kind = 0; kind < 3; kind++) {
		heap_init(&src);
		heap_init(&dst);
		term t;
		size_t words;
		if (kind == 0) {
			t = build_nested_tuples(&src, DEPTH);
			words = 2 * (size_t)DEPTH;
		} else if (kind == 1) {
			t = build_nested_lists(&src, DEPTH);
			words = 2 * (size_t)DEPTH;
		} else {
			t = ATOM(ok);
			words = 0;
			for (size_t i = 0; i < DEPTH / 3; i++) {
				term key = make_small((int64_t)i);
				t = build_cons(&src, map_from_pairs(&src, &key, &t, 1), NIL);
				t = build_fun(&src, 1, make_local_pid(i), &t);
				words += 2 + (4 + 2) + FUN_ENV + 1; /* cons, map + keys, fun */
			}
		}
		CHECKF(term_copy_size(t) == words, "kind %d: size", kind);
		term c = term_copy(&dst, t);
		CHECKF(c != THE_NON_VALUE && dst.words_used == words, "kind %d: copy", kind);
		CHECKF(term_eq_exact(c, t), "kind %d: differs", kind);
		CHECKF(region_check(&dst, c, words) == NULL, "kind %d: region", kind);
		heap_free(&src);
		heap_free(&dst);
	}
}

static double seconds(void) { return (double)clock() / CLOCKS_PER_SEC; }

/* lists:foldl(fun(_, A) -> {A, A} end, x, lists:seq(1, depth)) */
static term doubling_tuples(kb_heap *h, unsigned depth)
{
	term a = ATOM(ok);
	for (unsigned i = 0; i < depth; i++)
		a = build_tuple2(h, a, a);
	return a;
}

static void sizing_too_slow(int sig)
{
	(void)sig;
	static const char msg[] = "FAIL test_sharing: sizing still running after 120 s\n";
	if (write(STDOUT_FILENO, msg, sizeof msg - 1) < 0)
		_exit(2);
	_exit(1);
}

/* Heavy sharing: the size is exact (or SIZE_MAX) in time proportional to
 * the distinct objects, and a copy too large fails cleanly. A walk of the
 * flattened terms would take hours: an alarm turns that into a failure. */
static void test_sharing(void)
{
	signal(SIGALRM, sizing_too_slow);
	alarm(120);
	kb_heap src, dst;
	heap_init(&src);
	double t0 = seconds();
	/* {A, A} at depth d flattens to 3 * (2^d - 1) words */
	CHECK(term_copy_size(doubling_tuples(&src, 30)) == 3 * (((size_t)1 << 30) - 1));
	CHECK(term_copy_size(doubling_tuples(&src, 40)) == 3 * (((size_t)1 << 40) - 1));
	CHECK(term_copy_size(doubling_tuples(&src, 48)) == 3 * (((size_t)1 << 48) - 1));
	CHECK(term_copy_size(doubling_tuples(&src, 49)) == SIZE_MAX); /* past 2^50 */
	term huge = doubling_tuples(&src, 100);
	CHECK(term_copy_size(huge) == SIZE_MAX);
	heap_init(&dst);
	CHECK(term_copy(&dst, huge) == THE_NON_VALUE);
	CHECK(dst.words_used == 0 && dst.chunks == NULL && dst.offheap_first == THE_NON_VALUE);
	/* [A | A], a map of {A, A}, and A inside a fun's environment */
	term a = NIL;
	for (int i = 0; i < 100; i++)
		a = build_cons(&src, a, a);
	CHECK(term_copy_size(a) == SIZE_MAX);
	a = lit_list;
	size_t words = term_copy_size(lit_list);
	for (int i = 0; i < 32; i++) {
		term key = make_small(i), env[2] = {a, a};
		term m = map_from_pairs(&src, &key, &a, 1);
		a = build_fun(&src, 2, make_local_pid(1), env);
		a = build_tuple2(&src, a, m);
		/* tuple, fun, map + keys; the level below three times */
		words = 3 + (FUN_ENV + 2) + (4 + 2) + 3 * words;
		if (i == 24) /* 3^25 * 4 words: below the limit */
			CHECK(term_copy_size(a) == words);
	}
	CHECK(term_copy_size(a) == SIZE_MAX); /* 3^32 * 4 words: above */
	/* many lists sharing one long tail: [K | L] for K in 1..N */
	enum { N = 100000 };
	term tail = NIL;
	for (int i = 0; i < N; i++)
		tail = build_cons(&src, make_small(i), tail);
	term *lists = heap_alloc(&src, N + 1);
	lists[0] = make_header(N, SUBTAG_TUPLE);
	for (int i = 1; i <= N; i++)
		lists[i] = build_cons(&src, make_small(-i), tail);
	CHECK(term_copy_size(make_boxed(lists)) == (N + 1) + (size_t)N * 2 * (N + 1));
	double elapsed = seconds() - t0;
	CHECKF(elapsed < 10.0, "sizing took %.1f s", elapsed);
	alarm(0);
	/* a moderate one is copied flattened */
	term d = doubling_tuples(&src, 17);
	term c = term_copy(&dst, d);
	CHECK(c != THE_NON_VALUE && dst.words_used == 3 * (((size_t)1 << 17) - 1));
	CHECK(term_eq_exact(c, d) && region_check(&dst, c, dst.words_used) == NULL);
	CHECK(tuple_get(c, 1) != tuple_get(c, 2));
	heap_free(&dst);
	heap_free(&src);
}

/* A main region of exactly the size: the copy fills it, no fragment. */
static void test_exact_region(void)
{
	kb_heap src;
	heap_init(&src);
	gen g = {.h = &src, .npool = 0};
	for (int round = 0; round < 50; round++) {
		term t = gen_term(&g, 4);
		size_t n = term_copy_size(t);
		term *block = malloc((n + 1) * sizeof(term));
		block[n] = make_small(42); /* a guard word */
		kb_heap h;
		heap_init(&h);
		heap_set_region(&h, block, block + n);
		term c = term_copy(&h, t);
		CHECKF(c != THE_NON_VALUE && term_eq_exact(c, t), "round %d", round);
		CHECKF(h.top == h.limit && h.chunks == NULL && block[n] == make_small(42),
		       "round %d: the copy did not fill the region exactly", round);
		CHECKF(!is_pointer(c) || untag(c) == block, "round %d: not at the start", round);
		heap_free(&h);
		free(block);
	}
	heap_free(&src);
}

/* term_copy_into: several terms in one allocation, *hp advanced exactly. */
static void test_copy_into(void)
{
	kb_heap src, dst;
	heap_init(&src);
	heap_init(&dst);
	gen g = {.h = &src, .npool = 0};
	term ts[8];
	size_t sizes[8], total = 0;
	for (int i = 0; i < 8; i++) {
		ts[i] = i == 3 ? make_small(3) : gen_term(&g, 3);
		sizes[i] = term_copy_size(ts[i]);
		total += sizes[i];
	}
	term *block = heap_alloc(&dst, total), *hp = block;
	for (int i = 0; i < 8; i++) {
		term *before = hp;
		term c = term_copy_into(&dst, &hp, ts[i]);
		CHECKF((size_t)(hp - before) == sizes[i], "term %d: advanced %td", i, hp - before);
		CHECKF(term_eq_exact(c, ts[i]), "term %d: differs", i);
	}
	CHECK(hp == block + total && dst.words_used == total);
	heap_free(&src);
	heap_free(&dst);
}

static void make_literals(void)
{
	heap_init(&lit_heap);
	node_atom = atom_from_cstr("other@host");
	module_atom = atom_from_cstr("copy_test_mod");
	lit_list = build_cons(&lit_heap, make_small(1), build_cons(&lit_heap, ATOM(ok), NIL));
	lit_tuple = build_tuple2(&lit_heap, lit_list, build_float(&lit_heap, 2.5));
	lit_refc = build_bytes(&lit_heap, 100, 9);
}

int main(void)
{
	atom_table_init();
	make_literals();
	RUN(test_immediates);
	RUN(test_each_kind);
	RUN(test_random_graphs);
	RUN(test_refc_counts);
	RUN(test_sub_binaries);
	RUN(test_match_contexts);
	RUN(test_funs);
	RUN(test_big_maps);
	RUN(test_long_lists);
	RUN(test_deep_nesting);
	RUN(test_sharing);
	RUN(test_exact_region);
	RUN(test_copy_into);
	heap_free(&lit_heap);
	return unit_exit();
}
