/* Binaries and bitstrings.
 *
 * Three boxed shapes hold bits:
 *   heap binary  header(1 + words(n), HEAP_BIN), n (bytes), data...       n <= 64
 *   refc binary  header(4, REFC_BIN), n (bytes), next, kb_binary*, data*  n > 64
 *   sub binary   header(3, SUB_BIN), bit size, bit offset, original
 * A heap or refc binary is always a whole number of bytes; a bitstring of
 * any other length, or a slice of another binary, is a sub binary whose
 * original is a heap or refc binary (never another sub binary).
 * Refc binaries point at reference-counted off-heap storage (kb_binary) and
 * are linked into their heap's off-heap chain through their `next` word.
 */
#ifndef KBEAM_VM_BINARY_H
#define KBEAM_VM_BINARY_H

#include <stdatomic.h>

#include "heap.h"

#define HEAP_BIN_LIMIT 64 /* bytes; larger binaries live off-heap */

typedef struct kb_binary {
	_Atomic uint64_t refc;
	uint64_t size; /* bytes */
	/* BINARY_NOT_WRITABLE, or for a writable binary (vm/bits.h: appends
	 * build in place) the bits in use: terms see only bits below it, and
	 * the bytes from there to `size` are room the next append may fill. */
	uint64_t append_end;
	uint8_t data[];
} kb_binary;

#define BINARY_NOT_WRITABLE UINT64_MAX

/* word indexes inside a refc binary (0 is the header) */
enum {
	REFC_BIN_SIZE = 1,
	REFC_BIN_NEXT = 2,
	REFC_BIN_VAL = 3,
	REFC_BIN_BYTES = 4,
	REFC_BIN_WORDS = 5
};
/* word indexes inside a sub binary */
enum { SUB_BIN_BITSIZE = 1, SUB_BIN_BITOFFS = 2, SUB_BIN_ORIG = 3, SUB_BIN_WORDS = 4 };

static inline size_t heap_bin_words(uint64_t nbytes) { return 2 + (nbytes + 7) / 8; }

kb_binary *binary_alloc(uint64_t nbytes); /* refc 1; NULL when out of memory */
void binary_retain(kb_binary *b);
void binary_release(kb_binary *b);

/* The bits of any bitstring term: base points at byte 0 of the storage,
 * bits [bitoffs, bitoffs + bitsize) are the value. */
typedef struct bitstring_view {
	const uint8_t *base;
	uint64_t bitoffs;
	uint64_t bitsize;
} bitstring_view;
void bitstring_get(term t, bitstring_view *v);

static inline uint64_t bitstring_bitsize(term t)
{
	term *p = boxed_ptr(t);
	return header_subtag(p[0]) == SUBTAG_SUB_BIN ? p[SUB_BIN_BITSIZE] : p[1] * 8;
}
static inline bool is_binary(term t) { return is_bitstring(t) && bitstring_bitsize(t) % 8 == 0; }

/* New binary holding a copy of data[0..n). Returns THE_NON_VALUE when out
 * of memory. data may be NULL: the bytes are then left for the caller to
 * fill through binary_bytes_mut(). */
term binary_new(kb_heap *h, const uint8_t *data, uint64_t nbytes);
/* New bitstring of nbits bits copied from data (bit 0 = MSB of data[0]). */
term bitstring_new(kb_heap *h, const uint8_t *data, uint64_t nbits);
/* Writable bytes of a binary just made by binary_new (heap or refc). */
uint8_t *binary_bytes_mut(term bin);
/* Copies bits [bitoffs, bitoffs+nbits) of src into dst starting at bit 0. */
void bits_copy(uint8_t *dst, const uint8_t *src, uint64_t bitoffs, uint64_t nbits);
/* When the bitstring is byte-aligned, a pointer to its bytes; else NULL. */
const uint8_t *bitstring_aligned_bytes(term t);

#endif
