/* Magnitude arithmetic: addition, subtraction, shifts and multiplication
 * of digit arrays (schoolbook below KARATSUBA_THRESHOLD digits, Karatsuba
 * above). */
#include "bignum_mag.h"

int mag_cmp(const uint64_t *a, size_t an, const uint64_t *b, size_t bn)
{
	if (an != bn)
		return an < bn ? -1 : 1;
	while (an-- > 0) {
		if (a[an] != b[an])
			return a[an] < b[an] ? -1 : 1;
	}
	return 0;
}

uint64_t mag_add(uint64_t *r, const uint64_t *a, size_t an, const uint64_t *b, size_t bn)
{
	uint64_t carry = 0;
	size_t i;
	for (i = 0; i < bn; i++) {
		uint64_t s;
		uint64_t c1 = __builtin_add_overflow(a[i], b[i], &s);
		uint64_t c2 = __builtin_add_overflow(s, carry, &s);
		r[i] = s;
		carry = c1 | c2;
	}
	for (; i < an; i++) {
		r[i] = a[i] + carry;
		carry = carry && r[i] == 0;
	}
	return carry;
}

uint64_t mag_sub(uint64_t *r, const uint64_t *a, size_t an, const uint64_t *b, size_t bn)
{
	uint64_t borrow = 0;
	size_t i;
	for (i = 0; i < bn; i++) {
		uint64_t d;
		uint64_t b1 = __builtin_sub_overflow(a[i], b[i], &d);
		uint64_t b2 = __builtin_sub_overflow(d, borrow, &d);
		r[i] = d;
		borrow = b1 | b2;
	}
	for (; i < an; i++) {
		uint64_t d = a[i] - borrow;
		borrow = borrow && a[i] == 0;
		r[i] = d;
	}
	return borrow;
}

uint64_t mag_mul_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t m)
{
	uint64_t carry = 0;
	for (size_t i = 0; i < n; i++) {
		u128 p = (u128)a[i] * m + carry;
		r[i] = (uint64_t)p;
		carry = (uint64_t)(p >> 64);
	}
	return carry;
}

uint64_t mag_addmul_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t m)
{
	uint64_t carry = 0;
	for (size_t i = 0; i < n; i++) {
		/* a*m + r + carry <= (2^64-1)^2 + 2(2^64-1) = 2^128 - 1 */
		u128 p = (u128)a[i] * m + r[i] + carry;
		r[i] = (uint64_t)p;
		carry = (uint64_t)(p >> 64);
	}
	return carry;
}

uint64_t mag_submul_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t m)
{
	uint64_t borrow = 0;
	for (size_t i = 0; i < n; i++) {
		u128 p = (u128)a[i] * m + borrow;
		uint64_t lo = (uint64_t)p;
		uint64_t hi = (uint64_t)(p >> 64);
		hi += r[i] < lo;
		r[i] -= lo;
		borrow = hi;
	}
	return borrow;
}

uint64_t mag_shl(uint64_t *r, const uint64_t *a, size_t n, unsigned bits)
{
	if (bits == 0) {
		memmove(r, a, n * sizeof *r);
		return 0;
	}
	uint64_t out = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t d = a[i];
		r[i] = d << bits | out;
		out = d >> (64 - bits);
	}
	return out;
}

uint64_t mag_shr(uint64_t *r, const uint64_t *a, size_t n, unsigned bits)
{
	if (bits == 0) {
		memmove(r, a, n * sizeof *r);
		return 0;
	}
	uint64_t out = 0;
	for (size_t i = n; i-- > 0;) {
		uint64_t d = a[i];
		r[i] = d >> bits | out;
		out = d << (64 - bits);
	}
	return out;
}

static void mul_schoolbook(uint64_t *r, const uint64_t *a, size_t an, const uint64_t *b, size_t bn)
{
	r[an] = mag_mul_1(r, a, an, b[0]);
	for (size_t j = 1; j < bn; j++)
		r[an + j] = mag_addmul_1(r + j, a, an, b[j]);
}

/* r[0..rn) += a[0..n), the carry rippling up; the sum must fit rn digits. */
static void add_into(uint64_t *r, size_t rn, const uint64_t *a, size_t n)
{
	if (mag_add(r, r, n, a, n))
		for (size_t i = n; i < rn && ++r[i] == 0; i++)
			;
}

/* a (an digits) times a much shorter b (bn <= ceil(an / 2)): b times each
 * bn-digit slice of a, so every product is balanced. */
static bool mul_unbalanced(uint64_t *r, const uint64_t *a, size_t an, const uint64_t *b, size_t bn)
{
	uint64_t *t = mag_alloc(2 * bn);
	if (!t)
		return false;
	memset(r, 0, (an + bn) * sizeof *r);
	for (size_t i = 0; i < an; i += bn) {
		size_t len = an - i < bn ? an - i : bn;
		if (!mag_mul(t, a + i, len, b, bn)) {
			free(t);
			return false;
		}
		add_into(r + i, an + bn - i, t, len + bn);
	}
	free(t);
	return true;
}

/* Karatsuba for bn > ceil(an / 2): with a = a1 B^h + a0, b = b1 B^h + b0,
 *   a b = z2 B^2h + z1 B^h + z0,  z0 = a0 b0,  z2 = a1 b1,
 *   z1 = (a0 + a1)(b0 + b1) - z0 - z2,
 * three half-size products instead of four. */
static bool mul_karatsuba(uint64_t *r, const uint64_t *a, size_t an, const uint64_t *b, size_t bn)
{
	bool square = a == b && an == bn;
	size_t h = (an + 1) / 2;
	size_t a1n = an - h, b1n = bn - h;
	uint64_t *t = mag_alloc(4 * h + 4);
	if (!t)
		return false;
	uint64_t *sa = t, *sb = t + h + 1, *z1 = t + 2 * h + 2;

	if (!mag_mul(r, a, h, b, h) || !mag_mul(r + 2 * h, a + h, a1n, b + h, b1n))
		goto fail;

	sa[h] = mag_add(sa, a, h, a + h, a1n);
	size_t san = sa[h] ? h + 1 : h;
	size_t sbn = san;
	if (!square) {
		sb[h] = mag_add(sb, b, h, b + h, b1n);
		sbn = sb[h] ? h + 1 : h;
	}
	if (!mag_mul(z1, sa, san, square ? sa : sb, sbn))
		goto fail;
	size_t z1n = san + sbn;
	/* Subtracting can't borrow: z1 >= z0 + z2. */
	mag_sub(z1, z1, z1n, r, 2 * h);
	mag_sub(z1, z1, z1n, r + 2 * h, a1n + b1n);
	z1n = mag_norm(z1, z1n);
	add_into(r + h, an + bn - h, z1, z1n);
	free(t);
	return true;
fail:
	free(t);
	return false;
}

bool mag_mul(uint64_t *r, const uint64_t *a, size_t an, const uint64_t *b, size_t bn)
{
	if (an < bn) {
		const uint64_t *tp = a;
		a = b;
		b = tp;
		size_t tn = an;
		an = bn;
		bn = tn;
	}
	if (bn == 0) {
		memset(r, 0, an * sizeof *r);
		return true;
	}
	if (bn < KARATSUBA_THRESHOLD) {
		mul_schoolbook(r, a, an, b, bn);
		return true;
	}
	if (bn <= (an + 1) / 2)
		return mul_unbalanced(r, a, an, b, bn);
	return mul_karatsuba(r, a, an, b, bn);
}
