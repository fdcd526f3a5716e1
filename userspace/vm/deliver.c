/* Message delivery between processes.
 *
 * A sender that gets the receiver's lock (it is not running, and no other
 * sender holds it) copies the message straight into the receiver's heap
 * and mailbox, after moving the inbox in first so that messages keep the
 * order they were sent in. Otherwise the message is copied into an arena
 * of its own and pushed on the receiver's inbox, a lock-free stack; the
 * receiver (or whoever holds its lock next) takes the whole stack at once
 * and adopts the arenas into its heap, oldest first.
 *
 * Wake-ups without a lost one: the sender pushes, then looks at the
 * state; the scheduler stopping a process in receive sets it waiting,
 * then looks at the inbox (both sequentially consistent), so at least one
 * of them sees the other and makes the process runnable.
 */
#include <stdlib.h>

#include "copy.h"
#include "mailbox.h"
#include "sched.h"

struct inbox_msg {
	struct inbox_msg *next;
	term msg;
	kb_heap arena;
};

static void inbox_push(process *to, struct inbox_msg *m)
{
	m->next = __atomic_load_n(&to->inbox, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(&to->inbox, &m->next, m, true, __ATOMIC_SEQ_CST,
	                                    __ATOMIC_RELAXED))
		;
	__atomic_fetch_add(&to->inbox_len, 1, __ATOMIC_RELAXED);
}

/* The inbox, oldest first, taken out of p. */
static struct inbox_msg *inbox_take(process *p)
{
	struct inbox_msg *m = __atomic_exchange_n(&p->inbox, NULL, __ATOMIC_SEQ_CST);
	struct inbox_msg *oldest = NULL;
	while (m) {
		struct inbox_msg *n = m->next;
		m->next = oldest;
		oldest = m;
		m = n;
	}
	return oldest;
}

void proc_take_inbox(process *p)
{
	struct inbox_msg *m = inbox_take(p);
	while (m) {
		struct inbox_msg *n = m->next;
		heap_adopt(&p->heap, &m->arena);
		mbox_push(p, m->msg);
		__atomic_fetch_sub(&p->inbox_len, 1, __ATOMIC_RELAXED);
		free(m);
		m = n;
	}
}

void proc_take_inbox_drop(process *p)
{
	struct inbox_msg *m = inbox_take(p);
	while (m) {
		struct inbox_msg *n = m->next;
		heap_free(&m->arena);
		free(m);
		m = n;
	}
	p->inbox_len = 0;
}

void proc_drop_pending(process *p)
{
	if (p->pending_arena) {
		heap_free(p->pending_arena);
		free(p->pending_arena);
		p->pending_arena = NULL;
	}
}

/* The message in an arena of its own, sized to it. */
static struct inbox_msg *arena_copy(term msg)
{
	struct inbox_msg *m = malloc(sizeof *m);
	if (!m)
		return NULL;
	heap_init(&m->arena);
	m->msg = term_copy_exact(&m->arena, msg);
	if (m->msg == THE_NON_VALUE) {
		free(m);
		return NULL;
	}
	return m;
}

bool proc_deliver(process *to, term msg)
{
	unsigned st = proc_state(to);
	if (st == PROC_FREE || st == PROC_EXITING)
		return true;
	if (to == sched_current()) {
		/* the caller's own mailbox (a signal it sends itself): the
		 * message may live on a heap about to go, so it is copied */
		if (!is_immed(msg))
			msg = term_copy(&to->heap, msg);
		return msg != THE_NON_VALUE && mbox_push(to, msg);
	}
	if (proc_trylock(to)) {
		bool ok = true;
		if (proc_state(to) != PROC_EXITING) {
			if (proc_inbox_nonempty(to))
				proc_take_inbox(to);
			term m = is_immed(msg) ? msg : term_copy(&to->heap, msg);
			ok = m != THE_NON_VALUE && mbox_push(to, m);
		}
		proc_unlock(to);
		if (ok)
			sched_make_runnable(to);
		return ok;
	}
	struct inbox_msg *m = arena_copy(msg);
	if (!m)
		return false;
	inbox_push(to, m);
	sched_make_runnable(to);
	return true;
}
