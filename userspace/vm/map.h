/* Maps, laid out as OTP 25 lays them out, so that they iterate in OTP's order.
 *
 * A map of up to MAP_FLAT_LIMIT (32) keys is a flatmap; a larger one is a
 * HAMT (OTP's "hashmap"). Every map node is a boxed object with subtag MAP
 * whose header arity counts the words after the header, as for every boxed
 * object. The first of those words is the node's info word, a small integer
 * holding the node kind and, for HAMT nodes, the 16-bit slot bitmap:
 *
 *	info = make_small(kind | bitmap << 2)
 *
 *   flatmap      header(2 + n, MAP), info(FLAT), keys, v1 ... vn
 *   HAMT head    header(2 + c, MAP), info(HEAD_BITMAP, bitmap), size, child ...
 *                header(18, MAP),    info(HEAD_ARRAY, 0xffff), size, child x 16
 *   HAMT node    header(1 + c, MAP), info(NODE_BITMAP, bitmap), child ...
 *
 * A flatmap's keys is a tuple {k1, ..., kn} sorted in map key order, which
 * is term_compare_exact's order (term order, except that every integer sorts
 * before every float); maps with the same keys may share that tuple. A
 * HAMT's head is the map term itself; size (a small integer) counts its keys.
 * A head whose 16 slots are all used is an array head, any other head and
 * every inner node (even a full one) is a bitmap node whose children sit in
 * ascending slot order. A child is a leaf, the cons cell [Key | Value] (a
 * list term), or a boxed inner node.
 *
 * The slot of a key at depth L (the head is depth 0) is the 4-bit nibble
 *	(map_key_hash(key, L / 8) >> (4 * (L % 8))) & 15,
 * so after eight levels the key is hashed again with a new salt, as OTP
 * does. A key sits at the shallowest depth where its hash path differs from
 * every other key's; the shape of a HAMT therefore depends only on its key
 * set, and two maps with =:= keys have the same shape. Past MAP_MAX_DEPTH
 * levels (two distinct keys whose salted hashes agree eight times over,
 * which needs a 2^-256 coincidence) building the map fails.
 *
 * The hash is OTP 25's make_internal_hash, bit for bit, for numbers,
 * binaries, lists, tuples, maps, local funs, local pids, ports and refs
 * (a local pid or port is hashed as OTP's word for it with the default
 * process and port table sizes). Atoms are hashed by their index in the atom
 * table, as OTP does: large maps with atom keys iterate in OTP's order only
 * where kbeam's atom indexes equal OTP's. External pids, ports and refs,
 * and external funs, are hashed by node name, creation and numbers (OTP
 * hashes a pointer there, so no order can match OTP's for them).
 *
 * Iteration orders (all equal for flatmaps: ascending key order):
 *   map_iter_init       maps:to_list/1, maps:keys/1, maps:values/1, and the
 *                       pair order term_to_binary writes in MAP_EXT; for a
 *                       HAMT: depth first, highest slot first.
 *   map_iter_init_next  maps:iterator/1 + maps:next/1, hence maps:fold/3,
 *                       maps:map/2, io_lib's ~w and ~p; for a HAMT: depth
 *                       first, lowest slot first (exactly the reverse).
 */
#ifndef KBEAM_VM_MAP_H
#define KBEAM_VM_MAP_H

#include "heap.h"

#define MAP_FLAT_LIMIT 32
#define MAP_MAX_DEPTH 64

enum map_kind {
	MAP_KIND_FLAT = 0,
	MAP_KIND_NODE_BITMAP = 1,
	MAP_KIND_HEAD_ARRAY = 2,
	MAP_KIND_HEAD_BITMAP = 3,
};

/* word indexes inside a map node (0 is the header) */
enum {
	MAP_INFO = 1,
	FLATMAP_KEYS = 2,
	FLATMAP_VALUES = 3,
	HAMT_HEAD_SIZE = 2,
	HAMT_HEAD_CHILDREN = 3,
	HAMT_NODE_CHILDREN = 2
};

static inline term map_make_info(unsigned kind, unsigned bitmap)
{
	return make_small((int64_t)(kind | (uint64_t)bitmap << 2));
}
static inline unsigned map_node_kind(const term *node)
{
	return (unsigned)(small_value(node[MAP_INFO]) & 3);
}
static inline unsigned map_node_bitmap(const term *node)
{
	return (unsigned)((small_value(node[MAP_INFO]) >> 2) & 0xffff);
}
static inline bool map_is_flat(term m) { return map_node_kind(boxed_ptr(m)) == MAP_KIND_FLAT; }

/* Flatmap parts. */
static inline size_t flatmap_size(term m) { return header_arity(boxed_header(m)) - 2; }
static inline term flatmap_keys_tuple(term m) { return boxed_ptr(m)[FLATMAP_KEYS]; }
static inline term *flatmap_keys(term m) { return tuple_elems(boxed_ptr(m)[FLATMAP_KEYS]); }
static inline term *flatmap_values(term m) { return boxed_ptr(m) + FLATMAP_VALUES; }

/* HAMT node parts: the children of any head or inner node, and their count. */
static inline unsigned hamt_node_count(const term *node)
{
	return (unsigned)header_arity(node[0]) -
	       (map_node_kind(node) == MAP_KIND_NODE_BITMAP ? 1 : 2);
}
static inline term *hamt_node_children(term *node)
{
	return node + (map_node_kind(node) == MAP_KIND_NODE_BITMAP ? HAMT_NODE_CHILDREN
	                                                           : HAMT_HEAD_CHILDREN);
}

/* Number of keys. */
size_t map_size(term m);
/* The value stored under a key =:= to key, or THE_NON_VALUE. */
term map_get(term m, term key);
/* A map of the n pairs keys[i] => values[i]. Where keys repeat (=:=), the
 * last pair wins, key and value, as in maps:from_list/1; compare map_size()
 * with n to detect repeats. A flatmap when at most 32 keys remain, else a
 * HAMT. THE_NON_VALUE when out of memory. */
term map_from_pairs(kb_heap *h, const term *keys, const term *values, size_t n);
/* m with key => value added or replaced (maps:put/3). Where m has a key =:=
 * to key already, a flatmap keeps its old key and a HAMT takes the new one,
 * as in OTP (they differ only for 0.0 and -0.0). THE_NON_VALUE when out of
 * memory. */
term map_put(kb_heap *h, term m, term key, term value);

/* Iteration, in one of OTP's two orders (see the top of this file). */
struct map_iter_level {
	const term *children;
	unsigned count;
	unsigned done; /* children already visited */
};

typedef struct map_iter {
	term map;
	bool hamt;
	bool lowest_first;
	size_t pos;     /* flatmap: next index */
	unsigned depth; /* HAMT: levels of path in use */
	struct map_iter_level path[MAP_MAX_DEPTH + 1];
} map_iter;

void map_iter_init(map_iter *it, term m);
void map_iter_init_next(map_iter *it, term m);
/* term_to_binary's MAP_EXT pair order is maps:to_list/1's order. */
static inline void map_iter_init_etf(map_iter *it, term m) { map_iter_init(it, m); }
/* Next pair; false when all were visited. */
bool map_iter_next(map_iter *it, term *key, term *value);

/* OTP's make_internal_hash(t, salt): the hash behind maps, and later
 * erlang:phash2-free users such as ETS and the process dictionary. */
uint32_t term_internal_hash_salted(term t, uint32_t salt);
static inline uint32_t term_internal_hash(term t) { return term_internal_hash_salted(t, 0); }
/* OTP's make_map_hash(key, depth): the hash of a key for HAMT levels
 * 8 * depth ... 8 * depth + 7. */
uint32_t map_key_hash(term key, unsigned depth);

/* Internal to map*.c: the HAMT half of the API above. */
term hamt_get(term m, term key);
term hamt_put(kb_heap *h, term m, term key, term value);
/* Builds a HAMT from n > 0 distinct keys (=:=) and their values. */
term hamt_build(kb_heap *h, const term *keys, const term *values, size_t n);

#endif
