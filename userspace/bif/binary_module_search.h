/* Searching binaries for patterns: binary:match/2,3, matches/2,3,
 * split/2,3 and compile_pattern/1.
 *
 * A pattern is a non-empty binary, a non-empty list of non-empty binaries,
 * or what compile_pattern/1 returned: {bm, Bin} for one binary, {ac, Tuple}
 * of binaries for several (OTP returns a magic reference in place of the
 * second element; kbeam's compiled form is the pattern itself, which the
 * search prepares again on each call). At a position where several
 * patterns match, the longest wins; searches go left to right, and matches
 * never overlap.
 */
#ifndef KBEAM_BIF_BINARY_MODULE_SEARCH_H
#define KBEAM_BIF_BINARY_MODULE_SEARCH_H

#include "vm/process.h"

typedef struct bin_pattern {
	size_t n;
	const uint8_t **bytes; /* n patterns, malloc'd (with lens) */
	size_t *lens;
	bool first_byte[256]; /* bytes that start some pattern */
	uint8_t *copies;      /* storage for patterns at odd bit offsets */
} bin_pattern;

/* Reads a pattern argument; false (badarg) when it is not one, *oom set
 * when memory ran out. bin_pattern_free() releases it either way. */
bool bin_pattern_get(term t, bin_pattern *pat, bool *oom);
void bin_pattern_free(bin_pattern *pat);

/* The leftmost-longest match in subject[from, to): true and its start and
 * length, or false (always for a zeroed bin_pattern, which has none). */
bool bin_pattern_find(const bin_pattern *pat, const uint8_t *subject, size_t from, size_t to,
                      size_t *pos, size_t *len);

#endif
