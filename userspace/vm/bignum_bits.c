/* Bitwise operations and shifts with Erlang's semantics: an integer
 * behaves as an infinite two's complement bit string, so a negative number
 * has infinitely many leading ones (-1 band X == X, -8 bsr 1 == -4). */
#include "bignum_mag.h"

/* r[0..len) = the two's complement of v, len > v->n (so there is room for
 * the sign). For v < 0 that is ~(|v| - 1). */
static void to_twos(uint64_t *r, size_t len, const int_view *v)
{
	size_t i;
	if (!v->neg) {
		memcpy(r, v->d, v->n * sizeof *r);
		memset(r + v->n, 0, (len - v->n) * sizeof *r);
		return;
	}
	uint64_t borrow = 1;
	for (i = 0; i < v->n; i++) {
		uint64_t d = v->d[i] - borrow;
		borrow = borrow && v->d[i] == 0;
		r[i] = ~d;
	}
	for (; i < len; i++)
		r[i] = UINT64_MAX;
}

/* The integer whose two's complement is r[0..len) (the top bit is the
 * sign); r is overwritten. */
static term from_twos(kb_heap *h, uint64_t *r, size_t len)
{
	bool neg = r[len - 1] >> 63;
	if (neg) {
		uint64_t carry = 1;
		for (size_t i = 0; i < len; i++) {
			r[i] = ~r[i] + carry;
			carry = carry && r[i] == 0;
		}
	}
	return int_from_digits(h, neg, r, len);
}

enum bitop { BIT_AND, BIT_OR, BIT_XOR };

static term bitwise(kb_heap *h, term a, term b, enum bitop op)
{
	if (is_small(a) && is_small(b)) {
		/* the int64 two's complement of a small is its Erlang one */
		int64_t x = small_value(a), y = small_value(b);
		return make_small(op == BIT_AND ? x & y : op == BIT_OR ? x | y : x ^ y);
	}
	int_view va, vb;
	int_view_of(&va, a);
	int_view_of(&vb, b);
	size_t len = (va.n > vb.n ? va.n : vb.n) + 1;
	mag_buf bx, by;
	uint64_t *x = mag_buf_get(&bx, len);
	uint64_t *y = x ? mag_buf_get(&by, len) : NULL;
	if (!y) {
		if (x)
			mag_buf_put(&bx);
		return THE_NON_VALUE;
	}
	to_twos(x, len, &va);
	to_twos(y, len, &vb);
	for (size_t i = 0; i < len; i++)
		x[i] = op == BIT_AND ? x[i] & y[i] : op == BIT_OR ? x[i] | y[i] : x[i] ^ y[i];
	term t = from_twos(h, x, len);
	mag_buf_put(&by);
	mag_buf_put(&bx);
	return t;
}

term int_band(kb_heap *h, term a, term b) { return bitwise(h, a, b, BIT_AND); }
term int_bor(kb_heap *h, term a, term b) { return bitwise(h, a, b, BIT_OR); }
term int_bxor(kb_heap *h, term a, term b) { return bitwise(h, a, b, BIT_XOR); }

term int_bnot(kb_heap *h, term a)
{
	if (is_small(a))
		return make_small(~small_value(a));
	return int_sub(h, make_small(-1), a); /* bnot a == -1 - a */
}

static term shift_left(kb_heap *h, term a, uint64_t s)
{
	if (a == make_small(0))
		return a;
	if (is_small(a) && s < 64)
		return int_from_i128(h, (__int128)small_value(a) * ((__int128)1 << s));
	uint64_t words = s / 64;
	unsigned bits = (unsigned)(s % 64);
	if (words > BIG_MAX_DIGITS)
		return THE_NON_VALUE;
	int_view v;
	int_view_of(&v, a);
	uint64_t out = bits ? v.d[v.n - 1] >> (64 - bits) : 0;
	size_t len = v.n + (size_t)words + (out != 0);
	/* |result| >= |a| and either a is a bignum or s >= 64: never small. */
	uint64_t *d = big_alloc(h, len, v.neg);
	if (!d)
		return THE_NON_VALUE;
	memset(d, 0, words * sizeof *d);
	mag_shl(d + words, v.d, v.n, bits);
	if (out)
		d[len - 1] = out;
	return big_term(d);
}

/* Arithmetic shift right: floor(a / 2^s), which for a < 0 is
 * -ceil(|a| / 2^s). */
static term shift_right(kb_heap *h, term a, uint64_t s)
{
	if (is_small(a)) {
		int64_t x = small_value(a);
		if (s >= 63)
			return make_small(x < 0 ? -1 : 0);
		return make_small(x < 0 ? ~(~x >> s) : x >> s);
	}
	int_view v;
	int_view_of(&v, a);
	if (s >= mag_bitlen(v.d, v.n))
		return make_small(v.neg ? -1 : 0);
	size_t words = (size_t)(s / 64);
	unsigned bits = (unsigned)(s % 64);
	size_t rn = v.n - words;
	mag_buf buf;
	uint64_t *r = mag_buf_get(&buf, rn + 1);
	if (!r)
		return THE_NON_VALUE;
	bool lost = mag_shr(r, v.d + words, rn, bits) != 0;
	for (size_t i = 0; i < words && !lost; i++)
		lost = v.d[i] != 0;
	r[rn] = 0;
	if (v.neg && lost)
		for (size_t i = 0; ++r[i] == 0; i++)
			;
	term t = int_from_digits(h, v.neg, r, rn + 1);
	mag_buf_put(&buf);
	return t;
}

term int_bsl(kb_heap *h, term a, int64_t n)
{
	return n >= 0 ? shift_left(h, a, (uint64_t)n) : shift_right(h, a, -(uint64_t)n);
}

term int_bsr(kb_heap *h, term a, int64_t n)
{
	return n >= 0 ? shift_right(h, a, (uint64_t)n) : shift_left(h, a, -(uint64_t)n);
}
