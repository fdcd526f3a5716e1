/* string:list_to_integer/1 and string:list_to_float/1, the BIFs behind
 * string:to_integer/1 and string:to_float/1: the number at the start of a
 * list and the rest of the list, {Number, Rest}, or {error, Why}.
 *
 * As OTP 25: a list element is taken as a character only when it is a
 * small integer; the integer reader looks at its low byte alone (so 305,
 * 256 + $1, reads as $1), the float reader at its whole value.
 */
#include <math.h>
#include <stdlib.h>

#include "bif.h"
#include "erlang_conv_float.h"
#include "vm/build.h"
#include "erlang_arith_num.h"
#include "erlang_misc.h"
#include "vm/bignum.h"

static term pair(process *p, term a, term b)
{
	term t = build_tuple2(&p->heap, a, b);
	return t == THE_NON_VALUE ? bif_no_memory(p) : t;
}

static term error_pair(process *p, const char *why)
{
	return pair(p, ATOM(error), atom_from_cstr(why));
}

static bool is_digit(int64_t c) { return c >= '0' && c <= '9'; }

/* ---- integers ---- */

/* The decimal digit an element reads as, or -1. */
static int digit_byte(term c)
{
	if (!is_small(c))
		return -1;
	uint8_t b = (uint8_t)small_value(c);
	return is_digit(b) ? b : -1;
}

term bif_string_list_to_integer_1(process *p, const term *args)
{
	term l = args[0];
	if (l == NIL)
		return error_pair(p, "no_integer");
	if (!is_list(l))
		return error_pair(p, "not_a_list");
	bool negative = false;
	if (list_head(l) == make_small('-') || list_head(l) == make_small('+')) {
		negative = list_head(l) == make_small('-');
		l = list_tail(l);
		if (!is_list(l))
			return error_pair(p, "no_integer");
	}
	size_t n = 0;
	term rest = l;
	for (; is_list(rest) && digit_byte(list_head(rest)) >= 0; rest = list_tail(rest))
		n++;
	if (n == 0)
		return error_pair(p, "no_integer");
	char *text = malloc(n + 1);
	if (!text)
		return bif_no_memory(p);
	size_t k = 0;
	if (negative)
		text[k++] = '-';
	for (; l != rest; l = list_tail(l))
		text[k++] = (char)digit_byte(list_head(l));
	p->reds -= (int64_t)(n / 64);
	term i = int_from_text(&p->heap, text, k, 10);
	free(text);
	if (i == THE_NON_VALUE)
		return bif_no_memory(p);
	return pair(p, i, rest);
}

/* ---- floats ---- */

/* Where the reader is: OTP's states. An e (or E) after the fraction may
 * start an exponent or the rest of the list; the reader remembers where it
 * was and goes back there when no exponent digit follows. */
enum float_part { F_SIGN, F_INT, F_FRAC, F_EXP_SIGN, F_EXP0, F_EXP1, F_END };

typedef struct float_reader {
	char *text;
	size_t len, cap;
	enum float_part part;
	term at;   /* the cell being read */
	term e_at; /* the cell of the e, and len before it */
	size_t e_len;
} float_reader;

static void back_to_e(float_reader *r)
{
	r->at = r->e_at;
	r->len = r->e_len;
}

/* The next state for character c; false when c is no part of a float
 * (the reader stops before it). */
static bool float_step(float_reader *r, int64_t c)
{
	enum float_part *part = &r->part;
	if (c == '-' || c == '+') {
		if (*part == F_SIGN)
			*part = F_INT;
		else if (*part == F_EXP_SIGN)
			*part = F_EXP0;
		else {
			if (*part == F_EXP0)
				back_to_e(r);
			*part = F_END;
		}
	} else if (c == '.' || c == ',') {
		if (*part == F_INT) {
			*part = F_FRAC;
		} else {
			if (*part == F_EXP_SIGN || *part == F_EXP0)
				back_to_e(r);
			*part = F_END;
		}
	} else if (c == 'e' || c == 'E') {
		if (*part == F_FRAC) {
			r->e_at = r->at;
			r->e_len = r->len;
			*part = F_EXP_SIGN;
		} else {
			if (*part == F_EXP_SIGN || *part == F_EXP0)
				back_to_e(r);
			*part = F_END;
		}
	} else if (is_digit(c)) {
		if (*part == F_SIGN)
			*part = F_INT;
		else if (*part == F_EXP_SIGN || *part == F_EXP0)
			*part = F_EXP1;
	} else {
		return false;
	}
	return true;
}

static bool text_put(float_reader *r, char c)
{
	if (r->len == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		char *t = realloc(r->text, cap);
		if (!t)
			return false;
		r->text = t;
		r->cap = cap;
	}
	r->text[r->len++] = c;
	return true;
}

/* Reads the float's text from args into r: r->at is left where the rest
 * of the list starts. False when out of memory. */
static bool float_read(float_reader *r)
{
	for (;;) {
		term c = list_head(r->at);
		bool leading_plus = c == make_small('+') && r->part == F_SIGN;
		if (!is_small(c) || !float_step(r, small_value(c)))
			break;
		if (r->part == F_END)
			return true;
		/* a leading + is read but not kept */
		if (!leading_plus && !text_put(r, (char)small_value(c)))
			return false;
		r->at = list_tail(r->at);
		if (!is_list(r->at))
			break;
	}
	/* stopped inside a possible exponent: the e was not part of it */
	if (r->part == F_EXP_SIGN || r->part == F_EXP0)
		back_to_e(r);
	return true;
}

term bif_string_list_to_float_1(process *p, const term *args)
{
	if (args[0] == NIL)
		return error_pair(p, "no_float");
	if (!is_list(args[0]))
		return error_pair(p, "not_a_list");
	float_reader r = {.part = F_SIGN, .at = args[0], .e_at = args[0]};
	if (!float_read(&r) || !text_put(&r, '\0')) {
		free(r.text);
		return bif_no_memory(p);
	}
	r.len--; /* the NUL */
	double d;
	/* OTP wants at least three characters when something ended the float */
	bool ok = r.len > 0 && !(r.part == F_END && r.len < 3) && float_parse(r.text, &d);
	p->reds -= (int64_t)(r.len / 64);
	free(r.text);
	if (!ok)
		return error_pair(p, "no_float");
	term f = bif_make_float(p, d);
	if (f == THE_NON_VALUE)
		return THE_NON_VALUE;
	return pair(p, f, r.at);
}
