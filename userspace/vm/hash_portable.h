/* The portable term hashes: erlang:phash2/1,2 and erlang:phash/2, bit for
 * bit as OTP 25 computes them (make_hash2 and make_hash in OTP's utils.c).
 *
 * "Portable" means the value depends only on the term's value, never on
 * where or how it is stored: integers hash by magnitude and sign whatever
 * their representation, atoms by their name (OTP's hashpjw over the UTF-8
 * name, with two-byte sequences for U+0080..U+00FF taken as one Latin-1
 * byte), bitstrings by their bits whatever their offset, maps by their pairs
 * whatever the order. Both zeros hash as +0.0. Pids hash by number, ports
 * by number, refs by their first id, local funs by module, index, old uniq
 * and free variables, external funs by module, function and arity.
 *
 * The walk keeps pending work on an explicit stack, so long lists and deep
 * nesting cost heap, not C stack; the functions return false only when
 * memory for that stack ran out (the caller raises system_limit).
 */
#ifndef KBEAM_VM_HASH_PORTABLE_H
#define KBEAM_VM_HASH_PORTABLE_H

#include "term.h"

/* OTP's make_hash2: the whole 32-bit hash behind phash2. erlang:phash2/1
 * is *hash & PHASH2_DEFAULT_MASK (the same as phash2(T, 1 bsl 27)). */
bool term_phash2(term t, uint32_t *hash);
#define PHASH2_DEFAULT_MASK ((UINT32_C(1) << 27) - 1)

/* OTP's make_hash: the hash behind the older erlang:phash/2. */
bool term_phash(term t, uint32_t *hash);

/* The range both BIFs accept: 1 .. 2^32 (badarg otherwise). */
#define PHASH_RANGE_MAX (UINT64_C(1) << 32)
static inline bool phash_range_valid(uint64_t range)
{
	return range >= 1 && range <= PHASH_RANGE_MAX;
}

/* erlang:phash2(T, Range): a value in 0 .. Range-1. False when memory ran
 * out or the range is not valid. */
bool term_phash2_range(term t, uint64_t range, uint32_t *out);
/* erlang:phash(T, Range): a value in 1 .. Range, hence 2^32 is possible
 * when Range is 2^32. False when memory ran out or the range is not valid. */
bool term_phash_range(term t, uint64_t range, uint64_t *out);

/* OTP's hash of an atom's name (hashpjw), which both hashes use. */
uint32_t atom_name_hash(term atom);

#endif
