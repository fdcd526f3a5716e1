/* The maps module's BIFs (OTP 25's erl_map.c set): lookups, updates and
 * conversions on vm/map.h. A map argument that is not a map raises
 * {badmap, M}, a missing key where one is required {badkey, K}, and a
 * malformed list badarg, as in OTP.
 *
 * Removing a key rebuilds the map from its remaining pairs: the shape of a
 * map depends only on its key set (map.h), so the result is the map OTP
 * builds, a flatmap again once 32 keys or fewer remain. */
#include "bif.h"
#include "vm/build.h"
#include "vm/compare.h"
#include "vm/map.h"

#include <stdlib.h>

/* Work charged per key visited, in reductions per key. */
#define KEYS_PER_REDUCTION 16

static term badmap(process *p, term m)
{
	term *hp = heap_alloc(&p->heap, 3);
	if (!hp)
		return bif_no_memory(p);
	hp[0] = make_header(2, SUBTAG_TUPLE);
	hp[1] = ATOM(badmap);
	hp[2] = m;
	return bif_error(p, make_boxed(hp));
}

static term badkey(process *p, term k)
{
	term *hp = heap_alloc(&p->heap, 3);
	if (!hp)
		return bif_no_memory(p);
	hp[0] = make_header(2, SUBTAG_TUPLE);
	hp[1] = ATOM(badkey);
	hp[2] = k;
	return bif_error(p, make_boxed(hp));
}

static term tuple2(process *p, term a, term b)
{
	term t = build_tuple2(&p->heap, a, b);
	return t == THE_NON_VALUE ? bif_no_memory(p) : t;
}

static void charge_keys(process *p, size_t n) { p->reds -= (int64_t)(n / KEYS_PER_REDUCTION); }

/* The pairs of m in maps:to_list order, into malloc'd arrays (*keys holds
 * both: keys first, then values). False when out of memory. */
static bool map_pairs(term m, term **keys, term **values, size_t extra)
{
	size_t n = map_size(m);
	term *buf = malloc((2 * (n + extra) + 1) * sizeof *buf);
	if (!buf)
		return false;
	map_iter it;
	map_iter_init(&it, m);
	size_t i = 0;
	term k, v;
	while (map_iter_next(&it, &k, &v)) {
		buf[i] = k;
		buf[n + extra + i] = v;
		i++;
	}
	*keys = buf;
	*values = buf + n + extra;
	return true;
}

static term bif_maps_get_2(process *p, const term *args)
{
	if (!is_map(args[1]))
		return badmap(p, args[1]);
	term v = map_get(args[1], args[0]);
	if (v == THE_NON_VALUE)
		return badkey(p, args[0]);
	return v;
}

static term bif_maps_find_2(process *p, const term *args)
{
	if (!is_map(args[1]))
		return badmap(p, args[1]);
	term v = map_get(args[1], args[0]);
	if (v == THE_NON_VALUE)
		return ATOM(error);
	return tuple2(p, ATOM(ok), v);
}

static term bif_maps_is_key_2(process *p, const term *args)
{
	if (!is_map(args[1]))
		return badmap(p, args[1]);
	return map_get(args[1], args[0]) == THE_NON_VALUE ? ATOM(false) : ATOM(true);
}

static term bif_maps_put_3(process *p, const term *args)
{
	if (!is_map(args[2]))
		return badmap(p, args[2]);
	term m = map_put(&p->heap, args[2], args[0], args[1]);
	return m == THE_NON_VALUE ? bif_no_memory(p) : m;
}

static term bif_maps_update_3(process *p, const term *args)
{
	if (!is_map(args[2]))
		return badmap(p, args[2]);
	if (map_get(args[2], args[0]) == THE_NON_VALUE)
		return badkey(p, args[0]);
	term m = map_put(&p->heap, args[2], args[0], args[1]);
	return m == THE_NON_VALUE ? bif_no_memory(p) : m;
}

/* m without key (which it holds); THE_NON_VALUE when out of memory. */
static term map_without(process *p, term m, term key)
{
	term *keys, *values;
	if (!map_pairs(m, &keys, &values, 0))
		return THE_NON_VALUE;
	size_t n = map_size(m), j = 0;
	for (size_t i = 0; i < n; i++) {
		if (j == i && term_eq_exact(keys[i], key))
			continue; /* keys are unique: at most one goes */
		keys[j] = keys[i];
		values[j] = values[i];
		j++;
	}
	charge_keys(p, n);
	term r = map_from_pairs(&p->heap, keys, values, j);
	free(keys);
	return r;
}

static term bif_maps_remove_2(process *p, const term *args)
{
	if (!is_map(args[1]))
		return badmap(p, args[1]);
	if (map_get(args[1], args[0]) == THE_NON_VALUE)
		return args[1];
	term m = map_without(p, args[1], args[0]);
	return m == THE_NON_VALUE ? bif_no_memory(p) : m;
}

static term bif_maps_take_2(process *p, const term *args)
{
	if (!is_map(args[1]))
		return badmap(p, args[1]);
	term v = map_get(args[1], args[0]);
	if (v == THE_NON_VALUE)
		return ATOM(error);
	term m = map_without(p, args[1], args[0]);
	if (m == THE_NON_VALUE)
		return bif_no_memory(p);
	return tuple2(p, v, m);
}

/* keys/1 and values/1: one half of the pairs, in maps:to_list order. */
static term map_half_list(process *p, term m, bool want_keys)
{
	size_t n = map_size(m);
	if (n == 0)
		return NIL;
	term *hp = heap_alloc(&p->heap, 2 * n);
	if (!hp)
		return bif_no_memory(p);
	map_iter it;
	map_iter_init(&it, m);
	term k, v, list = NIL, *prev = NULL;
	while (map_iter_next(&it, &k, &v)) {
		hp[0] = want_keys ? k : v;
		hp[1] = NIL;
		if (prev)
			prev[1] = make_list(hp);
		else
			list = make_list(hp);
		prev = hp;
		hp += 2;
	}
	charge_keys(p, n);
	return list;
}

static term bif_maps_keys_1(process *p, const term *args)
{
	if (!is_map(args[0]))
		return badmap(p, args[0]);
	return map_half_list(p, args[0], true);
}

static term bif_maps_values_1(process *p, const term *args)
{
	if (!is_map(args[0]))
		return badmap(p, args[0]);
	return map_half_list(p, args[0], false);
}

static term bif_maps_merge_2(process *p, const term *args)
{
	term a = args[0], b = args[1];
	if (!is_map(a))
		return badmap(p, a);
	if (!is_map(b))
		return badmap(p, b);
	size_t na = map_size(a), nb = map_size(b);
	if (nb == 0)
		return a;
	if (na == 0)
		return b;
	/* a's pairs then b's: where keys repeat, the later (b's) pair wins. */
	term *keys, *values;
	if (!map_pairs(a, &keys, &values, nb))
		return bif_no_memory(p);
	map_iter it;
	map_iter_init(&it, b);
	for (size_t i = na; map_iter_next(&it, &keys[i], &values[i]); i++)
		;
	charge_keys(p, na + nb);
	term m = map_from_pairs(&p->heap, keys, values, na + nb);
	free(keys);
	return m == THE_NON_VALUE ? bif_no_memory(p) : m;
}

/* Length of a proper list, or -1. */
static long proper_length(term l)
{
	long n = 0;
	for (; is_list(l); l = list_tail(l))
		n++;
	return is_nil(l) ? n : -1;
}

static term bif_maps_from_list_1(process *p, const term *args)
{
	long n = proper_length(args[0]);
	if (n < 0)
		return bif_badarg(p);
	term *keys = malloc((2 * (size_t)n + 1) * sizeof *keys);
	if (!keys)
		return bif_no_memory(p);
	term *values = keys + n, l = args[0];
	for (long i = 0; i < n; i++, l = list_tail(l)) {
		term t = list_head(l);
		if (!is_tuple(t) || tuple_arity(t) != 2) {
			free(keys);
			return bif_badarg(p);
		}
		keys[i] = tuple_get(t, 1);
		values[i] = tuple_get(t, 2);
	}
	charge_keys(p, (size_t)n);
	term m = map_from_pairs(&p->heap, keys, values, (size_t)n);
	free(keys);
	return m == THE_NON_VALUE ? bif_no_memory(p) : m;
}

static term bif_maps_from_keys_2(process *p, const term *args)
{
	long n = proper_length(args[0]);
	if (n < 0)
		return bif_badarg(p);
	term *keys = malloc((2 * (size_t)n + 1) * sizeof *keys);
	if (!keys)
		return bif_no_memory(p);
	term *values = keys + n, l = args[0];
	for (long i = 0; i < n; i++, l = list_tail(l)) {
		keys[i] = list_head(l);
		values[i] = args[1];
	}
	charge_keys(p, (size_t)n);
	term m = map_from_pairs(&p->heap, keys, values, (size_t)n);
	free(keys);
	return m == THE_NON_VALUE ? bif_no_memory(p) : m;
}

const bif_def bif_family_maps[] = {
    {"erlang", "map_get", 2, bif_maps_get_2, 0},
    {"maps", "find", 2, bif_maps_find_2, 0},
    {"maps", "from_keys", 2, bif_maps_from_keys_2, 0},
    {"maps", "from_list", 1, bif_maps_from_list_1, 0},
    {"maps", "get", 2, bif_maps_get_2, 0},
    {"maps", "is_key", 2, bif_maps_is_key_2, 0},
    {"maps", "keys", 1, bif_maps_keys_1, 0},
    {"maps", "merge", 2, bif_maps_merge_2, 0},
    {"maps", "put", 3, bif_maps_put_3, 0},
    {"maps", "remove", 2, bif_maps_remove_2, 0},
    {"maps", "take", 2, bif_maps_take_2, 0},
    {"maps", "update", 3, bif_maps_update_3, 0},
    {"maps", "values", 1, bif_maps_values_1, 0},
    {0},
};
