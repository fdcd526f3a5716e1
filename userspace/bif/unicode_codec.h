/* The character encodings of the unicode module, one character at a time:
 * reading an encoding term, decoding and encoding one character as the
 * binary syntax's utf8/utf16/utf32 segments do, and OTP 25's rule for how
 * many bytes a cut-short character still lacks (unicode.erl's cbv/2).
 */
#ifndef KBEAM_BIF_UNICODE_CODEC_H
#define KBEAM_BIF_UNICODE_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "vm/term.h"

typedef enum uni_encoding {
	UNI_LATIN1,
	UNI_UTF8, /* also the atom unicode */
	UNI_UTF16_BIG,
	UNI_UTF16_LITTLE,
	UNI_UTF32_BIG,
	UNI_UTF32_LITTLE,
} uni_encoding;

/* Bytes one character takes at most in any encoding. */
#define UNI_MAX_CHAR_BYTES 4

/* latin1, unicode, utf8, utf16, utf32, {utf16 | utf32, big | little}:
 * false for anything else. */
bool uni_encoding_parse(term t, uni_encoding *enc);

/* Whether x is a Unicode scalar value: 0..0x10FFFF less the surrogates. */
static inline bool uni_is_scalar(int64_t x)
{
	return x >= 0 && x <= 0x10FFFF && !(x >= 0xD800 && x <= 0xDFFF);
}

/* Decodes the character at the start of s[0..n) into *cp: its length in
 * bytes, or 0 when s does not begin with a whole valid character. */
int uni_decode(uni_encoding enc, const uint8_t *s, size_t n, uint32_t *cp);

/* For s[0..n), n > 0, that does not begin with a valid character: how many
 * more bytes could still make it one (1..3), or 0 when none can. Follows
 * OTP's rule, which looks at less than a full validation does. */
int uni_missing(uni_encoding enc, const uint8_t *s, size_t n);

/* Writes scalar value cp (a byte for latin1) into out; returns the bytes
 * written. */
int uni_encode(uni_encoding enc, uint32_t cp, uint8_t *out);

#endif
