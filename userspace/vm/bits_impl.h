/* Inside the bit syntax (bits.h): bit fields in byte buffers, and the
 * encodings of numbers and code points into them.
 *
 * Bits are numbered from the most significant bit of byte 0, as in every
 * bitstring. Writers keep the bits before their offset in the first byte and
 * clear the bits after their end in the last byte, so a sequence of writes
 * in order fills a buffer exactly, whatever it held before.
 */
#ifndef KBEAM_VM_BITS_IMPL_H
#define KBEAM_VM_BITS_IMPL_H

#include "atom.h"
#include "bits.h"

/* Fails with error:Reason. */
static inline term bits_raise(process *p, term reason)
{
	p->freason = EXC_ERROR;
	p->fvalue = reason;
	return THE_NON_VALUE;
}

static inline uint64_t bits_mask(unsigned n)
{
	return n >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << n) - 1;
}
static inline bool bits_little(unsigned flags) { return flags & (BS_FLAG_LITTLE | BS_FLAG_NATIVE); }

/* ---- bit fields (bits_field.c) ---- */

/* The n <= 64 bits at off, as a number (the first bit most significant). */
uint64_t bits_read_u64(const uint8_t *base, uint64_t off, unsigned n);
/* Writes the low n <= 64 bits of v at off, most significant first. */
void bits_write_u64(uint8_t *base, uint64_t off, uint64_t v, unsigned n);
/* Copies n bits from src at soff to dst at doff. */
void bits_put(uint8_t *dst, uint64_t doff, const uint8_t *src, uint64_t soff, uint64_t n);
/* True when the n bits at aoff in a equal the n bits at boff in b. */
bool bits_equal(const uint8_t *a, uint64_t aoff, const uint8_t *b, uint64_t boff, uint64_t n);

/* A little-endian field of n bits holds the number's bytes least
 * significant first, its last byte cut to the n % 8 bits left (OTP's
 * layout: <<1:12/little>> is <<1, 0:4>>). Read as a big-endian field, the
 * same bits are a number; these convert between the two (n <= 64). */
uint64_t bits_le_field(uint64_t x, unsigned n);
uint64_t bits_le_value(uint64_t field, unsigned n);

/* ---- numbers (bits_number.c) ---- */

/* Writes integer i as a field of n bits (two's complement, i mod 2^n).
 * False when out of memory. */
bool bits_put_integer(uint8_t *base, uint64_t off, term i, uint64_t n, unsigned flags);
/* The integer in the n-bit field at off; THE_NON_VALUE when out of memory. */
term bits_get_integer(kb_heap *h, const uint8_t *base, uint64_t off, uint64_t n, unsigned flags);

/* IEEE half precision from a double, rounded to nearest even (overflow
 * gives infinity), and back (exact). */
uint16_t bits_half_from_double(double d);
double bits_half_to_double(uint16_t h);
/* The bit pattern of number x (a float or integer) as a float of n bits
 * (16, 32 or 64), as OTP converts: false when x is not a number, or is an
 * integer too large for a double. */
bool bits_float_pattern(term x, unsigned n, uint64_t *pattern);

/* ---- code points (bits_utf.c) ---- */

/* The encoded bits of code point term c: the encoding MSB-first in *code,
 * its size in *nbits. False when c is not an encodable code point. */
bool bits_utf8_encode(term c, uint64_t *code, unsigned *nbits);
bool bits_utf16_encode(term c, unsigned flags, uint64_t *code, unsigned *nbits);
/* True when c is a small integer that is a Unicode scalar value. */
bool bits_is_scalar(term c);
/* The code point encoded at off, with avail bits left there: -1 when those
 * bits are not a valid encoding (or too few), else the code point, its size
 * in *nbits. */
int32_t bits_utf8_decode(const uint8_t *base, uint64_t off, uint64_t avail, unsigned *nbits);
int32_t bits_utf16_decode(const uint8_t *base, uint64_t off, uint64_t avail, unsigned flags,
                          unsigned *nbits);
int32_t bits_utf32_decode(const uint8_t *base, uint64_t off, uint64_t avail, unsigned flags);

/* ---- writable binaries (bits_append.c) ---- */

/* Room for build_bits more bits after bitstring acc: writes to *base from
 * bit *off on complete the result, which is returned. In place when acc
 * ends a writable binary it alone uses, else in a fresh writable binary
 * holding a copy of acc. build_bits 0 returns acc itself (*base NULL).
 * THE_NON_VALUE when out of memory. */
term bits_append(kb_heap *h, term acc, uint64_t build_bits, uint8_t **base, uint64_t *off);

#endif
