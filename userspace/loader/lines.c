/* The line table (Line): where each `line` instruction is in the source.
 *
 *   version (0), flags, number of line instructions, number of items,
 *   number of file names, then the items as compact values: `i` Line is an
 *   item in the current file, `a` N switches to file N (0: Module.erl);
 *   then each file name as a 16-bit length and UTF-8 bytes. */
#include <stdlib.h>
#include <string.h>

#include "compact.h"
#include "load.h"
#include "vm/atom.h"

static bool utf8_valid(const uint8_t *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint8_t b = s[i];
		size_t len;
		uint32_t cp, min;
		if (b < 0x80) {
			i++;
			continue;
		} else if ((b & 0xe0) == 0xc0) {
			len = 2, cp = b & 0x1f, min = 0x80;
		} else if ((b & 0xf0) == 0xe0) {
			len = 3, cp = b & 0x0f, min = 0x800;
		} else if ((b & 0xf8) == 0xf0) {
			len = 4, cp = b & 0x07, min = 0x10000;
		} else {
			return false;
		}
		if (n - i < len)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += len;
	}
	return true;
}

bool load_lines(loader *ld)
{
	kb_line_table *lt = &ld->m->lines;
	const beam_chunk *c = &ld->chunks[CH_LINE];
	if (!c->present)
		return true;
	if (c->size < 4)
		return load_fail(ld, "chunk Line: too short for its header");
	if (be32(c->data) != 0)
		return true; /* a future format: ignored, as OTP does */
	if (c->size < 20)
		return load_fail(ld, "chunk Line: too short for its header");
	const uint8_t *p = c->data + 20, *end = c->data + c->size;
	uint32_t instr_count = be32(c->data + 8);
	uint32_t nitems = be32(c->data + 12);
	uint32_t nnames = be32(c->data + 16);
	if (nitems > (size_t)(end - p) || nnames > (size_t)(end - p) / 2)
		return load_fail(ld,
		                 "chunk Line: %u items and %u file names cannot fit in %u bytes",
		                 nitems, nnames, c->size);
	lt->present = true;
	lt->instr_count = instr_count;
	lt->items = malloc(((size_t)nitems + 1) * sizeof *lt->items);
	lt->files = malloc(((size_t)nnames + 1) * sizeof *lt->files);
	if (!lt->items || !lt->files)
		return load_fail(ld, "out of memory");
	lt->items[0] = (kb_line_item){0, 0};
	lt->nitems = 1;
	uint32_t file = 0;
	while (lt->nitems <= nitems) {
		compact_value v;
		const char *e = compact_read(&p, end, &v);
		if (e)
			return load_fail(ld, "chunk Line: item %u: %s", lt->nitems, e);
		if (v.tag == CTAG_A) {
			if (v.nbytes || v.value > nnames)
				return load_fail(
				    ld, "chunk Line: item %u: file index out of range (%u files)",
				    lt->nitems, nnames + 1);
			file = (uint32_t)v.value;
		} else if (v.tag == CTAG_I) {
			if (v.nbytes || v.value > UINT32_MAX)
				return load_fail(ld, "chunk Line: item %u: bad line number",
				                 lt->nitems);
			lt->items[lt->nitems++] = (kb_line_item){file, (uint32_t)v.value};
		} else {
			return load_fail(ld, "chunk Line: item %u: unexpected operand tag %u",
			                 lt->nitems, v.tag);
		}
	}

	/* File 0 is the module's name with ".erl"; the others follow. */
	size_t mlen;
	const char *mname = atom_name(ld->m->name, &mlen);
	size_t total = mlen + 4;
	const uint8_t *q = p;
	for (uint32_t i = 0; i < nnames; i++) {
		if (end - q < 2)
			return load_fail(ld, "chunk Line: file name %u: truncated", i + 1);
		size_t len = (size_t)q[0] << 8 | q[1];
		if (len > (size_t)(end - q - 2))
			return load_fail(ld, "chunk Line: file name %u: truncated", i + 1);
		if (!utf8_valid(q + 2, len))
			return load_fail(ld, "chunk Line: file name %u: not UTF-8", i + 1);
		total += len;
		q += 2 + len;
	}
	if (q != end)
		return load_fail(ld, "chunk Line: %zu bytes after the last file name",
		                 (size_t)(end - q));
	lt->names = malloc(total);
	if (!lt->names)
		return load_fail(ld, "out of memory");
	char *s = lt->names;
	memcpy(s, mname, mlen);
	memcpy(s + mlen, ".erl", 4);
	lt->files[0] = (kb_line_file){s, (uint32_t)(mlen + 4)};
	s += mlen + 4;
	for (uint32_t i = 1; i <= nnames; i++) {
		size_t len = (size_t)p[0] << 8 | p[1];
		memcpy(s, p + 2, len);
		lt->files[i] = (kb_line_file){s, (uint32_t)len};
		s += len;
		p += 2 + len;
	}
	lt->nfiles = nnames + 1;
	return true;
}
