/* BIFs: built-in functions implemented in C.
 *
 * A BIF is `term fn(process *p, const term *args)`: it reads its arguments
 * (args[0..arity)), builds its result on p->heap and returns it. On failure
 * it returns THE_NON_VALUE with p->freason and p->fvalue set, through
 * bif_error() and friends, raising exactly the exception OTP raises. The C
 * function is the one definition of the BIF's meaning: JIT fast paths for
 * the same operation must agree with it.
 */
#ifndef KBEAM_BIF_BIF_H
#define KBEAM_BIF_BIF_H

#include "vm/atom.h"
#include "vm/process.h"

typedef term (*bif_fn)(process *p, const term *args);

typedef struct bif_def {
	const char *module;
	const char *name;
	unsigned arity;
	bif_fn fn;
	unsigned flags; /* BIF_* */
} bif_def;

/* The BIF needs a running process (the process dictionary, display, the
 * code server ...) or gives results that are kbeam's own (map iterator
 * paths): tested by the differential Erlang programs (tests/erlang), not
 * by the vector harness. */
#define BIF_NEEDS_PROCESS 1u
/* The BIF touches other processes or shared runtime tables: the JIT calls
 * it under the runtime lock (vm/sched.h rt_lock). */
#define BIF_RUNTIME_LOCK 2u
/* The BIF may return BIF_TRAP, when called as a function (its arguments
 * are then the x registers: bif_can_trap). */
#define BIF_TRAPS 4u

/* What a BIF returns to be called again after its process has made way
 * for others: it has done a slice of long work and put the arguments
 * that continue it in args[] (the x registers), or it waits for another
 * process to stop running. A header word: never a term's value. */
#define BIF_TRAP ((term)0x4)
static inline bool bif_can_trap(const process *p, const term *args) { return args == p->x; }

/* A BIF whose continuation needs more than new arguments keeps its state
 * in the x registers after them, args[arity .. live): it returns
 * bif_trap_state(p, self, live), and when called again finds
 * bif_resuming(p, self) true (which also clears the mark). The state is
 * terms, so the collector sees it. */
static inline term bif_trap_state(process *p, bif_fn self, unsigned live)
{
	p->trap_bif = (void (*)(void))self;
	p->trap_live = live;
	p->reds = 0;
	return BIF_TRAP;
}
static inline bool bif_resuming(process *p, bif_fn self)
{
	if (p->trap_bif != (void (*)(void))self)
		return false;
	p->trap_bif = NULL;
	p->trap_live = 0;
	return true;
}
/* The same with C state (which may point into the process's heap: the
 * heap is not collected until the BIF is called again). bif_take_state()
 * hands it back to the resumed BIF. */
static inline term bif_trap_c_state(process *p, bif_fn self, unsigned live, void *state,
                                    void (*state_free)(void *))
{
	p->trap_state = state;
	p->trap_state_free = state_free;
	return bif_trap_state(p, self, live);
}
static inline void *bif_take_state(process *p)
{
	void *s = p->trap_state;
	p->trap_state = NULL;
	p->trap_state_free = NULL;
	return s;
}

static inline term bif_raise(process *p, exc_class cls, term reason)
{
	p->freason = cls;
	p->fvalue = reason;
	p->fflags = 0;
	p->fcause = THE_NON_VALUE;
	return THE_NON_VALUE;
}
static inline term bif_error(process *p, term reason) { return bif_raise(p, EXC_ERROR, reason); }
static inline term bif_badarg(process *p) { return bif_error(p, ATOM(badarg)); }
/* badarg with a cause in the frame's error_info (#{cause => Cause}), as
 * OTP's erl_erts_errors explains some failures. */
static inline term bif_badarg_cause(process *p, term cause)
{
	bif_badarg(p);
	p->fcause = cause;
	return THE_NON_VALUE;
}
static inline term bif_badarith(process *p) { return bif_error(p, ATOM(badarith)); }
static inline term bif_system_limit(process *p) { return bif_error(p, ATOM(system_limit)); }
/* Out of memory while building a result: OTP would abort the node; kbeam
 * raises system_limit in the process. */
static inline term bif_no_memory(process *p) { return bif_system_limit(p); }

/* Looks a BIF up by module, name and arity (atoms); NULL when none. */
const bif_def *bif_lookup(term module, term name, unsigned arity);
/* Every BIF, in the order of the family tables (for listing and tests). */
size_t bif_count(void);
const bif_def *bif_at(size_t i);

#endif
