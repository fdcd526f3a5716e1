/* Conversions between integers and doubles. */
#include <math.h>

#include "bignum_mag.h"

bool int_to_double(term i, double *out)
{
	if (is_small(i)) {
		*out = (double)small_value(i); /* exact: |i| <= 2^59 */
		return true;
	}
	/* OTP's float/1: Horner's rule from the most significant digit, each
	 * step rounded (the digit to double, then the sum; scaling by 2^64 is
	 * exact). With two or more digits, rounding twice can end 1 ulp from
	 * the nearest double. Reproduced exactly, as float/1 and mixed
	 * arithmetic must agree with OTP bit for bit. */
	const uint64_t *d = big_digits(i);
	uint64_t n = big_ndigits(i);
	double x = 0.0;
	while (n-- > 0) {
		x = x * 0x1p64 + (double)d[n];
		if (isinf(x))
			return false;
	}
	*out = big_is_negative(i) ? -x : x;
	return true;
}

term int_from_double(kb_heap *h, double d)
{
	if (!isfinite(d))
		return THE_NON_VALUE;
	d = trunc(d);
	if (fabs(d) < 0x1p63)
		return int_from_i64(h, (int64_t)d);

	/* |d| = m 2^e with 0.5 <= m < 1 and e > 63; m has at most 53 bits,
	 * so m 2^64 is an exact 64-bit integer, shifted left by e - 64. */
	int e;
	double m = frexp(fabs(d), &e);
	uint64_t top = (uint64_t)ldexp(m, 64);
	unsigned s = (unsigned)(e - 64);
	size_t words = s / 64, bits = s % 64;
	uint64_t out = bits ? top >> (64 - bits) : 0;
	size_t len = words + 1 + (out != 0);
	uint64_t *r = big_alloc(h, len, d < 0);
	if (!r)
		return THE_NON_VALUE;
	memset(r, 0, words * sizeof *r);
	r[words] = top << bits;
	if (out)
		r[words + 1] = out;
	return big_term(r);
}
