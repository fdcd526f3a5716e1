/* The arithmetic BIFs, defined across erlang_arith*.c, listed in the
 * family table of erlang_arith.c. */
#ifndef KBEAM_BIF_ERLANG_ARITH_H
#define KBEAM_BIF_ERLANG_ARITH_H

#include "bif.h"

/* erlang_arith_int.c: integer-only operators */
term bif_erlang_div_2(process *p, const term *args);
term bif_erlang_rem_2(process *p, const term *args);
term bif_erlang_band_2(process *p, const term *args);
term bif_erlang_bor_2(process *p, const term *args);
term bif_erlang_bxor_2(process *p, const term *args);
term bif_erlang_bsl_2(process *p, const term *args);
term bif_erlang_bsr_2(process *p, const term *args);
term bif_erlang_bnot_1(process *p, const term *args);

/* erlang_arith_round.c: number to float or integer */
term bif_erlang_float_1(process *p, const term *args);
term bif_erlang_trunc_1(process *p, const term *args);
term bif_erlang_round_1(process *p, const term *args);
term bif_erlang_floor_1(process *p, const term *args);
term bif_erlang_ceil_1(process *p, const term *args);

#endif
