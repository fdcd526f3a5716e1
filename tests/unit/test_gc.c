/* The garbage collector and process memory (vm/gc.h): random term graphs
 * of every kind, rooted in X registers, stack slots (among return
 * addresses and catch markers), the dictionary and the extra root array,
 * are collected many times, minor and major, with fragments, stack growth
 * and large needs; after each collection every root must equal a deep copy
 * kept in another arena, literals must stay where they are, sharing must
 * survive, and refc binaries must be released exactly when unreachable. */
#include "ref_copy.h"
#include "unit.h"
#include "term_build.h"

#include <errno.h>

#include "vm/atom.h"
#include "vm/bignum.h"
#include "vm/compare.h"
#include "vm/export.h"
#include "vm/fun.h"
#include "vm/gc.h"
#include "vm/ident.h"
#include "vm/map.h"

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static kb_heap lit_heap;    /* literals: outside every process */
static kb_heap expect_heap; /* deep copies of the roots */
static term lit_tuple, lit_list, lit_refc;

/* ---- a process and its roots ---- */

#define NX 16
#define NEXTRA 6
#define SCRATCH (NEXTRA - 1) /* extra root holding a word being pushed */
#define MAX_STACK 4096

static process P;
static term xregs[NX], xexp[NX];
static term extra[NEXTRA], extra_exp[NEXTRA];
static term dict_exp;
/* Stack word at depth d (stack_end[-1 - d]): its expected copy for terms,
 * the exact word for return addresses, catches and immediates. */
static term stack_exp[MAX_STACK];
static bool stack_is_term[MAX_STACK];

static void proc_init(size_t min_heap)
{
	memset(&P, 0, sizeof P);
	if (process_memory_init(&P, min_heap) != 0)
		abort();
	for (int i = 0; i < NX; i++)
		xregs[i] = xexp[i] = NIL;
	for (int i = 0; i < NEXTRA; i++)
		extra[i] = extra_exp[i] = NIL;
	dict_exp = NIL;
	extra_exp[SCRATCH] = THE_NON_VALUE;
	P.gc_roots = extra;
	P.gc_nroots = NEXTRA;
}

static size_t stack_depth(void) { return (size_t)(P.stack_end - P.stop); }
static size_t gap(void) { return (size_t)(P.stop - P.heap.top); }

/* Pushes a word, collecting first when the gap is full (the word is a
 * root meanwhile; the pool's terms are stale afterwards). */
static void push_word(unsigned *pool_len, term w, bool is_term)
{
	if (gap() == 0) {
		extra[SCRATCH] = w;
		if (gc_collect(&P, 1, xregs, NX) != 0)
			abort();
		w = extra[SCRATCH];
		extra[SCRATCH] = NIL;
		*pool_len = 0;
	}
	size_t d = stack_depth();
	*--P.stop = w;
	P.heap.limit = P.stop;
	stack_is_term[d] = is_term;
	stack_exp[d] = is_term ? ref_copy(&expect_heap, w) : w;
}

static void pop_words(size_t n)
{
	P.stop += n;
	P.heap.limit = P.stop;
}

static void set_x(int i, term t)
{
	xregs[i] = t;
	xexp[i] = ref_copy(&expect_heap, t);
}

static void set_extra(int i, term t)
{
	extra[i] = t;
	extra_exp[i] = ref_copy(&expect_heap, t);
}

static bool literals_in_place(void)
{
	return is_boxed(xregs[0]) && xregs[0] == lit_tuple && tuple_get(xregs[1], 1) == lit_tuple &&
	       tuple_get(xregs[1], 2) == lit_list && tuple_get(xregs[1], 3) == lit_refc;
}

/* Every root equals its deep copy; non-term stack words are unchanged. */
static bool roots_intact(const char **why)
{
	for (int i = 0; i < NX; i++)
		if (!term_eq_exact(xregs[i], xexp[i])) {
			*why = "x register changed";
			return false;
		}
	for (int i = 0; i < NEXTRA; i++) /* THE_NON_VALUE: checked by the test */
		if (extra_exp[i] != THE_NON_VALUE && !term_eq_exact(extra[i], extra_exp[i])) {
			*why = "extra root changed";
			return false;
		}
	if (!term_eq_exact(P.dictionary, dict_exp)) {
		*why = "dictionary changed";
		return false;
	}
	for (size_t d = 0; d < stack_depth(); d++) {
		term w = P.stack_end[-1 - (ptrdiff_t)d];
		if (stack_is_term[d] ? !term_eq_exact(w, stack_exp[d]) : w != stack_exp[d]) {
			*why = "stack word changed";
			return false;
		}
	}
	if (!literals_in_place()) {
		*why = "literal moved";
		return false;
	}
	return true;
}

/* After a successful collection: no fragments, limit at the stack, room. */
static bool heap_shape_ok(size_t need)
{
	return heap_fragment_words(&P.heap) == 0 && P.heap.limit == P.stop && gap() >= need &&
	       P.heap.top >= P.heap_start && P.stop <= P.stack_end &&
	       P.stack_end == P.heap_start + P.heap_size && P.high_water == P.heap.top;
}

/* ---- random terms ---- */

typedef struct gen {
	kb_heap *h;
	term pool[64]; /* built this round: shared subterms */
	unsigned npool;
	term node, module;
} gen;

static term pick_shared(gen *g)
{
	if (g->npool == 0)
		return make_small(7);
	return g->pool[rnd() % g->npool];
}

/* A raw word that looks like a pointer to a young object: a collector that
 * took it for a term would change it. */
static term young_looking(gen *g)
{
	for (unsigned i = 0; i < g->npool; i++) {
		term t = g->pool[(i + rnd()) % g->npool];
		if (is_boxed(t) && !is_boxed_with(t, SUBTAG_REFC_BIN))
			return t;
	}
	return 0x123458;
}

static term gen_term(gen *g, int depth);

static term gen_binary(gen *g, size_t n)
{
	uint8_t buf[300];
	for (size_t i = 0; i < n; i++)
		buf[i] = (uint8_t)rnd();
	if (n >= 8) { /* a pointer-looking word among the bytes */
		term w = young_looking(g);
		memcpy(buf, &w, sizeof w);
	}
	return binary_new(g->h, buf, n);
}

static term gen_sub_binary(gen *g)
{
	term orig = rnd() % 4 == 0 ? lit_refc
	                           : gen_binary(g, rnd() % 2 ? 10 + rnd() % 50 : 70 + rnd() % 200);
	uint64_t bits = bitstring_bitsize(orig);
	uint64_t offs = rnd() % (bits / 2);
	term *p = heap_alloc(g->h, SUB_BIN_WORDS);
	p[0] = make_header(SUB_BIN_WORDS - 1, SUBTAG_SUB_BIN);
	p[SUB_BIN_BITSIZE] = rnd() % (bits - offs);
	p[SUB_BIN_BITOFFS] = offs;
	p[SUB_BIN_ORIG] = orig;
	return make_boxed(p);
}

static term gen_map(gen *g, int depth, size_t n)
{
	term keys[64], vals[64];
	for (size_t i = 0; i < n; i++) {
		keys[i] = i % 5 == 4 ? gen_term(g, 0) : make_small((int64_t)(i * 7 + rnd() % 7));
		vals[i] = gen_term(g, depth - 1);
	}
	return map_from_pairs(g->h, keys, vals, n);
}

static term gen_fun(gen *g, int depth)
{
	static const uint8_t md5[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
	/* an entry keeps the num_free it was made with: one per index */
	uint32_t index = (uint32_t)(rnd() % 4), nfree = index;
	fun_entry *fe = fun_entry_get(g->module, md5, index, 77, 1, nfree, THE_NON_VALUE);
	term creator = make_local_pid(5);
	if (rnd() % 2) { /* an external creator: a boxed term */
		term *e = heap_alloc(g->h, 5);
		e[0] = make_header(4, SUBTAG_EXTERNAL_PID);
		e[1] = g->node;
		e[2] = 3;
		e[3] = 11;
		e[4] = 0;
		creator = make_boxed(e);
	}
	term *p = heap_alloc(g->h, FUN_ENV + nfree);
	p[0] = make_header(FUN_ENV - 1 + nfree, SUBTAG_FUN);
	p[FUN_ENTRY] = (term)(uintptr_t)fe;
	p[FUN_CREATOR] = creator;
	p[FUN_NUM_FREE] = fe->num_free;
	for (uint32_t i = 0; i < fe->num_free; i++)
		p[FUN_ENV + i] = gen_term(g, depth - 1);
	return make_boxed(p);
}

static term gen_leaf(gen *g)
{
	switch (rnd() % 12) {
	case 0:
		return make_small((int64_t)(rnd() % 1000) - 500);
	case 1:
		return rnd() % 2 ? ATOM(ok) : g->node;
	case 2:
		return NIL;
	case 3:
		return rnd() % 2 ? lit_tuple : lit_list;
	case 4:
		return pick_shared(g);
	case 5: {
		term w = young_looking(g);
		double d;
		memcpy(&d, &w, sizeof d);
		return build_float(g->h, d);
	}
	case 6: {
		uint64_t digits[2] = {young_looking(g), 1 + rnd() % 5};
		return int_from_digits(g->h, rnd() % 2, digits, 2);
	}
	case 7:
		return gen_binary(g, rnd() % 40);
	case 8: { /* local ref, ids raw */
		term *p = heap_alloc(g->h, 4);
		p[0] = make_header(3, SUBTAG_REF);
		p[1] = 3;
		p[2] = young_looking(g);
		p[3] = rnd() & 0xffffffffu;
		return make_boxed(p);
	}
	case 9: { /* external pid, number raw */
		term *p = heap_alloc(g->h, 5);
		p[0] = make_header(4, SUBTAG_EXTERNAL_PID);
		p[1] = g->node;
		p[2] = 2;
		p[3] = young_looking(g);
		p[4] = 1;
		return make_boxed(p);
	}
	case 10: { /* external ref */
		term *p = heap_alloc(g->h, 6);
		p[0] = make_header(5, SUBTAG_EXTERNAL_REF);
		p[1] = g->node;
		p[2] = 9;
		p[3] = 3;
		p[4] = young_looking(g);
		p[5] = 42;
		return make_boxed(p);
	}
	default: {
		export_entry *e = export_entry_get(g->module, ATOM(ok), (uint32_t)(rnd() % 4));
		term *p = heap_alloc(g->h, 2);
		p[0] = make_header(1, SUBTAG_EXPORT);
		p[1] = (term)(uintptr_t)e;
		return make_boxed(p);
	}
	}
}

static term gen_term(gen *g, int depth)
{
	term t;
	unsigned k = depth > 0 ? (unsigned)(rnd() % 11) : 0;
	switch (k) {
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
	case 4:
	case 5: {
		size_t n = rnd() % 6;
		term *p = heap_alloc(g->h, n + 1);
		p[0] = make_header(n, SUBTAG_TUPLE);
		for (size_t i = 1; i <= n; i++)
			p[i] = gen_term(g, depth - 1);
		t = make_boxed(p);
		break;
	}
	case 6:
		t = gen_binary(g, 65 + rnd() % 200);
		break;
	case 7:
		t = gen_sub_binary(g);
		break;
	case 8:
		t = gen_map(g, depth, rnd() % 10 == 0 ? 33 + rnd() % 30 : rnd() % 6);
		break;
	case 9:
		t = gen_fun(g, depth);
		break;
	default: { /* {X, X}: sharing inside one term */
		term x = gen_term(g, depth - 1);
		t = build_tuple2(g->h, x, x);
		break;
	}
	}
	if ((is_boxed(t) || is_list(t)) && g->npool < 64)
		g->pool[g->npool++] = t;
	return t;
}

static void gen_init(gen *g)
{
	g->h = &P.heap;
	g->npool = 0;
	g->node = atom_from_cstr("other@host");
	g->module = atom_from_cstr("gc_test_mod");
}

/* The fixed roots: literals, shared tuples. */
static void set_fixed_roots(gen *g)
{
	set_x(0, lit_tuple);
	term *p = heap_alloc(g->h, 4);
	p[0] = make_header(3, SUBTAG_TUPLE);
	p[1] = lit_tuple;
	p[2] = lit_list;
	p[3] = lit_refc;
	set_x(1, make_boxed(p));
	term shared = build_tuple2(g->h, make_small(1), gen_binary(g, 100));
	set_x(2, shared);
	set_x(3, shared);
	set_extra(0, shared);
}

static bool sharing_kept(void) { return xregs[2] == xregs[3] && xregs[2] == extra[0]; }

/* ---- tests ---- */

static void test_heap_sizes(void)
{
	CHECK(gc_next_heap_size(0, 0) == 12);
	CHECK(gc_next_heap_size(12, 0) == 12);
	CHECK(gc_next_heap_size(12, 1) == 38);
	CHECK(gc_next_heap_size(13, 0) == 38);
	CHECK(gc_next_heap_size(233, 0) == 233);
	CHECK(gc_next_heap_size(234, 0) == 376);
	CHECK(gc_next_heap_size(233, 1) == 376);
	CHECK(gc_next_heap_size(234, 1) == 610);
	CHECK(gc_next_heap_size(1000, 0) == 1598);
	CHECK(gc_next_heap_size(46422, 0) == 46422);
	CHECK(gc_next_heap_size(833026, 0) == 833026);
	CHECK(gc_next_heap_size(833027, 0) == 999631); /* 20% steps from here */
	CHECK(gc_next_heap_size(999632, 0) == 1199557);
	CHECK(gc_next_heap_size((size_t)1 << 51, 0) == 0);
}

static void test_init_free(void)
{
	proc_init(0);
	CHECK(P.heap_size == 233 && P.min_heap_size == 233);
	CHECK(P.heap.top == P.heap_start && P.stop == P.stack_end && P.heap.limit == P.stop);
	CHECK(P.high_water == P.heap_start && P.old_heap == NULL);
	CHECK(P.fullsweep_after == PROCESS_FULLSWEEP_AFTER && P.bin_vheap_size == GC_MIN_BIN_VHEAP);
	CHECK(P.dictionary == NIL && process_heap_words_in_use(&P) == 0);
	CHECK(process_heap_size(&P) == 233 && process_total_heap_size(&P) == 233);
	CHECK(process_stack_size(&P) == 0);
	process_memory_free(&P);
	CHECK(P.heap_start == NULL);

	proc_init(1000);
	CHECK(P.heap_size == 1598 && P.min_heap_size == 1598);
	process_memory_free(&P);
}

/* Every kind of object, a match state with pointer-looking raw words, and
 * literals, through a series of minor and major collections. */
static void test_object_kinds(void)
{
	proc_init(0);
	gen g;
	gen_init(&g);
	set_fixed_roots(&g);
	for (int i = 4; i < NX; i++)
		set_x(i, gen_term(&g, 4));
	/* A match state: the binary is a term, words 2..4 are raw. */
	term bin = gen_binary(&g, 30);
	term *ms = heap_alloc(&P.heap, 5);
	ms[0] = make_header(4, SUBTAG_MATCHSTATE);
	ms[1] = bin;
	ms[2] = ms[3] = ms[4] = bin; /* raw words that look like the binary */
	term raw = bin;
	extra[1] = make_boxed(ms);
	extra_exp[1] = THE_NON_VALUE;
	term bin_copy = ref_copy(&expect_heap, bin);
	const char *why = "";
	for (int round = 0; round < 12; round++) {
		for (int i = 0; i < 30; i++) /* garbage */
			gen_term(&g, 3);
		int r = round % 4 == 3 ? gc_collect_major(&P, 10, xregs, NX)
		                       : gc_collect(&P, 10, xregs, NX);
		CHECKF(r == 0, "collect %d", r);
		CHECKF(heap_shape_ok(10), "round %d: heap shape", round);
		CHECKF(roots_intact(&why), "round %d: %s", round, why);
		CHECK(sharing_kept());
		term *m = boxed_ptr(extra[1]);
		CHECK(header_subtag(m[0]) == SUBTAG_MATCHSTATE);
		CHECK(term_eq_exact(m[1], bin_copy) && m[1] != raw);
		CHECK(m[2] == raw && m[3] == raw && m[4] == raw);
		g.npool = 0;
	}
	CHECK(P.gc_count == 12);
	process_memory_free(&P);
}

/* The stress test: random graphs, roots everywhere, fragments, stack
 * frames pushed and popped, random needs, minor and major collections. */
static void test_random_graphs(void)
{
	proc_init(0);
	P.fullsweep_after = 6;
	gen g;
	gen_init(&g);
	set_fixed_roots(&g);
	const char *why = "";
	unsigned majors = 0, minors = 0;
	for (int round = 0; round < 400 && !unit_current_failed; round++) {
		g.npool = 0;
		for (int i = (int)(rnd() % 20); i > 0; i--) /* garbage */
			gen_term(&g, 3);
		for (int i = (int)(rnd() % 4); i > 0; i--) {
			int slot = 4 + (int)(rnd() % (NX - 4));
			set_x(slot, gen_term(&g, 4));
		}
		if (rnd() % 3 == 0)
			set_extra(2 + (int)(rnd() % (NEXTRA - 3)), gen_term(&g, 3));
		if (rnd() % 5 == 0) { /* roots sharing one term */
			int a = 4 + (int)(rnd() % (NX - 4)), b = 4 + (int)(rnd() % (NX - 4));
			xregs[a] = xregs[b];
			xexp[a] = xexp[b];
		}
		if (rnd() % 4 == 0) { /* a dictionary entry */
			term kv = build_tuple2(&P.heap, make_small(round), gen_term(&g, 2));
			P.dictionary = build_cons(&P.heap, kv, P.dictionary);
			dict_exp = ref_copy(&expect_heap, P.dictionary);
		}
		if (rnd() % 6 == 0) { /* a large tuple: surely a fragment */
			size_t n = 500 + rnd() % 3000;
			term *p = heap_alloc(&P.heap, n + 1);
			p[0] = make_header(n, SUBTAG_TUPLE);
			for (size_t i = 1; i <= n; i++)
				p[i] = i % 97 == 0 ? gen_term(&g, 1) : make_small((int64_t)i);
			set_x(4 + (int)(rnd() % (NX - 4)), make_boxed(p));
		}
		/* stack frames: return address, catch, terms */
		if (rnd() % 3 && stack_depth() + 8 < MAX_STACK) {
			int frames = 1 + (int)(rnd() % 6);
			for (int f = 0; f < frames; f++) {
				push_word(&g.npool, 0x400000 + 4 * (term)(rnd() % 1000), false);
				push_word(&g.npool, make_catch(3), false);
				push_word(&g.npool, gen_term(&g, 2), true);
				push_word(&g.npool, rnd() % 2 ? make_small(f) : pick_shared(&g),
				          true);
			}
		} else if (stack_depth() >= 8) {
			pop_words(4 *
			          (1 + rnd() % (stack_depth() / 4 < 6 ? stack_depth() / 4 : 6)));
		}
		size_t need = rnd() % 4 == 0 ? rnd() % 30000 : rnd() % 100;
		bool force = rnd() % 15 == 0;
		uint32_t minors_before = P.minor_gcs;
		int r =
		    force ? gc_collect_major(&P, need, xregs, NX) : gc_collect(&P, need, xregs, NX);
		CHECKF(r == 0, "round %d: collect %d", round, r);
		if (P.minor_gcs == 0)
			majors++;
		else
			minors++;
		CHECKF(!force || P.minor_gcs == 0, "round %d: forced major ran minor", round);
		CHECKF(minors_before < P.fullsweep_after || P.minor_gcs == 0,
		       "round %d: no fullsweep after %u minors", round, minors_before);
		CHECKF(heap_shape_ok(need), "round %d: heap shape", round);
		CHECKF(roots_intact(&why), "round %d: %s", round, why);
		CHECKF(sharing_kept(), "round %d: sharing lost", round);
		CHECKF(P.old_heap == NULL || (P.old_htop >= P.old_heap && P.old_htop <= P.old_end),
		       "round %d: old heap", round);
	}
	CHECKF(majors > 20 && minors > 100, "%u majors, %u minors", majors, minors);
	process_memory_free(&P);
}

/* A minor collection promotes what survived one collection to the old
 * heap; after fullsweep_after minors a major one folds the old heap back. */
static void test_generations(void)
{
	proc_init(0);
	P.fullsweep_after = 3;
	gen g;
	gen_init(&g);
	set_fixed_roots(&g);
	for (int i = 4; i < NX; i++)
		set_x(i, gen_term(&g, 3));
	const char *why = "";
	CHECK(gc_collect(&P, 0, xregs, NX) == 0); /* the first is major: no old heap yet */
	CHECK(P.minor_gcs == 0 && P.old_heap == NULL);
	term survivor = xregs[2];
	CHECK(gc_collect(&P, 0, xregs, NX) == 0); /* minor: everything is mature */
	CHECK(P.minor_gcs == 1 && P.old_heap != NULL && P.old_htop > P.old_heap);
	CHECK(P.heap.top == P.heap_start); /* all promoted: nothing new was made */
	term *old = boxed_ptr(xregs[2]);
	CHECK(xregs[2] != survivor && old >= P.old_heap && old < P.old_htop);
	CHECK(roots_intact(&why));
	/* New young terms pointing at old ones: not promoted by the next
	 * minor, promoted by the one after. */
	set_x(5, build_tuple2(&P.heap, xregs[2], make_small(5)));
	CHECK(gc_collect(&P, 0, xregs, NX) == 0);
	CHECK(P.minor_gcs == 2);
	term *young = boxed_ptr(xregs[5]);
	CHECK(young >= P.heap_start && young < P.heap.top && tuple_get(xregs[5], 1) == xregs[2]);
	term *old_top = P.old_htop;
	CHECK(gc_collect(&P, 0, xregs, NX) == 0);
	CHECK(P.minor_gcs == 3 && P.old_htop > old_top);
	young = boxed_ptr(xregs[5]);
	CHECK(young >= P.old_heap && young < P.old_htop);
	CHECK(roots_intact(&why) && sharing_kept());
	/* minor_gcs == fullsweep_after: the next one is major */
	CHECK(gc_collect(&P, 0, xregs, NX) == 0);
	CHECK(P.minor_gcs == 0 && P.old_heap == NULL);
	CHECKF(roots_intact(&why), "%s", why);
	CHECK(P.heap.top > P.heap_start && P.high_water == P.heap.top);
	/* a forced major collection right after a minor */
	CHECK(gc_collect(&P, 0, xregs, NX) == 0 && P.minor_gcs == 1);
	CHECK(gc_collect_major(&P, 0, xregs, NX) == 0 && P.minor_gcs == 0 && P.old_heap == NULL);
	CHECK(roots_intact(&why) && sharing_kept());
	CHECK((P.gc_flags & GC_FLAG_NEED_FULLSWEEP) == 0);
	process_memory_free(&P);
}

/* Refc binaries are released exactly when unreachable: from the young
 * heap at any collection, from the old heap at the next major one. */
static void test_refc_release(void)
{
	proc_init(0);
	uint8_t data[200];
	memset(data, 0xab, sizeof data);
	term bin = binary_new(&P.heap, data, sizeof data);
	kb_binary *kb = (kb_binary *)(uintptr_t)boxed_ptr(bin)[REFC_BIN_VAL];
	binary_retain(kb);                                 /* the test's own reference */
	term sub = build_shifted_copy(&P.heap, bin, 3, 0); /* another, to be garbage */
	kb_binary *kb2 =
	    (kb_binary *)(uintptr_t)boxed_ptr(boxed_ptr(sub)[SUB_BIN_ORIG])[REFC_BIN_VAL];
	binary_retain(kb2);
	xregs[0] = build_tuple2(&P.heap, bin, bin);
	CHECK(atomic_load(&kb->refc) == 2 && atomic_load(&kb2->refc) == 2);
	CHECK(gc_collect(&P, 0, xregs, 1) == 0); /* major */
	CHECK(atomic_load(&kb->refc) == 2 && atomic_load(&kb2->refc) == 1);
	CHECK(tuple_get(xregs[0], 1) == tuple_get(xregs[0], 2));
	CHECK(gc_collect(&P, 0, xregs, 1) == 0); /* minor: promoted */
	CHECK(P.old_offheap_first == tuple_get(xregs[0], 1) &&
	      P.heap.offheap_first == THE_NON_VALUE);
	CHECK(bitstring_aligned_bytes(tuple_get(xregs[0], 1))[199] == 0xab);
	xregs[0] = NIL;
	CHECK(gc_collect(&P, 0, xregs, 1) == 0); /* minor: old heap untouched */
	CHECK(atomic_load(&kb->refc) == 2);
	CHECK(gc_collect_major(&P, 0, xregs, 1) == 0);
	CHECK(atomic_load(&kb->refc) == 1 && P.old_offheap_first == THE_NON_VALUE);
	binary_release(kb);
	/* dying with live binaries on both chains releases them */
	xregs[0] = binary_new(&P.heap, data, sizeof data);
	kb = (kb_binary *)(uintptr_t)boxed_ptr(xregs[0])[REFC_BIN_VAL];
	binary_retain(kb);
	CHECK(gc_collect(&P, 0, xregs, 1) == 0);
	CHECK(gc_collect(&P, 0, xregs, 1) == 0); /* now on the old chain */
	xregs[1] = binary_new(&P.heap, data, sizeof data);
	kb_binary *young_kb = (kb_binary *)(uintptr_t)boxed_ptr(xregs[1])[REFC_BIN_VAL];
	binary_retain(young_kb);
	process_memory_free(&P);
	CHECK(atomic_load(&kb->refc) == 1 && atomic_load(&young_kb->refc) == 1);
	CHECK(atomic_load(&kb2->refc) == 1);
	binary_release(kb);
	binary_release(young_kb);
	binary_release(kb2);
	/* literal refc binaries are never the process's to release */
	kb_binary *lit = (kb_binary *)(uintptr_t)boxed_ptr(lit_refc)[REFC_BIN_VAL];
	CHECK(atomic_load(&lit->refc) == 1);
}

/* The virtual binary heap counts refc binary words and triggers. */
static void test_vheap(void)
{
	proc_init(0);
	static uint8_t data[100000];
	CHECK(!gc_vheap_full(&P));
	xregs[0] = binary_new(&P.heap, data, sizeof data);
	CHECK(!gc_vheap_full(&P) && P.bin_vheap == 12500);
	for (int i = 1; i < 4; i++)
		xregs[i] = binary_new(&P.heap, data, sizeof data);
	CHECK(gc_vheap_full(&P) && P.bin_vheap == 50000);
	CHECK(gc_vheap_full(&P) && P.bin_vheap == 50000); /* counted once */
	xregs[1] = xregs[2] = xregs[3] = NIL;
	CHECK(gc_collect(&P, 0, xregs, 4) == 0);
	CHECK(P.bin_vheap == 12500 && !gc_vheap_full(&P));
	CHECK(P.bin_old_vheap_size >= GC_MIN_BIN_VHEAP);
	CHECK(gc_collect(&P, 0, xregs, 4) == 0); /* minor: promoted */
	CHECK(P.bin_vheap == 0 && P.bin_old_vheap == 12500);
	/* a full old vheap makes the next collection major */
	P.bin_old_vheap_size = 12500;
	CHECK(gc_collect(&P, 0, xregs, 4) == 0);
	CHECK(P.minor_gcs == 0 && P.old_heap == NULL && P.bin_old_vheap == 0);
	CHECK(P.bin_vheap == 12500);
	/* the sizes adapt: grow by 1.618 when 3/4 full */
	for (int i = 1; i < 8; i++)
		xregs[i] = binary_new(&P.heap, data, sizeof data);
	CHECK(gc_collect_major(&P, 0, xregs, 8) == 0);
	CHECK(P.bin_vheap == 100000 && P.bin_vheap_size > 4 * 100000 / 3 - 1);
	process_memory_free(&P);
}

/* Fragments: C code allocating past the gap; terms in fragments point at
 * the main heap and back; after a collection no fragment is left. */
static void test_fragments(void)
{
	proc_init(0);
	gen g;
	gen_init(&g);
	set_fixed_roots(&g);
	const char *why = "";
	term main_tuple = build_tuple2(&P.heap, make_small(1), lit_list);
	term *big = heap_alloc(&P.heap, 2001); /* too big for the gap */
	CHECK(heap_fragment_words(&P.heap) >= 2001);
	big[0] = make_header(2000, SUBTAG_TUPLE);
	for (int i = 1; i <= 2000; i++)
		big[i] = i == 1 ? main_tuple : make_small(i);
	/* main heap filled up to the stack, fragment objects after it */
	while (gap() >= 3)
		build_tuple2(&P.heap, NIL, NIL);
	term frag_cons = build_cons(&P.heap, make_boxed(big), NIL);
	term back = build_cons(&P.heap, frag_cons, main_tuple);
	set_x(4, back);
	set_x(5, make_boxed(big));
	set_extra(2, frag_cons);
	CHECK(gc_collect(&P, 50, xregs, NX) == 0);
	CHECK(heap_shape_ok(50));
	CHECKF(roots_intact(&why), "%s", why);
	CHECK(list_head(xregs[4]) == extra[2] && list_head(extra[2]) == xregs[5]);
	CHECK(tuple_get(xregs[5], 1) == list_tail(xregs[4]));
	process_memory_free(&P);
}

/* A deep recursion: a million stack words (frames of a return address, a
 * catch marker and two y registers, one pointing at a heap term), the
 * block growing as needed. */
static void test_deep_stack(void)
{
	proc_init(0);
	const size_t frames = 250000;
	size_t collections = 0;
	for (size_t f = 0; f < frames; f++) {
		if (gap() < 4 + 5) { /* 4 stack words, 5 heap words */
			CHECK(gc_collect(&P, 4 + 5, NULL, 0) == 0);
			collections++;
		}
		term cell = build_cons(&P.heap, make_small((int64_t)f), lit_tuple);
		*--P.stop = 0x400000 + 4 * (term)(f % 4096);
		*--P.stop = make_catch(f % 7);
		*--P.stop = make_small((int64_t)f);
		*--P.stop = build_tuple2(&P.heap, cell, NIL);
		P.heap.limit = P.stop;
	}
	CHECK(stack_depth() == 4 * frames);
	CHECK(gc_collect(&P, 0, NULL, 0) == 0);
	CHECK(gc_collect_major(&P, 0, NULL, 0) == 0);
	CHECKF(collections > 10 && collections < 200, "%zu collections", collections);
	CHECK(P.heap_size > 4 * frames);
	term *w = P.stack_end;
	for (size_t f = 0; f < frames && !unit_current_failed; f++) {
		term ra = *--w, catch = *--w, y1 = *--w, y0 = *--w;
		CHECKF(ra == 0x400000 + 4 * (term)(f % 4096) && catch == make_catch(f % 7) &&
		           y1 == make_small((int64_t)f),
		       "frame %zu: return address, catch or small changed", f);
		CHECKF(is_tuple(y0) && is_list(tuple_get(y0, 1)) &&
		           list_head(tuple_get(y0, 1)) == make_small((int64_t)f) &&
		           list_tail(tuple_get(y0, 1)) == lit_tuple,
		       "frame %zu: term changed", f);
	}
	CHECK(w == P.stop);
	/* unwinding: the block shrinks again */
	P.stop = P.stack_end;
	P.heap.limit = P.stop;
	CHECK(gc_collect_major(&P, 0, NULL, 0) == 0);
	CHECK(gc_collect_major(&P, 0, NULL, 0) == 0);
	CHECKF(P.heap_size <= 1000, "heap_size %zu after unwinding", P.heap_size);
	process_memory_free(&P);
}

/* Garbage does not pile up: with a bounded live set the total heap stays
 * bounded, whatever the number of collections. */
static void test_bounded(void)
{
	proc_init(0);
	gen g;
	gen_init(&g);
	set_fixed_roots(&g);
	size_t peak = 0;
	for (int round = 0; round < 300; round++) {
		g.npool = 0;
		for (int i = 0; i < 50; i++)
			gen_term(&g, 3);
		set_x(4 + round % 4, gen_term(&g, 3));
		CHECK(gc_collect(&P, 0, xregs, NX) == 0);
		size_t total = process_total_heap_size(&P);
		if (total > peak)
			peak = total;
	}
	CHECK(gc_collect_major(&P, 0, xregs, NX) == 0);
	size_t live = process_heap_words_in_use(&P);
	CHECKF(peak < 16 * live + 20000, "peak %zu words for %zu live", peak, live);
	CHECKF(process_total_heap_size(&P) < 4 * live + 2000, "total %zu for %zu live",
	       process_total_heap_size(&P), live);
	process_memory_free(&P);
}

/* Large needs are met; an impossible one fails and changes nothing. */
static void test_need(void)
{
	proc_init(0);
	gen g;
	gen_init(&g);
	set_fixed_roots(&g);
	set_x(4, gen_term(&g, 4));
	const char *why = "";
	CHECK(gc_collect(&P, 3000000, xregs, NX) == 0 && gap() >= 3000000);
	CHECK(heap_shape_ok(3000000) && roots_intact(&why));
	term *start = P.heap_start, *top = P.heap.top;
	term x4 = xregs[4];
	uint64_t count = P.gc_count;
	CHECK(gc_collect(&P, (size_t)1 << 60, xregs, NX) == -ENOMEM);
	CHECK(P.heap_start == start && P.heap.top == top && xregs[4] == x4 && P.gc_count == count);
	CHECK(roots_intact(&why));
	/* the next collections give the space back */
	CHECK(gc_collect(&P, 0, xregs, NX) == 0);
	CHECK(gc_collect_major(&P, 0, xregs, NX) == 0);
	CHECK(gc_collect_major(&P, 0, xregs, NX) == 0);
	CHECKF(P.heap_size < 100000, "heap_size %zu", P.heap_size);
	CHECK(roots_intact(&why));
	process_memory_free(&P);
}

static void make_literals(void)
{
	heap_init(&lit_heap);
	heap_init(&expect_heap);
	lit_list = build_cons(&lit_heap, make_small(1), build_cons(&lit_heap, ATOM(ok), NIL));
	lit_tuple = build_tuple2(&lit_heap, lit_list, build_float(&lit_heap, 2.5));
	uint8_t data[100];
	for (int i = 0; i < 100; i++)
		data[i] = (uint8_t)i;
	lit_refc = binary_new(&lit_heap, data, sizeof data);
}

int main(void)
{
	atom_table_init();
	make_literals();
	RUN(test_heap_sizes);
	RUN(test_init_free);
	RUN(test_object_kinds);
	RUN(test_random_graphs);
	RUN(test_generations);
	RUN(test_refc_release);
	RUN(test_vheap);
	RUN(test_fragments);
	RUN(test_deep_stack);
	RUN(test_bounded);
	RUN(test_need);
	heap_free(&expect_heap);
	heap_free(&lit_heap);
	return unit_exit();
}
