/* erts_internal:map_next/3: the BIF behind maps:to_list/1, maps:next/1 and
 * hence maps:fold/3, maps:map/2, maps:filter/2 ... in OTP 25's maps.erl.
 *
 *   map_next(Path, Map, Acc) when is_list(Acc): every pair of Map, in
 *   maps:to_list/1's order, followed by Acc (kbeam finishes in one call).
 *   map_next(Path, Map, iterator): {K, V, NextIter}, NextIter being
 *   [NextPath | Map] or none; `none` when Path is past the end.
 *
 * A path names one pair. For a flatmap it is the pair's index. For a HAMT
 * it lists the child index taken at each level from the head down, as
 * 5-bit digits (index + 1, the head's digit most significant), so the
 * successor is found without rescanning. Path 0 is the first pair.
 */
#include "bif.h"
#include "vm/build.h"
#include "vm/map.h"

#define DIGIT_BITS 5
#define MAX_LEVELS 11 /* 55 bits: a small integer */

static term tuple3(process *p, term a, term b, term c) { return build_tuple3(&p->heap, a, b, c); }

static term iter_of(process *p, int64_t path, term map)
{
	term *c = heap_alloc(&p->heap, 2);
	if (!c)
		return THE_NON_VALUE;
	c[0] = make_small(path);
	c[1] = map;
	return make_list(c);
}

struct hamt_path {
	unsigned depth;
	unsigned idx[MAX_LEVELS];
	term *node[MAX_LEVELS];
};

/* Descends from path->node[depth-1]'s child idx[depth-1] to the first leaf. */
static bool first_leaf(struct hamt_path *hp)
{
	for (;;) {
		term *node = hp->node[hp->depth - 1];
		term child = hamt_node_children(node)[hp->idx[hp->depth - 1]];
		if (is_list(child))
			return true;
		if (hp->depth == MAX_LEVELS)
			return false;
		hp->node[hp->depth] = boxed_ptr(child);
		hp->idx[hp->depth] = 0;
		hp->depth++;
	}
}

static int64_t encode(const struct hamt_path *hp)
{
	int64_t v = 0;
	for (unsigned i = 0; i < hp->depth; i++)
		v = v << DIGIT_BITS | (hp->idx[i] + 1);
	return v;
}

/* Rebuilds a path from its number; false when it names no leaf. */
static bool decode(term map, int64_t v, struct hamt_path *hp)
{
	unsigned digits[MAX_LEVELS + 1], n = 0;
	while (v > 0) {
		if (n == MAX_LEVELS)
			return false;
		digits[n++] = (unsigned)(v & ((1 << DIGIT_BITS) - 1));
		v >>= DIGIT_BITS;
	}
	hp->depth = 0;
	term *node = boxed_ptr(map);
	for (unsigned i = n; i-- > 0;) {
		if (digits[i] == 0 || digits[i] - 1 >= hamt_node_count(node))
			return false;
		hp->node[hp->depth] = node;
		hp->idx[hp->depth] = digits[i] - 1;
		hp->depth++;
		term child = hamt_node_children(node)[digits[i] - 1];
		if (i > 0) {
			if (!is_boxed(child))
				return false;
			node = boxed_ptr(child);
		} else if (!is_list(child)) {
			return false;
		}
	}
	return n > 0;
}

static term next_hamt(process *p, int64_t path, term map)
{
	struct hamt_path hp;
	if (path == 0) {
		hp.depth = 1;
		hp.node[0] = boxed_ptr(map);
		hp.idx[0] = 0;
		if (!first_leaf(&hp))
			return bif_system_limit(p);
	} else if (!decode(map, path, &hp)) {
		return bif_badarg(p);
	}
	term leaf = hamt_node_children(hp.node[hp.depth - 1])[hp.idx[hp.depth - 1]];
	term k = list_head(leaf), v = list_tail(leaf);
	/* the successor */
	while (hp.depth > 0) {
		unsigned l = hp.depth - 1;
		if (hp.idx[l] + 1 < hamt_node_count(hp.node[l])) {
			hp.idx[l]++;
			if (!first_leaf(&hp))
				return bif_system_limit(p);
			term it = iter_of(p, encode(&hp), map);
			term r = it == THE_NON_VALUE ? THE_NON_VALUE : tuple3(p, k, v, it);
			return r == THE_NON_VALUE ? bif_no_memory(p) : r;
		}
		hp.depth--;
	}
	term r = tuple3(p, k, v, atom_from_cstr("none"));
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

static term next_pair(process *p, term path, term map)
{
	if (!is_small(path) || small_value(path) < 0)
		return bif_badarg(p);
	int64_t i = small_value(path);
	if (map_size(map) == 0)
		return atom_from_cstr("none");
	if (!map_is_flat(map))
		return next_hamt(p, i, map);
	if ((size_t)i >= flatmap_size(map))
		return atom_from_cstr("none");
	term nxt =
	    (size_t)i + 1 < flatmap_size(map) ? iter_of(p, i + 1, map) : atom_from_cstr("none");
	term r = nxt == THE_NON_VALUE
	             ? THE_NON_VALUE
	             : tuple3(p, flatmap_keys(map)[i], flatmap_values(map)[i], nxt);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

static term all_pairs(process *p, term map, term acc)
{
	size_t n = map_size(map);
	term *mem = heap_alloc(&p->heap, 5 * n);
	if (!mem && n)
		return bif_no_memory(p);
	map_iter it;
	map_iter_init(&it, map);
	/* cons cells first, tuples after them, in iteration order */
	term *cells = mem, *tuples = mem + 2 * n;
	term k, v;
	size_t i = 0;
	while (map_iter_next(&it, &k, &v) && i < n) {
		tuples[3 * i] = make_header(2, SUBTAG_TUPLE);
		tuples[3 * i + 1] = k;
		tuples[3 * i + 2] = v;
		cells[2 * i] = make_boxed(&tuples[3 * i]);
		cells[2 * i + 1] = i + 1 < n ? make_list(&cells[2 * i + 2]) : acc;
		i++;
	}
	return n ? make_list(cells) : acc;
}

static term bif_map_next_3(process *p, const term *a)
{
	if (!is_map(a[1]))
		return bif_badarg(p);
	if (a[2] == atom_from_cstr("iterator"))
		return next_pair(p, a[0], a[1]);
	if (is_list(a[2]) || a[2] == NIL)
		return all_pairs(p, a[1], a[2]);
	return bif_badarg(p);
}

const bif_def bif_family_maps_iter[] = {
    {"erts_internal", "map_next", 3, bif_map_next_3, BIF_NEEDS_PROCESS},
    {NULL, NULL, 0, NULL, 0},
};
