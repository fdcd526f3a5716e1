/* The JIT: compiles a loaded module into x86-64 machine code and runs it.
 *
 * jit_compile() turns every instruction of a kb_module into machine code in
 * the JIT's executable arena (W^X: written through one mapping, executed
 * through another). The result, a jit_code, knows where each BEAM label
 * ended up, which code range belongs to which function, and the line of
 * every code address, for stack traces.
 *
 * Register conventions and the stack layout are in
 * Documentation/design/execution.md and jit/frame.h.
 */
#ifndef KBEAM_JIT_JIT_H
#define KBEAM_JIT_JIT_H

#include "loader/module.h"
#include "vm/scheduler.h"

typedef struct jit_func {
	uint32_t start, end; /* code offsets */
	term name;
	uint32_t arity;
} jit_func;

typedef struct jit_line {
	uint32_t offset; /* code offset where the line's code starts */
	uint32_t item;   /* index in the module's line table */
} jit_line;

typedef struct jit_code {
	kb_module *module;
	uint8_t *base; /* executable address of the code */
	size_t size;
	uintptr_t *label_addr; /* BEAM label -> code address (label_count entries) */
	jit_func *funcs;
	uint32_t nfuncs;
	jit_line *lines;
	uint32_t nlines;
	uint32_t catch_base; /* global catch index of the module's first catch */
	uint32_t ncatches;
	/* tables the generated code points into (raise information, segment
	 * templates ...): they live as long as the code */
	void **side;
	uint32_t nside, side_cap;
} jit_code;

/* Sets up the executable arena and the shared fragments; 0 or -errno. */
int jit_init(void);
/* Compiles a module. NULL with a message in err on failure. */
jit_code *jit_compile(kb_module *m, char *err, size_t errlen);

/* The code that holds a code address, or NULL. */
const jit_code *jit_code_find(uintptr_t addr);
/* Where a code address lies: its function, and the line of the code before
 * it (0 when unknown). False when the address is not in any module. */
typedef struct jit_location {
	const jit_code *code;
	const jit_func *func;
	uint32_t line;
	const char *file; /* NULL: no line information */
	uint32_t file_len;
} jit_location;
bool jit_locate(uintptr_t addr, jit_location *loc);

/* Runs process p from code address `entry` on scheduler s until its first
 * function returns, it crashes or halts (enum run_result). The stack must
 * have room for one word (the first function's return address). */
int jit_run(scheduler *s, process *p, const void *entry);

/* Runs a process of the scheduler (vm/sched.h) until it returns,
 * crashes, waits or yields (enum run_result): its first run applies the
 * function in its saved x registers, later ones resume where it stopped. */
int jit_resume(scheduler *s, process *p);

/* Set when KBEAM_JIT_NO_FAST_PATHS=1: every instruction goes to its C helper. */
extern bool jit_no_fast_paths;
/* Set when KBEAM_GC_STRESS=1: every heap test collects (a test mode). */
extern bool jit_gc_stress;
/* Set (before any code is compiled) when kbeam.ko is used: the reduction
 * check at function entry also ends the slice when the module's
 * preemption tick has moved (scheduler.h tick). */
extern bool jit_honours_tick;

#endif
