/* Integers of any size: arithmetic on integer terms (small or bignum).
 *
 * Every function takes and returns canonical integer terms (term.h: a value
 * that fits a small integer is always a small) and builds its result on the
 * given heap; the arguments must be integers (callers type-check). A result
 * may be one of the arguments when the value is the same. Temporary work
 * space comes from malloc. THE_NON_VALUE means out of memory (the VM raises
 * system_limit), or for the functions that say so, bad input. There is no
 * size cap beyond memory: the only limit is 2^40 bits per integer, far
 * beyond any memory, which keeps size computations from overflowing.
 *
 * Costs: +, -, compare, bitwise ops and shifts are linear; multiplication is
 * Karatsuba (n^1.58) above a few dozen digits; div and rem are schoolbook
 * long division; text conversion divides and conquers for large numbers
 * (linear for power-of-two bases).
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
/* a bsl n (n may be negative: shifts right); arithmetic, as Erlang, so
 * a bsr n is floor(a / 2^n): -1 bsr 5 == -1. A left shift whose result
 * cannot be built (past 2^40 bits, or memory exhausted) is THE_NON_VALUE:
 * the VM raises system_limit, as OTP does for 1 bsl (1 bsl 40). A shift
 * amount that is itself a bignum is the caller's: right shifts by it give
 * 0 or -1, left shifts of nonzero integers system_limit. */
term int_bsl(kb_heap *h, term a, int64_t n);
term int_bsr(kb_heap *h, term a, int64_t n);

/* -1, 0, 1 */
int int_cmp(term a, term b);

/* Integer to text in base 2..36 (upper-case digits, '-' for negatives), as
 * integer_to_list/2. Returns a malloc'd NUL-terminated string (NULL when out
 * of memory or base is outside 2..36) and its length in *len. */
char *int_to_text(term i, unsigned base, size_t *len);
/* Text to integer as list_to_integer/2: optional sign, then at least one
 * digit of the base (letters in either case), nothing else: no spaces, no
 * underscores. THE_NON_VALUE when malformed, when base is outside 2..36,
 * or when out of memory. */
term int_from_text(kb_heap *h, const char *s, size_t n, unsigned base);

/* The double float/1 gives in OTP: the digits are accumulated from the most
 * significant one, x = x 2^64 + digit, each step rounded to nearest even.
 * That is the nearest double for integers below 2^64, but longer ones are
 * rounded more than once and can end 1 ulp from the nearest (2^128 + 2^75
 * + 1 gives 2^128, not 2^128 + 2^76); kbeam reproduces OTP bit for bit rather than rounding
 * correctly. False when the result is not finite (OTP: badarg in float/1,
 * badarith in mixed arithmetic). */
bool int_to_double(term i, double *out);
/* Truncates a finite double toward zero to the exact integer (trunc/1);
 * THE_NON_VALUE for infinities and NaN, or when out of memory. */
term int_from_double(kb_heap *h, double d);

#endif
