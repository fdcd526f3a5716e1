/* The external term format: binary_to_term and term_to_binary in C.
 *
 * etf_decode reads one term starting with the version byte 131 (including
 * the zlib-compressed form, tag 80) and builds it on the heap. etf_encode
 * produces exactly the bytes OTP 25's term_to_binary/2 produces for the
 * same term and options.
 *
 * Where OTP 25 differs from a careful reading of the documentation, kbeam
 * follows OTP (tests/oracle/etf_corpus.erl pins these down): bytes after
 * the term are not an error (binary_to_term/1 ignores them too; the `used`
 * option reports them); a pid, port or reference of 'nonode@nohost' with
 * creation 0 is local, and must then be in the local ranges; local
 * references always get three ids; FUN_EXT and ATOM_CACHE_REF are refused.
 * kbeam refuses, where OTP accepts, the tags of OTP's internal ETS format
 * (ATOM_INTERNAL_REF2/3, which name atoms by OTP's own atom indexes), and
 * a NEW_FUN_EXT whose creator is not a pid (on which OTP 25 crashes).
 * A NEW_FUN_EXT's OldIndex is checked but not kept: it is written back as
 * the Index, which is what every compiler since R15 produces.
 */
#ifndef KBEAM_LOADER_ETF_H
#define KBEAM_LOADER_ETF_H

#include "vm/heap.h"

/* etf_decode flags */
#define ETF_DECODE_SAFE                                                                            \
	0x1u /* binary_to_term(B, [safe]): create no new atoms, no external funs to unknown code   \
	      */

/* Decodes one term from buf[0..len). On success returns the term and sets
 * *used (if not NULL) to the bytes consumed: for the compressed form, the
 * 6 header bytes and the zlib stream. On failure returns THE_NON_VALUE,
 * leaves *used alone and sets *error (if not NULL) to a short static
 * message (binary_to_term raises badarg). Nesting depth costs no C stack,
 * and the heap used stays within a small multiple of len (or of the
 * inflated size). Thread-safe. */
term etf_decode(kb_heap *h, const uint8_t *buf, size_t len, unsigned flags, size_t *used,
                const char **error);

typedef struct etf_encode_options {
	int compressed;    /* -1: no compression, else zlib level 0..9 ([compressed] is 6) */
	int minor_version; /* 0, 1 (default) or 2 (UTF-8 atoms) */
	bool deterministic;
} etf_encode_options;

#define ETF_ENCODE_DEFAULTS ((etf_encode_options){.compressed = -1, .minor_version = 1})

/* Encodes t. Returns a malloc'd buffer (caller frees) and its size in *len;
 * NULL when out of memory. Nesting depth costs no C stack. */
uint8_t *etf_encode(term t, const etf_encode_options *opts, size_t *len);

/* The same in steps, for a BIF that yields part way (term_to_binary): an
 * encoder holds pointers into t, which must not move until it is done
 * (no collection of its process meanwhile). etf_encoder_step writes about
 * `budget` more bytes: 0 when there is more to do, 1 when done (the
 * buffer and its size as etf_encode gives them; the encoder is freed), -1
 * when out of memory (freed too). NULL from etf_encoder_new: no memory. */
typedef struct etf_encoder etf_encoder;
etf_encoder *etf_encoder_new(term t, const etf_encode_options *opts);
int etf_encoder_step(etf_encoder *x, size_t budget, uint8_t **out, size_t *len);
void etf_encoder_free(etf_encoder *x);

#endif
