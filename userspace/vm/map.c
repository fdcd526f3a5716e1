/* Maps: size, lookup, construction and insertion; flatmaps here, HAMTs in
 * map_hamt.c. See map.h for the layout. */
#include "map.h"

#include <stdlib.h>

#include "compare.h"

size_t map_size(term m)
{
	if (map_is_flat(m))
		return flatmap_size(m);
	return (size_t)small_value(boxed_ptr(m)[HAMT_HEAD_SIZE]);
}

/* Index of the key =:= key in a flatmap, or -1. */
static long flatmap_find(term m, term key)
{
	size_t n = flatmap_size(m);
	const term *ks = flatmap_keys(m);
	if (is_immed(key)) {
		for (size_t i = 0; i < n; i++)
			if (ks[i] == key)
				return (long)i;
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (term_eq_exact(ks[i], key))
			return (long)i;
	return -1;
}

term map_get(term m, term key)
{
	if (!map_is_flat(m))
		return hamt_get(m, key);
	long i = flatmap_find(m, key);
	return i < 0 ? THE_NON_VALUE : flatmap_values(m)[i];
}

/* A flatmap of n values over an existing keys tuple; values may be NULL
 * (the caller fills them through flatmap_values). */
static term flatmap_alloc(kb_heap *h, term keys, const term *values, size_t n)
{
	term *p = heap_alloc(h, FLATMAP_VALUES + n);
	if (!p)
		return THE_NON_VALUE;
	p[0] = make_header(2 + n, SUBTAG_MAP);
	p[MAP_INFO] = map_make_info(MAP_KIND_FLAT, 0);
	p[FLATMAP_KEYS] = keys;
	if (values && n)
		memcpy(p + FLATMAP_VALUES, values, n * sizeof(term));
	return make_boxed(p);
}

static term tuple_alloc(kb_heap *h, const term *elems, size_t n)
{
	term *p = heap_alloc(h, 1 + n);
	if (!p)
		return THE_NON_VALUE;
	p[0] = make_header(n, SUBTAG_TUPLE);
	if (n)
		memcpy(p + 1, elems, n * sizeof(term));
	return make_boxed(p);
}

/* A flatmap from keys already sorted and distinct. */
static term flatmap_from_sorted(kb_heap *h, const term *keys, const term *values, size_t n)
{
	term kt = tuple_alloc(h, keys, n);
	if (kt == THE_NON_VALUE)
		return kt;
	return flatmap_alloc(h, kt, values, n);
}

/* Sorting pair indexes by key (map key order), ties by position, so that
 * the last of equal keys ends each run. */
typedef struct pair_sort {
	const term *keys;
} pair_sort;

static int pair_cmp(const void *a, const void *b, void *arg)
{
	const pair_sort *ps = arg;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = term_compare_exact(ps->keys[i], ps->keys[j]);
	if (c)
		return c;
	return i < j ? -1 : i > j;
}

term map_from_pairs(kb_heap *h, const term *keys, const term *values, size_t n)
{
	if (n == 0)
		return flatmap_from_sorted(h, NULL, NULL, 0);
	if (n == 1)
		return flatmap_from_sorted(h, keys, values, 1);

	size_t *idx = malloc(n * sizeof *idx);
	term *ks = malloc(n * sizeof *ks);
	term *vs = malloc(n * sizeof *vs);
	term res = THE_NON_VALUE;
	if (!idx || !ks || !vs)
		goto out;
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	pair_sort ps = {keys};
	qsort_r(idx, n, sizeof *idx, pair_cmp, &ps);

	/* keep the last pair of each run of equal keys */
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (i + 1 < n && term_compare_exact(keys[idx[i]], keys[idx[i + 1]]) == 0)
			continue;
		ks[m] = keys[idx[i]];
		vs[m] = values[idx[i]];
		m++;
	}
	if (m <= MAP_FLAT_LIMIT)
		res = flatmap_from_sorted(h, ks, vs, m);
	else
		res = hamt_build(h, ks, vs, m);
out:
	free(idx);
	free(ks);
	free(vs);
	return res;
}

static term flatmap_put(kb_heap *h, term m, term key, term value)
{
	size_t n = flatmap_size(m);
	long found = flatmap_find(m, key);
	if (found >= 0) {
		if (flatmap_values(m)[found] == value)
			return m;
		term r = flatmap_alloc(h, flatmap_keys_tuple(m), flatmap_values(m), n);
		if (r != THE_NON_VALUE)
			flatmap_values(r)[found] = value;
		return r;
	}

	const term *ks = flatmap_keys(m), *vs = flatmap_values(m);
	if (n >= MAP_FLAT_LIMIT) {
		term nk[MAP_FLAT_LIMIT + 1], nv[MAP_FLAT_LIMIT + 1];
		memcpy(nk, ks, n * sizeof(term));
		memcpy(nv, vs, n * sizeof(term));
		nk[n] = key;
		nv[n] = value;
		return hamt_build(h, nk, nv, n + 1);
	}

	size_t at = 0;
	while (at < n && term_compare_exact(ks[at], key) < 0)
		at++;
	term *t = heap_alloc(h, 2 + n);
	if (!t)
		return THE_NON_VALUE;
	t[0] = make_header(n + 1, SUBTAG_TUPLE);
	memcpy(t + 1, ks, at * sizeof(term));
	t[1 + at] = key;
	memcpy(t + 2 + at, ks + at, (n - at) * sizeof(term));
	term r = flatmap_alloc(h, make_boxed(t), NULL, n + 1);
	if (r == THE_NON_VALUE)
		return r;
	term *rv = flatmap_values(r);
	memcpy(rv, vs, at * sizeof(term));
	rv[at] = value;
	memcpy(rv + at + 1, vs + at, (n - at) * sizeof(term));
	return r;
}

term map_put(kb_heap *h, term m, term key, term value)
{
	if (map_is_flat(m))
		return flatmap_put(h, m, key, value);
	return hamt_put(h, m, key, value);
}
