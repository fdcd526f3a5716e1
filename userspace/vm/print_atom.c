/* Atoms as text, in the two ways OTP 25 quotes them:
 *   - io_lib's ~w (write_atom_as_latin1): by characters, with Erlang's
 *     reserved words quoted and characters above 255 written \x{...};
 *   - the emulator's own printer (fun_to_list, for fun M:F/A): by UTF-8
 *     bytes, quoting anything but a Latin-1 lower-case letter followed by
 *     Latin-1 letters, digits and '_', and passing other bytes through.
 */
#include "print.h"

#include <stdio.h>

#include "atom.h"

static const char *const reserved_words[] = {
    "after", "begin", "case", "try", "cond",    "catch", "andalso", "orelse", "end",
    "fun",   "if",    "let",  "of",  "receive", "when",  "bnot",    "not",    "div",
    "rem",   "band",  "and",  "bor", "bxor",    "bsl",   "bsr",     "or",     "xor",
};

static bool is_reserved(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof reserved_words / sizeof reserved_words[0]; i++)
		if (strlen(reserved_words[i]) == n && memcmp(reserved_words[i], s, n) == 0)
			return true;
	return false;
}

/* Next code point of valid UTF-8 text. */
static uint32_t utf8_next(const uint8_t **p)
{
	const uint8_t *s = *p;
	uint32_t c = s[0];
	unsigned n = 1;
	if (c >= 0xf0) {
		c &= 0x07;
		n = 4;
	} else if (c >= 0xe0) {
		c &= 0x0f;
		n = 3;
	} else if (c >= 0xc0) {
		c &= 0x1f;
		n = 2;
	}
	for (unsigned i = 1; i < n; i++)
		c = c << 6 | (s[i] & 0x3f);
	*p = s + n;
	return c;
}

void print_codepoint(print_buf *b, uint32_t c)
{
	char u[4];
	size_t n;
	if (c < 0x80) {
		u[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | c >> 12);
		u[1] = (char)(0x80 | (c >> 6 & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | c >> 18);
		u[1] = (char)(0x80 | (c >> 12 & 0x3f));
		u[2] = (char)(0x80 | (c >> 6 & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	print_buf_append(b, u, n);
}

/* Latin-1 letters and digits, as both printers classify them: a lower-case
 * letter may start an unquoted atom. */
static bool latin1_lower(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 223 && c <= 255 && c != 247);
}
static bool latin1_alnum(uint32_t c)
{
	return latin1_lower(c) || (c >= 'A' && c <= 'Z') || (c >= 192 && c <= 222 && c != 215) ||
	       (c >= '0' && c <= '9');
}

/* io_lib's: letters of both cases, digits, '_' and '@' may follow. */
static bool io_lib_name_char(uint32_t c) { return latin1_alnum(c) || c == '_' || c == '@'; }

static bool io_lib_needs_quotes(const char *name, size_t len)
{
	if (is_reserved(name, len))
		return true;
	const uint8_t *p = (const uint8_t *)name, *end = p + len;
	if (p == end || !latin1_lower(utf8_next(&p)))
		return true;
	while (p < end)
		if (!io_lib_name_char(utf8_next(&p)))
			return true;
	return false;
}

/* One character of a quoted atom (io_lib's string_char for latin1 output). */
static void print_quoted_char(print_buf *b, uint32_t c)
{
	char tmp[16];
	const char *esc = NULL;
	switch (c) {
	case '\'':
		esc = "\\'";
		break;
	case '\\':
		esc = "\\\\";
		break;
	case '\n':
		esc = "\\n";
		break;
	case '\r':
		esc = "\\r";
		break;
	case '\t':
		esc = "\\t";
		break;
	case '\v':
		esc = "\\v";
		break;
	case '\b':
		esc = "\\b";
		break;
	case '\f':
		esc = "\\f";
		break;
	case 27:
		esc = "\\e";
		break;
	case 127:
		esc = "\\d";
		break;
	}
	if (esc) {
		print_buf_puts(b, esc);
	} else if ((c >= ' ' && c <= '~') || (c >= 160 && c <= 255)) {
		print_codepoint(b, c);
	} else if (c > 255) {
		snprintf(tmp, sizeof tmp, "\\x{%X}", (unsigned)c);
		print_buf_puts(b, tmp);
	} else { /* other control characters, as three octal digits */
		snprintf(tmp, sizeof tmp, "\\%c%c%c", '0' + (c >> 6), '0' + (c >> 3 & 7),
		         '0' + (c & 7));
		print_buf_puts(b, tmp);
	}
}

bool print_atom(print_buf *b, term atom)
{
	size_t len;
	const char *name = atom_name(atom, &len);
	if (!io_lib_needs_quotes(name, len)) {
		/* every character is below 256 here */
		const uint8_t *p = (const uint8_t *)name, *end = p + len;
		while (p < end)
			print_codepoint(b, utf8_next(&p));
		return !b->failed;
	}
	print_buf_append(b, "'", 1);
	const uint8_t *p = (const uint8_t *)name, *end = p + len;
	while (p < end)
		print_quoted_char(b, utf8_next(&p));
	print_buf_append(b, "'", 1);
	return !b->failed;
}

/* ---- the emulator's printer ---- */

/* One byte of the emulator printer's output: as it is (raw, as display
 * writes it), or taken as a Latin-1 character, in UTF-8 (as fun_to_list's
 * bytes come out through ~w). */
static void put_erts_byte(print_buf *b, uint8_t c, bool raw)
{
	if (raw)
		print_buf_append(b, (const char *)&c, 1);
	else
		print_codepoint(b, c);
}

static void put_erts_bytes(print_buf *b, const char *s, bool raw)
{
	while (*s)
		put_erts_byte(b, (uint8_t)*s++, raw);
}

/* The character a byte stands for when deciding on quotes: a two-byte
 * sequence's code point, a continuation byte as a letter, longer sequences
 * as nothing that may go unquoted. */
static uint32_t erts_latin1_char(const uint8_t *s, const uint8_t *end)
{
	uint8_t c = s[0];
	if (c < 0x80)
		return c;
	if ((c & 0xe0) == 0xc0)
		return (uint32_t)(c & 0x1f) << 6 | (s + 1 < end ? s[1] & 0x3f : 0);
	if ((c & 0xc0) == 0x80)
		return 'a';
	return 0;
}

void print_atom_erts(print_buf *b, term atom, bool raw)
{
	size_t len;
	const uint8_t *s = (const uint8_t *)atom_name(atom, &len), *end = s + len;
	if (len == 0) {
		print_buf_puts(b, "''");
		return;
	}
	bool quote = !latin1_lower(erts_latin1_char(s, end));
	for (const uint8_t *p = s + 1; !quote && p < end; p++) {
		uint32_t c = erts_latin1_char(p, end);
		quote = !latin1_alnum(c) && c != '_';
	}
	if (quote)
		put_erts_byte(b, '\'', raw);
	for (const uint8_t *p = s; p < end; p++) {
		uint8_t c = *p;
		char tmp[8];
		switch (c) {
		case '\'':
			put_erts_bytes(b, "\\'", raw);
			continue;
		case '\\':
			put_erts_bytes(b, "\\\\", raw);
			continue;
		case '\n':
			put_erts_bytes(b, "\\n", raw);
			continue;
		case '\f':
			put_erts_bytes(b, "\\f", raw);
			continue;
		case '\t':
			put_erts_bytes(b, "\\t", raw);
			continue;
		case '\r':
			put_erts_bytes(b, "\\r", raw);
			continue;
		case '\b':
			put_erts_bytes(b, "\\b", raw);
			continue;
		case '\v':
			put_erts_bytes(b, "\\v", raw);
			continue;
		}
		if (c < ' ') {
			snprintf(tmp, sizeof tmp, "\\%03o", c);
			put_erts_bytes(b, tmp, raw);
		} else if (c == 0xc2 && p + 1 < end && p[1] < 0xa0) {
			/* U+0080..U+009F, control characters */
			snprintf(tmp, sizeof tmp, "\\%03o", p[1]);
			put_erts_bytes(b, tmp, raw);
			p++;
		} else {
			put_erts_byte(b, c, raw);
		}
	}
	if (quote)
		put_erts_byte(b, '\'', raw);
}
