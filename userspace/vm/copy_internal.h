/* Internal to copy*.c: the shape of each copied object, shared by the size
 * pass (copy_size.c) and the copying pass (copy.c), which must agree on
 * every word. */
#ifndef KBEAM_VM_COPY_INTERNAL_H
#define KBEAM_VM_COPY_INTERNAL_H

#include "binary.h"
#include "bits.h"
#include "copy.h"
#include "fun.h"

/* The bits a sub binary or match context stands for: [bitoffs, bitoffs +
 * bitsize) of orig, a heap or refc binary. */
typedef struct copy_slice {
	term orig;
	uint64_t bitoffs;
	uint64_t bitsize;
} copy_slice;

static inline bool copy_is_slice(unsigned subtag)
{
	return subtag == SUBTAG_SUB_BIN || subtag == SUBTAG_MATCHSTATE;
}

static inline void copy_slice_get(const term *p, copy_slice *s)
{
	if (header_subtag(p[0]) == SUBTAG_SUB_BIN) {
		s->orig = p[SUB_BIN_ORIG];
		s->bitoffs = p[SUB_BIN_BITOFFS];
		s->bitsize = p[SUB_BIN_BITSIZE];
	} else {
		s->orig = p[MS_BIN];
		s->bitoffs = p[MS_START];
		s->bitsize = p[MS_END] - p[MS_START];
	}
}

/* Small slices are copied as their bits alone. */
static inline bool copy_slice_small(const copy_slice *s)
{
	return s->bitsize <= 8 * (uint64_t)HEAP_BIN_LIMIT;
}

static inline size_t copy_slice_words(const copy_slice *s)
{
	if (copy_slice_small(s))
		return heap_bin_words((s->bitsize + 7) / 8) + (s->bitsize % 8 ? SUB_BIN_WORDS : 0);
	return SUB_BIN_WORDS + header_arity(boxed_header(s->orig)) + 1;
}

/* Tuples, maps and funs hold terms the copy follows; other objects are
 * copied whole by copy_leaf_words(). */
static inline bool copy_has_terms(unsigned subtag)
{
	return subtag == SUBTAG_TUPLE || subtag == SUBTAG_MAP || subtag == SUBTAG_FUN;
}

/* Word i (>= 1) of such an object holds a term: every word of a tuple or
 * map; a fun's creator and environment, not its entry or count. */
static inline bool copy_is_term_word(unsigned subtag, size_t i)
{
	return subtag != SUBTAG_FUN || i == FUN_CREATOR || i >= FUN_ENV;
}

/* Words of the copy of an object without terms to follow. */
static inline size_t copy_leaf_words(const term *p)
{
	if (copy_is_slice(header_subtag(p[0]))) {
		copy_slice s;
		copy_slice_get(p, &s);
		return copy_slice_words(&s);
	}
	return header_arity(p[0]) + 1;
}

#endif
