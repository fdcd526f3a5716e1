#include "signals.h"

#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "build.h"
#include "mailbox.h"
#include "copy.h"
#include "ref.h"
#include "sched.h"
#include "timers.h"

struct alias_entry {
	uint64_t ref;
	term owner;
	unsigned mode;
};
static struct alias_entry *aliases;
static size_t alias_find(uint64_t ref);

/* ---- links ---- */

static bool has_link(const process *p, term pid)
{
	for (size_t i = 0; i < p->nlinks; i++)
		if (p->links[i] == pid)
			return true;
	return false;
}

static bool add_link(process *p, term pid)
{
	if (has_link(p, pid))
		return true;
	if (p->nlinks == p->links_cap) {
		size_t cap = p->links_cap ? 2 * p->links_cap : 4;
		term *n = realloc(p->links, cap * sizeof *n);
		if (!n)
			return false;
		p->links = n;
		p->links_cap = cap;
	}
	p->links[p->nlinks++] = pid;
	return true;
}

/* An array down to a quarter of its capacity shrinks to half, so that
 * memory comes back after many links or monitors end. */
static void *shrink(void *a, size_t n, size_t *cap, size_t size)
{
	if (*cap <= 16 || n > *cap / 4)
		return a;
	void *s = realloc(a, (*cap / 2) * size);
	if (!s)
		return a;
	*cap /= 2;
	return s;
}

static void remove_link(process *p, term pid)
{
	for (size_t i = 0; i < p->nlinks; i++) {
		if (p->links[i] == pid) {
			p->links[i] = p->links[--p->nlinks];
			p->links = shrink(p->links, p->nlinks, &p->links_cap, sizeof *p->links);
			return;
		}
	}
}

bool sig_link(process *a, process *b)
{
	if (a == b)
		return true;
	return add_link(a, b->id) && add_link(b, a->id);
}

void sig_unlink(process *a, term b)
{
	remove_link(a, b);
	process *pb = proc_lookup(b);
	if (pb)
		remove_link(pb, a->id);
}

/* ---- monitors ---- */

static bool add_monitor(process *p, uint64_t ref, term other, bool watching)
{
	if (p->nmonitors == p->monitors_cap) {
		size_t cap = p->monitors_cap ? 2 * p->monitors_cap : 4;
		struct monitor *n = realloc(p->monitors, cap * sizeof *n);
		if (!n)
			return false;
		p->monitors = n;
		p->monitors_cap = cap;
	}
	p->monitors[p->nmonitors++] = (struct monitor){ref, other, watching};
	return true;
}

/* Removes the entry for ref; its other pid in *other. */
static bool remove_monitor(process *p, uint64_t ref, bool watching, term *other)
{
	for (size_t i = 0; i < p->nmonitors; i++) {
		struct monitor *m = &p->monitors[i];
		if (m->ref == ref && m->watching == watching) {
			if (other)
				*other = m->other;
			*m = p->monitors[--p->nmonitors];
			p->monitors = shrink(p->monitors, p->nmonitors, &p->monitors_cap,
			                     sizeof *p->monitors);
			return true;
		}
	}
	return false;
}

/* {'DOWN', Ref, process, Pid, Reason} to the watcher */
static void send_down(process *watcher, uint64_t ref, term target, term reason)
{
	kb_heap tmp;
	heap_init(&tmp);
	term r = ref_from_number(&tmp, ref);
	term v[5] = {atom_from_cstr("DOWN"), r, atom_from_cstr("process"), target, reason};
	term msg = build_tuple(&tmp, v, 5);
	if (msg != THE_NON_VALUE)
		proc_deliver(watcher, msg);
	heap_free(&tmp);
}

bool sig_monitor(process *watcher, term target, uint64_t *ref)
{
	kb_heap tmp;
	heap_init(&tmp);
	ref_new(&tmp, ref);
	heap_free(&tmp);
	process *t = proc_lookup(target);
	if (!t || proc_state(t) == PROC_EXITING) {
		send_down(watcher, *ref, target, atom_from_cstr("noproc"));
		return true;
	}
	if (t == watcher)
		return true; /* monitoring oneself: never fires */
	return add_monitor(watcher, *ref, target, true) && add_monitor(t, *ref, watcher->id, false);
}

bool sig_demonitor(process *watcher, uint64_t ref, bool flush)
{
	term target;
	bool active = remove_monitor(watcher, ref, true, &target);
	/* a monitor's alias of mode demonitor or reply_demonitor ends too */
	size_t ai = alias_find(ref);
	if (ai != SIZE_MAX && aliases[ai].owner == watcher->id &&
	    aliases[ai].mode != ALIAS_EXPLICIT_UNALIAS)
		alias_remove(ref, watcher->id);
	if (active) {
		process *t = proc_lookup(target);
		if (t)
			remove_monitor(t, ref, false, NULL);
	}
	if (flush) {
		/* drop a 'DOWN' for this monitor already in the mailbox */
		proc_take_inbox(watcher);
		for (size_t i = 0; i < mbox_count(watcher); i++) {
			term m = mbox_at(watcher, i);
			uint64_t n;
			if (is_tuple(m) && tuple_arity(m) == 5 &&
			    tuple_get(m, 1) == atom_from_cstr("DOWN") &&
			    ref_number(tuple_get(m, 2), &n) && n == ref) {
				mbox_remove(watcher, i);
				break;
			}
		}
	}
	return active;
}

/* ---- exit signals ---- */

/* The process ends with `reason` when it next runs, or at the end of
 * its time slice (sched.c): the reason is copied into an arena of its
 * own, since the process's heap belongs to whoever holds its lock. */
static void kill_later(process *to, term reason)
{
	if (to->pending_exit != THE_NON_VALUE)
		return;
	kb_heap *a = malloc(sizeof *a);
	term r = ATOM(killed);
	if (a) {
		heap_init(a);
		r = term_copy(a, reason);
		if (r == THE_NON_VALUE)
			r = ATOM(killed);
		to->pending_arena = a;
	}
	__atomic_store_n(&to->pending_exit, r, __ATOMIC_SEQ_CST);
	if (to->timer_armed)
		timer_disarm_wait(to);
	sched_make_runnable(to);
}

void sig_exit(term from, process *to, term reason, bool from_link)
{
	if (proc_state(to) == PROC_FREE || proc_state(to) == PROC_EXITING)
		return;
	if (from_link && !has_link(to, from))
		return;
	if (from_link)
		remove_link(to, from);
	if (!from_link && reason == ATOM(kill)) {
		kill_later(to, ATOM(killed));
		return;
	}
	if (to->trap_exit) {
		kb_heap tmp;
		heap_init(&tmp);
		term msg = build_tuple3(&tmp, atom_from_cstr("EXIT"), from, reason);
		if (msg != THE_NON_VALUE)
			proc_deliver(to, msg);
		heap_free(&tmp);
		return;
	}
	if (reason == ATOM(normal))
		return;
	kill_later(to, reason);
}

void proc_exit(process *p, term reason)
{
	__atomic_store_n(&p->state, PROC_EXITING, __ATOMIC_SEQ_CST);
	p->exit_reason = reason;
	timer_disarm_wait(p);
	proc_inspect_cancel(p);
	if (p->registered_name != NIL)
		reg_unregister(p->registered_name);
	/* links: an exit signal to each (killed propagates as killed) */
	while (p->nlinks > 0) {
		term other = p->links[--p->nlinks];
		process *o = proc_lookup(other);
		if (o)
			sig_exit(p->id, o, reason, true);
	}
	for (size_t i = 0; i < p->nmonitors; i++) {
		struct monitor *m = &p->monitors[i];
		process *o = proc_lookup(m->other);
		if (!o)
			continue;
		if (m->watching) {
			remove_monitor(o, m->ref, false, NULL);
		} else {
			remove_monitor(o, m->ref, true, NULL);
			send_down(o, m->ref, p->id, reason);
		}
	}
	p->nmonitors = 0;
	alias_drop_owner(p->id);
	sched_free_process(p);
}

/* ---- registered names ---- */

struct reg_entry {
	term name, pid;
};
static struct reg_entry *regs;
static size_t nregs, regs_cap;

term reg_whereis(term name)
{
	for (size_t i = 0; i < nregs; i++)
		if (regs[i].name == name)
			return regs[i].pid;
	return THE_NON_VALUE;
}

bool reg_register(term name, process *p)
{
	if (!is_atom(name) || name == ATOM(undefined) || reg_whereis(name) != THE_NON_VALUE ||
	    p->registered_name != NIL)
		return false;
	if (nregs == regs_cap) {
		size_t cap = regs_cap ? 2 * regs_cap : 16;
		struct reg_entry *n = realloc(regs, cap * sizeof *n);
		if (!n)
			return false;
		regs = n;
		regs_cap = cap;
	}
	regs[nregs++] = (struct reg_entry){name, p->id};
	p->registered_name = name;
	return true;
}

bool reg_unregister(term name)
{
	for (size_t i = 0; i < nregs; i++) {
		if (regs[i].name == name) {
			process *p = proc_lookup(regs[i].pid);
			if (p)
				p->registered_name = NIL;
			regs[i] = regs[--nregs];
			return true;
		}
	}
	return false;
}

size_t reg_list(term *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < nregs && n < max; i++)
		out[n++] = regs[i].name;
	return n;
}

/* ---- aliases ---- */

static size_t naliases, aliases_cap;

bool alias_add(uint64_t ref, term owner, unsigned mode)
{
	if (naliases == aliases_cap) {
		size_t cap = aliases_cap ? 2 * aliases_cap : 16;
		struct alias_entry *n = realloc(aliases, cap * sizeof *n);
		if (!n)
			return false;
		aliases = n;
		aliases_cap = cap;
	}
	aliases[naliases++] = (struct alias_entry){ref, owner, mode};
	return true;
}

static size_t alias_find(uint64_t ref)
{
	for (size_t i = 0; i < naliases; i++)
		if (aliases[i].ref == ref)
			return i;
	return SIZE_MAX;
}

bool alias_remove(uint64_t ref, term owner)
{
	size_t i = alias_find(ref);
	if (i == SIZE_MAX || aliases[i].owner != owner)
		return false;
	aliases[i] = aliases[--naliases];
	return true;
}

term alias_target(uint64_t ref)
{
	size_t i = alias_find(ref);
	if (i == SIZE_MAX)
		return THE_NON_VALUE;
	term owner = aliases[i].owner;
	if (aliases[i].mode == ALIAS_REPLY_DEMONITOR) {
		/* the first message through the alias ends it and its monitor */
		process *p = proc_lookup(owner);
		if (p)
			sig_demonitor(p, ref, false);
		alias_remove(ref, owner);
	} else if (aliases[i].mode == ALIAS_REPLY) {
		alias_remove(ref, owner);
	}
	return owner;
}

void alias_drop_owner(term owner)
{
	for (size_t i = 0; i < naliases;) {
		if (aliases[i].owner == owner)
			aliases[i] = aliases[--naliases];
		else
			i++;
	}
}
