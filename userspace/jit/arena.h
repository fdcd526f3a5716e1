/* The executable arena all generated code lives in (arena.c). */
#ifndef KBEAM_JIT_ARENA_H
#define KBEAM_JIT_ARENA_H

#include "code_buffer.h"

int jit_arena_init(void);
/* Declares the arena as the buffer's placement (before emitting). */
void jit_arena_prepare(code_buffer *cb);
/* Copies finished code into the arena; its executable address, or NULL
 * with a cb_error code in *err. */
uint8_t *jit_arena_place(code_buffer *cb, int *err);

#endif
