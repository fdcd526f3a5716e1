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

/* Walks t, feeding its leaves to the sink. */
static iolist_status walk(process *p, term t, bool allow_bits, iolist_sink *s)
{
	term *stack = NULL;
	size_t depth = 0, cap = 0;
	uint64_t visited = 0;
	iolist_status st = IOLIST_OK;
	term cur = t;
	for (;;) {
		visited++;
		if (is_list(cur)) {
			term h = list_head(cur);
			cur = list_tail(cur);
			if (is_small(h)) {
				int64_t v = small_value(h);
				if (v < 0 || v > 255)
					goto bad;
				leaf_byte(s, (uint8_t)v);
			} else if (is_bitstring(h)) {
				if (!leaf_bitstring(s, h, allow_bits))
					goto bad;
			} else if (is_list(h) || is_nil(h)) {
				if (depth == cap) {
					size_t ncap = cap ? 2 * cap : 32;
					term *ns = realloc(stack, ncap * sizeof *ns);
					if (!ns) {
						st = IOLIST_NO_MEMORY;
						goto out;
					}
					stack = ns;
					cap = ncap;
				}
				stack[depth++] = cur;
				cur = h;
			} else {
				goto bad;
			}
			continue;
		}
		if (is_bitstring(cur)) {
			if (!leaf_bitstring(s, cur, allow_bits))
				goto bad;
		} else if (!is_nil(cur)) {
			goto bad;
		}
		if (depth == 0)
			goto out;
		cur = stack[--depth];
	}
bad:
	st = IOLIST_BADARG;
out:
	free(stack);
	p->reds -= (int64_t)(visited / ELEMS_PER_REDUCTION);
	return st;
}

iolist_status iolist_bits(process *p, term t, bool allow_bits, uint64_t *bits)
{
	iolist_sink s = {0, NULL};
	iolist_status st = walk(p, t, allow_bits, &s);
	*bits = s.bits;
	return st;
}

iolist_status iolist_to_bitstring(process *p, term t, bool allow_bits, term *out)
{
	uint64_t bits;
	iolist_status st = iolist_bits(p, t, allow_bits, &bits);
	if (st != IOLIST_OK)
		return st;
	uint64_t nbytes = (bits + 7) / 8;
	uint8_t *buf = calloc(nbytes + 1, 1);
	if (!buf)
		return IOLIST_NO_MEMORY;
	iolist_sink s = {0, buf};
	st = walk(p, t, allow_bits, &s);
	if (st == IOLIST_OK) {
		*out = bitstring_new(&p->heap, buf, bits);
		if (*out == THE_NON_VALUE)
			st = IOLIST_NO_MEMORY;
	}
	free(buf);
	return st;
}
