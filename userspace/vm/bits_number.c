/* Integers and floats as bit fields: two's complement integers of any size,
 * big- or little-endian, and IEEE floats of 16, 32 and 64 bits. */
#include "bits_impl.h"

#include <math.h>
#include <stdlib.h>

#include "bignum.h"
#include "binary.h"

/* The low 64 bits of integer i in two's complement. */
static uint64_t int_low_word(term i)
{
	if (is_small(i))
		return (uint64_t)small_value(i);
	uint64_t d = big_digits(i)[0];
	return big_is_negative(i) ? -d : d;
}

/* Bytes 0..nb of integer i in two's complement, least significant first,
 * sign-extended as far as nb asks. */
static void int_le_bytes(term i, uint8_t *out, uint64_t nb)
{
	if (is_small(i)) {
		uint64_t u = (uint64_t)small_value(i);
		uint8_t fill = small_value(i) < 0 ? 0xff : 0;
		for (uint64_t j = 0; j < nb; j++)
			out[j] = j < 8 ? (uint8_t)(u >> (8 * j)) : fill;
		return;
	}
	const uint64_t *d = big_digits(i);
	uint64_t nd = big_ndigits(i);
	bool neg = big_is_negative(i);
	unsigned carry = 1; /* -m is ~m + 1 */
	for (uint64_t j = 0; j < nb; j++) {
		unsigned m = j / 8 < nd ? (unsigned)(d[j / 8] >> (8 * (j % 8))) & 0xff : 0;
		if (neg) {
			unsigned t = (~m & 0xff) + carry;
			carry = t >> 8;
			m = t & 0xff;
		}
		out[j] = (uint8_t)m;
	}
}

/* n bits, all 0 or all 1, at off (a writer as bits_impl.h says: in order). */
static void bits_fill(uint8_t *base, uint64_t off, uint64_t n, bool ones)
{
	uint64_t word = ones ? ~UINT64_C(0) : 0;
	unsigned head = (unsigned)((8 - off % 8) % 8);
	if (head > n)
		head = (unsigned)n;
	bits_write_u64(base, off, word, head);
	off += head;
	n -= head;
	memset(base + off / 8, (int)(word & 0xff), n / 8);
	bits_write_u64(base, off + n / 8 * 8, word, (unsigned)(n % 8));
}

bool bits_put_integer(uint8_t *base, uint64_t off, term i, uint64_t n, unsigned flags)
{
	if (n <= 64) {
		uint64_t x = int_low_word(i) & bits_mask((unsigned)n);
		if (bits_little(flags))
			x = bits_le_field(x, (unsigned)n);
		bits_write_u64(base, off, x, (unsigned)n);
		return true;
	}
	/* A field much wider than the integer (<<0:80000>>) is the integer's
	 * bytes, one more for the sign, and sign bits: in front when
	 * big-endian, after when little-endian (whole bytes first, so the
	 * sign bits end it exactly as the field's cut last byte would). */
	uint64_t m = 8 * (8 * (is_small(i) ? 1 : big_ndigits(i)) + 1);
	if (m < n) {
		bool neg = is_small(i) ? small_value(i) < 0 : big_is_negative(i);
		if (bits_little(flags)) {
			if (!bits_put_integer(base, off, i, m, flags))
				return false;
			bits_fill(base, off + m, n - m, neg);
			return true;
		}
		bits_fill(base, off, n - m, neg);
		return bits_put_integer(base, off + n - m, i, m, flags);
	}
	uint64_t nb = (n + 7) / 8;
	unsigned top = (unsigned)(n - 8 * (nb - 1)), pad = 8 - top;
	uint8_t *le = malloc(2 * nb);
	if (!le)
		return false;
	uint8_t *field = le + nb;
	int_le_bytes(i, le, nb);
	le[nb - 1] &= (uint8_t)bits_mask(top);
	if (bits_little(flags)) {
		memcpy(field, le, nb - 1);
		field[nb - 1] = (uint8_t)(le[nb - 1] << pad);
	} else {
		/* The number shifted left by pad, most significant byte first. */
		for (uint64_t j = 0; j < nb; j++) {
			unsigned lo = j ? le[j - 1] >> top : 0;
			field[nb - 1 - j] = (uint8_t)(le[j] << pad | (pad ? lo : 0));
		}
	}
	bits_put(base, off, field, 0, n);
	free(le);
	return true;
}

term bits_get_integer(kb_heap *h, const uint8_t *base, uint64_t off, uint64_t n, unsigned flags)
{
	bool is_signed = flags & BS_FLAG_SIGNED;
	if (n <= 64) {
		uint64_t x = bits_read_u64(base, off, (unsigned)n);
		if (bits_little(flags))
			x = bits_le_value(x, (unsigned)n);
		if (is_signed && n && x >> (n - 1) & 1)
			return int_from_i64(h, (int64_t)(x | ~bits_mask((unsigned)n)));
		return int_from_u64(h, x);
	}
	uint64_t nb = (n + 7) / 8;
	unsigned top = (unsigned)(n - 8 * (nb - 1)), pad = 8 - top;
	uint8_t *field = malloc(2 * nb);
	if (!field)
		return THE_NON_VALUE;
	uint8_t *le = field + nb;
	bits_copy(field, base, off, n);
	if (bits_little(flags)) {
		memcpy(le, field, nb - 1);
		le[nb - 1] = (uint8_t)(field[nb - 1] >> pad);
	} else {
		/* The field read as a number is shifted left by pad. */
		for (uint64_t j = 0; j < nb; j++) {
			unsigned hi = j + 1 < nb ? field[nb - 2 - j] : 0;
			le[j] = (uint8_t)(field[nb - 1 - j] >> pad | (pad ? hi << top : 0));
		}
	}
	bool neg = is_signed && le[nb - 1] >> (top - 1) & 1;
	if (neg) { /* magnitude 2^n - x: invert the n bits, add one */
		unsigned carry = 1;
		for (uint64_t j = 0; j < nb; j++) {
			unsigned t = (~le[j] & 0xff) + carry;
			carry = t >> 8;
			le[j] = (uint8_t)t;
		}
		le[nb - 1] &= (uint8_t)bits_mask(top);
	}
	term r = int_from_le_bytes(h, neg, le, nb);
	free(field);
	return r;
}

uint16_t bits_half_from_double(double d)
{
	uint64_t b;
	memcpy(&b, &d, sizeof b);
	uint16_t sign = (uint16_t)(b >> 48 & 0x8000);
	int exp = (int)(b >> 52 & 0x7ff);
	uint64_t frac = b & bits_mask(52);
	if (exp == 0x7ff) /* infinity, NaN (quiet) */
		return sign | 0x7c00 | (frac ? 0x200 : 0);
	if (exp == 0) /* zero and double subnormals, far below half's range */
		return sign;
	int e = exp - 1023;
	if (e > 15)
		return sign | 0x7c00;
	/* Keep 11 significant bits of a normal (10 stored, the leading one
	 * implicit), fewer of a subnormal, whose unit is 2^-24: drop `shift`
	 * low bits of the significand, rounding to nearest even. A carry out of
	 * the kept bits moves into the exponent field, which is how rounding
	 * up reaches the next binade or infinity. */
	uint64_t sig = frac | UINT64_C(1) << 52;
	bool normal = e >= -14;
	unsigned shift = normal ? 42 : (unsigned)(28 - e);
	if (shift > 53)
		return sign; /* below half the smallest subnormal */
	uint64_t kept = sig >> shift, rest = sig & bits_mask(shift),
	         half = UINT64_C(1) << (shift - 1);
	if (rest > half || (rest == half && (kept & 1)))
		kept++;
	uint64_t biased = normal ? (uint64_t)(e + 14) << 10 : 0; /* e + 15, less the implicit bit */
	return (uint16_t)(sign | (biased + kept));
}

double bits_half_to_double(uint16_t h)
{
	double sign = h & 0x8000 ? -1.0 : 1.0;
	unsigned exp = h >> 10 & 0x1f, frac = h & 0x3ff;
	if (exp == 0)
		return sign * ldexp(frac, -24);
	if (exp == 0x1f)
		return frac ? NAN : sign * INFINITY;
	return sign * ldexp(frac | 0x400, (int)exp - 25);
}

bool bits_float_pattern(term x, unsigned n, uint64_t *pattern)
{
	double d;
	if (is_float(x)) {
		d = float_value(x);
	} else if (is_small(x)) {
		if (n == 32) { /* straight from the integer: one rounding */
			float f = (float)small_value(x);
			uint32_t u;
			memcpy(&u, &f, sizeof u);
			*pattern = u;
			return true;
		}
		d = (double)small_value(x);
	} else if (is_big(x)) {
		if (!int_to_double(x, &d))
			return false;
	} else {
		return false;
	}
	if (n == 64) {
		memcpy(pattern, &d, sizeof d);
	} else if (n == 32) {
		float f = (float)d;
		uint32_t u;
		memcpy(&u, &f, sizeof u);
		*pattern = u;
	} else {
		*pattern = bits_half_from_double(d);
	}
	return true;
}
