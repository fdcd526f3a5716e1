/* erlang:external_size/1,2: the size OTP 25 reports, which is the size of
 * term_to_binary's result except for local funs, where OTP counts OldIndex
 * and OldUniq as INTEGER_EXT (5 bytes) even when the encoder writes them as
 * SMALL_INTEGER_EXT (2 bytes). */
#ifndef KBEAM_BIF_ERLANG_ETF_SIZE_H
#define KBEAM_BIF_ERLANG_ETF_SIZE_H

#include "loader/etf.h"

/* False when out of memory. */
bool etf_external_size(term t, const etf_encode_options *o, uint64_t *size);

#endif
