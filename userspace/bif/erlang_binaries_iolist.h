/* iolists and bitstring lists: the one walk behind list_to_binary/1,
 * iolist_to_binary/1, iolist_size/1, list_to_bitstring/1 and
 * binary:list_to_bin/1.
 *
 * An iolist is [] or [Elem | Tail], Elem a byte (0..255), a binary or an
 * iolist, Tail an iolist or a binary. With bits allowed, every binary may be
 * any bitstring. The walk keeps pending tails on a malloc'd stack, so deep
 * nesting costs no C stack.
 */
#ifndef KBEAM_BIF_ERLANG_BINARIES_IOLIST_H
#define KBEAM_BIF_ERLANG_BINARIES_IOLIST_H

#include "vm/process.h"

typedef enum iolist_status {
	IOLIST_OK = 0,
	IOLIST_BADARG,    /* not an iolist (or a bitstring where bits are not allowed) */
	IOLIST_NO_MEMORY, /* the walk's stack or the result could not be allocated */
	IOLIST_MORE,      /* a step ended before the walk did: call it again */
} iolist_status;

/* Total size in bits of t, an iolist or (at the top) a bitstring. Charges
 * p->reds for the elements visited. */
iolist_status iolist_bits(process *p, term t, bool allow_bits, uint64_t *bits);

/* The bitstring of the contents of t (bits allowed) or the binary (bits
 * not allowed). *out is the term. */
iolist_status iolist_to_bitstring(process *p, term t, bool allow_bits, term *out);

/* The same in steps of at most `budget` elements, for a BIF that yields
 * part way: *job starts NULL and holds the walk between steps (pointers
 * into t: no collection of the process meanwhile); IOLIST_MORE means call
 * again with the same t and *job. Any other status has freed *job. */
iolist_status iolist_to_bitstring_step(process *p, void **job, term t, bool allow_bits,
                                       uint64_t budget, term *out);
void iolist_job_free(void *job);

#endif
