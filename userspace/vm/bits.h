/* The bit syntax: building bitstrings (bs_create_bin, bs_init_writable)
 * and matching them (bs_start_match3/4, bs_get_*, bs_skip_*, bs_test_*,
 * bs_match_string, bs_get_tail, bs_get/set_position), as OTP 25.
 *
 * These helpers are the one definition of the bit syntax's meaning; the JIT
 * calls them with values in registers. They never collect garbage: what
 * they build goes on p->heap through heap_alloc() (main region first, then
 * fragments), so every pointer the caller holds stays valid.
 *
 * Construction follows OTP 25's order of checks, which decides which
 * exception a segment list with several faults raises: first the sizes of
 * all segments, left to right (a size that is not a non-negative integer is
 * badarg, a positive bignum or a size * unit past 64 bits system_limit; a
 * `binary` of size `all` must be a bitstring; a utf32 value must be a code
 * point); then the binary appended to, if any (a bitstring whose size is a
 * multiple of the unit); then each value, left to right (badarg). A result
 * too large to allocate is system_limit, where OTP would stop the node.
 *
 * Appending (`<<Acc/binary, ...>>`: the first segment of type append or
 * private_append) is amortised O(1) per appended bit: the result lives in
 * a writable refc binary with room to spare (binary.h: append_end), and an
 * append to the term that covers exactly the bits in use extends it in
 * place. Extending writes only bits no term can see, so no existing term
 * changes; any other append copies into a fresh writable binary of twice
 * the size.
 *
 * A match context is a boxed object of MS_WORDS words:
 *   header(MS_WORDS - 1, SUBTAG_MATCHSTATE)
 *   [MS_BIN]   the heap or refc binary holding the bits (never a sub binary)
 *   [MS_POS]   current position: absolute bit offset into that binary's bytes
 *   [MS_END]   end of the matched bitstring (absolute bit offset)
 *   [MS_START] where the matched bitstring began (absolute bit offset)
 * Words MS_POS..MS_START are raw numbers: the collector copies them as they
 * are and updates MS_BIN only. A helper returning THE_NON_VALUE (or false)
 * means "the match fails here"; the position is then unchanged. Extracted
 * binaries are heap binaries (copies) when byte-sized and at most 64 bytes,
 * as in OTP, else sub binaries of the matched binary (or the binary itself
 * when they cover all of it).
 */
#ifndef KBEAM_VM_BITS_H
#define KBEAM_VM_BITS_H

#include "process.h"

/* ---- construction ---- */

enum bs_seg_type {
	BS_SEG_INTEGER,
	BS_SEG_FLOAT,
	BS_SEG_BINARY,
	BS_SEG_UTF8,
	BS_SEG_UTF16,
	BS_SEG_UTF32,
	BS_SEG_STRING,
	BS_SEG_APPEND,         /* only as the first segment */
	BS_SEG_PRIVATE_APPEND, /* only as the first segment */
};

/* Segment flags. NATIVE is little-endian on x86-64; SIGNED only matters
 * when matching. */
enum { BS_FLAG_LITTLE = 1, BS_FLAG_SIGNED = 2, BS_FLAG_NATIVE = 4 };

typedef struct bs_seg {
	uint8_t type;  /* enum bs_seg_type */
	uint8_t flags; /* BS_FLAG_* */
	uint32_t unit; /* bits per size unit; 0 for utf8/16/32 */
	/* The value: an integer, a number, a bitstring, a code point; for
	 * APPEND and PRIVATE_APPEND the bitstring appended to; unused for
	 * STRING. */
	term value;
	/* A size in units: an integer term (any term: the checks are here),
	 * the atom `all` (BINARY, APPEND, PRIVATE_APPEND), or THE_NON_VALUE
	 * (or the atom `undefined`) for utf8/16/32, whose size comes from the
	 * value. STRING: the number of bytes, with unit 8. */
	term size;
	const uint8_t *string; /* STRING: the bytes (the module's string table) */
} bs_seg;

/* Builds <<segs...>>. Returns the bitstring, or THE_NON_VALUE with p->freason
 * = EXC_ERROR and p->fvalue = badarg or system_limit. */
term bs_create_bin(process *p, const bs_seg *segs, unsigned nsegs);

/* bs_init_writable: an empty writable binary with room for size_hint bytes
 * (a non-negative small; anything else means 1024) for private_append to
 * fill. THE_NON_VALUE (system_limit) when out of memory. */
term bs_init_writable(process *p, term size_hint);

/* ---- matching ---- */

enum { MS_BIN = 1, MS_POS = 2, MS_END = 3, MS_START = 4, MS_WORDS = 5 };

static inline bool is_match_context(term t) { return is_boxed_with(t, SUBTAG_MATCHSTATE); }

/* bs_start_match3/4: a new context over the bitstring t, or t itself when it
 * is already a context (which keeps its position). THE_NON_VALUE when t is
 * neither; also when out of memory (then p->freason is set: system_limit). */
term bs_start_match(process *p, term t);

/* size * unit as a bit count: false when size is not a non-negative integer
 * or the product does not fit 64 bits (the match fails). */
bool bs_size_bits(term size, uint32_t unit, uint64_t *bits);

/* The next `bits` bits as an integer (big-endian unless BS_FLAG_LITTLE or
 * BS_FLAG_NATIVE; two's complement when BS_FLAG_SIGNED), any size. */
term bs_get_integer(process *p, term ms, uint64_t bits, unsigned flags);
/* A float of 16, 32 or 64 bits (0 bits gives 0.0, as OTP); other sizes,
 * and the bit patterns of infinities and NaNs, fail. */
term bs_get_float(process *p, term ms, uint64_t bits, unsigned flags);
/* The next `bits` bits as a bitstring. */
term bs_get_binary(process *p, term ms, uint64_t bits);
/* The rest, when its size is a multiple of unit. */
term bs_get_binary_all(process *p, term ms, uint32_t unit);
/* The rest as a bitstring, leaving the position alone (bs_get_tail). */
term bs_get_tail(process *p, term ms);

bool bs_skip_bits(term ms, uint64_t bits);
bool bs_skip_all(term ms, uint32_t unit);
/* True when exactly `bits` bits are left (bs_test_tail2). */
bool bs_test_tail(term ms, uint64_t bits);
/* True when the bits left are a multiple of unit (bs_test_unit). */
bool bs_test_unit(term ms, uint32_t unit);
/* Matches the next `bits` bits against bytes (bs_match_string). */
bool bs_match_string(term ms, const uint8_t *bytes, uint64_t bits);

/* A code point (a small), or THE_NON_VALUE. utf16/utf32 honour
 * BS_FLAG_LITTLE and BS_FLAG_NATIVE. */
term bs_get_utf8(term ms);
term bs_get_utf16(term ms, unsigned flags);
term bs_get_utf32(term ms, unsigned flags);
bool bs_skip_utf8(term ms);
bool bs_skip_utf16(term ms, unsigned flags);
bool bs_skip_utf32(term ms, unsigned flags);

/* bs_get_position / bs_set_position: the position as a small integer. */
static inline term bs_get_position(term ms) { return make_small((int64_t)boxed_ptr(ms)[MS_POS]); }
static inline void bs_set_position(term ms, term pos)
{
	boxed_ptr(ms)[MS_POS] = (uint64_t)small_value(pos);
}

#endif
