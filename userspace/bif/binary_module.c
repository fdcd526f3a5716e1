/* The binary module's BIFs: bytes (at, first, last, part, copy,
 * referenced_byte_size), unsigned integers (decode_unsigned,
 * encode_unsigned), lists (list_to_bin, longest_common_prefix/suffix) and
 * searches (compile_pattern, match, matches, split: binary_module_match.c). */
#include "bif.h"
#include "binary_module_bytes.h"
#include "binary_module_match.h"
#include "erlang_binaries_iolist.h"
#include "erlang_binaries_part.h"
#include "vm/binary.h"
#include "vm/bignum.h"

#include <stdlib.h>

static term bif_binary_at_2(process *p, const term *args)
{
	subject_bytes s;
	uint64_t pos;
	if (!term_to_u64(args[1], &pos) || !subject_get(args[0], &s))
		return bif_badarg(p);
	term r = pos < s.len ? make_small(s.bytes[pos]) : bif_badarg(p);
	subject_free(&s);
	return r;
}

static term first_or_last(process *p, term b, bool last)
{
	subject_bytes s;
	if (!subject_get(b, &s))
		return bif_badarg(p);
	term r = s.len ? make_small(s.bytes[last ? s.len - 1 : 0]) : bif_badarg(p);
	subject_free(&s);
	return r;
}

static term bif_binary_first_1(process *p, const term *args)
{
	return first_or_last(p, args[0], false);
}

static term bif_binary_last_1(process *p, const term *args)
{
	return first_or_last(p, args[0], true);
}

static term bif_binary_part_2(process *p, const term *args)
{
	return binary_part_tuple_bif(p, args[0], args[1]);
}

static term bif_binary_part_3(process *p, const term *args)
{
	return binary_part_bif(p, args[0], args[1], args[2]);
}

static term copy_n(process *p, term b, term times)
{
	subject_bytes s;
	uint64_t n;
	if (!term_to_u64(times, &n) || !is_bitstring(b))
		return bif_badarg(p);
	if (n == 0) /* OTP answers before it looks at b's bits */
		return binary_new(&p->heap, NULL, 0);
	if (!subject_get(b, &s))
		return bif_badarg(p);
	if (s.len && n > UINT64_MAX / 2 / s.len) {
		subject_free(&s);
		return bif_system_limit(p);
	}
	term r = binary_new(&p->heap, NULL, s.len * n);
	if (r != THE_NON_VALUE) {
		uint8_t *d = binary_bytes_mut(r);
		for (uint64_t i = 0; i < n && s.len; i++)
			memcpy(d + i * s.len, s.bytes, s.len);
		p->reds -= (int64_t)(s.len * n / 1024);
	}
	subject_free(&s);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

static term bif_binary_copy_1(process *p, const term *args)
{
	return copy_n(p, args[0], make_small(1));
}

static term bif_binary_copy_2(process *p, const term *args) { return copy_n(p, args[0], args[1]); }

static term bif_binary_referenced_byte_size_1(process *p, const term *args)
{
	term b = args[0];
	if (!is_bitstring(b))
		return bif_badarg(p);
	term *bp = boxed_ptr(b);
	if (header_subtag(bp[0]) == SUBTAG_SUB_BIN)
		b = bp[SUB_BIN_ORIG];
	term r = int_from_u64(&p->heap, bitstring_bitsize(b) / 8);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

/* big (the default) or little: whether the bytes are little-endian. */
static bool endianness(term t, bool *little)
{
	if (t != ATOM(big) && t != ATOM(little))
		return false;
	*little = t == ATOM(little);
	return true;
}

static term decode_unsigned(process *p, term b, term endian)
{
	subject_bytes s;
	bool little;
	if (!endianness(endian, &little) || !subject_get(b, &s))
		return bif_badarg(p);
	uint8_t *le = malloc(s.len + 1);
	if (!le) {
		subject_free(&s);
		return bif_no_memory(p);
	}
	for (size_t i = 0; i < s.len; i++)
		le[i] = little ? s.bytes[i] : s.bytes[s.len - 1 - i];
	term r = int_from_le_bytes(&p->heap, false, le, s.len);
	free(le);
	subject_free(&s);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

static term bif_binary_decode_unsigned_1(process *p, const term *args)
{
	return decode_unsigned(p, args[0], ATOM(big));
}

static term bif_binary_decode_unsigned_2(process *p, const term *args)
{
	return decode_unsigned(p, args[0], args[1]);
}

static term encode_unsigned(process *p, term i, term endian)
{
	bool little;
	if (!is_integer(i) || int_is_negative(i) || !endianness(endian, &little))
		return bif_badarg(p);
	size_t n = int_magnitude_size(i);
	term r = binary_new(&p->heap, NULL, n ? n : 1);
	if (r == THE_NON_VALUE)
		return bif_no_memory(p);
	uint8_t *d = binary_bytes_mut(r);
	if (n == 0) {
		d[0] = 0;
		return r;
	}
	int_magnitude_bytes(i, d);
	for (size_t k = 0; !little && k < n / 2; k++) {
		uint8_t t = d[k];
		d[k] = d[n - 1 - k];
		d[n - 1 - k] = t;
	}
	return r;
}

static term bif_binary_encode_unsigned_1(process *p, const term *args)
{
	return encode_unsigned(p, args[0], ATOM(big));
}

static term bif_binary_encode_unsigned_2(process *p, const term *args)
{
	return encode_unsigned(p, args[0], args[1]);
}

static term bif_binary_list_to_bin_1(process *p, const term *args)
{
	term r = THE_NON_VALUE;
	if (!is_list(args[0]) && !is_nil(args[0]))
		return bif_badarg(p);
	iolist_status st = iolist_to_bitstring(p, args[0], false, &r);
	if (st == IOLIST_BADARG)
		return bif_badarg(p);
	return st == IOLIST_OK ? r : bif_no_memory(p);
}

/* The longest common prefix (or suffix) of a non-empty list of binaries. */
static term longest_common(process *p, term l, bool suffix)
{
	size_t n = 0;
	term t = l;
	for (; is_list(t); t = list_tail(t), n++)
		if (!is_binary(list_head(t)))
			return bif_badarg(p);
	if (!is_nil(t) || n == 0)
		return bif_badarg(p);
	subject_bytes first;
	if (!subject_get(list_head(l), &first))
		return bif_no_memory(p);
	size_t common = first.len;
	for (t = list_tail(l); is_list(t) && common; t = list_tail(t)) {
		subject_bytes s;
		if (!subject_get(list_head(t), &s)) {
			subject_free(&first);
			return bif_no_memory(p);
		}
		size_t k = 0;
		size_t lim = s.len < common ? s.len : common;
		if (suffix)
			while (k < lim && s.bytes[s.len - 1 - k] == first.bytes[first.len - 1 - k])
				k++;
		else
			while (k < lim && s.bytes[k] == first.bytes[k])
				k++;
		common = k;
		subject_free(&s);
	}
	subject_free(&first);
	return make_small((int64_t)common);
}

static term bif_binary_longest_common_prefix_1(process *p, const term *args)
{
	return longest_common(p, args[0], false);
}

static term bif_binary_longest_common_suffix_1(process *p, const term *args)
{
	return longest_common(p, args[0], true);
}

const bif_def bif_family_binary_module[] = {
    {"binary", "at", 2, bif_binary_at_2, 0},
    {"binary", "compile_pattern", 1, bif_binary_compile_pattern_1, 0},
    {"binary", "copy", 1, bif_binary_copy_1, 0},
    {"binary", "copy", 2, bif_binary_copy_2, 0},
    {"binary", "decode_unsigned", 1, bif_binary_decode_unsigned_1, 0},
    {"binary", "decode_unsigned", 2, bif_binary_decode_unsigned_2, 0},
    {"binary", "encode_unsigned", 1, bif_binary_encode_unsigned_1, 0},
    {"binary", "encode_unsigned", 2, bif_binary_encode_unsigned_2, 0},
    {"binary", "first", 1, bif_binary_first_1, 0},
    {"binary", "last", 1, bif_binary_last_1, 0},
    {"binary", "list_to_bin", 1, bif_binary_list_to_bin_1, 0},
    {"binary", "longest_common_prefix", 1, bif_binary_longest_common_prefix_1, 0},
    {"binary", "longest_common_suffix", 1, bif_binary_longest_common_suffix_1, 0},
    {"binary", "match", 2, bif_binary_match_2, 0},
    {"binary", "match", 3, bif_binary_match_3, 0},
    {"binary", "matches", 2, bif_binary_matches_2, 0},
    {"binary", "matches", 3, bif_binary_matches_3, 0},
    {"binary", "part", 2, bif_binary_part_2, 0},
    {"binary", "part", 3, bif_binary_part_3, 0},
    {"binary", "referenced_byte_size", 1, bif_binary_referenced_byte_size_1, 0},
    {"binary", "split", 2, bif_binary_split_2, 0},
    {"binary", "split", 3, bif_binary_split_3, 0},
    {0},
};
