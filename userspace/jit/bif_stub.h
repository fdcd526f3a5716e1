/* Callable-as-Erlang code for C BIFs (bif_stub.c). */
#ifndef KBEAM_JIT_BIF_STUB_H
#define KBEAM_JIT_BIF_STUB_H

#include "bif/bif.h"

/* The stub's code address, made on first use; 0 when out of memory. */
uintptr_t jit_bif_stub(const bif_def *bif);

#endif
