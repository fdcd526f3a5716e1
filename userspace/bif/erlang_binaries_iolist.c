/* The iolist walk (see erlang_binaries_iolist.h). */
#include "erlang_binaries_iolist.h"

#include <stdlib.h>

#include "vm/binary.h"

/* Elements visited per reduction charged. */
#define ELEMS_PER_REDUCTION 64

typedef struct iolist_sink {
	uint64_t bits; /* bits seen so far */
	uint8_t *out;  /* when copying: the destination, zeroed past `bits` */
} iolist_sink;

/* Appends nbits bits of src (from bit offs) at sink->bits. The bits of
 * the destination past the current end are zero; they stay zero past the
 * new end. The destination has one byte of slack past its end. */
static void put_bits(iolist_sink *s, const uint8_t *src, uint64_t offs, uint64_t nbits)
{
	uint8_t *d = s->out + s->bits / 8;
	unsigned sh = (unsigned)(s->bits % 8);
	s->bits += nbits;
	if (sh == 0) {
		if (nbits)
			bits_copy(d, src, offs, nbits);
		return;
	}
	uint8_t chunk[256];
	while (nbits) {
		uint64_t k = nbits < 8 * sizeof chunk ? nbits : 8 * sizeof chunk;
		bits_copy(chunk, src, offs, k);
		uint64_t nbytes = (k + 7) / 8;
		for (uint64_t i = 0; i < nbytes; i++) {
			d[i] |= (uint8_t)(chunk[i] >> sh);
			d[i + 1] = (uint8_t)(chunk[i] << (8 - sh));
		}
		/* keep the bits past the new end zero */
		uint64_t end = sh + k;
		if (end % 8)
			d[end / 8] &= (uint8_t)(0xff << (8 - end % 8));
		else
			d[end / 8] = 0;
		d += k / 8;
		offs += k;
		nbits -= k;
	}
}

static bool leaf_bitstring(iolist_sink *s, term b, bool allow_bits)
{
	bitstring_view v;
	bitstring_get(b, &v);
	if (!allow_bits && v.bitsize % 8)
		return false;
	if (s->out)
		put_bits(s, v.base, v.bitoffs, v.bitsize);
	else
		s->bits += v.bitsize;
	return true;
}

static void leaf_byte(iolist_sink *s, uint8_t byte)
{
	if (s->out)
		put_bits(s, &byte, 0, 8);
	else
		s->bits += 8;
}

/* A walk of t that can stop after a number of elements and go on later:
 * the pending tails on a malloc'd stack, the element it is at in cur. */
typedef struct iolist_walk {
	term *stack;
	size_t depth, cap;
	term cur;
	bool allow_bits;
	iolist_sink s;
} iolist_walk;

static void walk_start(iolist_walk *w, term t, bool allow_bits, uint8_t *out)
{
	*w = (iolist_walk){.cur = t, .allow_bits = allow_bits, .s = {0, out}};
}

/* Feeds the leaves to the sink, at most `budget` elements: IOLIST_MORE
 * when the walk is not over, else how it ended. */
static iolist_status walk_some(process *p, iolist_walk *w, uint64_t budget)
{
	uint64_t visited = 0;
	iolist_status st = IOLIST_OK;
	term cur = w->cur;
	for (;;) {
		if (visited++ == budget) {
			st = IOLIST_MORE;
			goto out;
		}
		if (is_list(cur)) {
			term h = list_head(cur);
			cur = list_tail(cur);
			if (is_small(h)) {
				int64_t v = small_value(h);
				if (v < 0 || v > 255)
					goto bad;
				leaf_byte(&w->s, (uint8_t)v);
			} else if (is_bitstring(h)) {
				if (!leaf_bitstring(&w->s, h, w->allow_bits))
					goto bad;
			} else if (is_list(h) || is_nil(h)) {
				if (w->depth == w->cap) {
					size_t ncap = w->cap ? 2 * w->cap : 32;
					term *ns = realloc(w->stack, ncap * sizeof *ns);
					if (!ns) {
						st = IOLIST_NO_MEMORY;
						goto out;
					}
					w->stack = ns;
					w->cap = ncap;
				}
				w->stack[w->depth++] = cur;
				cur = h;
			} else {
				goto bad;
			}
			continue;
		}
		if (is_bitstring(cur)) {
			if (!leaf_bitstring(&w->s, cur, w->allow_bits))
				goto bad;
		} else if (!is_nil(cur)) {
			goto bad;
		}
		if (w->depth == 0)
			goto out;
		cur = w->stack[--w->depth];
	}
bad:
	st = IOLIST_BADARG;
out:
	w->cur = cur;
	p->reds -= (int64_t)(visited / ELEMS_PER_REDUCTION);
	return st;
}

static void walk_end(iolist_walk *w)
{
	free(w->stack);
	w->stack = NULL;
}

iolist_status iolist_bits(process *p, term t, bool allow_bits, uint64_t *bits)
{
	iolist_walk w;
	walk_start(&w, t, allow_bits, NULL);
	iolist_status st = walk_some(p, &w, UINT64_MAX);
	walk_end(&w);
	*bits = w.s.bits;
	return st;
}

/* list_to_binary and friends in steps: sizing the list, then filling. */
struct iolist_job {
	iolist_walk w;
	bool filling;
	uint64_t bits;
	uint8_t *buf;
};

void iolist_job_free(void *job)
{
	struct iolist_job *j = job;
	if (j) {
		walk_end(&j->w);
		free(j->buf);
		free(j);
	}
}

iolist_status iolist_to_bitstring_step(process *p, void **job, term t, bool allow_bits,
                                       uint64_t budget, term *out)
{
	struct iolist_job *j = *job;
	if (!j) {
		j = calloc(1, sizeof *j);
		if (!j)
			return IOLIST_NO_MEMORY;
		walk_start(&j->w, t, allow_bits, NULL);
		*job = j;
	}
	iolist_status st;
	for (;;) {
		st = walk_some(p, &j->w, budget);
		if (st != IOLIST_OK || j->filling)
			break;
		/* sized: fill a buffer of that size with a second walk */
		j->bits = j->w.s.bits;
		walk_end(&j->w);
		j->buf = calloc((j->bits + 7) / 8 + 1, 1);
		if (!j->buf) {
			st = IOLIST_NO_MEMORY;
			break;
		}
		walk_start(&j->w, t, allow_bits, j->buf);
		j->filling = true;
	}
	if (st == IOLIST_MORE)
		return st;
	if (st == IOLIST_OK) {
		*out = bitstring_new(&p->heap, j->buf, j->bits);
		if (*out == THE_NON_VALUE)
			st = IOLIST_NO_MEMORY;
	}
	iolist_job_free(j);
	*job = NULL;
	return st;
}

iolist_status iolist_to_bitstring(process *p, term t, bool allow_bits, term *out)
{
	void *job = NULL;
	return iolist_to_bitstring_step(p, &job, t, allow_bits, UINT64_MAX, out);
}
