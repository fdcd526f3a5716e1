/* Integers to and from text in bases 2..36 (integer_to_list/2,
 * list_to_integer/2).
 *
 * Power-of-two bases are bit slicing, linear time. Other bases work in
 * "chunks": P0 = base^chunk is the largest power of the base below 2^64, so
 * one digit of a magnitude holds `chunk` text digits. Small numbers go
 * chunk by chunk (divide by P0, or multiply by it); large ones divide and
 * conquer with the powers P_i = P0^(2^i) = base^(chunk 2^i): the text is
 * split into a high and a low part around a P_i of about half the size, so
 * the work is a few balanced divisions or Karatsuba products instead of a
 * quadratic number of one-digit steps.
 */
#include "bignum_mag.h"

static const char digit_chars[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* Below these sizes the chunk-by-chunk loops are used. */
#define TO_TEXT_BASECASE_DIGITS 24   /* magnitude digits */
#define FROM_TEXT_BASECASE_CHUNKS 24 /* chunks of text */

static unsigned pow2_bits(unsigned base)
{
	return (base & (base - 1)) == 0 ? (unsigned)__builtin_ctz(base) : 0;
}

static unsigned digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned)(c - '0');
	if (c >= 'a' && c <= 'z')
		return (unsigned)(c - 'a') + 10;
	if (c >= 'A' && c <= 'Z')
		return (unsigned)(c - 'A') + 10;
	return 99;
}

/* ---- the powers P_i, computed on demand by squaring ---- */

#define MAX_POWERS 40 /* P_39 has 2^39 digits: beyond BIG_MAX_DIGITS */

typedef struct pow_table {
	unsigned base;
	unsigned chunk; /* text digits per P0 */
	uint64_t p0;    /* P0 itself; p[0] points here */
	size_t count;   /* P_0 .. P_count-1 computed */
	uint64_t *p[MAX_POWERS];
	size_t n[MAX_POWERS];
} pow_table;

static void pow_init(pow_table *t, unsigned base)
{
	uint64_t p = base;
	unsigned chunk = 1;
	while (p <= UINT64_MAX / base) {
		p *= base;
		chunk++;
	}
	t->base = base;
	t->chunk = chunk;
	t->p0 = p;
	t->p[0] = &t->p0;
	t->n[0] = 1;
	t->count = 1;
}

/* Makes sure P_i exists; false when out of memory. */
static bool pow_get(pow_table *t, size_t i)
{
	if (i >= MAX_POWERS)
		return false;
	while (t->count <= i) {
		size_t k = t->count - 1;
		size_t n = 2 * t->n[k];
		uint64_t *sq = mag_alloc(n);
		if (!sq || !mag_mul(sq, t->p[k], t->n[k], t->p[k], t->n[k])) {
			free(sq);
			return false;
		}
		t->p[k + 1] = sq;
		t->n[k + 1] = mag_norm(sq, n);
		t->count++;
	}
	return true;
}

static void pow_free(pow_table *t)
{
	for (size_t i = 1; i < t->count; i++)
		free(t->p[i]);
	t->count = 1;
}

/* ---- integer to text ---- */

/* Writes exactly ndig digits of a power-of-two base (2^k), most
 * significant first. */
static void to_text_pow2(const int_view *v, unsigned k, char *out, size_t ndig)
{
	uint64_t mask = ((uint64_t)1 << k) - 1;
	for (size_t j = 0; j < ndig; j++) {
		uint64_t bit = (uint64_t)j * k;
		size_t w = (size_t)(bit / 64);
		unsigned b = (unsigned)(bit % 64);
		uint64_t x = v->d[w] >> b;
		if (b + k > 64 && w + 1 < v->n)
			x |= v->d[w + 1] << (64 - b);
		out[ndig - 1 - j] = digit_chars[x & mask];
	}
}

/* Writes x < base^width as exactly width digits, zero-padded on the left,
 * chunk by chunk from the least significant end. */
static bool to_text_basecase(const pow_table *t, const uint64_t *x, size_t xn, char *out,
                             size_t width)
{
	mag_buf buf;
	uint64_t *c = mag_buf_get(&buf, xn);
	if (!c)
		return false;
	memcpy(c, x, xn * sizeof *c);
	size_t pos = width;
	while (pos > 0) {
		if (xn == 0) {
			memset(out, '0', pos);
			break;
		}
		uint64_t rem = mag_divrem_1(c, c, xn, t->p0);
		xn = mag_norm(c, xn);
		for (unsigned j = 0; j < t->chunk && pos > 0; j++) {
			out[--pos] = digit_chars[rem % t->base];
			rem /= t->base;
		}
	}
	mag_buf_put(&buf);
	return true;
}

/* Writes x < base^width as exactly width digits: x = q P_i + r, where P_i
 * is about half as long as x, writes q then r as its chunk 2^i digits. */
static bool to_text_split(pow_table *t, const uint64_t *x, size_t xn, char *out, size_t width)
{
	if (xn <= TO_TEXT_BASECASE_DIGITS)
		return to_text_basecase(t, x, xn, out, width);
	size_t half = (xn + 1) / 2, i = 0;
	for (;;) {
		/* n[i+1] >= 2 n[i] - 1: skip computing a power that is too big */
		if (2 * t->n[i] - 1 > half)
			break;
		if (!pow_get(t, i + 1))
			return false;
		if (t->n[i + 1] > half)
			break;
		i++;
	}
	size_t k = (size_t)t->chunk << i;
	const uint64_t *p = t->p[i];
	size_t pn = t->n[i];
	if (k >= width) /* cannot happen for x < base^width; stay safe */
		return to_text_basecase(t, x, xn, out, width);

	uint64_t *q = mag_alloc(xn - pn + 1 + pn);
	if (!q)
		return false;
	uint64_t *r = q + xn - pn + 1;
	bool ok = mag_divrem(q, r, x, xn, p, pn) &&
	          to_text_split(t, q, mag_norm(q, xn - pn + 1), out, width - k) &&
	          to_text_split(t, r, mag_norm(r, pn), out + width - k, k);
	free(q);
	return ok;
}

char *int_to_text(term i, unsigned base, size_t *len)
{
	if (base < 2 || base > 36)
		return NULL;
	int_view v;
	int_view_of(&v, i);
	uint64_t bits = mag_bitlen(v.d, v.n);
	unsigned k = pow2_bits(base);
	size_t width;
	if (v.n == 0)
		width = 1;
	else if (k)
		width = (size_t)((bits + k - 1) / k);
	else /* digits <= ceil(bits / log2(base)); one more for rounding */
		width = (size_t)((double)bits / __builtin_log2((double)base)) + 2;

	char *s = malloc(width + 2);
	if (!s)
		return NULL;
	char *digits = s + 1;
	bool ok = true;
	if (v.n == 0) {
		digits[0] = '0';
	} else if (k) {
		to_text_pow2(&v, k, digits, width);
	} else {
		pow_table t;
		pow_init(&t, base);
		ok = to_text_split(&t, v.d, v.n, digits, width);
		pow_free(&t);
	}
	if (!ok) {
		free(s);
		return NULL;
	}
	size_t skip = 0;
	while (skip + 1 < width && digits[skip] == '0')
		skip++;
	size_t n = width - skip;
	size_t start = 0;
	if (v.neg)
		s[start++] = '-';
	memmove(s + start, digits + skip, n);
	s[start + n] = '\0';
	*len = start + n;
	return s;
}

/* ---- text to integer ---- */

static void from_text_pow2(const char *s, size_t n, unsigned k, uint64_t *r, size_t rn)
{
	memset(r, 0, rn * sizeof *r);
	for (size_t j = 0; j < n; j++) {
		uint64_t x = digit_value(s[n - 1 - j]);
		uint64_t bit = (uint64_t)j * k;
		size_t w = (size_t)(bit / 64);
		unsigned b = (unsigned)(bit % 64);
		r[w] |= x << b;
		if (b + k > 64)
			r[w + 1] |= x >> (64 - b);
	}
}

/* Magnitude digits enough for n text digits: each full chunk is below
 * 2^64, a partial one too. */
static size_t words_for(const pow_table *t, size_t n) { return n / t->chunk + 1; }

/* r = r * m + add over the cur used digits of r; returns the new count. */
static size_t mul_add_1(uint64_t *r, size_t cur, uint64_t m, uint64_t add)
{
	uint64_t carry = mag_mul_1(r, r, cur, m);
	for (size_t i = 0; i < cur && add; i++) {
		r[i] += add;
		add = r[i] < add;
	}
	r[cur] = carry + add; /* carry < m <= 2^64 - 1, so no overflow */
	return r[cur] ? cur + 1 : cur;
}

/* The value of the n digits s (validated) into r[0..words_for(n)), left
 * normalized; returns its length, or SIZE_MAX when out of memory. */
static size_t from_text_split(pow_table *t, const char *s, size_t n, uint64_t *r)
{
	size_t rn = words_for(t, n);
	if (n <= (size_t)t->chunk * FROM_TEXT_BASECASE_CHUNKS) {
		memset(r, 0, rn * sizeof *r);
		size_t cur = 0, pos = 0;
		while (pos < n) {
			/* a partial chunk first, so the rest are whole */
			size_t take = pos == 0 && n % t->chunk ? n % t->chunk : t->chunk;
			uint64_t m = 1, val = 0;
			for (size_t j = 0; j < take; j++) {
				m *= t->base;
				val = val * t->base + digit_value(s[pos + j]);
			}
			cur = mul_add_1(r, cur, m, val);
			pos += take;
		}
		return cur;
	}

	/* low part: the last chunk 2^i digits, the largest such below n */
	size_t i = 0;
	while (((size_t)t->chunk << (i + 1)) < n)
		i++;
	size_t k = (size_t)t->chunk << i;
	if (!pow_get(t, i))
		return SIZE_MAX;
	uint64_t *hi = mag_alloc(words_for(t, n - k) + words_for(t, k));
	if (!hi)
		return SIZE_MAX;
	uint64_t *lo = hi + words_for(t, n - k);
	size_t hn = from_text_split(t, s, n - k, hi);
	size_t ln = hn == SIZE_MAX ? SIZE_MAX : from_text_split(t, s + n - k, k, lo);
	size_t len = SIZE_MAX;
	/* hn + n[i] <= rn: P_i < 2^(64 2^i) has at most 2^i = k / chunk digits */
	if (ln != SIZE_MAX && mag_mul(r, hi, hn, t->p[i], t->n[i])) {
		memset(r + hn + t->n[i], 0, (rn - hn - t->n[i]) * sizeof *r);
		mag_add(r, r, rn, lo, ln);
		len = mag_norm(r, rn);
	}
	free(hi);
	return len;
}

term int_from_text(kb_heap *h, const char *s, size_t n, unsigned base)
{
	if (base < 2 || base > 36)
		return THE_NON_VALUE;
	bool neg = false;
	if (n > 0 && (s[0] == '+' || s[0] == '-')) {
		neg = s[0] == '-';
		s++;
		n--;
	}
	if (n == 0)
		return THE_NON_VALUE;
	for (size_t j = 0; j < n; j++)
		if (digit_value(s[j]) >= base)
			return THE_NON_VALUE;
	while (n > 0 && s[0] == '0') {
		s++;
		n--;
	}
	if (n == 0)
		return make_small(0);

	unsigned k = pow2_bits(base);
	term result = THE_NON_VALUE;
	if (k) {
		size_t rn = n / 64 * k + k + 1; /* >= ceil(n k / 64) */
		uint64_t *r = mag_alloc(rn);
		if (!r)
			return THE_NON_VALUE;
		from_text_pow2(s, n, k, r, rn);
		result = int_from_digits(h, neg, r, rn);
		free(r);
		return result;
	}
	pow_table t;
	pow_init(&t, base);
	uint64_t *r = mag_alloc(words_for(&t, n));
	if (r) {
		size_t len = from_text_split(&t, s, n, r);
		if (len != SIZE_MAX)
			result = int_from_digits(h, neg, r, len);
		free(r);
	}
	pow_free(&t);
	return result;
}
