/* Map instructions: building updated maps and looking keys up. */
#include <stdlib.h>

#include "rt.h"
#include "vm/map.h"

term rt_map_get(term map, term key) { return map_get(map, key); }

/* All keys present in a flatmap: one copy sharing the keys tuple. */
static term flat_replace(process *p, term map, const term *kv, uint32_t n)
{
	size_t sz = flatmap_size(map);
	term *src = boxed_ptr(map);
	term *dst = heap_alloc(&p->heap, sz + 3);
	if (!dst)
		return bif_no_memory(p);
	for (size_t i = 0; i < sz + 3; i++)
		dst[i] = src[i];
	term m = make_boxed(dst);
	const term *keys = flatmap_keys(m);
	term *vals = flatmap_values(m);
	for (uint32_t i = 0; i < n; i++) {
		/* keys are sorted: a binary search would do; n and sz are small */
		for (size_t k = 0; k < sz; k++) {
			if (rt_eq_exact(keys[k], kv[2 * i])) {
				vals[k] = kv[2 * i + 1];
				break;
			}
		}
	}
	return m;
}

term rt_map_update(process *p, term map, const term *kv, uint32_t n, bool exact)
{
	if (!is_map(map))
		return rt_set_error(p, ATOM(badmap), map);
	bool all_present = true;
	for (uint32_t i = 0; i < n; i++) {
		if (map_get(map, kv[2 * i]) == THE_NON_VALUE) {
			if (exact)
				return rt_set_error(p, ATOM(badkey), kv[2 * i]);
			all_present = false;
		}
	}
	if (n == 0)
		return map;
	if (all_present && map_is_flat(map))
		return flat_replace(p, map, kv, n);
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
