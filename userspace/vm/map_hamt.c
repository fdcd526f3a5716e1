/* HAMTs: maps of more than 32 keys, shaped exactly as OTP 25 shapes them
 * (see map.h): building from distinct pairs, lookup and insertion. */
#include "map.h"

#include <stdlib.h>

#include "compare.h"

/* A key's hash, rehashed lazily as the walk goes past each eight levels. */
typedef struct key_hash {
	term key;
	unsigned depth; /* which salted hash h is */
	uint32_t h;
} key_hash;

static void key_hash_init(key_hash *kh, term key)
{
	kh->key = key;
	kh->depth = 0;
	kh->h = map_key_hash(key, 0);
}

static unsigned slot_at(key_hash *kh, unsigned level)
{
	if (level / 8 != kh->depth) {
		kh->depth = level / 8;
		kh->h = map_key_hash(kh->key, kh->depth);
	}
	return (kh->h >> (4 * (level % 8))) & 15;
}

static unsigned popcount16(unsigned x) { return (unsigned)__builtin_popcount(x & 0xffff); }

static term make_leaf(kb_heap *h, term key, term value)
{
	term *c = heap_alloc(h, 2);
	if (!c)
		return THE_NON_VALUE;
	c[0] = key;
	c[1] = value;
	return make_list(c);
}

/* A node whose children (in slot order) fill the slots set in bitmap. A
 * head also records the map's size, and is an array head when its 16 slots
 * are all used. */
static term make_node(kb_heap *h, bool head, size_t size, unsigned bitmap, const term *children)
{
	unsigned count = popcount16(bitmap);
	size_t extra = head ? 2 : 1;
	term *p = heap_alloc(h, 1 + extra + count);
	if (!p)
		return THE_NON_VALUE;
	p[0] = make_header(extra + count, SUBTAG_MAP);
	if (head) {
		unsigned kind = bitmap == 0xffff ? MAP_KIND_HEAD_ARRAY : MAP_KIND_HEAD_BITMAP;
		p[MAP_INFO] = map_make_info(kind, bitmap);
		p[HAMT_HEAD_SIZE] = make_small((int64_t)size);
	} else {
		p[MAP_INFO] = map_make_info(MAP_KIND_NODE_BITMAP, bitmap);
	}
	memcpy(p + 1 + extra, children, count * sizeof(term));
	return make_boxed(p);
}

/* ---- building from distinct pairs ---- */

typedef struct hamt_builder {
	kb_heap *h;
	const term *keys, *values;
	uint32_t *h0;  /* map_key_hash(key, 0) of each pair */
	size_t *order; /* pair indexes sorted by hash path */
} hamt_builder;

/* A hash with its nibbles reversed: comparing these compares hash paths,
 * level 0's nibble first. */
static uint32_t path_order(uint32_t h)
{
	uint32_t r = 0;
	for (int i = 0; i < 8; i++, h >>= 4)
		r = r << 4 | (h & 15);
	return r;
}

static int path_cmp(const void *a, const void *b, void *arg)
{
	const hamt_builder *hb = arg;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	uint32_t pi = path_order(hb->h0[i]), pj = path_order(hb->h0[j]);
	for (unsigned d = 1; pi == pj && d < MAP_MAX_DEPTH / 8; d++) {
		pi = path_order(map_key_hash(hb->keys[i], d));
		pj = path_order(map_key_hash(hb->keys[j], d));
	}
	if (pi != pj)
		return pi < pj ? -1 : 1;
	return i < j ? -1 : i > j;
}

static unsigned pair_slot(const hamt_builder *hb, size_t pair, unsigned level)
{
	uint32_t h = level < 8 ? hb->h0[pair] : map_key_hash(hb->keys[pair], level / 8);
	return (h >> (4 * (level % 8))) & 15;
}

/* The subtree for order[lo, hi), all of whose keys share their first
 * `level` slots. */
static term build_level(const hamt_builder *hb, size_t lo, size_t hi, unsigned level, bool head)
{
	if (level >= MAP_MAX_DEPTH)
		return THE_NON_VALUE;
	term children[16];
	unsigned bitmap = 0, count = 0;
	size_t i = lo;
	while (i < hi) {
		unsigned slot = pair_slot(hb, hb->order[i], level);
		size_t j = i + 1;
		while (j < hi && pair_slot(hb, hb->order[j], level) == slot)
			j++;
		term child;
		if (j - i == 1)
			child = make_leaf(hb->h, hb->keys[hb->order[i]], hb->values[hb->order[i]]);
		else
			child = build_level(hb, i, j, level + 1, false);
		if (child == THE_NON_VALUE)
			return child;
		bitmap |= 1u << slot;
		children[count++] = child;
		i = j;
	}
	return make_node(hb->h, head, hi - lo, bitmap, children);
}

term hamt_build(kb_heap *h, const term *keys, const term *values, size_t n)
{
	hamt_builder hb = {h, keys, values, malloc(n * sizeof(uint32_t)),
	                   malloc(n * sizeof(size_t))};
	term res = THE_NON_VALUE;
	if (!hb.h0 || !hb.order)
		goto out;
	for (size_t i = 0; i < n; i++) {
		hb.h0[i] = map_key_hash(keys[i], 0);
		hb.order[i] = i;
	}
	qsort_r(hb.order, n, sizeof *hb.order, path_cmp, &hb);
	res = build_level(&hb, 0, n, 0, true);
out:
	free(hb.h0);
	free(hb.order);
	return res;
}

/* ---- lookup ---- */

term hamt_get(term m, term key)
{
	key_hash kh;
	key_hash_init(&kh, key);
	term *node = boxed_ptr(m);
	for (unsigned level = 0;; level++) {
		unsigned slot = slot_at(&kh, level);
		unsigned bitmap = map_node_bitmap(node);
		if (!(bitmap & (1u << slot)))
			return THE_NON_VALUE;
		term child = hamt_node_children(node)[popcount16(bitmap & ((1u << slot) - 1))];
		if (is_list(child))
			return term_eq_exact(list_head(child), key) ? list_tail(child)
			                                            : THE_NON_VALUE;
		node = boxed_ptr(child);
	}
}

/* ---- insertion ---- */

/* The subtree at `level` holding two leaves whose keys differ. */
static term split_leaves(kb_heap *h, term a, key_hash *ka, term b, key_hash *kb, unsigned level)
{
	if (level >= MAP_MAX_DEPTH)
		return THE_NON_VALUE;
	unsigned sa = slot_at(ka, level), sb = slot_at(kb, level);
	term children[2];
	if (sa == sb) {
		children[0] = split_leaves(h, a, ka, b, kb, level + 1);
		if (children[0] == THE_NON_VALUE)
			return THE_NON_VALUE;
		return make_node(h, false, 0, 1u << sa, children);
	}
	children[0] = sa < sb ? a : b;
	children[1] = sa < sb ? b : a;
	return make_node(h, false, 0, 1u << sa | 1u << sb, children);
}

typedef struct hamt_insert {
	kb_heap *h;
	term key, value;
	key_hash kh;
	bool grew;
} hamt_insert;

/* The node with key => value put below it; the same node when nothing
 * changes, THE_NON_VALUE when out of memory. */
static term insert_at(hamt_insert *ins, term node_term, unsigned level)
{
	term *node = boxed_ptr(node_term);
	bool head = level == 0;
	size_t size = head ? (size_t)small_value(node[HAMT_HEAD_SIZE]) : 0;
	unsigned bitmap = map_node_bitmap(node);
	unsigned count = hamt_node_count(node);
	const term *old = hamt_node_children(node);
	unsigned slot = slot_at(&ins->kh, level);
	unsigned bit = 1u << slot;
	unsigned at = popcount16(bitmap & (bit - 1));
	term children[16];
	memcpy(children, old, count * sizeof(term));

	if (!(bitmap & bit)) {
		term leaf = make_leaf(ins->h, ins->key, ins->value);
		if (leaf == THE_NON_VALUE)
			return leaf;
		memmove(children + at + 1, children + at, (count - at) * sizeof(term));
		children[at] = leaf;
		ins->grew = true;
		return make_node(ins->h, head, size + 1, bitmap | bit, children);
	}

	term child = old[at], repl;
	if (is_list(child)) {
		if (term_eq_exact(list_head(child), ins->key)) {
			if (list_tail(child) == ins->value)
				return node_term;
			repl = make_leaf(ins->h, ins->key, ins->value);
		} else {
			term leaf = make_leaf(ins->h, ins->key, ins->value);
			if (leaf == THE_NON_VALUE)
				return leaf;
			key_hash other;
			key_hash_init(&other, list_head(child));
			repl = split_leaves(ins->h, child, &other, leaf, &ins->kh, level + 1);
			ins->grew = true;
		}
	} else {
		repl = insert_at(ins, child, level + 1);
		if (repl == child)
			return node_term;
	}
	if (repl == THE_NON_VALUE)
		return repl;
	children[at] = repl;
	return make_node(ins->h, head, size + ins->grew, bitmap, children);
}

term hamt_put(kb_heap *h, term m, term key, term value)
{
	hamt_insert ins = {.h = h, .key = key, .value = value, .grew = false};
	key_hash_init(&ins.kh, key);
	return insert_at(&ins, m, 0);
}
