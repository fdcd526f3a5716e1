/* Binaries and iolists in the erlang module: list_to_binary/1,
 * iolist_to_binary/1, iolist_size/1, list_to_bitstring/1, binary_to_list/1,3,
 * bitstring_to_list/1, binary_part/2,3 and split_binary/2. */
#include "bif.h"
#include "erlang_binaries_iolist.h"
#include "erlang_binaries_part.h"
#include "vm/binary.h"
#include "vm/bignum.h"

/* Bytes turned into list cells per reduction charged. */
#define BYTES_PER_REDUCTION 64

static term iolist_result(process *p, iolist_status st, term r)
{
	if (st == IOLIST_BADARG)
		return bif_badarg(p);
	if (st == IOLIST_NO_MEMORY)
		return bif_no_memory(p);
	return r;
}

/* Elements walked in one go at least, when the slice is spent. */
#define WALK_MIN_CHUNK 16384
#define ELEMS_PER_REDUCTION 64

/* list_to_binary/1, iolist_to_binary/1, list_to_bitstring/1: a long list
 * is walked in slices of the reductions left, the walk kept between them
 * (bif_trap_c_state). */
static term to_bitstring(process *p, const term *args, bool allow_bits, bif_fn self)
{
	void *job = bif_resuming(p, self) ? bif_take_state(p) : NULL;
	uint64_t budget = UINT64_MAX;
	if (bif_can_trap(p, args)) {
		budget = p->reds > 0 ? (uint64_t)p->reds * ELEMS_PER_REDUCTION : 0;
		if (budget < WALK_MIN_CHUNK)
			budget = WALK_MIN_CHUNK;
	}
	term r = THE_NON_VALUE;
	iolist_status st = iolist_to_bitstring_step(p, &job, args[0], allow_bits, budget, &r);
	if (st == IOLIST_MORE)
		return bif_trap_c_state(p, self, 1, job, iolist_job_free);
	return iolist_result(p, st, r);
}

static term bif_erlang_list_to_binary_1(process *p, const term *args)
{
	if (!is_list(args[0]) && !is_nil(args[0]))
		return bif_badarg(p);
	return to_bitstring(p, args, false, bif_erlang_list_to_binary_1);
}

static term bif_erlang_iolist_to_binary_1(process *p, const term *args)
{
	if (is_bitstring(args[0]))
		return is_binary(args[0]) ? args[0] : bif_badarg(p);
	if (!is_list(args[0]) && !is_nil(args[0]))
		return bif_badarg(p);
	return to_bitstring(p, args, false, bif_erlang_iolist_to_binary_1);
}

static term bif_erlang_list_to_bitstring_1(process *p, const term *args)
{
	if (!is_list(args[0]) && !is_nil(args[0]))
		return bif_badarg(p);
	return to_bitstring(p, args, true, bif_erlang_list_to_bitstring_1);
}

static term bif_erlang_iolist_size_1(process *p, const term *args)
{
	uint64_t bits = 0;
	if (!is_list(args[0]) && !is_nil(args[0]) && !is_binary(args[0]))
		return bif_badarg(p);
	iolist_status st = iolist_bits(p, args[0], false, &bits);
	if (st != IOLIST_OK)
		return iolist_result(p, st, THE_NON_VALUE);
	term r = int_from_u64(&p->heap, bits / 8);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

/* The list of the bytes [from, from + n) of bitstring b, ending in tail. */
static term bytes_to_list(process *p, term b, uint64_t from, uint64_t n, term tail)
{
	if (n == 0)
		return tail;
	bitstring_view v;
	bitstring_get(b, &v);
	term *hp = heap_alloc(&p->heap, 2 * n);
	if (!hp)
		return bif_no_memory(p);
	uint64_t bit = v.bitoffs + from * 8;
	for (uint64_t i = 0; i < n; i++, bit += 8) {
		uint8_t byte;
		bits_copy(&byte, v.base, bit, 8);
		hp[2 * i] = make_small(byte);
		hp[2 * i + 1] = i + 1 < n ? make_list(hp + 2 * i + 2) : tail;
	}
	p->reds -= (int64_t)(n / BYTES_PER_REDUCTION);
	return make_list(hp);
}

/* Bytes converted in one go at least, when the slice is spent. */
#define TO_LIST_MIN_CHUNK 8192

static term bif_erlang_binary_to_list_1(process *p, const term *args)
{
	if (!is_binary(args[0]))
		return bif_badarg(p);
	uint64_t left = bitstring_bitsize(args[0]) / 8;
	term acc = NIL;
	if (bif_resuming(p, bif_erlang_binary_to_list_1)) {
		/* x1: the list of the bytes from x2 on, x2: bytes still to do */
		acc = args[1];
		left = (uint64_t)small_value(args[2]);
	}
	if (bif_can_trap(p, args)) {
		/* a large binary goes in slices from its end, each as long as
		 * the reductions left allow */
		uint64_t budget = p->reds > 0 ? (uint64_t)p->reds * BYTES_PER_REDUCTION : 0;
		if (budget < TO_LIST_MIN_CHUNK)
			budget = TO_LIST_MIN_CHUNK;
		if (left > budget) {
			acc = bytes_to_list(p, args[0], left - budget, budget, acc);
			if (acc == THE_NON_VALUE)
				return acc;
			p->x[1] = acc;
			p->x[2] = make_small((int64_t)(left - budget));
			return bif_trap_state(p, bif_erlang_binary_to_list_1, 3);
		}
	}
	return bytes_to_list(p, args[0], 0, left, acc);
}

static term bif_erlang_binary_to_list_3(process *p, const term *args)
{
	uint64_t start, stop;
	/* unlike binary_to_list/1, any bitstring: its whole bytes count */
	if (!is_bitstring(args[0]) || !term_to_u64(args[1], &start) || !term_to_u64(args[2], &stop))
		return bif_badarg(p);
	uint64_t size = bitstring_bitsize(args[0]) / 8;
	if (start < 1 || start > size || stop < 1 || stop > size || stop < start)
		return bif_badarg(p);
	return bytes_to_list(p, args[0], start - 1, stop - start + 1, NIL);
}

static term bif_erlang_bitstring_to_list_1(process *p, const term *args)
{
	term b = args[0];
	if (!is_bitstring(b))
		return bif_badarg(p);
	uint64_t bits = bitstring_bitsize(b);
	term tail = NIL;
	if (bits % 8) {
		term *hp = heap_alloc(&p->heap, 2);
		term rest = sub_bitstring(&p->heap, b, bits - bits % 8, bits % 8);
		if (!hp || rest == THE_NON_VALUE)
			return bif_no_memory(p);
		hp[0] = rest;
		hp[1] = NIL;
		tail = make_list(hp);
	}
	return bytes_to_list(p, b, 0, bits / 8, tail);
}

static term bif_erlang_binary_part_2(process *p, const term *args)
{
	return binary_part_tuple_bif(p, args[0], args[1]);
}

static term bif_erlang_binary_part_3(process *p, const term *args)
{
	return binary_part_bif(p, args[0], args[1], args[2]);
}

static term bif_erlang_split_binary_2(process *p, const term *args)
{
	uint64_t pos;
	term b = args[0];
	if (!is_bitstring(b) || !term_to_u64(args[1], &pos))
		return bif_badarg(p);
	uint64_t bits = bitstring_bitsize(b);
	if (pos > bits / 8)
		return bif_badarg(p);
	term left = sub_bitstring(&p->heap, b, 0, pos * 8);
	term right = sub_bitstring(&p->heap, b, pos * 8, bits - pos * 8);
	term *hp = heap_alloc(&p->heap, 3);
	if (left == THE_NON_VALUE || right == THE_NON_VALUE || !hp)
		return bif_no_memory(p);
	hp[0] = make_header(2, SUBTAG_TUPLE);
	hp[1] = left;
	hp[2] = right;
	return make_boxed(hp);
}

const bif_def bif_family_erlang_binaries[] = {
    {"erlang", "binary_part", 2, bif_erlang_binary_part_2, 0},
    {"erlang", "binary_part", 3, bif_erlang_binary_part_3, 0},
    {"erlang", "binary_to_list", 1, bif_erlang_binary_to_list_1, BIF_TRAPS},
    {"erlang", "binary_to_list", 3, bif_erlang_binary_to_list_3, 0},
    {"erlang", "bitstring_to_list", 1, bif_erlang_bitstring_to_list_1, 0},
    {"erlang", "iolist_size", 1, bif_erlang_iolist_size_1, 0},
    {"erlang", "iolist_to_binary", 1, bif_erlang_iolist_to_binary_1, BIF_TRAPS},
    {"erlang", "list_to_binary", 1, bif_erlang_list_to_binary_1, BIF_TRAPS},
    {"erlang", "list_to_bitstring", 1, bif_erlang_list_to_bitstring_1, BIF_TRAPS},
    {"erlang", "split_binary", 2, bif_erlang_split_binary_2, 0},
    {0},
};
