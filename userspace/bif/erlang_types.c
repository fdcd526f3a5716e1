/* Type tests (is_atom/1 ...), record and fun shape tests, and the sizes of
 * maps, tuples and bitstrings. */
#include "bif.h"
#include "vm/binary.h"
#include "vm/export.h"
#include "vm/fun.h"
#include "vm/map.h"

static term boolean(bool b) { return b ? ATOM(true) : ATOM(false); }

#define TYPE_TEST(name, test)                                                                      \
	static term bif_erlang_##name##_1(process *p, const term *args)                            \
	{                                                                                          \
		(void)p;                                                                           \
		return boolean(test(args[0]));                                                     \
	}

static bool is_boolean(term t) { return t == ATOM(true) || t == ATOM(false); }
static bool is_list_or_nil(term t) { return is_list(t) || is_nil(t); }

TYPE_TEST(is_atom, is_atom)
TYPE_TEST(is_binary, is_binary)
TYPE_TEST(is_bitstring, is_bitstring)
TYPE_TEST(is_boolean, is_boolean)
TYPE_TEST(is_float, is_float)
TYPE_TEST(is_function, is_any_fun)
TYPE_TEST(is_integer, is_integer)
TYPE_TEST(is_list, is_list_or_nil)
TYPE_TEST(is_map, is_map)
TYPE_TEST(is_number, is_number)
TYPE_TEST(is_pid, is_pid)
TYPE_TEST(is_port, is_port)
TYPE_TEST(is_reference, is_ref)
TYPE_TEST(is_tuple, is_tuple)

/* is_function(F, Arity): Arity must be a non-negative integer. */
static term bif_erlang_is_function_2(process *p, const term *args)
{
	term f = args[0], a = args[1];
	if (is_big(a) && !big_is_negative(a))
		return ATOM(false);
	if (!is_small(a) || small_value(a) < 0)
		return bif_badarg(p);
	uint64_t arity = (uint64_t)small_value(a);
	if (is_fun(f))
		return boolean(fun_get_entry(f)->arity == arity);
	if (is_export(f))
		return boolean(export_get_entry(f)->arity == arity);
	return ATOM(false);
}

/* is_record(Term, Tag): a tuple whose first element is the atom Tag. */
static term bif_erlang_is_record_2(process *p, const term *args)
{
	term t = args[0], tag = args[1];
	if (!is_atom(tag))
		return bif_badarg(p);
	return boolean(is_tuple(t) && tuple_arity(t) >= 1 && tuple_get(t, 1) == tag);
}

/* is_record(Term, Tag, Size): also of exactly Size elements (a small
 * integer, or badarg). */
static term bif_erlang_is_record_3(process *p, const term *args)
{
	term t = args[0], tag = args[1], size = args[2];
	if (!is_atom(tag) || !is_small(size))
		return bif_badarg(p);
	return boolean(is_tuple(t) && small_value(size) >= 1 &&
	               tuple_arity(t) == (uint64_t)small_value(size) && tuple_get(t, 1) == tag);
}

static term tuple_of(process *p, term tag, term value)
{
	term *hp = heap_alloc(&p->heap, 3);
	if (!hp)
		return THE_NON_VALUE;
	hp[0] = make_header(2, SUBTAG_TUPLE);
	hp[1] = tag;
	hp[2] = value;
	return make_boxed(hp);
}

static term badmap(process *p, term m)
{
	term r = tuple_of(p, ATOM(badmap), m);
	return r == THE_NON_VALUE ? bif_no_memory(p) : bif_error(p, r);
}

static term bif_erlang_is_map_key_2(process *p, const term *args)
{
	if (!is_map(args[1]))
		return badmap(p, args[1]);
	return boolean(map_get(args[1], args[0]) != THE_NON_VALUE);
}

static term bif_erlang_map_size_1(process *p, const term *args)
{
	if (!is_map(args[0]))
		return badmap(p, args[0]);
	return make_small((int64_t)map_size(args[0]));
}

static term bif_erlang_tuple_size_1(process *p, const term *args)
{
	if (!is_tuple(args[0]))
		return bif_badarg(p);
	return make_small((int64_t)tuple_arity(args[0]));
}

/* Sizes are far below 2^59, so they are always small integers. */
static term bif_erlang_byte_size_1(process *p, const term *args)
{
	if (!is_bitstring(args[0]))
		return bif_badarg(p);
	return make_small((int64_t)((bitstring_bitsize(args[0]) + 7) / 8));
}

static term bif_erlang_bit_size_1(process *p, const term *args)
{
	if (!is_bitstring(args[0]))
		return bif_badarg(p);
	return make_small((int64_t)bitstring_bitsize(args[0]));
}

/* size/1: of a tuple, or of a bitstring in whole bytes (rounded down,
 * unlike byte_size/1). */
static term bif_erlang_size_1(process *p, const term *args)
{
	if (is_tuple(args[0]))
		return make_small((int64_t)tuple_arity(args[0]));
	if (is_bitstring(args[0]))
		return make_small((int64_t)(bitstring_bitsize(args[0]) / 8));
	return bif_badarg(p);
}

#define ENTRY(name, arity)                                                                         \
	{                                                                                          \
		"erlang", #name, arity, bif_erlang_##name##_##arity, 0                             \
	}

const bif_def bif_family_erlang_types[] = {
    ENTRY(is_atom, 1),   ENTRY(is_binary, 1),   ENTRY(is_bitstring, 1), ENTRY(is_boolean, 1),
    ENTRY(is_float, 1),  ENTRY(is_function, 1), ENTRY(is_function, 2),  ENTRY(is_integer, 1),
    ENTRY(is_list, 1),   ENTRY(is_map, 1),      ENTRY(is_number, 1),    ENTRY(is_pid, 1),
    ENTRY(is_port, 1),   ENTRY(is_record, 2),   ENTRY(is_record, 3),    ENTRY(is_reference, 1),
    ENTRY(is_tuple, 1),  ENTRY(is_map_key, 2),  ENTRY(map_size, 1),     ENTRY(tuple_size, 1),
    ENTRY(byte_size, 1), ENTRY(bit_size, 1),    ENTRY(size, 1),         {0},
};
