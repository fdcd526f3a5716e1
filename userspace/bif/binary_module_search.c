/* Pattern search (see binary_module_search.h). The search tries every
 * pattern at each position whose byte starts one: O(subject x patterns x
 * pattern length) at worst, which is what the reductions charged by the
 * callers pay for. */
#include "binary_module_search.h"

#include <stdlib.h>

#include "vm/atom.h"
#include "vm/binary.h"

void bin_pattern_free(bin_pattern *pat)
{
	free(pat->bytes);
	free(pat->lens);
	free(pat->copies);
	pat->bytes = NULL;
	pat->lens = NULL;
	pat->copies = NULL;
}

/* A non-empty binary's bytes, or false. Bytes at odd bit offsets are
 * copied into *copy_at (advanced). */
static bool pattern_bytes(term b, const uint8_t **bytes, size_t *len, uint8_t **copy_at)
{
	if (!is_binary(b) || bitstring_bitsize(b) == 0)
		return false;
	bitstring_view v;
	bitstring_get(b, &v);
	*len = v.bitsize / 8;
	if (v.bitoffs % 8) {
		bits_copy(*copy_at, v.base, v.bitoffs, v.bitsize);
		*bytes = *copy_at;
		*copy_at += *len;
	} else {
		*bytes = v.base + v.bitoffs / 8;
	}
	return true;
}

/* The binaries of a pattern term: a binary, a list, or a compiled form. */
static bool pattern_elems(term t, term *one, term *list, term *tuple)
{
	*one = *list = *tuple = THE_NON_VALUE;
	if (is_binary(t)) {
		*one = t;
		return true;
	}
	if (is_list(t)) {
		*list = t;
		return true;
	}
	if (is_tuple(t) && tuple_arity(t) == 2) {
		term kind = tuple_get(t, 1), what = tuple_get(t, 2);
		if (kind == ATOM(bm) && is_binary(what)) {
			*one = what;
			return true;
		}
		if (kind == ATOM(ac) && is_tuple(what) && tuple_arity(what) > 0) {
			*tuple = what;
			return true;
		}
	}
	return false;
}

bool bin_pattern_get(term t, bin_pattern *pat, bool *oom)
{
	term one, list, tuple;
	memset(pat, 0, sizeof *pat);
	*oom = false;
	if (!pattern_elems(t, &one, &list, &tuple))
		return false;
	size_t n = 0, bytes = 0;
	if (one != THE_NON_VALUE) {
		n = 1;
		bytes = bitstring_bitsize(one) / 8;
	} else if (tuple != THE_NON_VALUE) {
		n = tuple_arity(tuple);
		for (size_t i = 1; i <= n; i++)
			if (is_bitstring(tuple_get(tuple, i)))
				bytes += bitstring_bitsize(tuple_get(tuple, i)) / 8;
	} else {
		term l = list;
		for (; is_list(l); l = list_tail(l)) {
			n++;
			if (is_bitstring(list_head(l)))
				bytes += bitstring_bitsize(list_head(l)) / 8;
		}
		if (!is_nil(l))
			return false;
	}
	if (n == 0)
		return false; /* [] is no pattern */
	pat->n = n;
	pat->bytes = malloc(n * sizeof *pat->bytes);
	pat->lens = malloc(n * sizeof *pat->lens);
	pat->copies = malloc(bytes + 1);
	if (!pat->bytes || !pat->lens || !pat->copies) {
		*oom = true;
		return false;
	}
	uint8_t *copy_at = pat->copies;
	term l = list;
	for (size_t i = 0; i < n; i++) {
		term b = one != THE_NON_VALUE     ? one
		         : tuple != THE_NON_VALUE ? tuple_get(tuple, i + 1)
		                                  : list_head(l);
		if (list != THE_NON_VALUE)
			l = list_tail(l);
		if (!pattern_bytes(b, &pat->bytes[i], &pat->lens[i], &copy_at))
			return false;
		pat->first_byte[pat->bytes[i][0]] = true;
	}
	return true;
}

bool bin_pattern_find(const bin_pattern *pat, const uint8_t *subject, size_t from, size_t to,
                      size_t *pos, size_t *len)
{
	if (pat->n == 0)
		return false;
	for (size_t i = from; i < to; i++) {
		if (!pat->first_byte[subject[i]])
			continue;
		size_t best = 0;
		for (size_t k = 0; k < pat->n; k++) {
			size_t m = pat->lens[k];
			if (m > best && m <= to - i && memcmp(subject + i, pat->bytes[k], m) == 0)
				best = m;
		}
		if (best) {
			*pos = i;
			*len = best;
			return true;
		}
	}
	return false;
}
