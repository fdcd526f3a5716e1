#include "md5.h"

#include <string.h>

/* floor(|sin(i + 1)| * 2^32) */
// clang-format off
static const uint32_t sines[64] = {
	0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee,
	0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
	0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
	0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
	0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
	0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
	0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
	0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
	0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
	0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
	0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05,
	0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
	0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039,
	0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
	0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
	0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};
// clang-format on

static inline uint32_t rotl(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }

static inline uint32_t load_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The four round functions. */
#define F1(b, c, d) (((b) & (c)) | (~(b) & (d)))
#define F2(b, c, d) (((d) & (b)) | (~(d) & (c)))
#define F3(b, c, d) ((b) ^ (c) ^ (d))
#define F4(b, c, d) ((c) ^ ((b) | ~(d)))

/* One step: a = b + ((a + F(b,c,d) + w[g] + sines[i]) <<< s). The callers
 * rotate the roles of a, b, c, d instead of moving the values. */
#define STEP(F, a, b, c, d, g, i, s) (a) = (b) + rotl((a) + F(b, c, d) + w[g] + sines[i], s)

static void md5_block(uint32_t state[4], const uint8_t *p)
{
	uint32_t w[16];
	for (int i = 0; i < 16; i++)
		w[i] = load_le32(p + 4 * i);
	uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
	for (int i = 0; i < 16; i += 4) {
		STEP(F1, a, b, c, d, i, i, 7);
		STEP(F1, d, a, b, c, i + 1, i + 1, 12);
		STEP(F1, c, d, a, b, i + 2, i + 2, 17);
		STEP(F1, b, c, d, a, i + 3, i + 3, 22);
	}
	for (int i = 16; i < 32; i += 4) {
		STEP(F2, a, b, c, d, (5 * i + 1) % 16, i, 5);
		STEP(F2, d, a, b, c, (5 * i + 6) % 16, i + 1, 9);
		STEP(F2, c, d, a, b, (5 * i + 11) % 16, i + 2, 14);
		STEP(F2, b, c, d, a, (5 * i + 16) % 16, i + 3, 20);
	}
	for (int i = 32; i < 48; i += 4) {
		STEP(F3, a, b, c, d, (3 * i + 5) % 16, i, 4);
		STEP(F3, d, a, b, c, (3 * i + 8) % 16, i + 1, 11);
		STEP(F3, c, d, a, b, (3 * i + 11) % 16, i + 2, 16);
		STEP(F3, b, c, d, a, (3 * i + 14) % 16, i + 3, 23);
	}
	for (int i = 48; i < 64; i += 4) {
		STEP(F4, a, b, c, d, (7 * i) % 16, i, 6);
		STEP(F4, d, a, b, c, (7 * i + 7) % 16, i + 1, 10);
		STEP(F4, c, d, a, b, (7 * i + 14) % 16, i + 2, 15);
		STEP(F4, b, c, d, a, (7 * i + 21) % 16, i + 3, 21);
	}
	state[0] += a;
	state[1] += b;
	state[2] += c;
	state[3] += d;
}

void md5_init(md5_ctx *c)
{
	c->state[0] = 0x67452301;
	c->state[1] = 0xefcdab89;
	c->state[2] = 0x98badcfe;
	c->state[3] = 0x10325476;
	c->length = 0;
	c->fill = 0;
}

void md5_update(md5_ctx *c, const void *data, size_t n)
{
	const uint8_t *p = data;
	c->length += n;
	if (c->fill) {
		size_t take = 64 - c->fill < n ? 64 - c->fill : n;
		memcpy(c->block + c->fill, p, take);
		c->fill += take;
		p += take;
		n -= take;
		if (c->fill < 64)
			return;
		md5_block(c->state, c->block);
		c->fill = 0;
	}
	for (; n >= 64; p += 64, n -= 64)
		md5_block(c->state, p);
	memcpy(c->block, p, n);
	c->fill = n;
}

void md5_final(md5_ctx *c, uint8_t digest[16])
{
	uint64_t bits = c->length * 8;
	uint8_t pad[72] = {0x80};
	size_t padlen = (c->fill < 56 ? 56 : 120) - c->fill;
	for (int i = 0; i < 8; i++)
		pad[padlen + i] = (uint8_t)(bits >> (8 * i));
	md5_update(c, pad, padlen + 8);
	for (int i = 0; i < 4; i++)
		for (int j = 0; j < 4; j++)
			digest[4 * i + j] = (uint8_t)(c->state[i] >> (8 * j));
}
