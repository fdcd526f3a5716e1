/* Checksums of iodata: erlang:crc32/1,2, crc32_combine/3, adler32/1,2,
 * adler32_combine/3 (zlib's), md5/1 and the MD5 context BIFs md5_init/0,
 * md5_update/2, md5_final/1.
 *
 * An MD5 context is an 88-byte binary laid out as OTP's MD5_CTX on x86-64:
 * the four state words, the message length in bits as two words (low
 * first), then the 64-byte block buffer, all little-endian. OTP hashes
 * with the RFC 1321 reference code, whose buffer keeps bytes of earlier
 * blocks past the pending ones; kbeam reproduces that, and hands the hash
 * the same pieces OTP does (erlang_checksum_walk.h, cut every 100 bytes
 * where OTP's md5 BIFs yield), so md5_update/2 gives OTP's bytes for any
 * context OTP could have made. md5_init/0 differs: OTP leaves its buffer
 * uninitialised, kbeam zeroes it.
 */
#include <string.h>
#include <zlib.h>

#include "bif.h"
#include "erlang_binaries_part.h"
#include "erlang_checksum_walk.h"
#include "erlang_misc.h"
#include "loader/md5.h"
#include "vm/binary.h"

/* ---- crc32 and adler32 ---- */

typedef struct zsum {
	uLong sum;
	bool adler;
} zsum;

/* zlib is called for an empty binary too, as OTP does: adler32 then
 * reduces a start value past its modulus. */
static void zsum_sink(void *ctx, const uint8_t *bytes, size_t n)
{
	static const uint8_t none;
	zsum *z = ctx;
	if (!bytes)
		bytes = &none;
	do {
		uInt k = n > (1u << 30) ? 1u << 30 : (uInt)n;
		z->sum = z->adler ? adler32(z->sum, bytes, k) : crc32(z->sum, bytes, k);
		bytes += k;
		n -= k;
	} while (n);
}

/* A checksum argument: an integer 0 .. 2^32 - 1. */
static bool sum_arg(term t, uint32_t *out)
{
	uint64_t v;
	if (!term_to_u64(t, &v) || v > UINT32_MAX)
		return false;
	*out = (uint32_t)v;
	return true;
}

static term zsum_of(process *p, bool adler, uLong start, term data)
{
	zsum z = {start, adler};
	iolist_status s = iodata_walk(p, data, zsum_sink, &z);
	if (s == IOLIST_NO_MEMORY)
		return bif_no_memory(p);
	if (s != IOLIST_OK)
		return bif_badarg(p);
	return make_small((int64_t)(uint32_t)z.sum);
}

term bif_erlang_crc32_1(process *p, const term *args)
{
	return zsum_of(p, false, crc32(0, Z_NULL, 0), args[0]);
}

term bif_erlang_crc32_2(process *p, const term *args)
{
	uint32_t start;
	if (!sum_arg(args[0], &start))
		return bif_badarg(p);
	return zsum_of(p, false, start, args[1]);
}

term bif_erlang_adler32_1(process *p, const term *args)
{
	return zsum_of(p, true, adler32(0, Z_NULL, 0), args[0]);
}

term bif_erlang_adler32_2(process *p, const term *args)
{
	uint32_t start;
	if (!sum_arg(args[0], &start))
		return bif_badarg(p);
	return zsum_of(p, true, start, args[1]);
}

/* Combine(First, Second, SecondSize), each an integer 0 .. 2^32 - 1. */
static term zsum_combine(process *p, const term *args, bool adler)
{
	uint32_t first, second, size;
	if (!sum_arg(args[0], &first) || !sum_arg(args[1], &second) || !sum_arg(args[2], &size))
		return bif_badarg(p);
	uLong r;
	if (!adler)
		r = crc32_combine(first, second, (z_off_t)size);
	else if (size == 0)
		r = first; /* as OTP: zlib's answer for an empty second part is wrong */
	else
		r = adler32_combine(first, second, (z_off_t)size);
	return make_small((int64_t)(uint32_t)r);
}

term bif_erlang_crc32_combine_3(process *p, const term *args)
{
	return zsum_combine(p, args, false);
}
term bif_erlang_adler32_combine_3(process *p, const term *args)
{
	return zsum_combine(p, args, true);
}

/* ---- MD5 ---- */

#define MD5_CONTEXT_BYTES 88
#define MD5_DIGEST_BYTES 16
/* OTP's md5 BIFs hash at most this many bytes before they yield. */
#define MD5_BYTES_PER_CALL 100

typedef struct md5_state {
	md5_ctx c;       /* c.block is the reference code's buffer */
	uint64_t bits;   /* message length in bits, modulo 2^64 */
	uint64_t called; /* bytes hashed by this BIF call */
} md5_state;

/* MD5Update of the reference code: md5_update() with the buffer left as
 * the reference code leaves it. (That code copies the first block into
 * its buffer even when the buffer is empty.) */
static void md5_ref_update(md5_state *s, const uint8_t *data, size_t n)
{
	s->c.fill = (size_t)(s->bits >> 3) % 64;
	if (s->c.fill == 0 && n >= 64)
		memcpy(s->c.block, data, 64);
	md5_update(&s->c, data, n);
	s->bits += (uint64_t)n * 8;
}

/* The hash sees each piece cut where OTP's BIF yields. */
static void md5_sink(void *ctx, const uint8_t *bytes, size_t n)
{
	md5_state *s = ctx;
	while (n) {
		size_t room = MD5_BYTES_PER_CALL - (size_t)(s->called % MD5_BYTES_PER_CALL);
		size_t k = n < room ? n : room;
		md5_ref_update(s, bytes, k);
		s->called += k;
		bytes += k;
		n -= k;
	}
}

static void md5_start(md5_state *s)
{
	memset(s, 0, sizeof *s);
	md5_init(&s->c);
}

/* MD5Final of the reference code. */
static void md5_finish(md5_state *s, uint8_t digest[MD5_DIGEST_BYTES])
{
	static const uint8_t padding[64] = {0x80};
	uint8_t length[8];
	for (int i = 0; i < 8; i++)
		length[i] = (uint8_t)(s->bits >> (8 * i));
	size_t index = (size_t)(s->bits >> 3) % 64;
	md5_ref_update(s, padding, (index < 56 ? 56 : 120) - index);
	md5_ref_update(s, length, 8);
	for (int i = 0; i < 4; i++)
		for (int j = 0; j < 4; j++)
			digest[4 * i + j] = (uint8_t)(s->c.state[i] >> (8 * j));
}

static void put_le32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A context binary into s; false when t is not an 88-byte binary. */
static bool md5_context_get(term t, md5_state *s)
{
	if (!is_binary(t) || bitstring_bitsize(t) != 8 * MD5_CONTEXT_BYTES)
		return false;
	uint8_t b[MD5_CONTEXT_BYTES];
	bitstring_view v;
	bitstring_get(t, &v);
	bits_copy(b, v.base, v.bitoffs, v.bitsize);
	memset(s, 0, sizeof *s);
	for (int i = 0; i < 4; i++)
		s->c.state[i] = get_le32(b + 4 * i);
	s->bits = get_le32(b + 16) | (uint64_t)get_le32(b + 20) << 32;
	memcpy(s->c.block, b + 24, 64);
	return true;
}

static term md5_context_term(process *p, const md5_state *s)
{
	term bin = binary_new(&p->heap, NULL, MD5_CONTEXT_BYTES);
	if (bin == THE_NON_VALUE)
		return bif_no_memory(p);
	uint8_t *b = binary_bytes_mut(bin);
	for (int i = 0; i < 4; i++)
		put_le32(b + 4 * i, s->c.state[i]);
	put_le32(b + 16, (uint32_t)s->bits);
	put_le32(b + 20, (uint32_t)(s->bits >> 32));
	memcpy(b + 24, s->c.block, 64);
	return bin;
}

static term md5_digest_term(process *p, md5_state *s)
{
	uint8_t digest[MD5_DIGEST_BYTES];
	md5_finish(s, digest);
	term bin = binary_new(&p->heap, digest, sizeof digest);
	return bin == THE_NON_VALUE ? bif_no_memory(p) : bin;
}

/* Hashes data into s; THE_NON_VALUE with the exception raised when data
 * is not iodata. */
static term md5_feed(process *p, md5_state *s, term data)
{
	s->called = 0;
	iolist_status st = iodata_walk(p, data, md5_sink, s);
	if (st == IOLIST_NO_MEMORY)
		return bif_no_memory(p);
	if (st != IOLIST_OK)
		return bif_badarg(p);
	return ATOM(ok);
}

term bif_erlang_md5_1(process *p, const term *args)
{
	md5_state s;
	md5_start(&s);
	if (md5_feed(p, &s, args[0]) == THE_NON_VALUE)
		return THE_NON_VALUE;
	return md5_digest_term(p, &s);
}

term bif_erlang_md5_init_0(process *p, const term *args)
{
	(void)args;
	md5_state s;
	md5_start(&s);
	return md5_context_term(p, &s);
}

term bif_erlang_md5_update_2(process *p, const term *args)
{
	md5_state s;
	if (!md5_context_get(args[0], &s))
		return bif_badarg(p);
	if (md5_feed(p, &s, args[1]) == THE_NON_VALUE)
		return THE_NON_VALUE;
	return md5_context_term(p, &s);
}

term bif_erlang_md5_final_1(process *p, const term *args)
{
	md5_state s;
	if (!md5_context_get(args[0], &s))
		return bif_badarg(p);
	return md5_digest_term(p, &s);
}
