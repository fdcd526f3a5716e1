/* The bytes of a binary argument, contiguous: a binary at an odd bit
 * offset (a sub binary) is copied. Shared by the binary module's files. */
#ifndef KBEAM_BIF_BINARY_MODULE_BYTES_H
#define KBEAM_BIF_BINARY_MODULE_BYTES_H

#include <stdlib.h>

#include "vm/binary.h"

typedef struct subject_bytes {
	const uint8_t *bytes;
	size_t len;
	uint8_t *copy; /* malloc'd copy, or NULL */
} subject_bytes;

/* False when b is not a binary (or memory for a copy ran out: callers
 * that care check is_binary first). */
static inline bool subject_get(term b, subject_bytes *s)
{
	s->copy = NULL;
	if (!is_binary(b))
		return false;
	bitstring_view v;
	bitstring_get(b, &v);
	s->len = v.bitsize / 8;
	if (v.bitoffs % 8 == 0) {
		s->bytes = v.base + v.bitoffs / 8;
		return true;
	}
	s->copy = malloc(s->len + 1);
	if (!s->copy)
		return false;
	bits_copy(s->copy, v.base, v.bitoffs, v.bitsize);
	s->bytes = s->copy;
	return true;
}

static inline void subject_free(subject_bytes *s)
{
	free(s->copy);
	s->copy = NULL;
}

#endif
