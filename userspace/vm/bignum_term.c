/* Integer terms: building canonical ones, reading their magnitude, sign,
 * comparison and the conversions from and to machine integers and bytes. */
#include "bignum_mag.h"

void int_view_of(int_view *v, term i)
{
	if (is_small(i)) {
		int64_t s = small_value(i);
		v->neg = s < 0;
		v->small = s < 0 ? -(uint64_t)s : (uint64_t)s;
		v->d = &v->small;
		v->n = s != 0;
	} else {
		v->neg = big_is_negative(i);
		v->d = big_digits(i);
		v->n = big_ndigits(i);
	}
}

uint64_t *big_alloc(kb_heap *h, size_t n, bool negative)
{
	if (n > BIG_MAX_DIGITS)
		return NULL;
	term *p = heap_alloc(h, n + 1);
	if (!p)
		return NULL;
	p[0] = make_header(n, negative ? SUBTAG_NEG_BIG : SUBTAG_POS_BIG);
	return p + 1;
}

term int_from_digits(kb_heap *h, bool negative, const uint64_t *digits, size_t ndigits)
{
	size_t n = mag_norm(digits, ndigits);
	if (n == 0)
		return make_small(0);
	if (n == 1) {
		uint64_t m = digits[0];
		if (!negative && m <= (uint64_t)MAX_SMALL)
			return make_small((int64_t)m);
		if (negative && m <= (uint64_t)MAX_SMALL + 1)
			return make_small(-(int64_t)(m - 1) - 1);
	}
	uint64_t *d = big_alloc(h, n, negative);
	if (!d)
		return THE_NON_VALUE;
	memcpy(d, digits, n * sizeof *d);
	return big_term(d);
}

term int_from_u64(kb_heap *h, uint64_t v) { return int_from_digits(h, false, &v, 1); }

term int_from_i64(kb_heap *h, int64_t v)
{
	if (small_fits(v))
		return make_small(v);
	uint64_t m = v < 0 ? -(uint64_t)v : (uint64_t)v;
	return int_from_digits(h, v < 0, &m, 1);
}

term int_from_i128(kb_heap *h, __int128 v)
{
	if (v >= MIN_SMALL && v <= MAX_SMALL)
		return make_small((int64_t)v);
	u128 m = v < 0 ? -(u128)v : (u128)v;
	uint64_t d[2] = {(uint64_t)m, (uint64_t)(m >> 64)};
	return int_from_digits(h, v < 0, d, 2);
}

term int_from_le_bytes(kb_heap *h, bool negative, const uint8_t *bytes, size_t nbytes)
{
	while (nbytes > 0 && bytes[nbytes - 1] == 0)
		nbytes--;
	size_t n = (nbytes + 7) / 8;
	mag_buf buf;
	uint64_t *d = mag_buf_get(&buf, n);
	if (!d)
		return THE_NON_VALUE;
	memset(d, 0, n * sizeof *d);
	for (size_t i = 0; i < nbytes; i++)
		d[i / 8] |= (uint64_t)bytes[i] << (8 * (i % 8));
	term t = int_from_digits(h, negative, d, n);
	mag_buf_put(&buf);
	return t;
}

size_t int_magnitude_size(term i)
{
	int_view v;
	int_view_of(&v, i);
	if (v.n == 0)
		return 0;
	return (v.n - 1) * 8 + (size_t)(8 - __builtin_clzll(v.d[v.n - 1]) / 8);
}

void int_magnitude_bytes(term i, uint8_t *out)
{
	int_view v;
	int_view_of(&v, i);
	size_t size = int_magnitude_size(i);
	for (size_t k = 0; k < size; k++)
		out[k] = (uint8_t)(v.d[k / 8] >> (8 * (k % 8)));
}

bool int_is_negative(term i)
{
	if (is_small(i))
		return small_value(i) < 0;
	return big_is_negative(i);
}

bool int_to_i64(term i, int64_t *out)
{
	if (is_small(i)) {
		*out = small_value(i);
		return true;
	}
	if (big_ndigits(i) != 1)
		return false;
	uint64_t m = big_digits(i)[0];
	if (big_is_negative(i)) {
		if (m > (uint64_t)INT64_MAX + 1)
			return false;
		*out = (int64_t)(0 - m);
	} else {
		if (m > (uint64_t)INT64_MAX)
			return false;
		*out = (int64_t)m;
	}
	return true;
}

int int_cmp(term a, term b)
{
	if (is_small(a) && is_small(b)) {
		int64_t x = small_value(a), y = small_value(b);
		return (x > y) - (x < y);
	}
	int_view va, vb;
	int_view_of(&va, a);
	int_view_of(&vb, b);
	if (va.neg != vb.neg)
		return va.neg ? -1 : 1;
	int c = mag_cmp(va.d, va.n, vb.d, vb.n);
	return va.neg ? -c : c;
}

/* A copy of a's magnitude with the given sign. */
static term with_sign(kb_heap *h, term a, bool negative)
{
	uint64_t *d = big_alloc(h, big_ndigits(a), negative);
	if (!d)
		return THE_NON_VALUE;
	memcpy(d, big_digits(a), big_ndigits(a) * sizeof *d);
	return big_term(d);
}

term int_neg(kb_heap *h, term a)
{
	if (is_small(a))
		return int_from_i64(h, -small_value(a));
	/* 2^59 is the one bignum whose negation is a small. */
	if (big_ndigits(a) == 1 && !big_is_negative(a) &&
	    big_digits(a)[0] == (uint64_t)MAX_SMALL + 1)
		return make_small(MIN_SMALL);
	return with_sign(h, a, !big_is_negative(a));
}

term int_abs(kb_heap *h, term a)
{
	if (is_small(a))
		return int_from_i64(h, small_value(a) < 0 ? -small_value(a) : small_value(a));
	if (!big_is_negative(a))
		return a;
	return with_sign(h, a, false);
}
