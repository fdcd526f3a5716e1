/* erlang:iolist_to_iovec/1: iodata as a list of binaries, cut as OTP 25
 * cuts it.
 *
 * OTP gathers bytes and small binaries (under 256 bytes) into an
 * accumulator and passes large binaries through as they are, so the
 * binaries of the result, not only their contents, are OTP's:
 *   - a large binary met with the accumulator empty, or holding 256 bytes
 *     or more, ends the accumulator (if any) and is passed through;
 *   - a small binary, or a large one that together with the accumulator
 *     stays under 512 bytes, is copied in;
 *   - otherwise the accumulator is topped up to 256 bytes from the binary,
 *     ended, and the rest of the binary follows as a slice of it.
 * The accumulator's capacity starts at 256 bytes (or what is needed) and
 * doubles; once it is 8192 bytes or more, a write that does not fit ends
 * it and starts a new one instead. Those capacities decide where long
 * runs of bytes are cut, so kbeam tracks them as OTP does.
 */
#include <stdlib.h>
#include <string.h>

#include "bif.h"
#include "erlang_binaries_part.h"
#include "erlang_misc.h"
#include "vm/binary.h"

#define SMALL_BIN 256
#define ACC_REGROW_LIMIT (SMALL_BIN * 32)
#define BYTES_PER_REDUCTION 256

typedef struct iovec_build {
	process *p;
	uint8_t *acc; /* the accumulator's bytes */
	size_t acc_size;
	size_t acc_cap;     /* OTP's capacity of it, 0 when there is none */
	size_t acc_mem_cap; /* what acc has room for */
	term *out;          /* the result's binaries, in order */
	size_t nout, out_cap;
	term *stack; /* list tails still to walk */
	size_t depth, stack_cap;
	uint64_t bytes;
} iovec_build;

typedef enum { IOV_OK, IOV_BADARG, IOV_NO_MEMORY } iov_status;

static bool push_term(term **v, size_t *n, size_t *cap, term t)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		term *nv = realloc(*v, c * sizeof *nv);
		if (!nv)
			return false;
		*v = nv;
		*cap = c;
	}
	(*v)[(*n)++] = t;
	return true;
}

static iov_status emit(iovec_build *b, term bin)
{
	return push_term(&b->out, &b->nout, &b->out_cap, bin) ? IOV_OK : IOV_NO_MEMORY;
}

/* The accumulator becomes a binary of the result. */
static iov_status end_acc(iovec_build *b)
{
	term bin = binary_new(&b->p->heap, b->acc, b->acc_size);
	b->acc_size = 0;
	b->acc_cap = 0;
	if (bin == THE_NON_VALUE)
		return IOV_NO_MEMORY;
	return emit(b, bin);
}

/* Room for extra more bytes, growing (or ending) the accumulator as OTP. */
static iov_status reserve(iovec_build *b, size_t extra)
{
	size_t need = b->acc_size + extra;
	if (b->acc_cap == 0) {
		b->acc_cap = need > SMALL_BIN ? need : SMALL_BIN;
	} else if (need > b->acc_cap) {
		if (b->acc_cap >= ACC_REGROW_LIMIT) {
			iov_status s = end_acc(b);
			if (s != IOV_OK)
				return s;
			return reserve(b, extra);
		}
		b->acc_cap = need > 2 * b->acc_cap ? need : 2 * b->acc_cap;
	}
	if (b->acc_cap > b->acc_mem_cap) {
		uint8_t *n = realloc(b->acc, b->acc_cap);
		if (!n)
			return IOV_NO_MEMORY;
		b->acc = n;
		b->acc_mem_cap = b->acc_cap;
	}
	return IOV_OK;
}

static void acc_put(iovec_build *b, const bitstring_view *v, uint64_t byte_offs, size_t n)
{
	bits_copy(b->acc + b->acc_size, v->base, v->bitoffs + 8 * byte_offs, 8 * (uint64_t)n);
	b->acc_size += n;
}

static iov_status add_binary(iovec_build *b, term bin)
{
	if (!is_binary(bin))
		return IOV_BADARG;
	bitstring_view v;
	bitstring_get(bin, &v);
	size_t n = v.bitsize / 8;
	b->bytes += n;
	if (n == 0)
		return IOV_OK;
	bool acc_small = b->acc_size < SMALL_BIN, bin_small = n < SMALL_BIN;
	iov_status s;
	if (!bin_small && (b->acc_size == 0 || !acc_small)) {
		if (b->acc_size && (s = end_acc(b)) != IOV_OK)
			return s;
		return emit(b, bin);
	}
	if (bin_small || n + b->acc_size < 2 * SMALL_BIN) {
		if ((s = reserve(b, n)) != IOV_OK)
			return s;
		acc_put(b, &v, 0, n);
		return IOV_OK;
	}
	size_t spill = SMALL_BIN - b->acc_size;
	if ((s = reserve(b, spill)) != IOV_OK)
		return s;
	acc_put(b, &v, 0, spill);
	if ((s = end_acc(b)) != IOV_OK)
		return s;
	term rest = sub_bitstring(&b->p->heap, bin, 8 * (uint64_t)spill, 8 * (uint64_t)(n - spill));
	if (rest == THE_NON_VALUE)
		return IOV_NO_MEMORY;
	return emit(b, rest);
}

/* A run of small integers from l (all of them must be bytes); *rest is
 * where it ends. */
static iov_status add_bytes(iovec_build *b, term l, term *rest)
{
	size_t n = 0;
	term e = l;
	for (; is_list(e) && is_small(list_head(e)); e = list_tail(e))
		n++;
	iov_status s = reserve(b, n);
	if (s != IOV_OK)
		return s;
	for (; l != e; l = list_tail(l)) {
		int64_t c = small_value(list_head(l));
		if (c < 0 || c > 255)
			return IOV_BADARG;
		b->acc[b->acc_size++] = (uint8_t)c;
	}
	b->bytes += n;
	*rest = e;
	return IOV_OK;
}

static iov_status walk(iovec_build *b, term l)
{
	for (;;) {
		while (is_list(l)) {
			term h = list_head(l);
			iov_status s;
			if (is_bitstring(h)) {
				if ((s = add_binary(b, h)) != IOV_OK)
					return s;
				l = list_tail(l);
			} else if (is_small(h)) {
				if ((s = add_bytes(b, l, &l)) != IOV_OK)
					return s;
			} else if (is_list(h) || h == NIL) {
				term tail = list_tail(l);
				if (tail != NIL &&
				    !push_term(&b->stack, &b->depth, &b->stack_cap, tail))
					return IOV_NO_MEMORY;
				l = h;
			} else {
				return IOV_BADARG;
			}
		}
		if (is_bitstring(l)) {
			iov_status s = add_binary(b, l);
			if (s != IOV_OK)
				return s;
		} else if (l != NIL) {
			return IOV_BADARG;
		}
		if (b->depth == 0)
			return b->acc_size ? end_acc(b) : IOV_OK;
		l = b->stack[--b->depth];
	}
}

term bif_erlang_iolist_to_iovec_1(process *p, const term *args)
{
	term t = args[0];
	if (t == NIL)
		return NIL;
	if (is_bitstring(t)) {
		if (!is_binary(t))
			return bif_badarg(p);
		if (bitstring_bitsize(t) == 0)
			return NIL;
		term *cell = heap_alloc(&p->heap, 2);
		if (!cell)
			return bif_no_memory(p);
		cell[0] = t;
		cell[1] = NIL;
		return make_list(cell);
	}
	if (!is_list(t))
		return bif_badarg(p);
	iovec_build b = {.p = p};
	iov_status s = walk(&b, t);
	term r = NIL;
	if (s == IOV_OK) {
		term *cells = b.nout ? heap_alloc(&p->heap, 2 * b.nout) : NULL;
		if (b.nout && !cells) {
			s = IOV_NO_MEMORY;
		} else {
			for (size_t i = b.nout; i-- > 0;) {
				cells[2 * i] = b.out[i];
				cells[2 * i + 1] = r;
				r = make_list(&cells[2 * i]);
			}
		}
	}
	free(b.acc);
	free(b.out);
	free(b.stack);
	p->reds -= (int64_t)(b.bytes / BYTES_PER_REDUCTION);
	if (s == IOV_NO_MEMORY)
		return bif_no_memory(p);
	if (s == IOV_BADARG)
		return bif_badarg(p);
	return r;
}
