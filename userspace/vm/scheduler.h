/* A scheduler: the thread that runs processes, and the data the JIT's code
 * reaches through fixed registers while a process runs.
 *
 * rbx points at x[0] of the running scheduler, so X registers are
 * [rbx + 8*i]; the BIF argument area and the float registers sit at fixed
 * offsets from it (see jit/frame.h). One scheduler runs one process at a
 * time; the concurrency layer gives each core its own scheduler.
 */
#ifndef KBEAM_VM_SCHEDULER_H
#define KBEAM_VM_SCHEDULER_H

#include "process.h"

#define SCHED_X_REGS 1024 /* MAX_X_REG of the loader */
#define SCHED_FR_REGS 1024
#define SCHED_BIF_ARGS 8
#define SCHED_SCRATCH 1024 /* operand lists gathered for a helper (map keys ...) */

typedef struct scheduler {
	/* Arguments of a BIF called inline, copied here from any operand
	 * kind (x, y, literal) so the BIF gets one array. */
	term bif_args[SCHED_BIF_ARGS];
	term x[SCHED_X_REGS];
	double fr[SCHED_FR_REGS];
	term scratch[SCHED_SCRATCH];
	/* C stack pointer saved when entering Erlang code. */
	void *c_sp;
	process *current;
	/* The module's preemption tick for this scheduler's CPU (kbeam.ko's
	 * control page; a counter that never moves without the module), and
	 * its value when the running slice began: with the module, the
	 * JIT's reduction check also ends a slice when the tick has moved. */
	const volatile uint64_t *tick;
	uint64_t tick_seen;
} scheduler;

/* How a run of Erlang code ended. */
enum run_result {
	RUN_RETURNED = 0, /* the process's first function returned: x[0] is its value */
	RUN_CRASHED,      /* an uncaught exception: p->freason, p->fvalue, p->stacktrace */
	RUN_WAITING,      /* waits in receive (resume at p->resume) */
	RUN_YIELD,        /* its time slice is over (resume at p->resume) */
};

#endif
