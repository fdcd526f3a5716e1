/* BIFs about processes: spawning, links, monitors, exit signals, names,
 * process flags and process_info (vm/sched.h, vm/signals.h). */
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

#include "bif.h"
#include "vm/build.h"
#include "jit/jit.h"
#include "jit/rt.h"
#include "vm/gc.h"
#include "vm/mailbox.h"
#include "vm/ref.h"
#include "vm/sched.h"
#include "vm/signals.h"
#include "vm/timers.h"
#include "vm/copy.h"

static term pid_or_error(process *p, process *child)
{
	(void)p;
	return child ? child->id : THE_NON_VALUE;
}

static term spawn_mfa(process *p, const term *a, spawn_opts *o)
{
	if (!is_list(a[2]) && a[2] != NIL)
		return bif_badarg(p);
	return pid_or_error(p, proc_spawn(p, a[0], a[1], a[2], o));
}

static term spawn_fun(process *p, term fun, spawn_opts *o)
{
	if (!is_fun(fun) && !is_export(fun))
		return bif_badarg(p);
	return pid_or_error(p, proc_spawn_fun(p, fun, o));
}

/* {Pid, Ref} for spawn_monitor */
static term with_monitor(process *p, term pid)
{
	uint64_t n;
	if (pid == THE_NON_VALUE)
		return pid;
	if (!sig_monitor(p, pid, &n))
		return bif_no_memory(p);
	term ref = ref_from_number(&p->heap, n);
	term r = ref == THE_NON_VALUE ? ref : build_tuple2(&p->heap, pid, ref);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

static term bif_spawn_1(process *p, const term *a) { return spawn_fun(p, a[0], NULL); }
static term bif_spawn_3(process *p, const term *a) { return spawn_mfa(p, a, NULL); }
static term bif_spawn_link_1(process *p, const term *a)
{
	spawn_opts o = {.link = true};
	return spawn_fun(p, a[0], &o);
}
static term bif_spawn_link_3(process *p, const term *a)
{
	spawn_opts o = {.link = true};
	return spawn_mfa(p, a, &o);
}
static term bif_spawn_monitor_1(process *p, const term *a)
{
	return with_monitor(p, spawn_fun(p, a[0], NULL));
}
static term bif_spawn_monitor_3(process *p, const term *a)
{
	return with_monitor(p, spawn_mfa(p, a, NULL));
}

static const char *const prio_names[PRIO_COUNT] = {"max", "high", "normal", "low"};

/* PRIO_* of a priority atom, or -1 */
static int priority_of(term v)
{
	for (int i = 0; i < PRIO_COUNT; i++)
		if (v == atom_from_cstr(prio_names[i]))
			return i;
	return -1;
}

/* spawn_opt options; false for a bad one */
static bool parse_opts(term l, spawn_opts *o)
{
	for (; l != NIL; l = list_tail(l)) {
		if (!is_list(l))
			return false;
		term x = list_head(l);
		if (x == atom_from_cstr("link")) {
			o->link = true;
		} else if (x == atom_from_cstr("monitor")) {
			o->monitor = true;
		} else if (is_tuple(x) && tuple_arity(x) == 2 && is_atom(tuple_get(x, 1))) {
			term k = tuple_get(x, 1), v = tuple_get(x, 2);
			if (k == atom_from_cstr("min_heap_size") && is_small(v) &&
			    small_value(v) >= 0)
				o->min_heap_size = (size_t)small_value(v);
			else if (k == atom_from_cstr("fullsweep_after") && is_small(v) &&
			         small_value(v) >= 0) {
				o->fullsweep_after = (uint32_t)small_value(v);
				o->fullsweep_set = true;
			} else if (k == atom_from_cstr("priority") && priority_of(v) >= 0) {
				o->priority = priority_of(v);
				o->has_priority = true;
			} else if (k == atom_from_cstr("message_queue_data") &&
			           (v == atom_from_cstr("on_heap") ||
			            v == atom_from_cstr("off_heap")))
				o->mq_off_heap = v == atom_from_cstr("off_heap");
			else if (k == atom_from_cstr("min_bin_vheap_size") && is_small(v))
				;
			else
				return false;
		} else {
			return false;
		}
	}
	return true;
}

static term spawn_opt(process *p, term pid_result, const spawn_opts *o)
{
	return o->monitor ? with_monitor(p, pid_result) : pid_result;
}

static term bif_spawn_opt_2(process *p, const term *a)
{
	spawn_opts o = {0};
	if (!parse_opts(a[1], &o))
		return bif_badarg_cause(p, atom_from_cstr("badopt"));
	return spawn_opt(p, spawn_fun(p, a[0], &o), &o);
}

static term bif_spawn_opt_4(process *p, const term *a)
{
	spawn_opts o = {0};
	if (!parse_opts(a[3], &o))
		return bif_badarg_cause(p, atom_from_cstr("badopt"));
	return spawn_opt(p, spawn_mfa(p, a, &o), &o);
}

/* ---- links, monitors, exits ---- */

static term bif_link_1(process *p, const term *a)
{
	if (!is_pid(a[0]))
		return bif_badarg(p);
	process *t = proc_lookup(a[0]);
	if (!t) {
		if (p->trap_exit) {
			term m = build_tuple3(&p->heap, atom_from_cstr("EXIT"), a[0],
			                      atom_from_cstr("noproc"));
			if (m == THE_NON_VALUE || !proc_deliver(p, m))
				return bif_no_memory(p);
			return ATOM(true);
		}
		return bif_error(p, atom_from_cstr("noproc"));
	}
	return sig_link(p, t) ? ATOM(true) : bif_no_memory(p);
}

static term bif_unlink_1(process *p, const term *a)
{
	if (!is_pid(a[0]))
		return bif_badarg(p);
	sig_unlink(p, a[0]);
	return ATOM(true);
}

static term bif_monitor_2(process *p, const term *a)
{
	if (a[0] != atom_from_cstr("process"))
		return bif_badarg(p);
	term target = a[1];
	if (is_atom(target)) {
		term pid = reg_whereis(target);
		target = pid == THE_NON_VALUE ? target : pid;
	}
	if (!is_pid(target) && !is_atom(target))
		return bif_badarg(p);
	uint64_t n;
	if (is_atom(target)) {
		/* no such name: 'DOWN' with noproc at once, naming {Name, node()} */
		term ref = ref_new(&p->heap, &n);
		term who = build_tuple2(&p->heap, target, ATOM(nonode_nohost));
		term v[5] = {atom_from_cstr("DOWN"), ref, atom_from_cstr("process"), who,
		             atom_from_cstr("noproc")};
		term m = build_tuple(&p->heap, v, 5);
		if (m == THE_NON_VALUE || !proc_deliver(p, m))
			return bif_no_memory(p);
		return ref;
	}
	if (!sig_monitor(p, target, &n))
		return bif_no_memory(p);
	term ref = ref_from_number(&p->heap, n);
	return ref == THE_NON_VALUE ? bif_no_memory(p) : ref;
}

/* An alias mode from alias/1's options or monitor/3's {alias, Mode}; -1
 * for a bad one. */
static int alias_mode(term m)
{
	if (m == atom_from_cstr("explicit_unalias"))
		return ALIAS_EXPLICIT_UNALIAS;
	if (m == atom_from_cstr("demonitor"))
		return ALIAS_DEMONITOR;
	if (m == atom_from_cstr("reply_demonitor"))
		return ALIAS_REPLY_DEMONITOR;
	return -1;
}

static term new_alias(process *p, unsigned mode)
{
	uint64_t n;
	term ref = ref_new(&p->heap, &n);
	if (ref == THE_NON_VALUE || !alias_add(n, p->id, mode))
		return bif_no_memory(p);
	return ref;
}

static term bif_alias_0(process *p, const term *a)
{
	(void)a;
	return new_alias(p, ALIAS_EXPLICIT_UNALIAS);
}

static term bif_alias_1(process *p, const term *a)
{
	unsigned mode = ALIAS_EXPLICIT_UNALIAS;
	for (term l = a[0]; l != NIL; l = list_tail(l)) {
		if (!is_list(l))
			return bif_badarg(p);
		if (list_head(l) == atom_from_cstr("explicit_unalias"))
			mode = ALIAS_EXPLICIT_UNALIAS;
		else if (list_head(l) == atom_from_cstr("reply"))
			mode = ALIAS_REPLY;
		else
			return bif_badarg(p);
	}
	return new_alias(p, mode);
}

static term bif_unalias_1(process *p, const term *a)
{
	uint64_t n;
	if (!is_ref(a[0]))
		return bif_badarg(p);
	return ref_number(a[0], &n) && alias_remove(n, p->id) ? ATOM(true) : ATOM(false);
}

/* monitor(process, Target, [{alias, Mode}]): the monitor's reference is an
 * alias too */
static term bif_monitor_3(process *p, const term *a)
{
	int mode = -1;
	for (term l = a[2]; l != NIL; l = list_tail(l)) {
		if (!is_list(l))
			return bif_badarg(p);
		term o = list_head(l);
		if (!is_tuple(o) || tuple_arity(o) != 2 ||
		    tuple_get(o, 1) != atom_from_cstr("alias") ||
		    (mode = alias_mode(tuple_get(o, 2))) < 0)
			return bif_badarg(p);
	}
	term ref = bif_monitor_2(p, a);
	uint64_t n;
	if (ref != THE_NON_VALUE && mode >= 0 && ref_number(ref, &n) &&
	    !alias_add(n, p->id, (unsigned)mode))
		return bif_no_memory(p);
	return ref;
}

static term demonitor(process *p, term ref, term opts)
{
	bool flush = false, info = false;
	for (term l = opts; l != NIL; l = list_tail(l)) {
		if (!is_list(l))
			return bif_badarg(p);
		if (list_head(l) == atom_from_cstr("flush"))
			flush = true;
		else if (list_head(l) == atom_from_cstr("info"))
			info = true;
		else
			return bif_badarg(p);
	}
	uint64_t n;
	if (!ref_number(ref, &n))
		return is_ref(ref) ? ATOM(false) : bif_badarg(p);
	bool active = sig_demonitor(p, n, flush);
	return info ? (active ? ATOM(true) : ATOM(false)) : ATOM(true);
}

static term bif_demonitor_1(process *p, const term *a) { return demonitor(p, a[0], NIL); }
static term bif_demonitor_2(process *p, const term *a) { return demonitor(p, a[0], a[1]); }

/* exit(Pid, Reason): an exit signal. To itself, a process not trapping
 * exits dies of it now: no catch can stop it. */
static term bif_exit_2(process *p, const term *a)
{
	if (!is_pid(a[0]) && !is_port(a[0]) && !is_ref(a[0]))
		return bif_badarg(p);
	if (a[0] == p->id) {
		if (p->trap_exit && a[1] != ATOM(kill)) {
			term m = build_tuple3(&p->heap, atom_from_cstr("EXIT"), p->id, a[1]);
			if (m == THE_NON_VALUE || !proc_deliver(p, m))
				return bif_no_memory(p);
			return ATOM(true);
		}
		/* even normal ends the caller (OTP's documented exception) */
		bif_raise(p, EXC_EXIT, a[1] == ATOM(kill) ? ATOM(killed) : a[1]);
		p->fflags = PF_UNCATCHABLE | PF_NO_BIF_FRAME;
		return THE_NON_VALUE;
	}
	process *t = proc_lookup(a[0]);
	if (t)
		sig_exit(p->id, t, a[1], false);
	return ATOM(true);
}

static term bif_process_flag_2(process *p, const term *a)
{
	if (a[0] == atom_from_cstr("trap_exit")) {
		if (a[1] != ATOM(true) && a[1] != ATOM(false))
			return bif_badarg(p);
		term old = p->trap_exit ? ATOM(true) : ATOM(false);
		p->trap_exit = a[1] == ATOM(true);
		return old;
	}
	if (a[0] == atom_from_cstr("priority")) {
		int prio = priority_of(a[1]);
		if (prio < 0)
			return bif_badarg(p);
		term old = atom_from_cstr(prio_names[p->priority]);
		p->priority = (unsigned)prio;
		return old;
	}
	if (a[0] == atom_from_cstr("message_queue_data")) {
		term on = atom_from_cstr("on_heap"), off = atom_from_cstr("off_heap");
		if (a[1] != on && a[1] != off)
			return bif_badarg(p);
		term old = p->mq_off_heap ? off : on;
		p->mq_off_heap = a[1] == off;
		return old;
	}
	if (a[0] == atom_from_cstr("min_heap_size") && is_small(a[1]) && small_value(a[1]) >= 0) {
		term old = make_small((int64_t)p->min_heap_size);
		size_t words = gc_next_heap_size((size_t)small_value(a[1]), 0);
		p->min_heap_size = words ? words : p->min_heap_size;
		return old;
	}
	return bif_badarg(p);
}

/* ---- names ---- */

static term bif_register_2(process *p, const term *a)
{
	process *t = proc_lookup(a[1]);
	if (!is_atom(a[0]) || !t || !reg_register(a[0], t))
		return bif_badarg(p);
	return ATOM(true);
}

static term bif_unregister_1(process *p, const term *a)
{
	if (!is_atom(a[0]) || !reg_unregister(a[0]))
		return bif_badarg(p);
	return ATOM(true);
}

static term bif_whereis_1(process *p, const term *a)
{
	if (!is_atom(a[0]))
		return bif_badarg(p);
	term pid = reg_whereis(a[0]);
	return pid == THE_NON_VALUE ? ATOM(undefined) : pid;
}

static term list_of(process *p, size_t (*fill)(term *, size_t), size_t max)
{
	term *v = malloc((max ? max : 1) * sizeof *v);
	if (!v)
		return bif_no_memory(p);
	size_t n = fill(v, max);
	term l = build_list(&p->heap, v, n);
	free(v);
	return l == THE_NON_VALUE ? bif_no_memory(p) : l;
}

static size_t all_names(term *out, size_t max) { return reg_list(out, max); }
static size_t all_pids(term *out, size_t max) { return proc_list(out, max); }

static term bif_registered_0(process *p, const term *a)
{
	(void)a;
	return list_of(p, all_names, 4096);
}

static term bif_processes_0(process *p, const term *a)
{
	(void)a;
	return list_of(p, all_pids, node_process_count());
}

static term bif_is_process_alive_1(process *p, const term *a)
{
	if (!is_local_pid(a[0]))
		return bif_badarg(p);
	process *t = proc_lookup(a[0]);
	return t && proc_state(t) != PROC_EXITING ? ATOM(true) : ATOM(false);
}

static term bif_yield_0(process *p, const term *a)
{
	(void)a;
	p->reds = 0;
	return ATOM(true);
}

/* ---- process_info ---- */

static term links_list(process *p, process *t) { return build_list(&p->heap, t->links, t->nlinks); }

static term monitors_list(process *p, process *t, bool watching)
{
	term l = NIL;
	for (size_t i = t->nmonitors; i-- > 0 && l != THE_NON_VALUE;) {
		const struct monitor *m = &t->monitors[i];
		if (m->watching != watching)
			continue;
		term item = watching ? build_tuple2(&p->heap, atom_from_cstr("process"), m->other)
		                     : m->other;
		l = build_cons(&p->heap, item, l);
	}
	return l;
}

/* caller: the code address process_info was called from (a return
 * address into the caller's code when the JIT called the BIF directly),
 * for current_function of the calling process. */
static term info_value(process *p, process *t, term k, uintptr_t caller)
{
	if (k == atom_from_cstr("registered_name"))
		return t->registered_name == NIL ? NIL : t->registered_name;
	if (k == atom_from_cstr("status"))
		return atom_from_cstr(t == p                              ? "running"
		                      : proc_state(t) == PROC_WAITING ? "waiting"
		                                                      : "runnable");
	if (k == atom_from_cstr("message_queue_len"))
		return make_small(
		    (int64_t)(mbox_count(t) + __atomic_load_n(&t->inbox_len, __ATOMIC_RELAXED)));
	if (k == atom_from_cstr("messages")) {
		term l = NIL;
		for (size_t i = mbox_count(t); i-- > 0 && l != THE_NON_VALUE;)
			l = build_cons(&p->heap,
			               t == p ? mbox_at(t, i) : term_copy(&p->heap, mbox_at(t, i)),
			               l);
		return l;
	}
	if (k == atom_from_cstr("links"))
		return links_list(p, t);
	if (k == atom_from_cstr("monitors"))
		return monitors_list(p, t, true);
	if (k == atom_from_cstr("monitored_by"))
		return monitors_list(p, t, false);
	if (k == atom_from_cstr("trap_exit"))
		return t->trap_exit ? ATOM(true) : ATOM(false);
	if (k == atom_from_cstr("priority"))
		return atom_from_cstr(
		    prio_names[t->priority < PRIO_COUNT ? t->priority : PRIO_NORMAL]);
	if (k == atom_from_cstr("heap_size"))
		return make_small((int64_t)process_heap_size(t));
	if (k == atom_from_cstr("total_heap_size"))
		return make_small((int64_t)process_total_heap_size(t));
	if (k == atom_from_cstr("stack_size"))
		return make_small((int64_t)process_stack_size(t));
	if (k == atom_from_cstr("memory"))
		return make_small((int64_t)(process_heap_bytes(t) + sizeof(process)));
	if (k == atom_from_cstr("reductions"))
		return make_small((int64_t)t->reductions);
	if (k == atom_from_cstr("dictionary"))
		return t == p ? t->dictionary : term_copy(&p->heap, t->dictionary);
	if (k == atom_from_cstr("initial_call"))
		return t == p ? t->initial_call : term_copy(&p->heap, t->initial_call);
	if (k == atom_from_cstr("group_leader"))
		return t->group_leader;
	if (k == atom_from_cstr("error_handler"))
		return atom_from_cstr("error_handler");
	if (k == atom_from_cstr("message_queue_data"))
		/* both take the same path here: a message to a running process
		 * waits outside its heap, one to a waiting process goes in */
		return atom_from_cstr(t->mq_off_heap ? "off_heap" : "on_heap");
	if (k == atom_from_cstr("min_heap_size"))
		return make_small((int64_t)t->min_heap_size);
	if (k == atom_from_cstr("min_bin_vheap_size"))
		return make_small((int64_t)t->min_bin_vheap_size);
	if (k == atom_from_cstr("suspending"))
		return NIL;
	if (k == atom_from_cstr("current_function")) {
		jit_location loc;
		if (t == p) {
			/* the function that called process_info */
			if (jit_locate(caller, &loc))
				return build_tuple3(&p->heap, loc.code->module->name,
				                    loc.func->name, make_small(loc.func->arity));
			return build_tuple3(&p->heap, ATOM(erlang), atom_from_cstr("process_info"),
			                    make_small(2));
		}
		if (!t->started || !jit_locate((uintptr_t)t->resume, &loc))
			return t->initial_call;
		return build_tuple3(&p->heap, loc.code->module->name, loc.func->name,
		                    make_small(loc.func->arity));
	}
	if (k == atom_from_cstr("garbage_collection")) {
		term items[2] = {
		    build_tuple2(&p->heap, atom_from_cstr("minor_gcs"), make_small(t->minor_gcs)),
		    build_tuple2(&p->heap, atom_from_cstr("fullsweep_after"),
		                 make_small(t->fullsweep_after))};
		return build_list(&p->heap, items, 2);
	}
	return THE_NON_VALUE;
}

/* Another process's terms can be read only while it does not run: the
 * BIF is called again (BIF_TRAP) until its lock is free; called some
 * other way, it waits for it (the target yields within a time slice). */
static process *lock_stopped(process *p, const term *a, term pid, bool *trap)
{
	bool busy;
	*trap = false;
	for (;;) {
		process *t = proc_lock_other(p, pid, &busy);
		if (t || !busy)
			return t;
		if (bif_can_trap(p, a)) {
			*trap = true;
			return NULL;
		}
		rt_unlock();
		sched_yield();
		rt_lock();
	}
}

static term process_info_of(process *p, process *t, const term *a, uintptr_t caller);

static term bif_process_info_2(process *p, const term *a)
{
	uintptr_t caller = rt_locked_caller; /* the JIT calls it through rt_call_locked */
	if (!is_local_pid(a[0]))
		return bif_badarg(p);
	bool trap;
	process *t = lock_stopped(p, a, a[0], &trap);
	if (!t)
		return trap ? BIF_TRAP : ATOM(undefined);
	term r = process_info_of(p, t, a, caller);
	proc_unlock_other(p, t);
	return r;
}

static term process_info_of(process *p, process *t, const term *a, uintptr_t caller)
{
	if (is_list(a[1]) || a[1] == NIL) {
		term items[64];
		size_t n = 0;
		for (term l = a[1]; l != NIL; l = list_tail(l)) {
			if (!is_list(l) || n == 64 || !is_atom(list_head(l)))
				return bif_badarg(p);
			term v = info_value(p, t, list_head(l), caller);
			if (v == THE_NON_VALUE)
				return bif_badarg(p);
			items[n++] = build_tuple2(&p->heap, list_head(l), v);
		}
		term r = build_list(&p->heap, items, n);
		return r == THE_NON_VALUE ? bif_no_memory(p) : r;
	}
	if (!is_atom(a[1]))
		return bif_badarg(p);
	term v = info_value(p, t, a[1], caller);
	if (v == THE_NON_VALUE)
		return bif_badarg(p);
	if (a[1] == atom_from_cstr("registered_name") && v == NIL)
		return NIL;
	term r = build_tuple2(&p->heap, a[1], v);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

/* ---- erlang:memory ---- */

/* What kbeam can count: the processes (structures, heaps, stacks,
 * mailboxes); the rest of the VM (code, atoms, tables) as `system`. */
static bool memory_of(term type, uint64_t *bytes)
{
	uint64_t procs = node_process_memory();
	uint64_t system = 0;
	/* the resident size minus the processes, from /proc/self/statm */
	FILE *f = fopen("/proc/self/statm", "r");
	unsigned long pages_total, pages_rss;
	if (f && fscanf(f, "%lu %lu", &pages_total, &pages_rss) == 2) {
		uint64_t rss = (uint64_t)pages_rss * 4096;
		system = rss > procs ? rss - procs : 0;
	}
	if (f)
		fclose(f);
	if (type == atom_from_cstr("processes") || type == atom_from_cstr("processes_used"))
		*bytes = procs;
	else if (type == atom_from_cstr("system"))
		*bytes = system;
	else if (type == atom_from_cstr("total"))
		*bytes = procs + system;
	else
		return false;
	return true;
}

static term bif_memory_1(process *p, const term *a)
{
	uint64_t b;
	if (!is_atom(a[0]) || !memory_of(a[0], &b))
		return bif_badarg(p);
	return make_small((int64_t)b);
}

static term bif_memory_0(process *p, const term *a)
{
	(void)a;
	static const char *const types[] = {"total", "processes", "processes_used", "system"};
	term items[4];
	for (size_t i = 0; i < 4; i++) {
		uint64_t b = 0;
		memory_of(atom_from_cstr(types[i]), &b);
		items[i] = build_tuple2(&p->heap, atom_from_cstr(types[i]), make_small((int64_t)b));
	}
	term l = build_list(&p->heap, items, 4);
	return l == THE_NON_VALUE ? bif_no_memory(p) : l;
}

/* ---- timers (vm/timers.h) ---- */

static term start_timer(process *p, const term *a, bool wrap)
{
	if (!is_small(a[0]) || small_value(a[0]) < 0 || small_value(a[0]) > UINT32_MAX ||
	    (!is_local_pid(a[1]) && !is_atom(a[1])))
		return bif_badarg(p);
	uint64_t n;
	if (!timer_start(a[1], a[2], (uint64_t)small_value(a[0]), wrap, &n))
		return bif_no_memory(p);
	term r = ref_from_number(&p->heap, n);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

static term bif_send_after_3(process *p, const term *a) { return start_timer(p, a, false); }
static term bif_start_timer_3(process *p, const term *a) { return start_timer(p, a, true); }

static term timer_op(process *p, term ref, bool cancel)
{
	uint64_t n, left;
	if (!is_ref(ref))
		return bif_badarg(p);
	if (!ref_number(ref, &n))
		return ATOM(false);
	bool found = cancel ? timer_cancel(n, &left) : timer_read(n, &left);
	return found ? make_small((int64_t)left) : ATOM(false);
}

static term bif_cancel_timer_1(process *p, const term *a) { return timer_op(p, a[0], true); }
static term bif_read_timer_1(process *p, const term *a) { return timer_op(p, a[0], false); }

static term bif_process_info_1(process *p, const term *a)
{
	/* OTP's list, registered_name only when there is one */
	static const char *const items[] = {"registered_name",   "current_function",
	                                    "initial_call",      "status",
	                                    "message_queue_len", "links",
	                                    "dictionary",        "trap_exit",
	                                    "error_handler",     "priority",
	                                    "group_leader",      "total_heap_size",
	                                    "heap_size",         "stack_size",
	                                    "reductions",        "garbage_collection",
	                                    "suspending"};
	uintptr_t caller = rt_locked_caller; /* the JIT calls it through rt_call_locked */
	enum { N = sizeof items / sizeof items[0] };
	if (!is_local_pid(a[0]))
		return bif_badarg(p);
	bool trap;
	process *t = lock_stopped(p, a, a[0], &trap);
	if (!t)
		return trap ? BIF_TRAP : ATOM(undefined);
	term v[N];
	size_t n = 0;
	for (size_t i = 0; i < N; i++) {
		term k = atom_from_cstr(items[i]);
		if (k == atom_from_cstr("registered_name") && t->registered_name == NIL)
			continue;
		v[n++] = build_tuple2(&p->heap, k, info_value(p, t, k, caller));
	}
	proc_unlock_other(p, t);
	term l = build_list(&p->heap, v, n);
	return l == THE_NON_VALUE ? bif_no_memory(p) : l;
}

static term bif_group_leader_0(process *p, const term *a)
{
	(void)a;
	return p->group_leader;
}

static term bif_group_leader_2(process *p, const term *a)
{
	process *t = proc_lookup(a[1]);
	if (!is_pid(a[0]) || !t)
		return bif_badarg(p);
	__atomic_store_n(&t->group_leader, a[0], __ATOMIC_RELAXED);
	return ATOM(true);
}

/* garbage_collect(Pid): collects another process now, while it does not
 * run, or the caller itself through garbage_collect/0. */
static term bif_garbage_collect_1(process *p, const term *a)
{
	if (!is_local_pid(a[0]))
		return bif_badarg(p);
	if (a[0] == p->id)
		return gc_collect_major(p, 0, p->x, 0) == 0 ? ATOM(true) : bif_no_memory(p);
	bool trap;
	process *t = lock_stopped(p, a, a[0], &trap);
	if (!t)
		return trap ? BIF_TRAP : ATOM(false);
	/* in the middle of a BIF that keeps pointers into its heap: it
	 * collects by itself once that is done, as OTP collects a busy
	 * process later */
	int r = t->trap_state ? 0 : gc_collect_major(t, 0, t->xsave, t->xsave_len);
	proc_unlock_other(p, t);
	return r == 0 ? ATOM(true) : bif_no_memory(p);
}

static term int_pair(process *p, uint64_t a, uint64_t b)
{
	return build_tuple2(&p->heap, make_small((int64_t)a), make_small((int64_t)b));
}

static term bif_statistics_1(process *p, const term *a)
{
	struct sched_stats st;
	term k = a[0], r = THE_NON_VALUE;
	sched_stats(&st, k == atom_from_cstr("exact_reductions"));
	if (k == atom_from_cstr("reductions") || k == atom_from_cstr("exact_reductions"))
		r = int_pair(p, st.reductions, st.reductions_since);
	else if (k == atom_from_cstr("runtime"))
		r = int_pair(p, st.runtime_ms, st.runtime_since);
	else if (k == atom_from_cstr("wall_clock"))
		r = int_pair(p, st.wall_ms, st.wall_since);
	else if (k == atom_from_cstr("context_switches"))
		r = int_pair(p, st.context_switches, 0);
	else if (k == atom_from_cstr("run_queue") ||
	         k == atom_from_cstr("total_run_queue_lengths") ||
	         k == atom_from_cstr("total_run_queue_lengths_all"))
		return make_small((int64_t)st.run_queue);
	else if (k == atom_from_cstr("total_active_tasks") ||
	         k == atom_from_cstr("total_active_tasks_all"))
		return make_small((int64_t)(st.run_queue + st.running));
	else if (k == atom_from_cstr("run_queue_lengths") ||
	         k == atom_from_cstr("run_queue_lengths_all") ||
	         k == atom_from_cstr("active_tasks") || k == atom_from_cstr("active_tasks_all")) {
		/* one per scheduler; active counts the one it runs too */
		bool active = k == atom_from_cstr("active_tasks") ||
		              k == atom_from_cstr("active_tasks_all");
		r = NIL;
		for (unsigned i = sched_count(); i-- > 0 && r != THE_NON_VALUE;)
			r = build_cons(&p->heap,
			               make_small((int64_t)(sched_queue_length(i) +
			                                    (active && sched_busy(i) ? 1 : 0))),
			               r);
	} else if (k == atom_from_cstr("scheduler_wall_time") ||
	           k == atom_from_cstr("scheduler_wall_time_all"))
		return ATOM(undefined); /* not enabled (system_flag) */
	else if (k == atom_from_cstr("garbage_collection"))
		r = build_tuple3(&p->heap, make_small((int64_t)gc_total_count()),
		                 make_small((int64_t)gc_total_reclaimed()), make_small(0));
	else if (k == atom_from_cstr("io"))
		r = build_tuple2(&p->heap,
		                 build_tuple2(&p->heap, atom_from_cstr("input"), make_small(0)),
		                 build_tuple2(&p->heap, atom_from_cstr("output"), make_small(0)));
	else
		return bif_badarg(p);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

#define R (BIF_NEEDS_PROCESS | BIF_RUNTIME_LOCK)
const bif_def bif_family_erlang_procs[] = {
    {"erlang", "alias", 0, bif_alias_0, R},
    {"erlang", "alias", 1, bif_alias_1, R},
    {"erlang", "unalias", 1, bif_unalias_1, R},
    {"erlang", "monitor", 3, bif_monitor_3, R},
    {"erlang", "statistics", 1, bif_statistics_1, R},
    {"erlang", "process_info", 1, bif_process_info_1, R | BIF_TRAPS},
    {"erlang", "group_leader", 0, bif_group_leader_0, R},
    {"erlang", "group_leader", 2, bif_group_leader_2, R},
    {"erlang", "garbage_collect", 1, bif_garbage_collect_1, R | BIF_TRAPS},
    {"erlang", "memory", 0, bif_memory_0, R},
    {"erlang", "memory", 1, bif_memory_1, R},
    {"erlang", "send_after", 3, bif_send_after_3, R},
    {"erlang", "start_timer", 3, bif_start_timer_3, R},
    {"erlang", "cancel_timer", 1, bif_cancel_timer_1, R},
    {"erlang", "read_timer", 1, bif_read_timer_1, R},
    {"erlang", "spawn", 1, bif_spawn_1, R},
    {"erlang", "spawn", 3, bif_spawn_3, R},
    {"erlang", "spawn_link", 1, bif_spawn_link_1, R},
    {"erlang", "spawn_link", 3, bif_spawn_link_3, R},
    {"erlang", "spawn_monitor", 1, bif_spawn_monitor_1, R},
    {"erlang", "spawn_monitor", 3, bif_spawn_monitor_3, R},
    {"erlang", "spawn_opt", 2, bif_spawn_opt_2, R},
    {"erlang", "spawn_opt", 4, bif_spawn_opt_4, R},
    {"erlang", "link", 1, bif_link_1, R},
    {"erlang", "unlink", 1, bif_unlink_1, R},
    {"erlang", "monitor", 2, bif_monitor_2, R},
    {"erlang", "demonitor", 1, bif_demonitor_1, R},
    {"erlang", "demonitor", 2, bif_demonitor_2, R},
    {"erlang", "exit", 2, bif_exit_2, R},
    {"erlang", "process_flag", 2, bif_process_flag_2, R},
    {"erlang", "register", 2, bif_register_2, R},
    {"erlang", "unregister", 1, bif_unregister_1, R},
    {"erlang", "whereis", 1, bif_whereis_1, R},
    {"erlang", "registered", 0, bif_registered_0, R},
    {"erlang", "processes", 0, bif_processes_0, R},
    {"erlang", "is_process_alive", 1, bif_is_process_alive_1, R},
    {"erlang", "yield", 0, bif_yield_0, R},
    {"erlang", "process_info", 2, bif_process_info_2, R | BIF_TRAPS},
    {NULL, NULL, 0, NULL, 0},
};
