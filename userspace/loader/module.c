/* Loading a module: the order of the steps, the module checksum, reading
 * the file, and freeing. */
#include "module.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "load.h"
#include "md5.h"

#define BEAM_MAX_BYTES (1u << 30)

bool load_fail(loader *ld, const char *fmt, ...)
{
	if (ld->err->msg[0])
		return false; /* keep the first, most precise, reason */
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ld->err->msg, sizeof ld->err->msg, fmt, ap);
	va_end(ap);
	/* one line, whatever names from the file it quotes */
	for (char *c = ld->err->msg; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			*c = '?';
	return false;
}

/* The checksum of beam_lib:md5/1: MD5 over the data of the chunks that
 * define the code, in this order, with each FunT entry's OldUniq taken as
 * 0 (erlc computes the MD5 first and derives OldUniq from it). */
void load_md5(loader *ld)
{
	static const enum chunk_id order[] = {CH_ATOM, CH_ATU8, CH_CODE, CH_STRT, CH_IMPT,
	                                      CH_EXPT, CH_FUNT, CH_LITT, CH_META};
	static const uint8_t zero[4];
	md5_ctx c;
	md5_init(&c);
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const beam_chunk *ch = &ld->chunks[order[i]];
		if (!ch->present)
			continue;
		if (order[i] != CH_FUNT) {
			md5_update(&c, ch->data, ch->size);
			continue;
		}
		/* count, then 24-byte entries whose last 4 bytes are OldUniq */
		md5_update(&c, ch->data, 4);
		const uint8_t *p = ch->data + 4, *end = ch->data + ch->size;
		for (; end - p >= 24; p += 24) {
			md5_update(&c, p, 20);
			md5_update(&c, zero, 4);
		}
		md5_update(&c, p, (size_t)(end - p));
	}
	md5_final(&c, ld->m->md5);
}

static bool load_steps(loader *ld, const uint8_t *data, size_t size)
{
	kb_module *m = ld->m;
	if (!iff_read(ld, data, size) || !load_code_header(ld) || !load_atoms(ld) ||
	    !load_imports(ld) || !load_exports(ld, CH_EXPT))
		return false;
	if (ld->chunks[CH_LOCT].present && !load_exports(ld, CH_LOCT))
		return false;
	if (ld->chunks[CH_FUNT].present && !load_lambdas(ld))
		return false;
	load_md5(ld);
	if (!load_fun_entries(ld))
		return false;
	const beam_chunk *s = &ld->chunks[CH_STRT];
	if (s->present && s->size) {
		m->strings = malloc(s->size);
		if (!m->strings)
			return load_fail(ld, "out of memory");
		memcpy(m->strings, s->data, s->size);
		m->nstrings = s->size;
	}
	return load_literals(ld) && load_types(ld) && load_lines(ld) && load_code(ld) &&
	       check_code(ld) && load_term_chunk(ld, CH_ATTR, &m->attributes) &&
	       load_term_chunk(ld, CH_CINF, &m->compile_info) &&
	       load_term_chunk(ld, CH_META, &m->meta);
}

/* OTP also loads gzip-compressed .beam files. */
static uint8_t *gunzip(const uint8_t *data, size_t size, size_t *out_size, kb_load_error *err)
{
	z_stream z = {0};
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
		snprintf(err->msg, sizeof err->msg, "out of memory");
		return NULL;
	}
	size_t cap = size * 4 + 1024, len = 0;
	uint8_t *buf = NULL;
	int r = Z_OK;
	z.next_in = (Bytef *)data;
	z.avail_in = size > UINT32_MAX ? UINT32_MAX : (uInt)size;
	while (r != Z_STREAM_END) {
		if (!buf || len == cap) {
			if (buf)
				cap *= 2;
			uint8_t *nb = cap <= BEAM_MAX_BYTES ? realloc(buf, cap) : NULL;
			if (!nb) {
				snprintf(err->msg, sizeof err->msg,
				         cap <= BEAM_MAX_BYTES ? "out of memory"
				                               : "gzip: too large");
				goto fail;
			}
			buf = nb;
		}
		z.next_out = buf + len;
		z.avail_out = (uInt)(cap - len);
		r = inflate(&z, Z_NO_FLUSH);
		len = cap - z.avail_out;
		if (r != Z_OK && r != Z_STREAM_END) {
			snprintf(err->msg, sizeof err->msg, "gzip: bad compressed data");
			goto fail;
		}
		if (r == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
			snprintf(err->msg, sizeof err->msg, "gzip: truncated");
			goto fail;
		}
	}
	inflateEnd(&z);
	*out_size = len;
	return buf;
fail:
	inflateEnd(&z);
	free(buf);
	return NULL;
}

static kb_module *load_image(const uint8_t *data, size_t size, kb_load_error *err)
{
	kb_module *m = calloc(1, sizeof *m);
	if (!m) {
		snprintf(err->msg, sizeof err->msg, "out of memory");
		return NULL;
	}
	heap_init(&m->heap);
	m->name = THE_NON_VALUE;
	m->attributes = NIL;
	m->compile_info = NIL;
	m->meta = THE_NON_VALUE;
	loader ld = {.m = m, .err = err};
	bool ok = load_steps(&ld, data, size);
	free(ld.label_used);
	if (!ok) {
		if (!err->msg[0])
			snprintf(err->msg, sizeof err->msg, "cannot load");
		module_free(m);
		return NULL;
	}
	return m;
}

kb_module *module_load_memory(const uint8_t *data, size_t size, kb_load_error *err)
{
	err->msg[0] = 0;
	if (size < 2 || data[0] != 0x1f || data[1] != 0x8b)
		return load_image(data, size, err);
	size_t n;
	uint8_t *raw = gunzip(data, size, &n, err);
	if (!raw)
		return NULL;
	kb_module *m = load_image(raw, n, err);
	free(raw);
	return m;
}

kb_module *module_load_file(const char *path, kb_load_error *err)
{
	err->msg[0] = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err->msg, sizeof err->msg, "cannot open: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		snprintf(err->msg, sizeof err->msg, "cannot read: %s", strerror(errno));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err->msg, sizeof err->msg, "cannot read: %s",
		         S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
		close(fd);
		return NULL;
	}
	if ((uint64_t)st.st_size > BEAM_MAX_BYTES) {
		snprintf(err->msg, sizeof err->msg, "too large for a .beam file (%lld bytes)",
		         (long long)st.st_size);
		close(fd);
		return NULL;
	}
	size_t size = (size_t)st.st_size;
	uint8_t *buf = malloc(size ? size : 1);
	if (!buf) {
		snprintf(err->msg, sizeof err->msg, "out of memory");
		close(fd);
		return NULL;
	}
	size_t got = 0;
	while (got < size) {
		ssize_t r = read(fd, buf + got, size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			snprintf(err->msg, sizeof err->msg, "cannot read: %s",
			         r < 0 ? strerror(errno) : "file shrank while reading");
			free(buf);
			close(fd);
			return NULL;
		}
		got += (size_t)r;
	}
	close(fd);
	kb_module *m = module_load_memory(buf, size, err);
	free(buf);
	return m;
}

void module_free(kb_module *m)
{
	if (!m)
		return;
	free(m->atoms);
	free(m->imports);
	free(m->exports);
	free(m->locals);
	free(m->lambdas);
	free(m->literals);
	free(m->strings);
	free(m->instrs);
	free(m->operands);
	free(m->allocs);
	free(m->labels);
	free(m->functions);
	free(m->lines.items);
	free(m->lines.files);
	free(m->lines.names);
	free(m->types);
	heap_free(&m->heap);
	free(m);
}
