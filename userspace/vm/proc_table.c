/* The process table: slot i holds the process whose pid has data i.
 * Spawning takes a slot under the runtime lock; senders look a pid up
 * without any lock, so an ended process leaves its slot at once but its
 * structure is freed only when every scheduler has since passed a point
 * where it held no process pointer (an epoch scheme: the structure is
 * tagged with the epoch it ended in, the epoch moves on, and the
 * structure goes when no scheduler announces an epoch that old). */
#include <errno.h>
#include <stdlib.h>

#include "bif/bif.h"
#include "build.h"
#include "copy.h"
#include "gc.h"
#include "platform/platform.h"
#include "sched.h"
#include "signals.h"

static process **ptab;
static size_t ptab_size, nprocs, next_slot;

/* Ended processes not yet freed, oldest first (runtime lock). */
static process *limbo_head, *limbo_tail;
static size_t nlimbo;
static uint64_t epoch = 1;

uint64_t proc_epoch_now(void) { return __atomic_load_n(&epoch, __ATOMIC_SEQ_CST); }

int node_init(size_t process_limit)
{
	if (ptab)
		return 0;
	if (process_limit < 1024)
		process_limit = 1024;
	ptab = calloc(process_limit, sizeof *ptab);
	if (!ptab)
		return -ENOMEM;
	ptab_size = process_limit;
	next_slot = 0;
	return 0;
}

size_t node_process_limit(void) { return ptab_size; }

size_t node_process_count(void) { return __atomic_load_n(&nprocs, __ATOMIC_RELAXED); }

static process *slot_get(size_t i) { return __atomic_load_n(&ptab[i], __ATOMIC_ACQUIRE); }

size_t node_process_memory(void)
{
	size_t bytes = 0;
	for (size_t i = 0; i < ptab_size; i++) {
		const process *p = slot_get(i);
		if (!p || proc_state(p) == PROC_FREE)
			continue;
		/* read while it may run: a close estimate, as OTP's */
		bytes += sizeof *p + process_heap_bytes(p) + p->mbox_cap * sizeof(term) +
		         p->xsave_cap * sizeof(term) + p->links_cap * sizeof(term) +
		         p->monitors_cap * sizeof(struct monitor);
	}
	return bytes;
}

process *proc_lookup(term pid)
{
	if (!is_local_pid(pid))
		return NULL;
	uint64_t i = local_pid_data(pid);
	if (i >= ptab_size)
		return NULL;
	process *p = slot_get(i);
	if (!p || p->id != pid || proc_state(p) == PROC_FREE)
		return NULL;
	return p;
}

size_t proc_list(term *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < ptab_size && n < max; i++) {
		process *p = slot_get(i);
		if (p && proc_state(p) != PROC_FREE && proc_state(p) != PROC_EXITING)
			out[n++] = p->id;
	}
	return n;
}

/* A free slot, searched from after the last one given (pids are reused
 * late, as OTP's). */
static bool take_slot(size_t *slot)
{
	if (nprocs >= ptab_size)
		return false;
	for (size_t k = 0; k < ptab_size; k++) {
		size_t i = (next_slot + k) % ptab_size;
		if (!ptab[i]) {
			next_slot = i + 1;
			*slot = i;
			return true;
		}
	}
	return false;
}

static void free_structure(process *p)
{
	proc_take_inbox_drop(p);
	free(p->xsave);
	free(p->links);
	free(p->monitors);
	free(p);
}

void sched_free_process(process *p)
{
	uint64_t i = local_pid_data(p->id);
	if (i < ptab_size && ptab[i] == p)
		__atomic_store_n(&ptab[i], NULL, __ATOMIC_RELEASE);
	__atomic_store_n(&nprocs, nprocs - 1, __ATOMIC_RELAXED);
	platform_note_exit(local_pid_number(p->id), local_pid_serial(p->id),
	                   p->exit_reason == ATOM(normal));
	process_memory_free(p);
	proc_drop_pending(p);
	if (p->trap_state) {
		/* it ended inside a BIF that had trapped */
		p->trap_state_free(p->trap_state);
		p->trap_state = NULL;
	}
	p->retired_epoch = __atomic_fetch_add(&epoch, 1, __ATOMIC_SEQ_CST);
	p->run_next = NULL;
	if (limbo_tail)
		limbo_tail->run_next = p;
	else
		limbo_head = p;
	limbo_tail = p;
	__atomic_store_n(&nlimbo, nlimbo + 1, __ATOMIC_RELAXED);
}

bool proc_table_limbo(void) { return __atomic_load_n(&nlimbo, __ATOMIC_RELAXED) != 0; }

void proc_table_reclaim(void)
{
	uint64_t min = sched_epochs_min();
	while (limbo_head && limbo_head->retired_epoch < min) {
		process *p = limbo_head;
		limbo_head = p->run_next;
		if (!limbo_head)
			limbo_tail = NULL;
		__atomic_store_n(&nlimbo, nlimbo - 1, __ATOMIC_RELAXED);
		free_structure(p);
	}
}

/* A new process with its memory, not yet runnable. */
static process *new_process(process *parent, const spawn_opts *o)
{
	size_t slot;
	if (!take_slot(&slot)) {
		if (parent)
			bif_system_limit(parent);
		return NULL;
	}
	process *p = calloc(1, sizeof *p);
	if (!p || process_memory_init(p, o ? o->min_heap_size : 0) != 0) {
		free(p);
		if (parent)
			bif_no_memory(parent);
		return NULL;
	}
	if (o && o->fullsweep_set)
		p->fullsweep_after = o->fullsweep_after;
	p->mq_off_heap = o && o->mq_off_heap;
	p->priority = o && o->has_priority ? (unsigned)o->priority : PRIO_NORMAL;
	p->group_leader = parent ? parent->group_leader : make_local_pid(slot);
	p->id = make_local_pid(slot);
	p->pending_exit = THE_NON_VALUE;
	p->registered_name = NIL;
	p->exit_reason = ATOM(normal);
	p->home = sched_self();
	p->state = PROC_WAITING; /* sched_make_runnable starts it */
	__atomic_store_n(&ptab[slot], p, __ATOMIC_RELEASE);
	__atomic_store_n(&nprocs, nprocs + 1, __ATOMIC_RELAXED);
	return p;
}

/* A process that could not be set up: no one knows its pid yet. */
static process *abandon(process *parent, process *p)
{
	__atomic_store_n(&ptab[local_pid_data(p->id)], NULL, __ATOMIC_RELEASE);
	__atomic_store_n(&nprocs, nprocs - 1, __ATOMIC_RELAXED);
	process_memory_free(p);
	free_structure(p);
	if (parent)
		bif_no_memory(parent);
	return NULL;
}

static void start(process *parent, process *p, const spawn_opts *o)
{
	platform_note_spawn(local_pid_number(p->id), local_pid_serial(p->id),
	                    parent ? local_pid_number(parent->id) : 0,
	                    parent ? local_pid_serial(parent->id) : 0);
	if (parent && o && o->link)
		sig_link(parent, p);
	sched_make_runnable(p);
}

process *proc_spawn(process *parent, term module, term function, term args, const spawn_opts *o)
{
	term a[256];
	unsigned n = 0;
	for (term l = args; l != NIL; l = list_tail(l)) {
		if (!is_list(l) || n == 255) {
			if (parent)
				bif_badarg(parent);
			return NULL;
		}
		a[n++] = list_head(l);
	}
	if (!is_atom(module) || !is_atom(function)) {
		if (parent)
			bif_badarg(parent);
		return NULL;
	}
	process *p = new_process(parent, o);
	if (!p)
		return NULL;
	for (unsigned i = 0; i < n; i++) {
		a[i] = term_copy(&p->heap, a[i]);
		if (a[i] == THE_NON_VALUE)
			return abandon(parent, p);
	}
	/* erlang:apply/3 with the arguments in place: the first call resolves
	 * (and loads) the target, and its failure is the new process's */
	p->initial_call = build_tuple3(&p->heap, module, function, make_small(n));
	term margs = build_list(&p->heap, a, n);
	term entry[3] = {module, function, margs};
	if (!process_save_x(p, entry, 3))
		return abandon(parent, p);
	p->resume = NULL; /* jit_start_apply */
	start(parent, p, o);
	return p;
}

process *proc_spawn_fun(process *parent, term fun, const spawn_opts *o)
{
	process *p = new_process(parent, o);
	if (!p)
		return NULL;
	term f = term_copy(&p->heap, fun);
	if (f == THE_NON_VALUE)
		return abandon(parent, p);
	term entry[2] = {f, NIL};
	p->initial_call = NIL;
	if (!process_save_x(p, entry, 2))
		return abandon(parent, p);
	p->resume = (const void *)1; /* apply/2 of a fun: see jit_start_apply */
	start(parent, p, o);
	return p;
}
