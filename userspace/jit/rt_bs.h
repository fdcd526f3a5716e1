/* Bit syntax helpers for generated code (rt_bs.c). unit_flags packs a
 * segment's unit (low 32 bits) and BS_FLAG_* (above). A failed match
 * returns THE_NON_VALUE or false. */
#ifndef KBEAM_JIT_RT_BS_H
#define KBEAM_JIT_RT_BS_H

#include "rt.h"
#include "vm/bits.h"

term rt_bs_get_integer(process *p, term ms, term size, uint64_t unit_flags);
term rt_bs_get_float(process *p, term ms, term size, uint64_t unit_flags);
term rt_bs_get_binary(process *p, term ms, term size, uint64_t unit_flags);
bool rt_bs_skip_bits(term ms, term size, uint64_t unit_flags);
/* bs_create_bin: tmpl holds each segment's fixed parts; vals[2i], vals[2i+1]
 * are segment i's value and size. */
term rt_bs_create(process *p, const bs_seg *tmpl, uint32_t n, const term *vals);

#endif
