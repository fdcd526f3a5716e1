/* The unicode module's BIFs: bin_is_7bit/1, characters_to_binary/1,2,3
 * and characters_to_list/1,2.
 *
 * OTP converts latin1 and UTF-8 input to UTF-8 in C (unicode_convert.c)
 * and everything else in unicode.erl's Erlang code (unicode_transcode.c);
 * which conversion a call gets, and so the shape of its errors, follows
 * OTP's choice. OTP's C BIFs also trap part way through long inputs; the
 * rest of an error can then differ in shape from the one here when a UTF-8
 * sequence is split exactly at a trap point (inputs of tens of thousands of
 * elements).
 */
#include <stdlib.h>

#include "bif.h"
#include "unicode_transcode.h"
#include "vm/binary.h"

/* Code points put into list cells per reduction charged. */
#define CHARS_PER_REDUCTION 64

/* Whether t is a binary whose bytes are all below 128. */
static bool binary_is_7bit(process *p, term t)
{
	if (!is_binary(t))
		return false;
	bitstring_view v;
	bitstring_get(t, &v);
	uint64_t n = v.bitsize / 8;
	uint8_t any = 0;
	for (uint64_t i = 0; i < n; i++) {
		uint8_t byte;
		bits_copy(&byte, v.base, v.bitoffs + 8 * i, 8);
		any |= byte;
	}
	p->reds -= (int64_t)(n / 1024);
	return !(any & 0x80);
}

/* true when every byte of a binary is below 128; false for anything else,
 * non-binaries included (OTP does not raise here). */
static term bif_unicode_bin_is_7bit_1(process *p, const term *args)
{
	return binary_is_7bit(p, args[0]) ? ATOM(true) : ATOM(false);
}

/* The list of the code points of valid UTF-8 s[0..n). */
static term utf8_to_code_points(process *p, const uint8_t *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += (s[i] & 0xC0) != 0x80;
	if (!count)
		return NIL;
	term *cells = heap_alloc(&p->heap, 2 * count);
	if (!cells)
		return THE_NON_VALUE;
	size_t k = 0;
	for (size_t i = 0; i < n; k++) {
		uint32_t x = s[i];
		int len = x < 0x80 ? 1 : x < 0xE0 ? 2 : x < 0xF0 ? 3 : 4;
		if (len > 1)
			x &= 0x3F >> (len - 1);
		for (int j = 1; j < len; j++)
			x = x << 6 | (s[i + j] & 0x3F);
		i += (size_t)len;
		cells[2 * k] = make_small(x);
		cells[2 * k + 1] = k + 1 < count ? make_list(&cells[2 * k + 2]) : NIL;
	}
	p->reds -= (int64_t)(count / CHARS_PER_REDUCTION);
	return make_list(cells);
}

/* Converted, as a binary or a list, or {error | incomplete, Converted,
 * Rest}. Frees r->utf8. */
static term conversion_result(process *p, chardata_status st, chardata_result *r, bool to_list)
{
	if (st == CHARDATA_BADARG)
		return bif_badarg(p);
	if (st == CHARDATA_NO_MEMORY)
		return bif_no_memory(p);
	term converted = to_list ? utf8_to_code_points(p, r->utf8, r->len)
	                         : binary_new(&p->heap, r->utf8, r->len);
	free(r->utf8);
	if (converted == THE_NON_VALUE)
		return bif_no_memory(p);
	if (st == CHARDATA_OK)
		return converted;
	term *t = heap_alloc(&p->heap, 4);
	if (!t)
		return bif_no_memory(p);
	t[0] = make_header(3, SUBTAG_TUPLE);
	t[1] = st == CHARDATA_ERROR ? ATOM(error) : ATOM(incomplete);
	t[2] = converted;
	t[3] = r->rest;
	return make_boxed(t);
}

/* Latin1 or UTF-8 input to UTF-8, as OTP's C BIFs convert it. */
static term convert_in_c(process *p, term data, bool latin1, bool to_list)
{
	/* OTP converts a lone binary in a list as that binary: an error's rest
	 * is then the bare binary. */
	if (!to_list && is_list(data) && is_binary(list_head(data)) && is_nil(list_tail(data)))
		data = list_head(data);
	chardata_result r;
	chardata_status st = chardata_to_utf8(p, data, latin1, &r);
	return conversion_result(p, st, &r, to_list);
}

/* Any other conversion, as OTP's unicode.erl does it. to_list: a list of
 * the code points of UTF-8 output. */
static term convert_in_erlang(process *p, term data, uni_encoding in, uni_encoding out,
                              bool to_list)
{
	chardata_result r;
	chardata_status st = chardata_transcode(p, data, in, out, &r);
	return conversion_result(p, st, &r, to_list);
}

/* characters_to_binary/2 and characters_to_list/2. */
static term characters_to(process *p, term data, term enc, bool to_list)
{
	if (enc == ATOM(latin1))
		return convert_in_c(p, data, true, to_list);
	if (enc == ATOM(unicode) || enc == ATOM(utf8))
		return convert_in_c(p, data, false, to_list);
	uni_encoding in;
	if (!uni_encoding_parse(enc, &in))
		return bif_badarg(p);
	return convert_in_erlang(p, data, in, UNI_UTF8, to_list);
}

static term bif_unicode_characters_to_binary_1(process *p, const term *args)
{
	return characters_to(p, args[0], ATOM(unicode), false);
}

static term bif_unicode_characters_to_binary_2(process *p, const term *args)
{
	return characters_to(p, args[0], args[1], false);
}

static term bif_unicode_characters_to_list_1(process *p, const term *args)
{
	return characters_to(p, args[0], ATOM(unicode), true);
}

static term bif_unicode_characters_to_list_2(process *p, const term *args)
{
	return characters_to(p, args[0], args[1], true);
}

static bool is_utf8_atom(term t) { return t == ATOM(unicode) || t == ATOM(utf8); }

/* OTP returns the data itself, unchecked, for a binary converted from
 * latin1 to latin1, and for an ASCII binary converted between latin1 and
 * UTF-8. */
static bool needs_no_conversion(process *p, term data, term in, term out)
{
	if (in == ATOM(latin1) && out == ATOM(latin1))
		return is_binary(data);
	bool between =
	    (in == ATOM(latin1) && is_utf8_atom(out)) || (is_utf8_atom(in) && out == ATOM(latin1));
	return between && binary_is_7bit(p, data);
}

static term bif_unicode_characters_to_binary_3(process *p, const term *args)
{
	if (needs_no_conversion(p, args[0], args[1], args[2]))
		return args[0];
	uni_encoding in, out;
	if (!uni_encoding_parse(args[1], &in) || !uni_encoding_parse(args[2], &out))
		return bif_badarg(p);
	if ((in == UNI_LATIN1 || in == UNI_UTF8) && out == UNI_UTF8)
		return convert_in_c(p, args[0], in == UNI_LATIN1, false);
	return convert_in_erlang(p, args[0], in, out, false);
}

const bif_def bif_family_unicode[] = {
    {"unicode", "bin_is_7bit", 1, bif_unicode_bin_is_7bit_1, 0},
    {"unicode", "characters_to_binary", 1, bif_unicode_characters_to_binary_1, 0},
    {"unicode", "characters_to_binary", 2, bif_unicode_characters_to_binary_2, 0},
    {"unicode", "characters_to_binary", 3, bif_unicode_characters_to_binary_3, 0},
    {"unicode", "characters_to_list", 1, bif_unicode_characters_to_list_1, 0},
    {"unicode", "characters_to_list", 2, bif_unicode_characters_to_list_2, 0},
    {0},
};
