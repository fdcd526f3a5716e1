/* Term order and equality (see compare.h).
 *
 * One engine serves all four entry points: it compares two terms at a time
 * and keeps the parts still to compare (tuple elements, list tails, map
 * keys and values, fun environments) on an explicit stack of array pairs,
 * each tagged with whether it is compared exactly.
 */
#include "compare.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "export.h"
#include "fun.h"
#include "ident.h"
#include "map.h"

/* ---- type classes, in term order ---- */
enum term_class {
	CLASS_NUMBER,
	CLASS_ATOM,
	CLASS_REF,
	CLASS_FUN,
	CLASS_PORT,
	CLASS_PID,
	CLASS_TUPLE,
	CLASS_MAP,
	CLASS_NIL,
	CLASS_LIST,
	CLASS_BITSTRING,
	CLASS_OTHER, /* not a term (catch, match state): after everything */
};

static enum term_class class_of(term t)
{
	switch (primary_tag(t)) {
	case TAG_PRIMARY_LIST:
		return CLASS_LIST;
	case TAG_PRIMARY_IMMED:
		if (is_small(t))
			return CLASS_NUMBER;
		if (is_atom(t))
			return CLASS_ATOM;
		if (is_nil(t))
			return CLASS_NIL;
		if (is_local_pid(t))
			return CLASS_PID;
		if (is_local_port(t))
			return CLASS_PORT;
		return CLASS_OTHER;
	case TAG_PRIMARY_BOXED:
		switch (header_subtag(boxed_header(t))) {
		case SUBTAG_TUPLE:
			return CLASS_TUPLE;
		case SUBTAG_POS_BIG:
		case SUBTAG_NEG_BIG:
		case SUBTAG_FLOAT:
			return CLASS_NUMBER;
		case SUBTAG_REF:
		case SUBTAG_EXTERNAL_REF:
			return CLASS_REF;
		case SUBTAG_FUN:
		case SUBTAG_EXPORT:
			return CLASS_FUN;
		case SUBTAG_EXTERNAL_PID:
			return CLASS_PID;
		case SUBTAG_EXTERNAL_PORT:
			return CLASS_PORT;
		case SUBTAG_MAP:
			return CLASS_MAP;
		case SUBTAG_HEAP_BIN:
		case SUBTAG_REFC_BIN:
		case SUBTAG_SUB_BIN:
			return CLASS_BITSTRING;
		default:
			return CLASS_OTHER;
		}
	default:
		return CLASS_OTHER;
	}
}

static inline int sign_of(int64_t d) { return d < 0 ? -1 : d > 0; }
static inline int cmp_u64(uint64_t a, uint64_t b) { return a < b ? -1 : a > b; }

/* ---- numbers ---- */

/* Magnitudes of two bignums. */
static int cmp_big_mag(term a, term b)
{
	uint64_t na = big_ndigits(a), nb = big_ndigits(b);
	if (na != nb)
		return cmp_u64(na, nb);
	const uint64_t *da = big_digits(a), *db = big_digits(b);
	for (uint64_t i = na; i-- > 0;)
		if (da[i] != db[i])
			return cmp_u64(da[i], db[i]);
	return 0;
}

static int cmp_integers(term a, term b)
{
	if (is_small(a) && is_small(b))
		return sign_of(small_value(a) - small_value(b));
	if (is_small(a)) /* a bignum lies outside the small range */
		return big_is_negative(b) ? 1 : -1;
	if (is_small(b))
		return big_is_negative(a) ? -1 : 1;
	bool na = big_is_negative(a), nb = big_is_negative(b);
	if (na != nb)
		return na ? -1 : 1;
	int c = cmp_big_mag(a, b);
	return na ? -c : c;
}

/* |big| against ad >= 0, exactly. */
static int cmp_big_mag_double(term big, double ad)
{
	int e;
	double f = frexp(ad, &e); /* ad = f * 2^e, 0.5 <= f < 1 */
	uint64_t nd = big_ndigits(big);
	const uint64_t *dig = big_digits(big);
	uint64_t bits = 64 * (nd - 1) + (64 - (uint64_t)__builtin_clzll(dig[nd - 1]));
	if (ad == 0 || e <= 0)
		return 1;
	if ((uint64_t)e != bits)
		return bits > (uint64_t)e ? 1 : -1;
	/* Same bit length, at least 60: ad is the integer m * 2^shift. */
	uint64_t m = (uint64_t)ldexp(f, 53);
	int64_t shift = e - 53;
	for (uint64_t k = nd; k-- > 0;) {
		int64_t s = shift - (int64_t)(64 * k);
		uint64_t dd;
		if (s >= 64 || s <= -64)
			dd = 0;
		else if (s >= 0)
			dd = m << s;
		else
			dd = m >> -s;
		if (dig[k] != dd)
			return cmp_u64(dig[k], dd);
	}
	return 0;
}

/* An integer against a double, by exact value. */
static int cmp_int_double(term i, double d)
{
	if (is_small(i)) {
		int64_t v = small_value(i);
		if (d >= 0x1p63)
			return -1;
		if (d < -0x1p63)
			return 1;
		int64_t t = (int64_t)d;
		if (v != t)
			return v < t ? -1 : 1;
		double frac = d - (double)t;
		return frac > 0 ? -1 : frac < 0;
	}
	bool neg = big_is_negative(i);
	if (d == 0 || (d < 0) != neg)
		return neg ? -1 : 1;
	int c = cmp_big_mag_double(i, fabs(d));
	return neg ? -c : c;
}

static int cmp_doubles(double a, double b) { return a < b ? -1 : a > b; }

static int cmp_numbers(term a, term b, bool exact)
{
	bool fa = is_float(a), fb = is_float(b);
	if (fa && fb)
		return cmp_doubles(float_value(a), float_value(b));
	if (!fa && !fb)
		return cmp_integers(a, b);
	if (exact) /* every integer before every float */
		return fa ? 1 : -1;
	if (fb)
		return cmp_int_double(a, float_value(b));
	return -cmp_int_double(b, float_value(a));
}

/* ---- atoms, identities, funs, bitstrings ---- */

static int cmp_atoms(term a, term b)
{
	if (a == b)
		return 0;
	size_t la, lb;
	const char *sa = atom_name(a, &la), *sb = atom_name(b, &lb);
	int c = memcmp(sa, sb, la < lb ? la : lb);
	if (c)
		return c < 0 ? -1 : 1;
	return cmp_u64(la, lb);
}

static int cmp_nodes(term a, term b)
{
	term na = ident_node(a), nb = ident_node(b);
	if (na != nb)
		return cmp_atoms(na, nb);
	return cmp_u64(ident_creation(a), ident_creation(b));
}

static int cmp_refs(term a, term b)
{
	int c = cmp_nodes(a, b);
	if (c)
		return c;
	unsigned la = ref_count(a), lb = ref_count(b);
	for (; la > lb; la--)
		if (ref_id(a, la - 1))
			return 1;
	for (; lb > la; lb--)
		if (ref_id(b, lb - 1))
			return -1;
	for (unsigned i = la; i-- > 0;)
		if (ref_id(a, i) != ref_id(b, i))
			return cmp_u64(ref_id(a, i), ref_id(b, i));
	return 0;
}

static int cmp_pids(term a, term b)
{
	if (pid_serial(a) != pid_serial(b))
		return cmp_u64(pid_serial(a), pid_serial(b));
	if (pid_number(a) != pid_number(b))
		return cmp_u64(pid_number(a), pid_number(b));
	return cmp_nodes(a, b);
}

static int cmp_ports(term a, term b)
{
	int c = cmp_nodes(a, b);
	return c ? c : cmp_u64(port_id(a), port_id(b));
}

/* Funs up to their environments (which the caller compares next). */
static int cmp_fun_heads(term a, term b)
{
	bool ea = is_export(a), eb = is_export(b);
	if (ea != eb)
		return ea ? 1 : -1;
	int c;
	if (ea) {
		const export_entry *x = export_get_entry(a), *y = export_get_entry(b);
		if ((c = cmp_atoms(x->module, y->module)) ||
		    (c = cmp_atoms(x->function, y->function)))
			return c;
		return cmp_u64(x->arity, y->arity);
	}
	const fun_entry *x = fun_get_entry(a), *y = fun_get_entry(b);
	if ((c = cmp_atoms(x->module, y->module)))
		return c;
	/* OTP keeps index and old uniq as C ints */
	if (x->index != y->index)
		return (int32_t)x->index < (int32_t)y->index ? -1 : 1;
	if (x->old_uniq != y->old_uniq)
		return (int32_t)x->old_uniq < (int32_t)y->old_uniq ? -1 : 1;
	return cmp_u64(fun_num_free(a), fun_num_free(b));
}

static int cmp_bitstrings(term a, term b, bool eq_only)
{
	bitstring_view va, vb;
	bitstring_get(a, &va);
	bitstring_get(b, &vb);
	if (eq_only && va.bitsize != vb.bitsize)
		return cmp_u64(va.bitsize, vb.bitsize);
	uint64_t n = va.bitsize < vb.bitsize ? va.bitsize : vb.bitsize;
	uint64_t pos = 0;
	if (va.bitoffs % 8 == 0 && vb.bitoffs % 8 == 0 && n >= 8) {
		int c = memcmp(va.base + va.bitoffs / 8, vb.base + vb.bitoffs / 8, n / 8);
		if (c)
			return c < 0 ? -1 : 1;
		pos = n / 8 * 8;
	}
	while (pos < n) {
		uint8_t ba[64], bb[64];
		uint64_t m = n - pos < 512 ? n - pos : 512;
		bits_copy(ba, va.base, va.bitoffs + pos, m);
		bits_copy(bb, vb.base, vb.bitoffs + pos, m);
		int c = memcmp(ba, bb, (m + 7) / 8);
		if (c)
			return c < 0 ? -1 : 1;
		pos += m;
	}
	return cmp_u64(va.bitsize, vb.bitsize);
}

/* ---- the work stack ---- */

typedef struct cmp_item {
	const term *a, *b;
	size_t n;
	bool exact;
} cmp_item;

typedef struct cmp_stack {
	cmp_item *items;
	size_t len, cap;
	void **owned; /* arrays to free when done */
	size_t nowned, capowned;
	cmp_item inline_items[32];
} cmp_stack;

static void *grow(void *p, size_t *cap, size_t elem, void *inline_buf)
{
	size_t ncap = *cap ? *cap * 2 : 8;
	void *n = p == inline_buf ? malloc(ncap * elem) : realloc(p, ncap * elem);
	if (!n) {
		fputs("kbeam: out of memory comparing terms\n", stderr);
		abort();
	}
	if (p == inline_buf && p)
		memcpy(n, inline_buf, *cap * elem);
	*cap = ncap;
	return n;
}

static void push(cmp_stack *s, const term *a, const term *b, size_t n, bool exact)
{
	if (n == 0)
		return;
	if (s->len == s->cap)
		s->items = grow(s->items, &s->cap, sizeof(cmp_item), s->inline_items);
	s->items[s->len++] = (cmp_item){a, b, n, exact};
}

static void *own(cmp_stack *s, size_t bytes)
{
	void *p = malloc(bytes ? bytes : 1);
	if (!p) {
		fputs("kbeam: out of memory comparing terms\n", stderr);
		abort();
	}
	if (s->nowned == s->capowned)
		s->owned = grow(s->owned, &s->capowned, sizeof(void *), NULL);
	s->owned[s->nowned++] = p;
	return p;
}

/* ---- maps ---- */

typedef struct kv_sort {
	term *keys;
} kv_sort;

static int kv_cmp(const void *a, const void *b, void *arg)
{
	const kv_sort *ks = arg;
	return term_compare_exact(ks->keys[*(const size_t *)a], ks->keys[*(const size_t *)b]);
}

/* A map's keys and values as arrays, in map key order (or, when only
 * equality matters and the map is a HAMT, in its iteration order, which is
 * the same for maps with the same keys). */
static void map_arrays(cmp_stack *s, term m, bool sorted, const term **keys, const term **values)
{
	if (map_is_flat(m)) {
		*keys = flatmap_keys(m);
		*values = flatmap_values(m);
		return;
	}
	size_t n = map_size(m);
	term *k = own(s, 2 * n * sizeof(term));
	term *v = k + n;
	map_iter it;
	map_iter_init_next(&it, m);
	for (size_t i = 0; map_iter_next(&it, &k[i], &v[i]); i++)
		;
	if (sorted) {
		size_t *idx = malloc(n * sizeof *idx);
		term *tmp = malloc(2 * n * sizeof *tmp);
		if (!idx || !tmp) {
			fputs("kbeam: out of memory comparing maps\n", stderr);
			abort();
		}
		for (size_t i = 0; i < n; i++)
			idx[i] = i;
		kv_sort ks = {k};
		qsort_r(idx, n, sizeof *idx, kv_cmp, &ks);
		for (size_t i = 0; i < n; i++) {
			tmp[i] = k[idx[i]];
			tmp[n + i] = v[idx[i]];
		}
		memcpy(k, tmp, 2 * n * sizeof(term));
		free(idx);
		free(tmp);
	}
	*keys = k;
	*values = v;
}

/* ---- the engine ---- */

/* Compares a and b as far as their own words go; pushes their parts. */
static int cmp_shallow(cmp_stack *s, term a, term b, bool exact, bool eq_only)
{
	if (a == b)
		return 0;
	if (is_atom(a) && is_atom(b))
		return cmp_atoms(a, b);
	if (is_small(a) && is_small(b))
		return sign_of(small_value(a) - small_value(b));

	enum term_class ca = class_of(a), cb = class_of(b);
	if (ca != cb)
		return ca < cb ? -1 : 1;
	switch (ca) {
	case CLASS_NUMBER:
		return cmp_numbers(a, b, exact);
	case CLASS_REF:
		return cmp_refs(a, b);
	case CLASS_PORT:
		return cmp_ports(a, b);
	case CLASS_PID:
		return cmp_pids(a, b);
	case CLASS_FUN: {
		int c = cmp_fun_heads(a, b);
		if (!c && is_fun(a))
			push(s, fun_env(a), fun_env(b), fun_num_free(a), exact);
		return c;
	}
	case CLASS_TUPLE: {
		uint64_t na = tuple_arity(a), nb = tuple_arity(b);
		if (na != nb)
			return cmp_u64(na, nb);
		push(s, tuple_elems(a), tuple_elems(b), na, exact);
		return 0;
	}
	case CLASS_LIST:
		/* tails after heads: the tail's item stays below the head's */
		push(s, list_ptr(a) + 1, list_ptr(b) + 1, 1, exact);
		push(s, list_ptr(a), list_ptr(b), 1, exact);
		return 0;
	case CLASS_MAP: {
		size_t na = map_size(a), nb = map_size(b);
		if (na != nb)
			return cmp_u64(na, nb);
		bool sorted = !(eq_only && !map_is_flat(a) && !map_is_flat(b));
		const term *ka, *va, *kb, *vb;
		map_arrays(s, a, sorted, &ka, &va);
		map_arrays(s, b, sorted, &kb, &vb);
		push(s, va, vb, na, exact);
		push(s, ka, kb, na, true); /* every key before any value */
		return 0;
	}
	case CLASS_BITSTRING:
		return cmp_bitstrings(a, b, eq_only);
	case CLASS_ATOM:
	case CLASS_NIL:
	case CLASS_OTHER:
		break;
	}
	return cmp_u64(a, b);
}

static int compare(term a, term b, bool exact, bool eq_only)
{
	if (a == b)
		return 0;
	cmp_stack s;
	s.items = s.inline_items;
	s.len = 0;
	s.cap = sizeof s.inline_items / sizeof s.inline_items[0];
	s.owned = NULL;
	s.nowned = s.capowned = 0;

	int c;
	for (;;) {
		c = cmp_shallow(&s, a, b, exact, eq_only);
		if (c || s.len == 0)
			break;
		cmp_item *it = &s.items[s.len - 1];
		a = it->a[0];
		b = it->b[0];
		exact = it->exact;
		if (--it->n) {
			it->a++;
			it->b++;
		} else {
			s.len--;
		}
	}

	if (s.items != s.inline_items)
		free(s.items);
	for (size_t i = 0; i < s.nowned; i++)
		free(s.owned[i]);
	free(s.owned);
	return c;
}

int term_compare(term a, term b) { return compare(a, b, false, false); }
int term_compare_exact(term a, term b) { return compare(a, b, true, false); }
bool term_eq(term a, term b) { return compare(a, b, false, true) == 0; }
bool term_eq_exact(term a, term b) { return compare(a, b, true, true) == 0; }
