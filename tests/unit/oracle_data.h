/* Reading the files OTP wrote for the tests (the tests/oracle modules): they lie
 * in the directory named by $KBEAM_ORACLE_DIR (default build/oracle), as
 * lines of space-separated fields, terms as hex of term_to_binary(T). */
#ifndef KBEAM_TESTS_ORACLE_DATA_H
#define KBEAM_TESTS_ORACLE_DATA_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "loader/etf.h"
#include "vm/heap.h"

static inline const char *oracle_dir(void)
{
	const char *d = getenv("KBEAM_ORACLE_DIR");
	return d ? d : "build/oracle";
}

/* The path of an oracle file into path. */
static inline void oracle_path(char *path, size_t size, const char *name)
{
	snprintf(path, size, "%s/%s", oracle_dir(), name);
}

/* A whole oracle file, malloc'd (NUL-terminated), its length in *len;
 * NULL when it cannot be read. */
static inline uint8_t *oracle_read_file(const char *name, size_t *len)
{
	char path[4096];
	oracle_path(path, sizeof path, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	uint8_t *data = NULL;
	size_t n = 0, cap = 0, got;
	do {
		if (n + 1 >= cap) {
			cap = cap ? cap * 2 : 1 << 16;
			uint8_t *d = realloc(data, cap);
			if (!d) {
				free(data);
				fclose(f);
				return NULL;
			}
			data = d;
		}
		got = fread(data + n, 1, cap - n - 1, f);
		n += got;
	} while (got);
	fclose(f);
	data[n] = 0;
	*len = n;
	return data;
}

/* The lines of an oracle file (each malloc'd, NUL-terminated, its newline
 * removed), their number in *count; NULL when the file cannot be read. */
static inline char **oracle_read_lines(const char *name, size_t *count)
{
	char path[4096];
	oracle_path(path, sizeof path, name);
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	char **lines = NULL;
	size_t n = 0, cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;
	while ((len = getline(&line, &lcap, f)) >= 0) {
		if (len && line[len - 1] == '\n')
			line[--len] = 0;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			lines = realloc(lines, cap * sizeof *lines);
		}
		lines[n++] = strdup(line);
	}
	free(line);
	fclose(f);
	*count = n;
	return lines;
}

static inline void oracle_free_lines(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Field i (from 0) of a line: where it starts, "" past the last. */
static inline const char *oracle_field(const char *line, int i)
{
	while (i-- > 0) {
		line = strchr(line, ' ');
		if (!line)
			return "";
		line++;
	}
	return line;
}

/* The length of the field that starts at s. */
static inline size_t oracle_field_len(const char *s) { return strcspn(s, " \n"); }

static inline unsigned oracle_hex_digit(char c)
{
	return c >= '0' && c <= '9' ? (unsigned)(c - '0') : (unsigned)(c - 'a' + 10) & 15;
}

/* The bytes of the hex field at s, malloc'd and NUL-terminated, their
 * number in *n; NULL when out of memory. */
static inline uint8_t *oracle_unhex(const char *s, size_t *n)
{
	*n = oracle_field_len(s) / 2;
	uint8_t *buf = malloc(*n + 1);
	if (!buf)
		return NULL;
	for (size_t i = 0; i < *n; i++)
		buf[i] =
		    (uint8_t)(oracle_hex_digit(s[2 * i]) << 4 | oracle_hex_digit(s[2 * i + 1]));
	buf[*n] = 0;
	return buf;
}

/* The term whose external format is the hex field at s, built on h; every
 * byte must be used. THE_NON_VALUE, with why in *err, when not. */
static inline term oracle_decode_hex(kb_heap *h, const char *s, const char **err)
{
	size_t n, used = 0;
	uint8_t *buf = oracle_unhex(s, &n);
	*err = NULL;
	if (!buf) {
		*err = "out of memory";
		return THE_NON_VALUE;
	}
	term t = etf_decode(h, buf, n, 0, &used, err);
	if (t != THE_NON_VALUE && used != n) {
		*err = "trailing bytes";
		t = THE_NON_VALUE;
	}
	free(buf);
	return t;
}

#endif
