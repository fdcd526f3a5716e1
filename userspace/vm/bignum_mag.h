/* Magnitudes: the unsigned digit arrays under every bignum, and the
 * term-level helpers the bignum*.c files share. Private to them.
 *
 * A magnitude is an array of 64-bit digits, least significant first, with a
 * length; "normalized" means no leading zero digit (zero has length 0).
 * Functions that write a result take the destination first; unless a
 * comment says otherwise the destination may not overlap an operand.
 */
#ifndef KBEAM_VM_BIGNUM_MAG_H
#define KBEAM_VM_BIGNUM_MAG_H

#include <stdlib.h>

#include "bignum.h"

typedef unsigned __int128 u128;

/* Largest magnitude any operation builds: 2^34 digits (2^40 bits, 128 GiB).
 * Far beyond memory; it only keeps size arithmetic from overflowing and
 * turns absurd requests (1 bsl (1 bsl 50)) into THE_NON_VALUE at once. */
#define BIG_MAX_DIGITS ((size_t)1 << 34)

/* Below this many digits multiplication is schoolbook, above Karatsuba. */
#define KARATSUBA_THRESHOLD 32

/* ---- digit arrays (bignum_core.c) ---- */

static inline size_t mag_norm(const uint64_t *a, size_t n)
{
	while (n > 0 && a[n - 1] == 0)
		n--;
	return n;
}

/* Number of significant bits of a normalized magnitude. */
static inline uint64_t mag_bitlen(const uint64_t *a, size_t n)
{
	if (n == 0)
		return 0;
	return (uint64_t)n * 64 - (uint64_t)__builtin_clzll(a[n - 1]);
}

/* Compares two normalized magnitudes: -1, 0, 1. */
int mag_cmp(const uint64_t *a, size_t an, const uint64_t *b, size_t bn);

/* r[0..an) = a + b with an >= bn; returns the carry out. r may be a. */
uint64_t mag_add(uint64_t *r, const uint64_t *a, size_t an, const uint64_t *b, size_t bn);
/* r[0..an) = a - b with an >= bn; returns the borrow out (1 when a < b).
 * r may be a. */
uint64_t mag_sub(uint64_t *r, const uint64_t *a, size_t an, const uint64_t *b, size_t bn);
/* r[0..n) = a * m; returns the digit carried out. r may be a. */
uint64_t mag_mul_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t m);
/* r[0..n) += a * m; returns the digit carried out. */
uint64_t mag_addmul_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t m);
/* r[0..n) -= a * m; returns the digit borrowed out. */
uint64_t mag_submul_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t m);
/* r[0..an+bn) = a * b (any lengths; Karatsuba above the threshold).
 * r may not overlap a or b; a and b may be the same array (squaring).
 * False when scratch memory runs out. */
bool mag_mul(uint64_t *r, const uint64_t *a, size_t an, const uint64_t *b, size_t bn);
/* r[0..n) = a << bits, 0 <= bits < 64; returns the bits shifted out.
 * r may be a. */
uint64_t mag_shl(uint64_t *r, const uint64_t *a, size_t n, unsigned bits);
/* r[0..n) = a >> bits, 0 <= bits < 64; returns the bits shifted out, at
 * the top of the returned digit. r may be a. */
uint64_t mag_shr(uint64_t *r, const uint64_t *a, size_t n, unsigned bits);

/* ---- division (bignum_div.c) ---- */

/* q[0..n) = a / d, returns a % d; d != 0. q may be a. */
uint64_t mag_divrem_1(uint64_t *q, const uint64_t *a, size_t n, uint64_t d);
/* Schoolbook long division (Knuth, TAOCP 4.3.1 algorithm D) of a by a
 * normalized b, an >= bn >= 1: q[0..an-bn+1) = a / b, r[0..bn) = a % b.
 * Either output may be NULL when not wanted; neither may overlap a or b.
 * False when scratch memory runs out. */
bool mag_divrem(uint64_t *q, uint64_t *r, const uint64_t *a, size_t an, const uint64_t *b,
                size_t bn);

/* ---- scratch memory ---- */

/* malloc'd digit array, NULL when n is absurd or memory is exhausted. */
static inline uint64_t *mag_alloc(size_t n)
{
	if (n > BIG_MAX_DIGITS * 4)
		return NULL;
	return malloc((n ? n : 1) * sizeof(uint64_t));
}

/* A scratch array that lives on the stack when small. */
#define MAG_BUF_LOCAL 16
typedef struct mag_buf {
	uint64_t *d;
	uint64_t local[MAG_BUF_LOCAL];
} mag_buf;

static inline uint64_t *mag_buf_get(mag_buf *b, size_t n)
{
	b->d = n <= MAG_BUF_LOCAL ? b->local : mag_alloc(n);
	return b->d;
}
static inline void mag_buf_put(mag_buf *b)
{
	if (b->d != b->local)
		free(b->d);
	b->d = NULL;
}

/* ---- integer terms as sign and magnitude (bignum_term.c) ---- */

/* The magnitude of an integer term; a small one's single digit lives in
 * the view itself, so a view must not be copied while in use. */
typedef struct int_view {
	const uint64_t *d;
	size_t n; /* normalized: 0 for zero */
	bool neg;
	uint64_t small;
} int_view;

void int_view_of(int_view *v, term i);

/* The digits of a fresh bignum of exactly n digits, for the caller to fill
 * in (the top one nonzero) and turn into a term with big_term(). Only for
 * results known not to fit a small: n >= 2 always qualifies. NULL when out
 * of memory or n is beyond BIG_MAX_DIGITS. */
uint64_t *big_alloc(kb_heap *h, size_t n, bool negative);
static inline term big_term(uint64_t *digits) { return make_boxed(digits - 1); }

/* Canonical integer from a 128-bit signed value. */
term int_from_i128(kb_heap *h, __int128 v);

#endif
