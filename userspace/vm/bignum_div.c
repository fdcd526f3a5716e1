/* Magnitude division: by one digit, and schoolbook long division
 * (Knuth's algorithm D) by a longer divisor. */
#include "bignum_mag.h"

uint64_t mag_divrem_1(uint64_t *q, const uint64_t *a, size_t n, uint64_t d)
{
	uint64_t rem = 0;
	for (size_t i = n; i-- > 0;) {
		u128 num = (u128)rem << 64 | a[i];
		q[i] = (uint64_t)(num / d);
		rem = (uint64_t)(num % d);
	}
	return rem;
}

/* One step of algorithm D: divides the bn + 1 digits u[0..bn] by the
 * normalized v[0..bn), bn >= 2 and u < v B, leaving the remainder in
 * u[0..bn) (u[bn] becomes 0); returns the quotient digit. */
static uint64_t div_step(uint64_t *u, const uint64_t *v, size_t bn)
{
	uint64_t v1 = v[bn - 1], v2 = v[bn - 2];
	uint64_t u0 = u[bn], u1 = u[bn - 1], u2 = u[bn - 2];
	uint64_t qhat;
	u128 rhat;

	/* Estimate from the top two digits of u and the top digit of v; the
	 * estimate is at most 2 too large once refined with v2. u0 <= v1
	 * because u < v B. */
	if (u0 >= v1) {
		qhat = UINT64_MAX;
		rhat = (u128)u1 + v1; /* (u0 B + u1) - (B - 1) v1 with u0 == v1 */
	} else {
		u128 num = (u128)u0 << 64 | u1;
		qhat = (uint64_t)(num / v1);
		rhat = num % v1;
	}
	while (rhat >> 64 == 0 && (u128)qhat * v2 > (rhat << 64 | u2)) {
		qhat--;
		rhat += v1;
	}

	uint64_t borrow = mag_submul_1(u, v, bn, qhat);
	if (u0 < borrow) {
		/* qhat was still one too large (rare): add v back. */
		qhat--;
		mag_add(u, u, bn, v, bn);
	}
	u[bn] = 0;
	return qhat;
}

bool mag_divrem(uint64_t *q, uint64_t *r, const uint64_t *a, size_t an, const uint64_t *b,
                size_t bn)
{
	if (bn == 1) {
		uint64_t rem;
		if (q) {
			rem = mag_divrem_1(q, a, an, b[0]);
		} else {
			rem = 0;
			for (size_t i = an; i-- > 0;)
				rem = (uint64_t)(((u128)rem << 64 | a[i]) % b[0]);
		}
		if (r)
			r[0] = rem;
		return true;
	}

	/* Shift both so the divisor's top bit is set: the quotient digit
	 * estimates are then close. */
	unsigned s = (unsigned)__builtin_clzll(b[bn - 1]);
	uint64_t *u = mag_alloc(an + 1 + bn);
	if (!u)
		return false;
	uint64_t *v = u + an + 1;
	mag_shl(v, b, bn, s);
	u[an] = mag_shl(u, a, an, s);

	for (size_t j = an - bn + 1; j-- > 0;) {
		uint64_t qd = div_step(u + j, v, bn);
		if (q)
			q[j] = qd;
	}
	if (r)
		mag_shr(r, u, bn, s);
	free(u);
	return true;
}
