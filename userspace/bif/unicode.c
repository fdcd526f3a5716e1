/* The unicode module's BIFs: bin_is_7bit/1, characters_to_binary/2 and
 * characters_to_list/2.
 *
 * The conversions take the input encodings OTP 25's C BIFs take: latin1,
 * unicode and utf8. For utf16 and utf32 inputs OTP traps to Erlang code in
 * unicode.erl; kbeam does not convert those and raises badarg for them, as
 * for any other encoding. OTP also traps part way through long inputs; the
 * rest of an error can then differ in shape from the one here when a UTF-8
 * sequence is split exactly at a trap point (inputs of tens of thousands of
 * elements).
 */
#include <stdlib.h>

#include "bif.h"
#include "unicode_convert.h"
#include "vm/binary.h"

/* Code points put into list cells per reduction charged. */
#define CHARS_PER_REDUCTION 64

/* true when every byte of a binary is below 128; false for anything else,
 * non-binaries included (OTP does not raise here). */
static term bif_unicode_bin_is_7bit_1(process *p, const term *args)
{
	if (!is_binary(args[0]))
		return ATOM(false);
	bitstring_view v;
	bitstring_get(args[0], &v);
	uint64_t n = v.bitsize / 8;
	uint8_t any = 0;
	for (uint64_t i = 0; i < n; i++) {
		uint8_t byte;
		bits_copy(&byte, v.base, v.bitoffs + 8 * i, 8);
		any |= byte;
	}
	p->reds -= (int64_t)(n / 1024);
	return any & 0x80 ? ATOM(false) : ATOM(true);
}

/* The input encoding: 1 latin1, 0 UTF-8, -1 none handled here. */
static int input_is_latin1(term enc)
{
	if (enc == ATOM(latin1))
		return 1;
	if (enc == ATOM(unicode) || enc == ATOM(utf8))
		return 0;
	return -1;
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

/* Converted, or {error | incomplete, Converted, Rest}. */
static term conversion_result(process *p, chardata_status st, term converted, term rest)
{
	if (st == CHARDATA_OK)
		return converted;
	term *t = heap_alloc(&p->heap, 4);
	if (!t)
		return bif_no_memory(p);
	t[0] = make_header(3, SUBTAG_TUPLE);
	t[1] = st == CHARDATA_ERROR ? ATOM(error) : ATOM(incomplete);
	t[2] = converted;
	t[3] = rest;
	return make_boxed(t);
}

static term characters_to(process *p, const term *args, bool to_list)
{
	int latin1 = input_is_latin1(args[1]);
	if (latin1 < 0)
		return bif_badarg(p);
	term data = args[0];
	/* OTP converts a lone binary in a list as that binary: an error's rest
	 * is then the bare binary. */
	if (!to_list && is_list(data) && is_binary(list_head(data)) && is_nil(list_tail(data)))
		data = list_head(data);
	chardata_result r;
	chardata_status st = chardata_to_utf8(p, data, latin1, &r);
	if (st == CHARDATA_BADARG)
		return bif_badarg(p);
	if (st == CHARDATA_NO_MEMORY)
		return bif_no_memory(p);
	term converted =
	    to_list ? utf8_to_code_points(p, r.utf8, r.len) : binary_new(&p->heap, r.utf8, r.len);
	free(r.utf8);
	if (converted == THE_NON_VALUE)
		return bif_no_memory(p);
	return conversion_result(p, st, converted, r.rest);
}

static term bif_unicode_characters_to_binary_2(process *p, const term *args)
{
	return characters_to(p, args, false);
}

static term bif_unicode_characters_to_list_2(process *p, const term *args)
{
	return characters_to(p, args, true);
}

const bif_def bif_family_unicode[] = {
    {"unicode", "bin_is_7bit", 1, bif_unicode_bin_is_7bit_1, 0},
    {"unicode", "characters_to_binary", 2, bif_unicode_characters_to_binary_2, 0},
    {"unicode", "characters_to_list", 2, bif_unicode_characters_to_list_2, 0},
    {0},
};
