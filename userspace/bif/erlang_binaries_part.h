/* Slices of binaries: erlang:binary_part/2,3, split_binary/2 and the
 * binary module's part/2,3 share these. */
#ifndef KBEAM_BIF_ERLANG_BINARIES_PART_H
#define KBEAM_BIF_ERLANG_BINARIES_PART_H

#include "vm/process.h"

/* The bits [bitoffs, bitoffs + bitsize) of bitstring b as a new sub
 * binary pointing into b's storage (no copy); THE_NON_VALUE when out of
 * memory. */
term sub_bitstring(kb_heap *h, term b, uint64_t bitoffs, uint64_t bitsize);

/* binary_part(Bin, Pos, Len) with OTP's checks: Bin a bitstring, Pos a
 * non-negative integer, Len an integer (negative: the Len bytes before Pos),
 * the part inside Bin's whole bytes; badarg otherwise. */
term binary_part_bif(process *p, term bin, term pos, term len);
/* The {Pos, Len} form. */
term binary_part_tuple_bif(process *p, term bin, term pos_len);

/* The integer t as uint64_t when it is a non-negative one that fits. */
bool term_to_u64(term t, uint64_t *out);

#endif
