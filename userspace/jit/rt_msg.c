/* Send and the receive instructions. A message is copied into the
 * receiver's mailbox (vm/sched.h proc_deliver); a receive scans the
 * mailbox from mbox[save]: loop_rec looks at the message there,
 * loop_rec_end moves past it, remove_message takes it out and starts the
 * next receive from the first message again. A receive with nothing to
 * look at leaves the scheduler (RUN_WAITING) until a message, an exit
 * signal or its timeout wakes it. */
#include <stdlib.h>
#include <string.h>

#include "rt_msg.h"
#include "vm/mailbox.h"
#include "vm/ref.h"
#include "vm/sched.h"
#include "vm/signals.h"
#include "vm/timers.h"

static term send_badarg(process *p, term dest, term msg)
{
	term *c = heap_alloc(&p->heap, 4);
	bif_badarg(p);
	if (c) {
		c[0] = dest;
		c[1] = make_list(&c[2]);
		c[2] = msg;
		c[3] = NIL;
		rt_set_bif_frame(p, ATOM(erlang), atom_from_cstr("send"), make_list(c));
	}
	return THE_NON_VALUE;
}

term rt_send(process *p, term dest, term msg)
{
	/* to itself: its own mailbox, which no other thread touches while it
	 * runs (they use its inbox) */
	if (dest == p->id) {
		if (!mbox_push(p, msg))
			return bif_no_memory(p);
		return msg;
	}
	if (is_atom(dest)) {
		rt_lock();
		term pid = reg_whereis(dest);
		rt_unlock();
		if (pid == THE_NON_VALUE)
			return send_badarg(p, dest, msg);
		dest = pid;
	} else if (is_tuple(dest) && tuple_arity(dest) == 2 && is_atom(tuple_get(dest, 1)) &&
	           is_atom(tuple_get(dest, 2))) {
		if (tuple_get(dest, 2) != ATOM(nonode_nohost))
			return msg; /* no distribution: dropped as to an unreachable node */
		rt_lock();
		term pid = reg_whereis(tuple_get(dest, 1));
		rt_unlock();
		if (pid == THE_NON_VALUE)
			return msg; /* {Name, Node} to a missing name is not an error */
		dest = pid;
	} else if (is_ref(dest)) {
		/* an alias: to its owner while active, else dropped */
		uint64_t n;
		rt_lock();
		term owner = ref_number(dest, &n) ? alias_target(n) : THE_NON_VALUE;
		rt_unlock();
		if (owner == THE_NON_VALUE)
			return msg;
		dest = owner;
	} else if (!is_pid(dest) && !is_port(dest)) {
		return send_badarg(p, dest, msg);
	}
	if (dest == p->id) {
		/* the message stays on the heap it is on: this process's own */
		if (!mbox_push(p, msg))
			return bif_no_memory(p);
		return msg;
	}
	/* no lock: the receiver's structure outlives this call (proc_table.c) */
	process *to = proc_lookup(dest);
	if (to && !proc_deliver(to, msg))
		return bif_no_memory(p);
	return msg;
}

term rt_peek_message(process *p)
{
	/* an unlocked look first: a message it misses wakes the process
	 * again when it waits (sched.c checks under the lock) */
	if (p->save >= p->mbox_len && proc_inbox_nonempty(p))
		proc_take_inbox(p);
	return mbox_peek(p);
}

void rt_next_message(process *p) { mbox_next(p); }

/* The receive is over: its timeout goes. Only this process arms it;
 * another scheduler may disarm it (when it fires): a stale flag just
 * takes the lock for nothing. */
static void end_wait_timer(process *p)
{
	if (__atomic_load_n(&p->timer_armed, __ATOMIC_RELAXED) ||
	    __atomic_load_n(&p->timed_out, __ATOMIC_RELAXED)) {
		rt_lock();
		timer_disarm_wait(p);
		rt_unlock();
	}
}

void rt_remove_message(process *p)
{
	if (p->save < p->mbox_len)
		mbox_remove(p, p->save - p->mbox_first);
	mbox_reset(p);
	end_wait_timer(p);
}

void rt_reset_save(process *p)
{
	mbox_reset(p);
	end_wait_timer(p);
}

/* A receive waits when its scan found nothing: only a message that comes
 * later wakes it (one scheduler: none can come during the scan). A
 * receive without clauses scans nothing and leaves save at the first
 * message, which must not wake it either. */
bool rt_wait(process *p)
{
	(void)p;
	return false;
}

int rt_wait_timeout(process *p, term timeout)
{
	if (timeout == ATOM(infinity))
		return RT_WAIT_FOREVER;
	int64_t ms;
	if (is_small(timeout) && small_value(timeout) >= 0 && small_value(timeout) <= UINT32_MAX) {
		ms = small_value(timeout);
	} else {
		rt_set_error(p, atom_from_cstr("timeout_value"), THE_NON_VALUE);
		return RT_WAIT_ERROR;
	}
	if (ms == 0)
		return RT_WAIT_TIMEOUT;
	/* the deadline is set once per receive: new messages that do not
	 * match bring the process back here without moving it */
	rt_lock();
	timer_arm_wait(p, (uint64_t)ms);
	rt_unlock();
	return RT_WAIT_FOREVER;
}

/* Receive markers bound to a reference (only a local reference made here
 * can be one: others are never bound). */
void rt_marker_bind(process *p, term marker, term ref)
{
	uint64_t n;
	if (ref_number(ref, &n))
		mbox_marker_bind(p, marker, n);
}

void rt_marker_use(process *p, term ref)
{
	uint64_t n;
	if (ref_number(ref, &n))
		mbox_marker_use(p, n);
}

void rt_marker_clear(process *p, term ref)
{
	uint64_t n;
	if (ref_number(ref, &n))
		mbox_marker_clear(p, n);
}
