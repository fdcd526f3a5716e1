/* One character in each of the unicode module's encodings (see
 * unicode_codec.h). */
#include "unicode_codec.h"
#include "vm/atom.h"

bool uni_encoding_parse(term t, uni_encoding *enc)
{
	if (t == ATOM(latin1)) {
		*enc = UNI_LATIN1;
	} else if (t == ATOM(unicode) || t == ATOM(utf8)) {
		*enc = UNI_UTF8;
	} else if (t == ATOM(utf16)) {
		*enc = UNI_UTF16_BIG;
	} else if (t == ATOM(utf32)) {
		*enc = UNI_UTF32_BIG;
	} else if (is_tuple(t) && tuple_arity(t) == 2) {
		term width = tuple_get(t, 1), endian = tuple_get(t, 2);
		bool big = endian == ATOM(big);
		if (!big && endian != ATOM(little))
			return false;
		if (width == ATOM(utf16))
			*enc = big ? UNI_UTF16_BIG : UNI_UTF16_LITTLE;
		else if (width == ATOM(utf32))
			*enc = big ? UNI_UTF32_BIG : UNI_UTF32_LITTLE;
		else
			return false;
	} else {
		return false;
	}
	return true;
}

static bool is_cont(uint8_t b) { return (b & 0xC0) == 0x80; }

static int decode_utf8(const uint8_t *s, size_t n, uint32_t *cp)
{
	uint8_t b = s[0];
	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	int len;
	uint32_t x, min;
	if ((b & 0xE0) == 0xC0) {
		len = 2, x = b & 0x1F, min = 0x80;
	} else if ((b & 0xF0) == 0xE0) {
		len = 3, x = b & 0x0F, min = 0x800;
	} else if ((b & 0xF8) == 0xF0) {
		len = 4, x = b & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < (size_t)len)
		return 0;
	for (int i = 1; i < len; i++) {
		if (!is_cont(s[i]))
			return 0;
		x = x << 6 | (s[i] & 0x3F);
	}
	if (x < min || !uni_is_scalar(x))
		return 0;
	*cp = x;
	return len;
}

static uint32_t unit16(const uint8_t *s, bool big)
{
	return big ? (uint32_t)s[0] << 8 | s[1] : (uint32_t)s[1] << 8 | s[0];
}

static int decode_utf16(const uint8_t *s, size_t n, bool big, uint32_t *cp)
{
	if (n < 2)
		return 0;
	uint32_t w1 = unit16(s, big);
	if (w1 < 0xD800 || w1 > 0xDFFF) {
		*cp = w1;
		return 2;
	}
	if (w1 > 0xDBFF || n < 4)
		return 0;
	uint32_t w2 = unit16(s + 2, big);
	if (w2 < 0xDC00 || w2 > 0xDFFF)
		return 0;
	*cp = 0x10000 + ((w1 - 0xD800) << 10 | (w2 - 0xDC00));
	return 4;
}

static int decode_utf32(const uint8_t *s, size_t n, bool big, uint32_t *cp)
{
	if (n < 4)
		return 0;
	uint32_t x = big ? (uint32_t)s[0] << 24 | (uint32_t)s[1] << 16 | (uint32_t)s[2] << 8 | s[3]
	                 : (uint32_t)s[3] << 24 | (uint32_t)s[2] << 16 | (uint32_t)s[1] << 8 | s[0];
	if (!uni_is_scalar(x))
		return 0;
	*cp = x;
	return 4;
}

int uni_decode(uni_encoding enc, const uint8_t *s, size_t n, uint32_t *cp)
{
	if (!n)
		return 0;
	switch (enc) {
	case UNI_LATIN1:
		*cp = s[0];
		return 1;
	case UNI_UTF8:
		return decode_utf8(s, n, cp);
	case UNI_UTF16_BIG:
	case UNI_UTF16_LITTLE:
		return decode_utf16(s, n, enc == UNI_UTF16_BIG, cp);
	case UNI_UTF32_BIG:
	case UNI_UTF32_LITTLE:
		return decode_utf32(s, n, enc == UNI_UTF32_BIG, cp);
	}
	return 0;
}

/* A lead byte alone: 110xxxxx lacks 1. 1110xxxx and 11110xxx: followed by
 * nothing but continuation bytes, they lack what their length says. */
static int missing_utf8(const uint8_t *s, size_t n)
{
	size_t len;
	if ((s[0] & 0xE0) == 0xC0)
		len = 2;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3;
	else if ((s[0] & 0xF8) == 0xF0)
		len = 4;
	else
		return 0;
	if (n >= len || (len == 2 && n != 1))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!is_cont(s[i]))
			return 0;
	return (int)(len - n);
}

static bool is_high_surrogate_byte(uint8_t b) { return (b & 0xFC) == 0xD8; }
static bool is_low_surrogate_byte(uint8_t b) { return (b & 0xFC) == 0xDC; }

/* Big-endian: a byte that cannot start a low surrogate lacks 1; a high
 * surrogate, or its first byte, lacks the rest of the pair, the pair's
 * third byte having to start a low surrogate. */
static int missing_utf16_big(const uint8_t *s, size_t n)
{
	if (is_high_surrogate_byte(s[0])) {
		if (n == 3)
			return is_low_surrogate_byte(s[2]) ? 1 : 0;
		return n < 3 ? (int)(4 - n) : 0;
	}
	return n == 1 && !is_low_surrogate_byte(s[0]) ? 1 : 0;
}

/* Little-endian: any one byte lacks 1; a high surrogate lacks the rest of
 * the pair, whatever the pair's third byte. */
static int missing_utf16_little(const uint8_t *s, size_t n)
{
	if (n == 1)
		return 1;
	if (n <= 3 && is_high_surrogate_byte(s[1]))
		return (int)(4 - n);
	return 0;
}

/* Whether the three most significant bytes of a UTF-32 unit can still be
 * those of a scalar value: x the most significant byte but one, y the
 * next. */
static bool utf32_prefix_ok(uint8_t x, uint8_t y)
{
	return x <= 16 && (x > 0 || y <= 0xD7 || y >= 0xE0);
}

static int missing_utf32_big(const uint8_t *s, size_t n)
{
	if (n > 3 || s[0] != 0)
		return 0;
	if (n == 1)
		return 3;
	if (n == 2)
		return s[1] <= 16 ? 2 : 0;
	return utf32_prefix_ok(s[1], s[2]) ? 1 : 0;
}

/* Little-endian: one or two bytes always lack the rest; three look at
 * their last two, and OTP also refuses <<254 | 255, 255, 0>> (the end of
 * a byte order mark). */
static int missing_utf32_little(const uint8_t *s, size_t n)
{
	if (n < 3)
		return (int)(4 - n);
	if (n > 3)
		return 0;
	if ((s[0] == 254 || s[0] == 255) && s[1] == 255 && s[2] == 0)
		return 0;
	return utf32_prefix_ok(s[2], s[1]) ? 1 : 0;
}

int uni_missing(uni_encoding enc, const uint8_t *s, size_t n)
{
	switch (enc) {
	case UNI_LATIN1:
		return 0;
	case UNI_UTF8:
		return missing_utf8(s, n);
	case UNI_UTF16_BIG:
		return missing_utf16_big(s, n);
	case UNI_UTF16_LITTLE:
		return missing_utf16_little(s, n);
	case UNI_UTF32_BIG:
		return missing_utf32_big(s, n);
	case UNI_UTF32_LITTLE:
		return missing_utf32_little(s, n);
	}
	return 0;
}

static int encode_utf8(uint32_t x, uint8_t *o)
{
	if (x < 0x80) {
		o[0] = (uint8_t)x;
		return 1;
	}
	if (x < 0x800) {
		o[0] = (uint8_t)(0xC0 | x >> 6);
		o[1] = (uint8_t)(0x80 | (x & 0x3F));
		return 2;
	}
	if (x < 0x10000) {
		o[0] = (uint8_t)(0xE0 | x >> 12);
		o[1] = (uint8_t)(0x80 | ((x >> 6) & 0x3F));
		o[2] = (uint8_t)(0x80 | (x & 0x3F));
		return 3;
	}
	o[0] = (uint8_t)(0xF0 | x >> 18);
	o[1] = (uint8_t)(0x80 | ((x >> 12) & 0x3F));
	o[2] = (uint8_t)(0x80 | ((x >> 6) & 0x3F));
	o[3] = (uint8_t)(0x80 | (x & 0x3F));
	return 4;
}

static void put16(uint32_t w, bool big, uint8_t *o)
{
	o[big ? 0 : 1] = (uint8_t)(w >> 8);
	o[big ? 1 : 0] = (uint8_t)w;
}

static int encode_utf16(uint32_t x, bool big, uint8_t *o)
{
	if (x < 0x10000) {
		put16(x, big, o);
		return 2;
	}
	x -= 0x10000;
	put16(0xD800 | x >> 10, big, o);
	put16(0xDC00 | (x & 0x3FF), big, o + 2);
	return 4;
}

static int encode_utf32(uint32_t x, bool big, uint8_t *o)
{
	for (int i = 0; i < 4; i++)
		o[big ? 3 - i : i] = (uint8_t)(x >> 8 * i);
	return 4;
}

int uni_encode(uni_encoding enc, uint32_t cp, uint8_t *out)
{
	switch (enc) {
	case UNI_LATIN1:
		out[0] = (uint8_t)cp;
		return 1;
	case UNI_UTF8:
		return encode_utf8(cp, out);
	case UNI_UTF16_BIG:
	case UNI_UTF16_LITTLE:
		return encode_utf16(cp, enc == UNI_UTF16_BIG, out);
	case UNI_UTF32_BIG:
	case UNI_UTF32_LITTLE:
		return encode_utf32(cp, enc == UNI_UTF32_BIG, out);
	}
	return 0;
}
