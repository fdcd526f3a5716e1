/* Atoms to text and back: atom_to_list/1, atom_to_binary/2,
 * list_to_atom/1, list_to_existing_atom/1, binary_to_atom/2,
 * binary_to_existing_atom/2. Names are at most ATOM_MAX_CHARS characters
 * (system_limit past that); text that is not a name (a bad character, bad
 * UTF-8, a bad encoding argument) is badarg. */
#include <stdlib.h>

#include "bif.h"
#include "vm/binary.h"

/* Atom names are held as UTF-8: at most 4 bytes a character. */
#define NAME_MAX_BYTES (4 * ATOM_MAX_CHARS)

/* The next code point of well-formed UTF-8 at *s (atom names are). */
static uint32_t utf8_next(const uint8_t **s)
{
	const uint8_t *p = *s;
	uint32_t c = *p++;
	int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
	if (more)
		c &= 0x3fu >> more;
	while (more--)
		c = (c << 6) | (*p++ & 0x3f);
	*s = p;
	return c;
}

static size_t utf8_put(uint8_t *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (uint8_t)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (uint8_t)(0xc0 | c >> 6);
		out[1] = (uint8_t)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (uint8_t)(0xe0 | c >> 12);
		out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (uint8_t)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (uint8_t)(0xf0 | c >> 18);
	out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (uint8_t)(0x80 | (c & 0x3f));
	return 4;
}

static term bif_erlang_atom_to_list_1(process *p, const term *args)
{
	if (!is_atom(args[0]))
		return bif_badarg(p);
	size_t len, n = atom_chars(args[0]);
	const uint8_t *s = (const uint8_t *)atom_name(args[0], &len);
	term *hp = n ? heap_alloc(&p->heap, 2 * n) : NULL;
	if (n && !hp)
		return bif_no_memory(p);
	for (size_t i = 0; i < n; i++) {
		hp[2 * i] = make_small(utf8_next(&s));
		hp[2 * i + 1] = i + 1 < n ? make_list(hp + 2 * i + 2) : NIL;
	}
	return n ? make_list(hp) : NIL;
}

/* The encoding argument: true for UTF-8 (utf8 or unicode), false for
 * latin1; -1 for anything else. */
static int encoding_arg(term enc)
{
	if (enc == ATOM(utf8) || enc == ATOM(unicode))
		return 1;
	return enc == ATOM(latin1) ? 0 : -1;
}

static term bif_erlang_atom_to_binary_2(process *p, const term *args)
{
	int utf8 = encoding_arg(args[1]);
	if (!is_atom(args[0]) || utf8 < 0)
		return bif_badarg(p);
	size_t len;
	const uint8_t *s = (const uint8_t *)atom_name(args[0], &len);
	if (!utf8 && !atom_is_latin1(args[0]))
		return bif_badarg(p);
	size_t n = utf8 ? len : atom_chars(args[0]);
	term bin = binary_new(&p->heap, NULL, n);
	if (bin == THE_NON_VALUE)
		return bif_no_memory(p);
	uint8_t *out = binary_bytes_mut(bin);
	if (utf8)
		memcpy(out, s, n);
	else
		for (size_t i = 0; i < n; i++)
			out[i] = (uint8_t)utf8_next(&s);
	return bin;
}

/* The length of the well-formed UTF-8 character at s[0..n) (no overlong
 * forms, no surrogates, nothing above U+10FFFF); 0 when there is none. */
static size_t utf8_valid_char(const uint8_t *s, size_t n)
{
	uint32_t c = s[0], min;
	size_t k;
	if (c < 0x80)
		return 1;
	if ((c & 0xe0) == 0xc0)
		k = 1, c &= 0x1f, min = 0x80;
	else if ((c & 0xf0) == 0xe0)
		k = 2, c &= 0x0f, min = 0x800;
	else if ((c & 0xf8) == 0xf0)
		k = 3, c &= 0x07, min = 0x10000;
	else
		return 0;
	if (k >= n)
		return 0;
	for (size_t j = 1; j <= k; j++) {
		if ((s[j] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[j] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	return k + 1;
}

/* The atom named utf8[0..len): created, or (existing) only looked up.
 * Where no atom can be had, an existing-atom lookup raises badarg. */
static term name_to_atom(process *p, const uint8_t *utf8, size_t len, bool existing)
{
	term a;
	atom_status s = existing ? atom_lookup((const char *)utf8, len, &a)
	                         : atom_put((const char *)utf8, len, &a);
	if (existing && s != ATOM_OK && s != ATOM_NO_MEMORY)
		return bif_badarg(p);
	switch (s) {
	case ATOM_OK:
		return a;
	case ATOM_TOO_LONG:
	case ATOM_TABLE_FULL:
		return bif_system_limit(p);
	case ATOM_NO_MEMORY:
		return bif_no_memory(p);
	default:
		return bif_badarg(p);
	}
}

/* A list of characters as an atom. More than ATOM_MAX_CHARS elements is
 * system_limit whatever follows, as in OTP (for an existing atom, badarg);
 * a bad character before that is badarg. */
static term list_to_atom(process *p, term l, bool existing)
{
	uint8_t buf[NAME_MAX_BYTES];
	size_t len = 0, chars = 0;
	for (; is_list(l); l = list_tail(l), chars++) {
		if (chars == ATOM_MAX_CHARS)
			return existing ? bif_badarg(p) : bif_system_limit(p);
		term c = list_head(l);
		if (!is_small(c) || small_value(c) < 0 || small_value(c) > 0x10ffff ||
		    (small_value(c) >= 0xd800 && small_value(c) <= 0xdfff))
			return bif_badarg(p);
		len += utf8_put(buf + len, (uint32_t)small_value(c));
	}
	if (!is_nil(l))
		return bif_badarg(p);
	return name_to_atom(p, buf, len, existing);
}

static term bif_erlang_list_to_atom_1(process *p, const term *args)
{
	return list_to_atom(p, args[0], false);
}

static term bif_erlang_list_to_existing_atom_1(process *p, const term *args)
{
	return list_to_atom(p, args[0], true);
}

/* UTF-8 text as an atom. As in OTP, the text is read one character at a
 * time: bad UTF-8 within the first ATOM_MAX_CHARS characters is badarg,
 * anything past them system_limit (for existing atoms, badarg too). */
static term utf8_to_atom(process *p, const uint8_t *s, size_t n, bool existing)
{
	size_t i = 0, chars = 0;
	if (n > NAME_MAX_BYTES)
		return existing ? bif_badarg(p) : bif_system_limit(p);
	for (; i < n; chars++) {
		if (chars == ATOM_MAX_CHARS)
			return existing ? bif_badarg(p) : bif_system_limit(p);
		size_t k = utf8_valid_char(s + i, n - i);
		if (!k)
			return bif_badarg(p);
		i += k;
	}
	return name_to_atom(p, s, n, existing);
}

/* A binary as an atom, its bytes UTF-8 text or Latin-1 characters. */
static term binary_to_atom(process *p, const term *args, bool existing)
{
	int utf8 = encoding_arg(args[1]);
	if (!is_binary(args[0]) || utf8 < 0)
		return bif_badarg(p);
	bitstring_view v;
	bitstring_get(args[0], &v);
	size_t n = v.bitsize / 8;
	uint8_t *copy = NULL;
	const uint8_t *bytes = bitstring_aligned_bytes(args[0]);
	if (!bytes) {
		copy = malloc(n ? n : 1);
		if (!copy)
			return bif_no_memory(p);
		bits_copy(copy, v.base, v.bitoffs, v.bitsize);
		bytes = copy;
	}
	term r;
	if (utf8) {
		r = utf8_to_atom(p, bytes, n, existing);
	} else if (n > ATOM_MAX_CHARS) {
		r = existing ? bif_badarg(p) : bif_system_limit(p);
	} else {
		uint8_t buf[NAME_MAX_BYTES];
		size_t len = 0;
		for (size_t i = 0; i < n; i++)
			len += utf8_put(buf + len, bytes[i]);
		r = name_to_atom(p, buf, len, existing);
	}
	free(copy);
	return r;
}

static term bif_erlang_binary_to_atom_2(process *p, const term *args)
{
	return binary_to_atom(p, args, false);
}

static term bif_erlang_binary_to_existing_atom_2(process *p, const term *args)
{
	return binary_to_atom(p, args, true);
}

#define ENTRY(name, arity)                                                                         \
	{                                                                                          \
		"erlang", #name, arity, bif_erlang_##name##_##arity, 0                             \
	}

const bif_def bif_family_erlang_atoms[] = {
    ENTRY(atom_to_list, 1),
    ENTRY(atom_to_binary, 2),
    ENTRY(list_to_atom, 1),
    ENTRY(list_to_existing_atom, 1),
    ENTRY(binary_to_atom, 2),
    ENTRY(binary_to_existing_atom, 2),
    {0},
};
