/* The iodata walk behind the checksum BIFs (crc32, adler32, md5 and
 * md5_update): the bytes of an iodata term handed to a sink in order, in
 * the pieces OTP's checksum loop hands them to its hash.
 *
 * iodata is [] , a binary, or a list of bytes (0..255), binaries and
 * iodata lists, its tail [] or a binary. A bitstring that is not a whole
 * number of bytes, or anything else, makes it bad. The pieces are: each
 * binary whole, and each run of bytes that follow one another in one list
 * (an element that is not a byte ends the run). MD5 contexts are sensitive
 * to the pieces (erlang_checksum.c), so they are OTP's exactly.
 */
#ifndef KBEAM_BIF_ERLANG_CHECKSUM_WALK_H
#define KBEAM_BIF_ERLANG_CHECKSUM_WALK_H

#include "erlang_binaries_iolist.h"

typedef void (*iodata_sink)(void *ctx, const uint8_t *bytes, size_t n);

/* Hands t's bytes to sink(ctx, ...) piece by piece. On IOLIST_BADARG the
 * sink has seen the pieces before the bad element; the caller drops them.
 * Charges p->reds by the bytes walked. */
iolist_status iodata_walk(process *p, term t, iodata_sink sink, void *ctx);

#endif
