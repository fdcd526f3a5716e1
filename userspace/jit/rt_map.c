/* Map instructions: building updated maps and looking keys up. */
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "vm/map.h"

term rt_map_get(term map, term key) { return map_get(map, key); }

/* Index of key in a flatmap's keys, or -1. */
static long flat_index(term map, term key)
{
	size_t sz = flatmap_size(map);
	const term *keys = flatmap_keys(map);
	if (is_immed(key)) {
		for (size_t k = 0; k < sz; k++)
			if (keys[k] == key)
				return (long)k;
		return -1;
	}
	for (size_t k = 0; k < sz; k++)
		if (rt_eq_exact(keys[k], key))
			return (long)k;
	return -1;
}

/* A copy of a flatmap sharing its keys tuple, values replaced at idx[]. */
static term flat_replace(process *p, term map, const term *kv, const long *idx, uint32_t n)
{
	size_t sz = flatmap_size(map);
	term *src = boxed_ptr(map);
	term *dst = heap_alloc(&p->heap, sz + 3);
	if (!dst)
		return bif_no_memory(p);
	memcpy(dst, src, (sz + 3) * sizeof(term));
	term m = make_boxed(dst);
	term *vals = flatmap_values(m);
	for (uint32_t i = 0; i < n; i++)
		vals[idx[i]] = kv[2 * i + 1];
	return m;
}

term rt_map_update(process *p, term map, const term *kv, uint32_t n, bool exact)
{
	if (!is_map(map))
		return rt_set_error(p, ATOM(badmap), map);
	if (n == 0)
		return map;
	if (map_is_flat(map) && n <= MAP_FLAT_LIMIT) {
		long idx[MAP_FLAT_LIMIT];
		bool all_present = true;
		for (uint32_t i = 0; i < n; i++) {
			idx[i] = flat_index(map, kv[2 * i]);
			if (idx[i] < 0) {
				if (exact)
					return rt_set_error(p, ATOM(badkey), kv[2 * i]);
				all_present = false;
			}
		}
		if (all_present)
			return flat_replace(p, map, kv, idx, n);
	} else if (exact) {
		for (uint32_t i = 0; i < n; i++)
			if (map_get(map, kv[2 * i]) == THE_NON_VALUE)
				return rt_set_error(p, ATOM(badkey), kv[2 * i]);
	}
	if (map_size(map) == 0 && n <= MAP_FLAT_LIMIT) {
		term keys[MAP_FLAT_LIMIT], vals[MAP_FLAT_LIMIT];
		for (uint32_t i = 0; i < n; i++) {
			keys[i] = kv[2 * i];
			vals[i] = kv[2 * i + 1];
		}
		term m = map_from_pairs(&p->heap, keys, vals, n);
		return m == THE_NON_VALUE ? bif_no_memory(p) : m;
	}
	term m = map;
	for (uint32_t i = 0; i < n; i++) {
		m = map_put(&p->heap, m, kv[2 * i], kv[2 * i + 1]);
		if (m == THE_NON_VALUE)
			return bif_no_memory(p);
	}
	return m;
}
