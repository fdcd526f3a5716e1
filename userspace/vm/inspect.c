/* One process reading or collecting another (process_info/2,
 * garbage_collect/1): it must hold the other's lock, which the other's
 * scheduler holds while it runs.
 *
 * Trying again until the lock comes free is not enough: a process alone on
 * its scheduler's run queue is taken up again a moment after its slice
 * ends, and the one waiting for it, on another scheduler, can miss that
 * moment every time (an emulated machine under load did, for minutes). So
 * a process that finds the other running leaves its pid in the other's
 * `inspect` word (INSPECT_WANTED); the scheduler that ends the other's
 * slice then sets it aside instead of queueing it (INSPECT_HELD), and the
 * inspector, on its next try, gets the lock. Whoever clears a held word
 * queues the process again: the inspector when it is done, or, if it ends
 * first, its own exit (proc_inspect_cancel). One inspector at a time sets
 * a process aside; others keep trying as before.
 */
#include "sched.h"

#define INSPECT_HELD 1u
#define INSPECT_WANTED 2u

static uint64_t want_word(const process *self)
{
	return (local_pid_data(self->id) << 2) | INSPECT_WANTED;
}

/* Clears t's word if it is self's; queues t again if it was held. */
static void release(process *self, process *t)
{
	uint64_t v = __atomic_load_n(&t->inspect, __ATOMIC_SEQ_CST);
	while ((v & ~(uint64_t)INSPECT_HELD) == want_word(self)) {
		if (__atomic_compare_exchange_n(&t->inspect, &v, 0, false, __ATOMIC_SEQ_CST,
		                                __ATOMIC_SEQ_CST)) {
			if (v & INSPECT_HELD)
				sched_requeue(t);
			break;
		}
	}
	self->inspecting = 0;
}

process *proc_lock_other(process *self, term pid, bool *busy)
{
	*busy = false;
	if (pid == self->id) {
		proc_take_inbox(self); /* messages that came while it ran count */
		return self;
	}
	process *t = proc_lookup(pid);
	if (!t) {
		self->inspecting = 0;
		return NULL;
	}
	if (!proc_trylock(t)) {
		/* an ending process keeps its lock: it is gone */
		*busy = proc_state(t) != PROC_EXITING;
		if (*busy) {
			uint64_t none = 0;
			if (__atomic_compare_exchange_n(&t->inspect, &none, want_word(self), false,
			                                __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
				self->inspecting = pid;
		}
		return NULL;
	}
	if (proc_state(t) == PROC_EXITING) {
		proc_unlock(t);
		return NULL;
	}
	proc_take_inbox(t);
	return t;
}

void proc_unlock_other(process *self, process *t)
{
	if (t && t != self) {
		/* a held process is queued once it is free to run */
		proc_unlock(t);
		release(self, t);
		/* messages may have come to its inbox while it was held */
		if (proc_inbox_nonempty(t))
			sched_make_runnable(t);
	}
}

bool proc_hold_for_inspection(process *p)
{
	uint64_t v = __atomic_load_n(&p->inspect, __ATOMIC_SEQ_CST);
	return (v & INSPECT_WANTED) && !(v & INSPECT_HELD) &&
	       __atomic_compare_exchange_n(&p->inspect, &v, v | INSPECT_HELD, false,
	                                   __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

void proc_inspect_cancel(process *self)
{
	if (!self->inspecting)
		return;
	process *t = proc_lookup(self->inspecting);
	if (t)
		release(self, t);
	self->inspecting = 0;
}
