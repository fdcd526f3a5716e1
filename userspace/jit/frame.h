/* Fixed registers and the offsets generated code uses to reach the
 * process and the scheduler.
 *
 *   r13  process *            r15  heap top (HTOP)
 *   r12  Erlang stack (E)     r14  reductions left
 *   rbx  &scheduler->x[0]     rsp  the scheduler thread's C stack
 *
 * All are callee-saved in the System V ABI, so C helpers preserve them.
 * rsp stays 16-byte aligned while Erlang code runs, so a helper is called
 * with a plain `call`. The Erlang stack is r12: a call stores its return
 * address at [r12 - 8] and jumps, a return loads it and jumps back.
 */
#ifndef KBEAM_JIT_FRAME_H
#define KBEAM_JIT_FRAME_H

#include <stddef.h>

#include "vm/scheduler.h"
#include "x86_regs.h"

#define R_P X86_R13
#define R_HTOP X86_R15
#define R_E X86_R12
#define R_FCALLS X86_R14
#define R_X X86_RBX

/* Offsets from rbx (the X array) into the scheduler. */
#define X_OFF(field) ((int32_t)offsetof(scheduler, field) - (int32_t)offsetof(scheduler, x))
/* Offsets into the process. */
#define P_OFF(field) ((int32_t)offsetof(process, field))

#define P_HTOP P_OFF(heap.top)
#define P_HLIMIT P_OFF(heap.limit)
#define P_STOP P_OFF(stop)
#define P_REDS P_OFF(reds)
#define P_FREASON P_OFF(freason)
#define P_FVALUE P_OFF(fvalue)

/* C code allocates up to this many words below E (heap.limit = E - gap):
 * the word just below E is where the next Erlang call pushes its return
 * address. */
#define HEAP_LIMIT_GAP 1

/* Reductions in one time slice. */
#define CONTEXT_REDS 4000

#endif
