/* Bit fields in byte buffers: reading, writing, copying and comparing runs
 * of bits at any bit offset (bits_impl.h). */
#include "bits_impl.h"

#include "binary.h"

uint64_t bits_read_u64(const uint8_t *base, uint64_t off, unsigned n)
{
	if (n == 0)
		return 0;
	const uint8_t *p = base + off / 8;
	unsigned skip = (unsigned)(off % 8);
	unsigned nbytes = (skip + n + 7) / 8; /* at most 9 */
	unsigned __int128 w = 0;
	for (unsigned i = 0; i < nbytes; i++)
		w = w << 8 | p[i];
	w >>= nbytes * 8 - skip - n;
	return (uint64_t)w & bits_mask(n);
}

void bits_write_u64(uint8_t *base, uint64_t off, uint64_t v, unsigned n)
{
	if (n == 0)
		return;
	uint8_t *p = base + off / 8;
	unsigned skip = (unsigned)(off % 8);
	unsigned nbytes = (skip + n + 7) / 8;
	unsigned __int128 w = (unsigned __int128)(v & bits_mask(n)) << (nbytes * 8 - skip - n);
	if (skip) /* keep the bits before off */
		w |= (unsigned __int128)(p[0] >> (8 - skip)) << (nbytes * 8 - skip);
	for (unsigned i = nbytes; i-- > 0;) {
		p[i] = (uint8_t)w;
		w >>= 8;
	}
}

void bits_put(uint8_t *dst, uint64_t doff, const uint8_t *src, uint64_t soff, uint64_t n)
{
	if (n == 0)
		return;
	if (doff % 8) {
		/* Fill the destination up to a byte boundary, then copy. */
		unsigned head = 8 - (unsigned)(doff % 8);
		if (head > n)
			head = (unsigned)n;
		bits_write_u64(dst, doff, bits_read_u64(src, soff, head), head);
		doff += head;
		soff += head;
		n -= head;
		if (n == 0)
			return;
	}
	bits_copy(dst + doff / 8, src, soff, n);
}

bool bits_equal(const uint8_t *a, uint64_t aoff, const uint8_t *b, uint64_t boff, uint64_t n)
{
	if (aoff % 8 == 0 && boff % 8 == 0) {
		if (memcmp(a + aoff / 8, b + boff / 8, n / 8) != 0)
			return false;
		uint64_t whole = n / 8 * 8;
		return bits_read_u64(a, aoff + whole, (unsigned)(n % 8)) ==
		       bits_read_u64(b, boff + whole, (unsigned)(n % 8));
	}
	for (uint64_t done = 0; done < n;) {
		unsigned k = n - done < 64 ? (unsigned)(n - done) : 64;
		if (bits_read_u64(a, aoff + done, k) != bits_read_u64(b, boff + done, k))
			return false;
		done += k;
	}
	return true;
}

uint64_t bits_le_field(uint64_t x, unsigned n)
{
	if (n == 0)
		return 0;
	unsigned nb = (n + 7) / 8, top = n - 8 * (nb - 1); /* bits in the last byte */
	uint64_t y = 0;
	for (unsigned j = 0; j + 1 < nb; j++)
		y = y << 8 | (x >> (8 * j) & 0xff);
	return y << top | (x >> (8 * (nb - 1)) & bits_mask(top));
}

uint64_t bits_le_value(uint64_t field, unsigned n)
{
	if (n == 0)
		return 0;
	unsigned nb = (n + 7) / 8, top = n - 8 * (nb - 1);
	uint64_t x = (field & bits_mask(top)) << (8 * (nb - 1));
	field >>= top;
	for (unsigned j = nb - 1; j-- > 0;) {
		x |= (field & 0xff) << (8 * j);
		field >>= 8;
	}
	return x;
}
