/* Map iteration in OTP's two orders (see map.h). */
#include "map.h"

static void iter_init(map_iter *it, term m, bool lowest_first)
{
	it->map = m;
	it->hamt = !map_is_flat(m);
	it->lowest_first = lowest_first;
	it->pos = 0;
	it->depth = 0;
	if (it->hamt) {
		term *root = boxed_ptr(m);
		it->path[0].children = hamt_node_children(root);
		it->path[0].count = hamt_node_count(root);
		it->path[0].done = 0;
		it->depth = 1;
	}
}

void map_iter_init(map_iter *it, term m) { iter_init(it, m, false); }
void map_iter_init_next(map_iter *it, term m) { iter_init(it, m, true); }

bool map_iter_next(map_iter *it, term *key, term *value)
{
	if (!it->hamt) {
		if (it->pos >= flatmap_size(it->map))
			return false;
		*key = flatmap_keys(it->map)[it->pos];
		*value = flatmap_values(it->map)[it->pos];
		it->pos++;
		return true;
	}
	while (it->depth > 0) {
		struct map_iter_level *top = &it->path[it->depth - 1];
		if (top->done == top->count) {
			it->depth--;
			continue;
		}
		unsigned i = it->lowest_first ? top->done : top->count - 1 - top->done;
		top->done++;
		term child = top->children[i];
		if (is_list(child)) {
			*key = list_head(child);
			*value = list_tail(child);
			return true;
		}
		if (it->depth > MAP_MAX_DEPTH)
			return false; /* deeper than any map this code builds */
		term *node = boxed_ptr(child);
		top = &it->path[it->depth++];
		top->children = hamt_node_children(node);
		top->count = hamt_node_count(node);
		top->done = 0;
	}
	return false;
}
