/* Integer +, -, *, div and rem on terms: signs handled here, magnitudes in
 * bignum_core.c and bignum_div.c. */
#include "bignum_mag.h"

/* a + b where b's sign is taken as bneg (so subtraction flips it). */
static term add_views(kb_heap *h, const int_view *a, const int_view *b, bool bneg)
{
	mag_buf buf;
	term t;
	if (a->neg == bneg) {
		const int_view *x = a, *y = b;
		if (x->n < y->n) {
			x = b;
			y = a;
		}
		uint64_t *r = mag_buf_get(&buf, x->n + 1);
		if (!r)
			return THE_NON_VALUE;
		r[x->n] = mag_add(r, x->d, x->n, y->d, y->n);
		t = int_from_digits(h, bneg, r, x->n + 1);
	} else {
		int c = mag_cmp(a->d, a->n, b->d, b->n);
		if (c == 0)
			return make_small(0);
		const int_view *x = c > 0 ? a : b, *y = c > 0 ? b : a;
		uint64_t *r = mag_buf_get(&buf, x->n);
		if (!r)
			return THE_NON_VALUE;
		mag_sub(r, x->d, x->n, y->d, y->n);
		t = int_from_digits(h, c > 0 ? a->neg : bneg, r, x->n);
	}
	mag_buf_put(&buf);
	return t;
}

term int_add(kb_heap *h, term a, term b)
{
	if (is_small(a) && is_small(b))
		return int_from_i64(h, small_value(a) + small_value(b));
	int_view va, vb;
	int_view_of(&va, a);
	int_view_of(&vb, b);
	return add_views(h, &va, &vb, vb.neg);
}

term int_sub(kb_heap *h, term a, term b)
{
	if (is_small(a) && is_small(b))
		return int_from_i64(h, small_value(a) - small_value(b));
	int_view va, vb;
	int_view_of(&va, a);
	int_view_of(&vb, b);
	return add_views(h, &va, &vb, vb.n != 0 && !vb.neg);
}

term int_mul(kb_heap *h, term a, term b)
{
	if (is_small(a) && is_small(b))
		return int_from_i128(h, (__int128)small_value(a) * small_value(b));
	int_view va, vb;
	int_view_of(&va, a);
	int_view_of(&vb, b);
	if (va.n == 0 || vb.n == 0)
		return make_small(0);
	size_t n = va.n + vb.n;
	if (n > BIG_MAX_DIGITS)
		return THE_NON_VALUE;
	mag_buf buf;
	uint64_t *r = mag_buf_get(&buf, n);
	if (!r)
		return THE_NON_VALUE;
	term t = THE_NON_VALUE;
	if (mag_mul(r, va.d, va.n, vb.d, vb.n))
		t = int_from_digits(h, va.neg != vb.neg, r, n);
	mag_buf_put(&buf);
	return t;
}

/* Truncating division of a by b != 0: the quotient when want_quotient,
 * else the remainder (which takes a's sign). */
static term divide(kb_heap *h, term a, term b, bool want_quotient)
{
	if (b == make_small(0))
		return THE_NON_VALUE;
	if (is_small(a) && is_small(b)) {
		int64_t x = small_value(a), y = small_value(b);
		/* no overflow: |x| <= 2^59 */
		return int_from_i64(h, want_quotient ? x / y : x % y);
	}
	int_view va, vb;
	int_view_of(&va, a);
	int_view_of(&vb, b);
	if (mag_cmp(va.d, va.n, vb.d, vb.n) < 0)
		return want_quotient ? make_small(0) : a;

	size_t n = want_quotient ? va.n - vb.n + 1 : vb.n;
	mag_buf buf;
	uint64_t *r = mag_buf_get(&buf, n);
	if (!r)
		return THE_NON_VALUE;
	term t = THE_NON_VALUE;
	bool ok = want_quotient ? mag_divrem(r, NULL, va.d, va.n, vb.d, vb.n)
	                        : mag_divrem(NULL, r, va.d, va.n, vb.d, vb.n);
	if (ok)
		t = int_from_digits(h, want_quotient ? va.neg != vb.neg : va.neg, r, n);
	mag_buf_put(&buf);
	return t;
}

term int_div(kb_heap *h, term a, term b) { return divide(h, a, b, true); }
term int_rem(kb_heap *h, term a, term b) { return divide(h, a, b, false); }
