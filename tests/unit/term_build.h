/* Terms the tests build by hand on a heap of their own. Allocation
 * failures come back as THE_NON_VALUE where noted, else the heap is
 * assumed to have room (test heaps grow until memory runs out). */
#ifndef KBEAM_TESTS_TERM_BUILD_H
#define KBEAM_TESTS_TERM_BUILD_H

#include <string.h>

#include "vm/binary.h"
#include "vm/heap.h"
#include "vm/term.h"

static inline term build_cons(kb_heap *h, term head, term tail)
{
	term *p = heap_alloc(h, 2);
	p[0] = head;
	p[1] = tail;
	return make_list(p);
}

static inline term build_tuple2(kb_heap *h, term a, term b)
{
	term *p = heap_alloc(h, 3);
	p[0] = make_header(2, SUBTAG_TUPLE);
	p[1] = a;
	p[2] = b;
	return make_boxed(p);
}

static inline term build_float(kb_heap *h, double d)
{
	term *p = heap_alloc(h, 2);
	p[0] = make_header(1, SUBTAG_FLOAT);
	memcpy(p + 1, &d, sizeof d);
	return make_boxed(p);
}

/* [[...[]...]] and {{...{[]}...}}, depth levels of one-element lists or
 * tuples around []: deep enough, they show that a walk uses no C stack. */
static inline term build_nested_lists(kb_heap *h, size_t depth)
{
	term t = NIL;
	for (size_t i = 0; i < depth; i++)
		t = build_cons(h, t, NIL);
	return t;
}

static inline term build_nested_tuples(kb_heap *h, size_t depth)
{
	term t = NIL;
	for (size_t i = 0; i < depth; i++) {
		term *p = heap_alloc(h, 2);
		p[0] = make_header(1, SUBTAG_TUPLE);
		p[1] = t;
		t = make_boxed(p);
	}
	return t;
}

static inline bool get_bit(const uint8_t *p, uint64_t i) { return p[i / 8] >> (7 - i % 8) & 1; }

static inline void put_bit(uint8_t *p, uint64_t i, bool b)
{
	if (b)
		p[i / 8] |= (uint8_t)(0x80 >> (i % 8));
	else
		p[i / 8] &= (uint8_t) ~(0x80 >> (i % 8));
}

/* A sub binary holding t's bits at bit offset offs of a fresh binary whose
 * other bits come from the byte fill; THE_NON_VALUE when out of memory. */
static inline term build_shifted_copy(kb_heap *h, term t, unsigned offs, uint8_t fill)
{
	bitstring_view v;
	bitstring_get(t, &v);
	uint64_t nbytes = (offs + v.bitsize + 7) / 8 + 1;
	term orig = binary_new(h, NULL, nbytes);
	if (orig == THE_NON_VALUE)
		return THE_NON_VALUE;
	uint8_t *d = binary_bytes_mut(orig);
	memset(d, fill, nbytes);
	for (uint64_t i = 0; i < v.bitsize; i++)
		put_bit(d, offs + i, get_bit(v.base, v.bitoffs + i));
	term *p = heap_alloc(h, SUB_BIN_WORDS);
	if (!p)
		return THE_NON_VALUE;
	p[0] = make_header(SUB_BIN_WORDS - 1, SUBTAG_SUB_BIN);
	p[SUB_BIN_BITSIZE] = v.bitsize;
	p[SUB_BIN_BITOFFS] = offs;
	p[SUB_BIN_ORIG] = orig;
	return make_boxed(p);
}

#endif
