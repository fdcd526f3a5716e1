/* The checksum iodata walk (see erlang_checksum_walk.h). Pending list
 * tails wait on a malloc'd stack, so deep nesting costs no C stack; a run
 * of bytes gathers in a malloc'd buffer until something ends it. */
#include "erlang_checksum_walk.h"

#include <stdlib.h>
#include <string.h>

#include "vm/binary.h"

/* OTP's checksum BIFs charge a reduction per ten bytes. */
#define BYTES_PER_REDUCTION 10

typedef struct walk {
	iodata_sink sink;
	void *ctx;
	uint64_t bytes; /* handed to the sink so far */
	uint8_t *run;   /* the bytes of the current run */
	size_t nrun, run_cap;
	term *stack; /* list tails still to walk */
	size_t depth, stack_cap;
} walk;

static bool grow(void **buf, size_t *cap, size_t elem)
{
	size_t n = *cap ? *cap * 2 : 256;
	void *b = realloc(*buf, n * elem);
	if (!b)
		return false;
	*buf = b;
	*cap = n;
	return true;
}

static void emit(walk *w, const uint8_t *bytes, size_t n)
{
	w->sink(w->ctx, bytes, n);
	w->bytes += n;
}

static void end_run(walk *w)
{
	if (w->nrun) {
		emit(w, w->run, w->nrun);
		w->nrun = 0;
	}
}

/* One binary, in one piece (unaligned ones through an aligned copy). */
static iolist_status emit_binary(walk *w, term b)
{
	if (!is_binary(b))
		return IOLIST_BADARG;
	bitstring_view v;
	bitstring_get(b, &v);
	size_t n = v.bitsize / 8;
	if (v.bitoffs % 8 == 0) {
		emit(w, v.base + v.bitoffs / 8, n);
		return IOLIST_OK;
	}
	uint8_t *copy = malloc(n);
	if (!copy)
		return IOLIST_NO_MEMORY;
	bits_copy(copy, v.base, v.bitoffs, v.bitsize);
	emit(w, copy, n);
	free(copy);
	return IOLIST_OK;
}

static bool is_byte(term t) { return is_small(t) && small_value(t) >= 0 && small_value(t) <= 255; }

/* Walks one list and the lists it holds; its tail and theirs wait on the
 * stack. */
static iolist_status walk_list(walk *w, term l)
{
	for (;;) {
		while (is_list(l)) {
			term h = list_head(l);
			if (is_byte(h)) {
				if (w->nrun == w->run_cap &&
				    !grow((void **)&w->run, &w->run_cap, 1))
					return IOLIST_NO_MEMORY;
				w->run[w->nrun++] = (uint8_t)small_value(h);
				l = list_tail(l);
				continue;
			}
			end_run(w);
			if (is_list(h)) {
				if (w->depth == w->stack_cap &&
				    !grow((void **)&w->stack, &w->stack_cap, sizeof(term)))
					return IOLIST_NO_MEMORY;
				w->stack[w->depth++] = list_tail(l);
				l = h;
				continue;
			}
			if (is_bitstring(h)) {
				iolist_status s = emit_binary(w, h);
				if (s != IOLIST_OK)
					return s;
			} else if (h != NIL) {
				return IOLIST_BADARG;
			}
			l = list_tail(l);
		}
		end_run(w);
		if (is_bitstring(l)) {
			iolist_status s = emit_binary(w, l);
			if (s != IOLIST_OK)
				return s;
		} else if (l != NIL) {
			return IOLIST_BADARG;
		}
		if (w->depth == 0)
			return IOLIST_OK;
		l = w->stack[--w->depth];
	}
}

iolist_status iodata_walk(process *p, term t, iodata_sink sink, void *ctx)
{
	walk w = {.sink = sink, .ctx = ctx};
	iolist_status s;
	if (t == NIL)
		s = IOLIST_OK;
	else if (is_bitstring(t))
		s = emit_binary(&w, t);
	else if (is_list(t))
		s = walk_list(&w, t);
	else
		s = IOLIST_BADARG;
	free(w.run);
	free(w.stack);
	p->reds -= (int64_t)(w.bytes / BYTES_PER_REDUCTION);
	return s;
}
