/* Floats in their shortest round-trip form, as float_to_list(F, [short])
 * and io_lib's ~w print them in OTP 25.
 *
 * The digits: the fewest significant decimal digits that read back as the
 * same double (a value strictly inside the halfway points to the
 * neighbouring doubles, or on them when the mantissa is even), and of those
 * the one nearest to the double, ties to an even last digit. They are
 * found exactly, with integer arithmetic on numbers of up to ~1200 bits,
 * one digit at a time.
 *
 * The layout: OTP writes D x 10^X (n digits, no trailing zeros) in fixed
 * notation when X lies in a window around the decimal point and in
 * scientific notation otherwise, always with at least one digit after the
 * point and no '+' in the exponent: 0.1, 100.0, 1.0e3, 1.234e-5, 12340.0.
 */
#include "print.h"

#include <math.h>
#include <stdio.h>

/* ---- fixed-size unsigned big integers ---- */

#define BIG_WORDS 40 /* 2560 bits: room for 10^340 * 2^60 */

typedef struct fbig {
	unsigned len; /* words in use; no leading zero word */
	uint32_t w[BIG_WORDS * 2];
} fbig;

/* 32-bit limbs keep the carries simple. */
#define LIMBS (BIG_WORDS * 2)

static void big_set(fbig *a, uint64_t v)
{
	a->len = 0;
	while (v) {
		a->w[a->len++] = (uint32_t)v;
		v >>= 32;
	}
}

static void big_mul_small(fbig *a, uint32_t m)
{
	uint64_t carry = 0;
	for (unsigned i = 0; i < a->len; i++) {
		uint64_t p = (uint64_t)a->w[i] * m + carry;
		a->w[i] = (uint32_t)p;
		carry = p >> 32;
	}
	if (carry && a->len < LIMBS)
		a->w[a->len++] = (uint32_t)carry;
}

static void big_mul_pow10(fbig *a, unsigned n)
{
	for (; n >= 9; n -= 9)
		big_mul_small(a, 1000000000u);
	static const uint32_t p10[9] = {1,      10,      100,      1000,     10000,
	                                100000, 1000000, 10000000, 100000000};
	if (n)
		big_mul_small(a, p10[n]);
}

static void big_shl(fbig *a, unsigned bits)
{
	if (a->len == 0)
		return;
	unsigned words = bits / 32, sh = bits % 32;
	unsigned n = a->len + words + 1;
	if (n > LIMBS)
		n = LIMBS;
	for (unsigned i = n; i-- > 0;) {
		uint64_t hi = i >= words && i - words < a->len ? a->w[i - words] : 0;
		uint64_t lo = i >= words + 1 && i - words - 1 < a->len ? a->w[i - words - 1] : 0;
		a->w[i] = (uint32_t)(((hi << 32 | lo) << sh) >> 32);
	}
	a->len = n;
	while (a->len && a->w[a->len - 1] == 0)
		a->len--;
}

static int big_cmp(const fbig *a, const fbig *b)
{
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	for (unsigned i = a->len; i-- > 0;)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

/* a -= b, for a >= b */
static void big_sub(fbig *a, const fbig *b)
{
	int64_t borrow = 0;
	for (unsigned i = 0; i < a->len; i++) {
		int64_t d = (int64_t)a->w[i] - (i < b->len ? b->w[i] : 0) - borrow;
		borrow = d < 0;
		a->w[i] = (uint32_t)(d + (borrow ? (INT64_C(1) << 32) : 0));
	}
	while (a->len && a->w[a->len - 1] == 0)
		a->len--;
}

/* a + b compared with c */
static int big_sum_cmp(const fbig *a, const fbig *b, const fbig *c)
{
	fbig s = *a;
	uint64_t carry = 0;
	unsigned n = a->len > b->len ? a->len : b->len;
	for (unsigned i = 0; i < n; i++) {
		uint64_t x =
		    (uint64_t)(i < a->len ? a->w[i] : 0) + (i < b->len ? b->w[i] : 0) + carry;
		s.w[i] = (uint32_t)x;
		carry = x >> 32;
	}
	s.len = n;
	if (carry && n < LIMBS)
		s.w[s.len++] = (uint32_t)carry;
	return big_cmp(&s, c);
}

/* ---- the shortest digits ---- */

/* Writes the shortest digits D of d > 0 into digits (no trailing zeros),
 * returns how many, and sets *exp10 so that d reads back from D * 10^exp10. */
static int shortest_digits(double d, char *digits, int *exp10)
{
	uint64_t bits;
	memcpy(&bits, &d, sizeof bits);
	uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
	int bexp = (int)((bits >> 52) & 0x7ff);
	uint64_t m;
	int e;
	if (bexp == 0) {
		m = frac;
		e = -1074;
	} else {
		m = frac | UINT64_C(1) << 52;
		e = bexp - 1075;
	}
	bool inclusive = (m & 1) == 0;
	/* v = 4m * 2^(e-2); the gaps to the halfway points, in the same unit */
	unsigned gap_lo = (frac == 0 && bexp > 1) ? 1 : 2, gap_hi = 2;

	fbig r, s, glo, ghi;
	big_set(&r, 4 * m);
	big_set(&s, 1);
	big_set(&glo, gap_lo);
	big_set(&ghi, gap_hi);
	int e2 = e - 2;
	if (e2 >= 0) {
		big_shl(&r, (unsigned)e2);
		big_shl(&glo, (unsigned)e2);
		big_shl(&ghi, (unsigned)e2);
	} else {
		big_shl(&s, (unsigned)-e2);
	}

	/* scale so that 1 <= r/s < 10, r/s = d / 10^k */
	int k = (int)floor(log10(d));
	if (k >= 0) {
		big_mul_pow10(&s, (unsigned)k);
	} else {
		big_mul_pow10(&r, (unsigned)-k);
		big_mul_pow10(&glo, (unsigned)-k);
		big_mul_pow10(&ghi, (unsigned)-k);
	}
	fbig s10 = s;
	big_mul_small(&s10, 10);
	while (big_cmp(&r, &s) < 0) { /* log10 overestimated */
		big_mul_small(&r, 10);
		big_mul_small(&glo, 10);
		big_mul_small(&ghi, 10);
		k--;
	}
	while (big_cmp(&r, &s10) >= 0) { /* log10 underestimated */
		big_mul_small(&s, 10);
		big_mul_small(&s10, 10);
		k++;
	}

	int n = 0;
	for (;;) {
		/* next digit: r < 10 s here */
		int digit = 0;
		while (big_cmp(&r, &s) >= 0) {
			big_sub(&r, &s);
			digit++;
		}
		digits[n++] = (char)('0' + digit);
		/* r is now the distance from the digits so far down to d */
		int lo_c = big_cmp(&r, &glo);         /* r vs gap below */
		int hi_c = big_sum_cmp(&r, &ghi, &s); /* (s - r) vs gap above, negated */
		bool low_ok = inclusive ? lo_c <= 0 : lo_c < 0;
		bool high_ok = inclusive ? hi_c >= 0 : hi_c > 0;
		if (low_ok || high_ok || n == 17) {
			bool up;
			if (low_ok && high_ok) {
				fbig r2 = r;
				big_mul_small(&r2, 2);
				int c = big_cmp(&r2, &s);
				up = c > 0 || (c == 0 && (digits[n - 1] - '0') % 2 == 1);
			} else {
				up = high_ok;
			}
			if (up) { /* add one in the last place, carrying */
				int i = n - 1;
				while (i >= 0 && digits[i] == '9')
					digits[i--] = '0';
				if (i >= 0) {
					digits[i]++;
				} else {
					memmove(digits + 1, digits, (size_t)n);
					digits[0] = '1';
					n++;
					k++;
				}
			}
			break;
		}
		big_mul_small(&r, 10);
		big_mul_small(&glo, 10);
		big_mul_small(&ghi, 10);
	}
	while (n > 1 && digits[n - 1] == '0')
		n--;
	/* k is the exponent of the first digit */
	*exp10 = k - (n - 1);
	return n;
}

/* ---- OTP's layout ---- */

size_t float_to_short_text(double d, char *out)
{
	char *p = out;
	if (signbit(d)) {
		*p++ = '-';
		d = -d;
	}
	if (d == 0) {
		strcpy(p, "0.0");
		return (size_t)(p - out) + 3;
	}
	char dig[24];
	int x;
	int n = shortest_digits(d, dig, &x);
	int sci = x + n - 1; /* exponent in scientific notation */

	/* the window of exponents printed in fixed notation */
	int lower = -(n + 2), upper = 1;
	if (n == 1) {
		lower = -4;
		upper = 2;
	} else if (sci >= 10) {
		upper = 2;
	}
	bool fixed = x >= lower && x <= upper;
	if (fixed) {
		/* but integers from 2^53 up, whose digits would overstate them */
		uint64_t v = 0;
		for (int i = 0; i < n; i++)
			v = v * 10 + (uint64_t)(dig[i] - '0');
		if ((x == 0 && v >= UINT64_C(1) << 53) || (x == 1 && v > (UINT64_C(1) << 52) / 5) ||
		    (x == 2 && v > (UINT64_C(1) << 51) / 25))
			fixed = false;
	}

	if (fixed) {
		if (x >= 0) { /* 1729.0, 17290.0 */
			memcpy(p, dig, (size_t)n);
			p += n;
			memset(p, '0', (size_t)x);
			p += x;
			memcpy(p, ".0", 2);
			p += 2;
		} else if (n + x > 0) { /* 17.29 */
			memcpy(p, dig, (size_t)(n + x));
			p += n + x;
			*p++ = '.';
			memcpy(p, dig + n + x, (size_t)-x);
			p += -x;
		} else { /* 0.001729 */
			memcpy(p, "0.", 2);
			p += 2;
			memset(p, '0', (size_t) - (n + x));
			p += -(n + x);
			memcpy(p, dig, (size_t)n);
			p += n;
		}
	} else { /* 1.729e3, 1.0e100 */
		*p++ = dig[0];
		*p++ = '.';
		if (n == 1) {
			*p++ = '0';
		} else {
			memcpy(p, dig + 1, (size_t)(n - 1));
			p += n - 1;
		}
		p += sprintf(p, "e%d", sci);
	}
	*p = 0;
	return (size_t)(p - out);
}
