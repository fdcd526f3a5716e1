/* Slices of binaries (see erlang_binaries_part.h). */
#include "erlang_binaries_part.h"

#include "bif.h"
#include "vm/binary.h"
#include "vm/bignum.h"

bool term_to_u64(term t, uint64_t *out)
{
	if (is_small(t)) {
		if (small_value(t) < 0)
			return false;
		*out = (uint64_t)small_value(t);
		return true;
	}
	if (!is_big(t) || big_is_negative(t) || big_ndigits(t) != 1)
		return false;
	*out = big_digits(t)[0];
	return true;
}

term sub_bitstring(kb_heap *h, term b, uint64_t bitoffs, uint64_t bitsize)
{
	term *bp = boxed_ptr(b);
	term orig = b;
	if (header_subtag(bp[0]) == SUBTAG_SUB_BIN) {
		bitoffs += bp[SUB_BIN_BITOFFS];
		orig = bp[SUB_BIN_ORIG];
	}
	term *hp = heap_alloc(h, SUB_BIN_WORDS);
	if (!hp)
		return THE_NON_VALUE;
	hp[0] = make_header(SUB_BIN_WORDS - 1, SUBTAG_SUB_BIN);
	hp[SUB_BIN_BITSIZE] = bitsize;
	hp[SUB_BIN_BITOFFS] = bitoffs;
	hp[SUB_BIN_ORIG] = orig;
	return make_boxed(hp);
}

term binary_part_bif(process *p, term bin, term pos, term len)
{
	uint64_t start, size;
	int64_t n;
	if (!is_bitstring(bin) || !term_to_u64(pos, &start) || !is_integer(len) ||
	    !int_to_i64(len, &n))
		return bif_badarg(p);
	size = bitstring_bitsize(bin) / 8;
	if (start > size)
		return bif_badarg(p);
	if (n < 0) {
		uint64_t back = n == INT64_MIN ? UINT64_C(1) << 63 : (uint64_t)-n;
		if (back > start)
			return bif_badarg(p);
		start -= back;
		n = (int64_t)back;
	}
	if ((uint64_t)n > size - start)
		return bif_badarg(p);
	term r = sub_bitstring(&p->heap, bin, start * 8, (uint64_t)n * 8);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

term binary_part_tuple_bif(process *p, term bin, term pos_len)
{
	if (!is_tuple(pos_len) || tuple_arity(pos_len) != 2)
		return bif_badarg(p);
	return binary_part_bif(p, bin, tuple_get(pos_len, 1), tuple_get(pos_len, 2));
}
