/* Code points as UTF-8, UTF-16 and UTF-32 bit fields: encoding for
 * construction, decoding for matching. Only Unicode scalar values (up to
 * 10FFFF, no surrogates) are encoded or accepted. */
#include "bits_impl.h"

bool bits_is_scalar(term c)
{
	if (!is_small(c))
		return false;
	int64_t v = small_value(c);
	return v >= 0 && v <= 0x10ffff && (v < 0xd800 || v > 0xdfff);
}

bool bits_utf8_encode(term c, uint64_t *code, unsigned *nbits)
{
	if (!bits_is_scalar(c))
		return false;
	uint64_t v = (uint64_t)small_value(c);
	if (v < 0x80) {
		*code = v;
		*nbits = 8;
	} else if (v < 0x800) {
		*code = (0xc0 | v >> 6) << 8 | (0x80 | (v & 0x3f));
		*nbits = 16;
	} else if (v < 0x10000) {
		*code =
		    (0xe0 | v >> 12) << 16 | (0x80 | (v >> 6 & 0x3f)) << 8 | (0x80 | (v & 0x3f));
		*nbits = 24;
	} else {
		*code = (0xf0 | v >> 18) << 24 | (0x80 | (v >> 12 & 0x3f)) << 16 |
		        (0x80 | (v >> 6 & 0x3f)) << 8 | (0x80 | (v & 0x3f));
		*nbits = 32;
	}
	return true;
}

static uint64_t swap16(uint64_t w) { return (w & 0xff) << 8 | w >> 8; }

bool bits_utf16_encode(term c, unsigned flags, uint64_t *code, unsigned *nbits)
{
	if (!bits_is_scalar(c))
		return false;
	uint64_t v = (uint64_t)small_value(c);
	bool little = bits_little(flags);
	if (v < 0x10000) {
		*code = little ? swap16(v) : v;
		*nbits = 16;
		return true;
	}
	v -= 0x10000;
	uint64_t hi = 0xd800 | v >> 10, lo = 0xdc00 | (v & 0x3ff);
	if (little) {
		hi = swap16(hi);
		lo = swap16(lo);
	}
	*code = hi << 16 | lo;
	*nbits = 32;
	return true;
}

int32_t bits_utf8_decode(const uint8_t *base, uint64_t off, uint64_t avail, unsigned *nbits)
{
	if (avail < 8)
		return -1;
	unsigned b0 = (unsigned)bits_read_u64(base, off, 8), len;
	if (b0 < 0x80) {
		*nbits = 8;
		return (int32_t)b0;
	}
	if (b0 < 0xc2) /* a continuation byte, or an overlong 2-byte lead */
		return -1;
	else if (b0 < 0xe0)
		len = 2;
	else if (b0 < 0xf0)
		len = 3;
	else if (b0 < 0xf5)
		len = 4;
	else
		return -1;
	if (avail < 8 * len)
		return -1;
	uint32_t c = b0 & (0x7fu >> len);
	for (unsigned i = 1; i < len; i++) {
		unsigned b = (unsigned)bits_read_u64(base, off + 8 * i, 8);
		if ((b & 0xc0) != 0x80)
			return -1;
		c = c << 6 | (b & 0x3f);
	}
	if (len == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)))
		return -1;
	if (len == 4 && (c < 0x10000 || c > 0x10ffff))
		return -1;
	*nbits = 8 * len;
	return (int32_t)c;
}

int32_t bits_utf16_decode(const uint8_t *base, uint64_t off, uint64_t avail, unsigned flags,
                          unsigned *nbits)
{
	if (avail < 16)
		return -1;
	bool little = bits_little(flags);
	uint64_t w1 = bits_read_u64(base, off, 16);
	if (little)
		w1 = swap16(w1);
	if (w1 < 0xd800 || w1 > 0xdfff) {
		*nbits = 16;
		return (int32_t)w1;
	}
	if (w1 > 0xdbff || avail < 32) /* a lone low surrogate, or no room for a pair */
		return -1;
	uint64_t w2 = bits_read_u64(base, off + 16, 16);
	if (little)
		w2 = swap16(w2);
	if (w2 < 0xdc00 || w2 > 0xdfff)
		return -1;
	*nbits = 32;
	return (int32_t)(((w1 & 0x3ff) << 10 | (w2 & 0x3ff)) + 0x10000);
}

int32_t bits_utf32_decode(const uint8_t *base, uint64_t off, uint64_t avail, unsigned flags)
{
	if (avail < 32)
		return -1;
	uint64_t v = bits_read_u64(base, off, 32);
	if (bits_little(flags))
		v = bits_le_value(v, 32);
	if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return -1;
	return (int32_t)v;
}
