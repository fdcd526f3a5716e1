/* The literal table (LitT) and the chunks that hold one term in the
 * external term format (Attr, CInf, Meta).
 *
 * LitT: the uncompressed size (4 bytes), then zlib data that inflates to
 * a count (4 bytes) and that many literals, each a size (4 bytes) and a term
 * in the external term format. */
#include <stdlib.h>
#include <zlib.h>

#include "etf.h"
#include "load.h"

/* zlib cannot expand data more than about 1032 times; a larger claim is a
 * corrupt header, not a reason to allocate. */
#define ZLIB_MAX_RATIO 1032u
#define LITT_MAX_BYTES (1u << 30)

static bool inflate_all(const uint8_t *src, uint32_t srclen, uint8_t *dst, uint32_t dstlen,
                        const char **why)
{
	z_stream z = {0};
	if (inflateInit(&z) != Z_OK) {
		*why = "out of memory";
		return false;
	}
	z.next_in = (Bytef *)src;
	z.avail_in = srclen;
	z.next_out = dst;
	z.avail_out = dstlen;
	int r = inflate(&z, Z_FINISH);
	inflateEnd(&z);
	if (r == Z_STREAM_END && z.avail_out == 0)
		return true;
	if (r == Z_STREAM_END)
		*why = "inflates to fewer bytes than its header says";
	else if (r == Z_BUF_ERROR && z.avail_out == 0)
		*why = "inflates to more bytes than its header says";
	else if (r == Z_MEM_ERROR)
		*why = "out of memory";
	else
		*why = "bad zlib data";
	return false;
}

bool load_literals(loader *ld)
{
	kb_module *m = ld->m;
	const beam_chunk *c = &ld->chunks[CH_LITT];
	if (!c->present)
		return true;
	if (c->size < 4)
		return load_fail(ld, "chunk LitT: too short for its size field");
	uint32_t size = be32(c->data), zsize = c->size - 4;
	if (size < 4 || size > LITT_MAX_BYTES || size / ZLIB_MAX_RATIO > zsize)
		return load_fail(ld, "chunk LitT: bad uncompressed size %u for %u compressed bytes",
		                 size, zsize);
	uint8_t *buf = malloc(size);
	if (!buf)
		return load_fail(ld, "out of memory");
	const char *why;
	bool ok = false;
	if (!inflate_all(c->data + 4, zsize, buf, size, &why)) {
		load_fail(ld, "chunk LitT: %s", why);
		goto out;
	}
	uint32_t n = be32(buf);
	const uint8_t *p = buf + 4, *end = buf + size;
	if (n > (size - 4) / 5) {
		load_fail(ld, "chunk LitT: %u literals cannot fit in %u bytes", n, size);
		goto out;
	}
	m->literals = malloc(((size_t)n + 1) * sizeof(term));
	if (!m->literals) {
		load_fail(ld, "out of memory");
		goto out;
	}
	for (uint32_t i = 0; i < n; i++) {
		if (end - p < 4) {
			load_fail(ld, "chunk LitT: literal %u: truncated", i);
			goto out;
		}
		uint32_t len = be32(p);
		p += 4;
		if (len > (size_t)(end - p)) {
			load_fail(ld,
			          "chunk LitT: literal %u: size %u goes past the end of the table",
			          i, len);
			goto out;
		}
		size_t used = 0;
		const char *error = NULL;
		term t = etf_decode(&m->heap, p, len, 0, &used, &error);
		if (t == THE_NON_VALUE) {
			load_fail(ld, "chunk LitT: literal %u: bad external term format (%s)", i,
			          error ? error : "?");
			goto out;
		}
		if (used != len) {
			load_fail(ld, "chunk LitT: literal %u: %zu bytes after the term", i,
			          (size_t)len - used);
			goto out;
		}
		m->literals[i] = t;
		m->nliterals = i + 1;
		p += len;
	}
	if (p != end) {
		load_fail(ld, "chunk LitT: %zu bytes after the last literal", (size_t)(end - p));
		goto out;
	}
	ok = true;
out:
	free(buf);
	return ok;
}

bool load_term_chunk(loader *ld, enum chunk_id id, term *out)
{
	const beam_chunk *c = &ld->chunks[id];
	if (!c->present)
		return true;
	size_t used = 0;
	const char *error = NULL;
	term t = etf_decode(&ld->m->heap, c->data, c->size, 0, &used, &error);
	if (t == THE_NON_VALUE)
		return load_fail(ld, "chunk %s: bad external term format (%s)", chunk_names[id],
		                 error ? error : "?");
	if (used != c->size)
		return load_fail(ld, "chunk %s: %zu bytes after the term", chunk_names[id],
		                 (size_t)c->size - used);
	*out = t;
	return true;
}
