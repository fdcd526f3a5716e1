/* Conversions between integers and text, and between tuples and lists:
 * integer_to_list/1,2, integer_to_binary/1,2, list_to_integer/1,2,
 * binary_to_integer/1,2, tuple_to_list/1, list_to_tuple/1. The list and
 * binary forms share one conversion each way (bignum.h's int_to_text and
 * int_from_text). */
#include <stdlib.h>

#include "bif.h"
#include "vm/binary.h"
#include "vm/bignum.h"

#define MAX_TUPLE_ARITY ((UINT64_C(1) << 26) - 1)

/* A base argument: a small integer 2..36; 0 when it is not one. */
static unsigned base_arg(term b)
{
	if (!is_small(b) || small_value(b) < 2 || small_value(b) > 36)
		return 0;
	return (unsigned)small_value(b);
}

static term text_to_list(process *p, const char *s, size_t n)
{
	term *hp = n ? heap_alloc(&p->heap, 2 * n) : NULL;
	if (n && !hp)
		return bif_no_memory(p);
	for (size_t i = 0; i < n; i++) {
		hp[2 * i] = make_small((uint8_t)s[i]);
		hp[2 * i + 1] = i + 1 < n ? make_list(hp + 2 * i + 2) : NIL;
	}
	return n ? make_list(hp) : NIL;
}

static term text_to_binary(process *p, const char *s, size_t n)
{
	term b = binary_new(&p->heap, (const uint8_t *)s, n);
	return b == THE_NON_VALUE ? bif_no_memory(p) : b;
}

/* The integer as text in a base, as a list or a binary. */
static term integer_to_text(process *p, term i, term base, bool binary)
{
	unsigned b = base == THE_NON_VALUE ? 10 : base_arg(base);
	if (!is_integer(i) || !b)
		return bif_badarg(p);
	size_t n;
	char *s = int_to_text(i, b, &n);
	if (!s)
		return bif_no_memory(p);
	p->reds -= (int64_t)(n / 64);
	term r = binary ? text_to_binary(p, s, n) : text_to_list(p, s, n);
	free(s);
	return r;
}

static term bif_erlang_integer_to_list_1(process *p, const term *args)
{
	return integer_to_text(p, args[0], THE_NON_VALUE, false);
}

static term bif_erlang_integer_to_list_2(process *p, const term *args)
{
	return integer_to_text(p, args[0], args[1], false);
}

static term bif_erlang_integer_to_binary_1(process *p, const term *args)
{
	return integer_to_text(p, args[0], THE_NON_VALUE, true);
}

static term bif_erlang_integer_to_binary_2(process *p, const term *args)
{
	return integer_to_text(p, args[0], args[1], true);
}

/* Text to integer: badarg for anything list_to_integer/2 refuses. */
static term text_to_integer(process *p, const char *s, size_t n, unsigned base)
{
	p->reds -= (int64_t)(n / 64);
	term r = int_from_text(&p->heap, s, n, base);
	return r == THE_NON_VALUE ? bif_badarg(p) : r;
}

/* The characters of a list as bytes for int_from_text (malloc'd); NULL
 * when the list is not a proper list of small integers, *oom set when
 * memory ran out. OTP 25 reads each character as its low 8 bits
 * (list_to_integer([16#131]) is 1), except that only an exact $+ or $-
 * is a sign: a character that merely truncates to one is refused. */
static char *list_bytes(term l, size_t *n, bool *oom)
{
	size_t len = 0;
	term end = l;
	*oom = false;
	for (; is_list(end); end = list_tail(end), len++)
		if (!is_small(list_head(end)))
			return NULL;
	if (!is_nil(end))
		return NULL;
	char *s = malloc(len ? len : 1);
	if (!s) {
		*oom = true;
		return NULL;
	}
	size_t i = 0;
	for (term t = l; is_list(t); t = list_tail(t), i++) {
		int64_t c = small_value(list_head(t));
		uint8_t byte = (uint8_t)((uint64_t)c & 0xff);
		if ((byte == '+' || byte == '-') && c != byte) {
			free(s);
			return NULL;
		}
		s[i] = (char)byte;
	}
	*n = len;
	return s;
}

static term list_to_integer(process *p, term l, term base)
{
	unsigned b = base == THE_NON_VALUE ? 10 : base_arg(base);
	if (!b)
		return bif_badarg(p);
	size_t n;
	bool oom;
	char *s = list_bytes(l, &n, &oom);
	if (!s)
		return oom ? bif_no_memory(p) : bif_badarg(p);
	term r = text_to_integer(p, s, n, b);
	free(s);
	return r;
}

static term bif_erlang_list_to_integer_1(process *p, const term *args)
{
	return list_to_integer(p, args[0], THE_NON_VALUE);
}

static term bif_erlang_list_to_integer_2(process *p, const term *args)
{
	return list_to_integer(p, args[0], args[1]);
}

static term binary_to_integer(process *p, term bin, term base)
{
	unsigned b = base == THE_NON_VALUE ? 10 : base_arg(base);
	if (!b || !is_binary(bin))
		return bif_badarg(p);
	bitstring_view v;
	bitstring_get(bin, &v);
	size_t n = v.bitsize / 8;
	const uint8_t *bytes = bitstring_aligned_bytes(bin);
	uint8_t *copy = NULL;
	if (!bytes) {
		copy = malloc(n ? n : 1);
		if (!copy)
			return bif_no_memory(p);
		bits_copy(copy, v.base, v.bitoffs, v.bitsize);
		bytes = copy;
	}
	term r = text_to_integer(p, (const char *)bytes, n, b);
	free(copy);
	return r;
}

static term bif_erlang_binary_to_integer_1(process *p, const term *args)
{
	return binary_to_integer(p, args[0], THE_NON_VALUE);
}

static term bif_erlang_binary_to_integer_2(process *p, const term *args)
{
	return binary_to_integer(p, args[0], args[1]);
}

static term bif_erlang_tuple_to_list_1(process *p, const term *args)
{
	term t = args[0];
	if (!is_tuple(t))
		return bif_badarg(p);
	uint64_t n = tuple_arity(t);
	term *hp = n ? heap_alloc(&p->heap, 2 * n) : NULL;
	if (n && !hp)
		return bif_no_memory(p);
	for (uint64_t i = 0; i < n; i++) {
		hp[2 * i] = tuple_get(t, i + 1);
		hp[2 * i + 1] = i + 1 < n ? make_list(hp + 2 * i + 2) : NIL;
	}
	p->reds -= (int64_t)(n / 16);
	return n ? make_list(hp) : NIL;
}

/* list_to_tuple: a proper list of at most MAX_TUPLE_ARITY elements. */
static term bif_erlang_list_to_tuple_1(process *p, const term *args)
{
	uint64_t n = 0;
	term l = args[0];
	for (; is_list(l); l = list_tail(l))
		n++;
	if (!is_nil(l) || n > MAX_TUPLE_ARITY)
		return bif_badarg(p);
	term *hp = heap_alloc(&p->heap, 1 + n);
	if (!hp)
		return bif_no_memory(p);
	hp[0] = make_header(n, SUBTAG_TUPLE);
	uint64_t i = 1;
	for (l = args[0]; is_list(l); l = list_tail(l))
		hp[i++] = list_head(l);
	p->reds -= (int64_t)(n / 16);
	return make_boxed(hp);
}

/* erlang_conv_float.c: floats to text and back */
term bif_erlang_float_to_list_1(process *p, const term *args);
term bif_erlang_float_to_list_2(process *p, const term *args);
term bif_erlang_float_to_binary_1(process *p, const term *args);
term bif_erlang_float_to_binary_2(process *p, const term *args);
term bif_erlang_list_to_float_1(process *p, const term *args);
term bif_erlang_binary_to_float_1(process *p, const term *args);

#define ENTRY(name, arity)                                                                         \
	{                                                                                          \
		"erlang", #name, arity, bif_erlang_##name##_##arity, 0                             \
	}

const bif_def bif_family_erlang_conv[] = {
    ENTRY(integer_to_list, 1),
    ENTRY(integer_to_list, 2),
    ENTRY(integer_to_binary, 1),
    ENTRY(integer_to_binary, 2),
    ENTRY(list_to_integer, 1),
    ENTRY(list_to_integer, 2),
    ENTRY(binary_to_integer, 1),
    ENTRY(binary_to_integer, 2),
    ENTRY(tuple_to_list, 1),
    ENTRY(list_to_tuple, 1),
    ENTRY(float_to_list, 1),
    ENTRY(float_to_list, 2),
    ENTRY(float_to_binary, 1),
    ENTRY(float_to_binary, 2),
    ENTRY(list_to_float, 1),
    ENTRY(binary_to_float, 1),
    {0},
};
