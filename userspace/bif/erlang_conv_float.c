/* Conversions between floats and text: float_to_list/1,2,
 * float_to_binary/1,2, list_to_float/1, binary_to_float/1. The list and
 * binary forms share one conversion each way (float_format and
 * float_parse); the functions are listed in erlang_conv.c's table.
 *
 * OTP 25 formats into a 256-byte buffer and answers badarg when the text
 * does not fit, which is where its limits on {decimals,N} and
 * {scientific,N} come from; kbeam keeps the same limit. Its fixed-point
 * form rounds in double arithmetic for small values and few decimals, and
 * prints the exact binary value correctly rounded otherwise; both are
 * reproduced here, quirks included (see fixed_fast).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bif.h"
#include "erlang_conv_float.h"
#include "erlang_arith_num.h"
#include "vm/binary.h"
#include "vm/print.h"

/* OTP's text buffer: text of FLOAT_TEXT_MAX bytes or more is badarg. */
#define FLOAT_TEXT_MAX 256
/* float_to_list/1's precision: "%.20e". */
#define LEGACY_DIGITS 20
/* Below these, {decimals,N} takes the fast path (fixed_fast). */
#define FAST_MAX_DECIMALS 19
#define FAST_MAX_VALUE 9007199254740992.0 /* 2^53 */

enum float_format {
	FMT_LEGACY,
	FMT_FIXED,
	FMT_SCIENTIFIC,
	FMT_SHORT,
};

/* The options of float_to_list/2: the last format option wins, compact
 * anywhere counts. OTP keeps a count as a C int: a small integer is cut to
 * its low 32 bits ({decimals, 1 bsl 32 + 2} is {decimals, 2}). */
static bool float_options(term opts, enum float_format *fmt, int *digits, bool *compact)
{
	*fmt = FMT_LEGACY;
	*digits = LEGACY_DIGITS;
	*compact = false;
	for (; is_list(opts); opts = list_tail(opts)) {
		term o = list_head(opts);
		bool fixed = false, scientific = false;
		if (is_tuple(o) && tuple_arity(o) == 2 && is_small(tuple_get(o, 2))) {
			fixed = tuple_get(o, 1) == ATOM(decimals);
			scientific = tuple_get(o, 1) == ATOM(scientific);
		}
		if (o == ATOM(compact)) {
			*compact = true;
		} else if (o == ATOM(short)) {
			*fmt = FMT_SHORT;
		} else if (fixed || scientific) {
			uint64_t n = (uint64_t)small_value(tuple_get(o, 2));
			*digits = (int)(int32_t)(uint32_t)n;
			*fmt = fixed ? FMT_FIXED : FMT_SCIENTIFIC;
		} else {
			return false;
		}
	}
	return is_nil(opts);
}

/* Drops trailing zeros after the decimal point, keeping one digit after
 * it; the text ends at end. Applied to text without a point (as OTP does
 * for {decimals,0} past 2^53) it drops the integer's trailing zeros. */
static size_t drop_trailing_zeros(const char *s, size_t end)
{
	while (end > 0 && s[end - 1] == '0')
		end--;
	if (end > 0 && s[end - 1] == '.')
		end++;
	return end;
}

/* {decimals,N} for |d| <= 2^53 and N < 19, as OTP computes it: the
 * fraction times 10^N rounded half away from zero in double arithmetic
 * (so 0.125 gives "0.13" where exact rounding gives "0.12"), a carry into
 * the integer part when it reaches 10^N; for N = 0, the value rounded half
 * away from zero. The sign is written for any negative value, -0.0 too. */
static size_t fixed_fast(double d, int decimals, bool compact, char *out)
{
	double a = fabs(d);
	uint64_t int_part, frac_part = 0;
	size_t n = 0;
	if (decimals) {
		double scale = 1;
		for (int i = 0; i < decimals; i++)
			scale *= 10;
		double int_f = floor(a);
		double frac_f = round((a - int_f) * scale);
		int_part = (uint64_t)int_f;
		frac_part = (uint64_t)frac_f;
		if (frac_f >= scale) {
			int_part++;
			frac_part = 0;
		}
	} else {
		int_part = (uint64_t)round(a);
	}
	if (signbit(d))
		out[n++] = '-';
	char digits[24];
	size_t k = 0;
	do {
		digits[k++] = (char)('0' + int_part % 10);
		int_part /= 10;
	} while (int_part);
	while (k)
		out[n++] = digits[--k];
	if (decimals) {
		out[n++] = '.';
		for (int i = decimals - 1; i >= 0; i--) {
			out[n + (size_t)i] = (char)('0' + frac_part % 10);
			frac_part /= 10;
		}
		n += (size_t)decimals;
		if (compact)
			n = drop_trailing_zeros(out, n);
	}
	out[n] = '\0';
	return n;
}

/* The text of d in format fmt into out (FLOAT_TEXT_MAX bytes); its length,
 * or -1 when OTP answers badarg (negative decimals, text too long). A
 * negative precision for {scientific,N} means C's default of 6, as OTP's
 * printf takes it. */
static int float_format(double d, enum float_format fmt, int digits, bool compact, char *out)
{
	int len;
	switch (fmt) {
	case FMT_SHORT:
		return (int)float_to_short_text(d, out);
	case FMT_FIXED:
		if (digits < 0)
			return -1;
		if (fabs(d) <= FAST_MAX_VALUE && digits < FAST_MAX_DECIMALS)
			return (int)fixed_fast(d, digits, compact, out);
		len = snprintf(out, FLOAT_TEXT_MAX, "%.*f", digits, d);
		if (len < 0 || len >= FLOAT_TEXT_MAX)
			return -1;
		if (compact)
			len = (int)drop_trailing_zeros(out, (size_t)len);
		out[len] = '\0';
		return len;
	case FMT_LEGACY:
	case FMT_SCIENTIFIC:
		len = snprintf(out, FLOAT_TEXT_MAX, "%.*e", digits, d);
		return len < 0 || len >= FLOAT_TEXT_MAX ? -1 : len;
	}
	return -1;
}

static term float_to_text(process *p, term f, term opts, bool binary)
{
	enum float_format fmt;
	int digits;
	bool compact;
	char buf[FLOAT_TEXT_MAX];
	if (!is_float(f) || !float_options(opts, &fmt, &digits, &compact))
		return bif_badarg(p);
	int len = float_format(float_value(f), fmt, digits, compact, buf);
	if (len <= 0)
		return bif_badarg(p);
	size_t n = (size_t)len;
	if (binary) {
		term b = binary_new(&p->heap, (const uint8_t *)buf, n);
		return b == THE_NON_VALUE ? bif_no_memory(p) : b;
	}
	term *hp = heap_alloc(&p->heap, 2 * n);
	if (!hp)
		return bif_no_memory(p);
	for (size_t i = 0; i < n; i++) {
		hp[2 * i] = make_small((uint8_t)buf[i]);
		hp[2 * i + 1] = i + 1 < n ? make_list(hp + 2 * i + 2) : NIL;
	}
	return make_list(hp);
}

term bif_erlang_float_to_list_1(process *p, const term *args)
{
	return float_to_text(p, args[0], NIL, false);
}

term bif_erlang_float_to_list_2(process *p, const term *args)
{
	return float_to_text(p, args[0], args[1], false);
}

term bif_erlang_float_to_binary_1(process *p, const term *args)
{
	return float_to_text(p, args[0], NIL, true);
}

term bif_erlang_float_to_binary_2(process *p, const term *args)
{
	return float_to_text(p, args[0], args[1], true);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Text to a float with OTP's syntax: an optional sign, digits, '.' or ',',
 * digits, and optionally e or E, an optional sign and digits. OTP reads
 * the text as a C string, so it ends at the first NUL byte. The text is
 * modified (the ',' becomes '.'). False for bad syntax or a value too large
 * for a double; values too small become 0.0 or a denormal. */
bool float_parse(char *s, double *out)
{
	char *c = s;
	if (*c == '+' || *c == '-')
		c++;
	if (!is_digit(*c))
		return false;
	while (is_digit(*c))
		c++;
	if (*c != '.' && *c != ',')
		return false;
	*c++ = '.';
	if (!is_digit(*c))
		return false;
	while (is_digit(*c))
		c++;
	if (*c == 'e' || *c == 'E') {
		c++;
		if (*c == '+' || *c == '-')
			c++;
		if (!is_digit(*c))
			return false;
		while (is_digit(*c))
			c++;
	}
	if (*c)
		return false;
	char *end;
	double d = strtod(s, &end);
	if (end != c || !isfinite(d))
		return false;
	*out = d;
	return true;
}

/* The NUL-terminated text s (n bytes before the NUL) as a float term. */
static term text_to_float(process *p, char *s, size_t n)
{
	double d;
	p->reds -= (int64_t)(n / 64);
	if (!float_parse(s, &d))
		return bif_badarg(p);
	return bif_make_float(p, d);
}

/* list_to_float: a proper list of bytes (0..255). */
term bif_erlang_list_to_float_1(process *p, const term *args)
{
	size_t n = 0;
	term l = args[0];
	for (; is_list(l); l = list_tail(l), n++) {
		term c = list_head(l);
		if (!is_small(c) || small_value(c) < 0 || small_value(c) > 255)
			return bif_badarg(p);
	}
	if (!is_nil(l))
		return bif_badarg(p);
	char *s = malloc(n + 1);
	if (!s)
		return bif_no_memory(p);
	size_t i = 0;
	for (l = args[0]; is_list(l); l = list_tail(l))
		s[i++] = (char)small_value(list_head(l));
	s[n] = '\0';
	term r = text_to_float(p, s, n);
	free(s);
	return r;
}

/* binary_to_float: a non-empty binary (a bitstring with whole bytes). */
term bif_erlang_binary_to_float_1(process *p, const term *args)
{
	term bin = args[0];
	if (!is_binary(bin))
		return bif_badarg(p);
	bitstring_view v;
	bitstring_get(bin, &v);
	size_t n = v.bitsize / 8;
	if (n == 0)
		return bif_badarg(p);
	char *s = malloc(n + 1);
	if (!s)
		return bif_no_memory(p);
	bits_copy((uint8_t *)s, v.base, v.bitoffs, v.bitsize);
	s[n] = '\0';
	term r = text_to_float(p, s, n);
	free(s);
	return r;
}
