#include "binary.h"

#include <stdlib.h>

kb_binary *binary_alloc(uint64_t nbytes)
{
	kb_binary *b = malloc(sizeof *b + nbytes);
	if (!b)
		return NULL;
	atomic_init(&b->refc, 1);
	b->size = nbytes;
	b->append_end = BINARY_NOT_WRITABLE;
	return b;
}

void binary_retain(kb_binary *b) { atomic_fetch_add_explicit(&b->refc, 1, memory_order_relaxed); }

void binary_release(kb_binary *b)
{
	if (atomic_fetch_sub_explicit(&b->refc, 1, memory_order_acq_rel) == 1)
		free(b);
}

void bitstring_get(term t, bitstring_view *v)
{
	term *p = boxed_ptr(t);
	switch (header_subtag(p[0])) {
	case SUBTAG_HEAP_BIN:
		v->base = (const uint8_t *)(p + 2);
		v->bitoffs = 0;
		v->bitsize = p[1] * 8;
		return;
	case SUBTAG_REFC_BIN:
		v->base = (const uint8_t *)(uintptr_t)p[REFC_BIN_BYTES];
		v->bitoffs = 0;
		v->bitsize = p[REFC_BIN_SIZE] * 8;
		return;
	default: { /* SUB_BIN */
		bitstring_view orig;
		bitstring_get(p[SUB_BIN_ORIG], &orig);
		v->base = orig.base;
		v->bitoffs = p[SUB_BIN_BITOFFS];
		v->bitsize = p[SUB_BIN_BITSIZE];
		return;
	}
	}
}

term binary_new(kb_heap *h, const uint8_t *data, uint64_t nbytes)
{
	if (nbytes <= HEAP_BIN_LIMIT) {
		term *p = heap_alloc(h, heap_bin_words(nbytes));
		if (!p)
			return THE_NON_VALUE;
		p[0] = make_header(heap_bin_words(nbytes) - 1, SUBTAG_HEAP_BIN);
		p[1] = nbytes;
		p[heap_bin_words(nbytes) - 1] = 0; /* no stray bytes after the end */
		if (data && nbytes)
			memcpy(p + 2, data, nbytes);
		return make_boxed(p);
	}
	kb_binary *b = binary_alloc(nbytes);
	if (!b)
		return THE_NON_VALUE;
	term *p = heap_alloc(h, REFC_BIN_WORDS);
	if (!p) {
		binary_release(b);
		return THE_NON_VALUE;
	}
	if (data)
		memcpy(b->data, data, nbytes);
	p[0] = make_header(REFC_BIN_WORDS - 1, SUBTAG_REFC_BIN);
	p[REFC_BIN_SIZE] = nbytes;
	p[REFC_BIN_VAL] = (term)(uintptr_t)b;
	p[REFC_BIN_BYTES] = (term)(uintptr_t)b->data;
	term t = make_boxed(p);
	heap_link_offheap(h, t, &p[REFC_BIN_NEXT]);
	return t;
}

uint8_t *binary_bytes_mut(term bin)
{
	term *p = boxed_ptr(bin);
	if (header_subtag(p[0]) == SUBTAG_HEAP_BIN)
		return (uint8_t *)(p + 2);
	return (uint8_t *)(uintptr_t)p[REFC_BIN_BYTES];
}

void bits_copy(uint8_t *dst, const uint8_t *src, uint64_t bitoffs, uint64_t nbits)
{
	src += bitoffs / 8;
	unsigned shift = (unsigned)(bitoffs % 8);
	uint64_t nbytes = (nbits + 7) / 8;
	if (shift == 0) {
		memcpy(dst, src, nbytes);
	} else {
		uint64_t avail = (shift + nbits + 7) / 8; /* source bytes touched */
		for (uint64_t i = 0; i < nbytes; i++) {
			unsigned hi = src[i];
			unsigned lo = i + 1 < avail ? src[i + 1] : 0;
			dst[i] = (uint8_t)((hi << shift) | (lo >> (8 - shift)));
		}
	}
	if (nbits % 8)
		dst[nbytes - 1] &= (uint8_t)(0xff << (8 - nbits % 8));
}

term bitstring_new(kb_heap *h, const uint8_t *data, uint64_t nbits)
{
	uint64_t nbytes = (nbits + 7) / 8;
	term bin = binary_new(h, NULL, nbytes);
	if (bin == THE_NON_VALUE)
		return bin;
	if (nbytes)
		bits_copy(binary_bytes_mut(bin), data, 0, nbits);
	if (nbits % 8 == 0)
		return bin;
	term *p = heap_alloc(h, SUB_BIN_WORDS);
	if (!p)
		return THE_NON_VALUE;
	p[0] = make_header(SUB_BIN_WORDS - 1, SUBTAG_SUB_BIN);
	p[SUB_BIN_BITSIZE] = nbits;
	p[SUB_BIN_BITOFFS] = 0;
	p[SUB_BIN_ORIG] = bin;
	return make_boxed(p);
}

const uint8_t *bitstring_aligned_bytes(term t)
{
	bitstring_view v;
	bitstring_get(t, &v);
	if (v.bitoffs % 8 || v.bitsize % 8)
		return NULL;
	return v.base + v.bitoffs / 8;
}
