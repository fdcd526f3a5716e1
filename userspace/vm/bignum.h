/* Integers of any size: arithmetic on integer terms (small or bignum).
 *
 * Every function takes and returns canonical integer terms (term.h: a value
 * that fits a small integer is always a small) and builds its result on the
 * given heap. THE_NON_VALUE means out of memory, or for the functions that
 * say so, bad input. There is no size cap beyond memory.
 */
#ifndef KBEAM_VM_BIGNUM_H
#define KBEAM_VM_BIGNUM_H

#include "heap.h"

/* Canonical integer from sign and magnitude (digits least significant first;
 * leading zero digits allowed). */
term int_from_digits(kb_heap *h, bool negative, const uint64_t *digits, size_t ndigits);
term int_from_i64(kb_heap *h, int64_t v);
term int_from_u64(kb_heap *h, uint64_t v);
/* From a little-endian byte magnitude (as in SMALL_BIG_EXT / LARGE_BIG_EXT). */
term int_from_le_bytes(kb_heap *h, bool negative, const uint8_t *bytes, size_t nbytes);
/* Number of bytes of the magnitude (no leading zero bytes; 0 for zero), and
 * the bytes themselves, little-endian, into out[0..int_magnitude_size). */
size_t int_magnitude_size(term i);
void int_magnitude_bytes(term i, uint8_t *out);
bool int_is_negative(term i);
/* True and *out set when the integer fits in int64_t. */
bool int_to_i64(term i, int64_t *out);

term int_neg(kb_heap *h, term a);
term int_abs(kb_heap *h, term a);
term int_add(kb_heap *h, term a, term b);
term int_sub(kb_heap *h, term a, term b);
term int_mul(kb_heap *h, term a, term b);
/* div and rem truncate toward zero as Erlang's div and rem; b must not be 0
 * (THE_NON_VALUE when it is: the caller raises badarith). */
term int_div(kb_heap *h, term a, term b);
term int_rem(kb_heap *h, term a, term b);
term int_band(kb_heap *h, term a, term b);
term int_bor(kb_heap *h, term a, term b);
term int_bxor(kb_heap *h, term a, term b);
term int_bnot(kb_heap *h, term a);
/* a bsl n (n may be negative: shifts right); arithmetic, as Erlang. */
term int_bsl(kb_heap *h, term a, int64_t n);
term int_bsr(kb_heap *h, term a, int64_t n);

/* -1, 0, 1 */
int int_cmp(term a, term b);

/* Integer to text in base 2..36 (upper-case digits, '-' for negatives), as
 * integer_to_list/2. Returns a malloc'd NUL-terminated string (NULL when out
 * of memory) and its length in *len. */
char *int_to_text(term i, unsigned base, size_t *len);
/* Text to integer as list_to_integer/2: optional sign, then at least one
 * digit of the base (either case); THE_NON_VALUE when malformed. */
term int_from_text(kb_heap *h, const char *s, size_t n, unsigned base);

/* The double nearest to the integer (round half to even, as OTP);
 * false when it is too large for a finite double (badarg/badarith). */
bool int_to_double(term i, double *out);
/* Truncates a finite double to an integer (trunc/1). */
term int_from_double(kb_heap *h, double d);

#endif
