/* A lightweight process: what the C side of the execution engine sees.
 *
 * This is the part of the process structure that BIFs and C helpers use:
 * the heap they build terms on and the exception they raise. The JIT's
 * fixed registers, the stack, the mailbox and the scheduler fields join it
 * with the execution engine (Documentation/design/execution.md).
 */
#ifndef KBEAM_VM_PROCESS_H
#define KBEAM_VM_PROCESS_H

#include "heap.h"

/* Exception classes, as erlang:raise/3 names them. */
typedef enum exc_class {
	EXC_NONE = 0,
	EXC_ERROR, /* error:Reason */
	EXC_EXIT,  /* exit:Reason */
	EXC_THROW, /* throw:Reason */
} exc_class;

typedef struct process {
	/* Terms are built here: the young heap as main region, heap
	 * fragments for what does not fit until the next collection. */
	kb_heap heap;
	/* The pending exception of a C helper or BIF that returned
	 * THE_NON_VALUE. */
	exc_class freason;
	term fvalue;
	/* Reductions left in this time slice; BIFs that do long work charge
	 * them (bif_charge). */
	int64_t reds;
} process;

#endif
