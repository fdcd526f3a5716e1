// SPDX-License-Identifier: GPL-2.0
/*
 * The `descheduled` flag of a scheduler's control page, kept by a preempt
 * notifier on the scheduler thread: switched out while still runnable,
 * the thread has lost its CPU to another task (the launcher's other
 * schedulers may take its run queue), and the flag is set; switched back
 * in, it is cleared.
 *
 * A notifier sits in the thread's own list, which only that thread
 * changes (with preemption off). The thread unregisters it when it
 * detaches. When the slot is released by another thread (the node is
 * closed, or the slot is taken again after its thread exited attached),
 * the notifier is orphaned instead, and unlinks itself at the thread's
 * next switch in or out, or at its final switch when the thread dies.
 * The list walk is still on it then, so the list's reference to it is
 * dropped after an RCU grace period (the walk runs with preemption off);
 * the slot holds the other reference. Each notifier holds the module, so
 * the module cannot go while a thread may still call it, and the control
 * page it writes.
 */
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/refcount.h>
#include <linux/rculist.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "kbeam.h"

enum {
	DESCHED_LINKED,		/* in its thread's list, owned by the slot */
	DESCHED_ORPHANED,	/* in the list, the slot let it go */
	DESCHED_DEAD,		/* out of the list: its thread died */
};

struct kbeam_desched {
	struct preempt_notifier pn;
	atomic_t state;
	refcount_t refs;	/* the slot's and the thread's list's */
	struct page *ctrl_page;	/* a reference */
	struct kbeam_ctrl *ctrl;
	struct rcu_head rcu;
};

static void desched_put(struct kbeam_desched *d)
{
	if (!refcount_dec_and_test(&d->refs))
		return;
	put_page(d->ctrl_page);
	kfree(d);
	kbeam_stats_add(KBEAM_STAT_NOTIFIERS, -1);
	module_put(THIS_MODULE);
}

static void desched_put_rcu(struct rcu_head *rcu)
{
	desched_put(container_of(rcu, struct kbeam_desched, rcu));
}

/*
 * From the notifier itself: out of the list, leaving its link's next
 * pointer for the walk to go on by (preempt_notifier_unregister would
 * poison it).
 */
static void unlink_in_walk(struct kbeam_desched *d)
{
	__hlist_del(&d->pn.link);
	call_rcu(&d->rcu, desched_put_rcu);
}

/* True when the notifier has unlinked itself and must not be used. */
static bool gone_in_walk(struct kbeam_desched *d)
{
	if (READ_ONCE(current->__state) == TASK_DEAD) {
		/* the thread's final switch */
		atomic_set(&d->state, DESCHED_DEAD);
		unlink_in_walk(d);
		return true;
	}
	if (atomic_read(&d->state) == DESCHED_ORPHANED) {
		unlink_in_walk(d);
		return true;
	}
	return false;
}

static void desched_in(struct preempt_notifier *pn, int cpu)
{
	struct kbeam_desched *d = container_of(pn, struct kbeam_desched, pn);

	if (!gone_in_walk(d))
		WRITE_ONCE(d->ctrl->descheduled, 0);
}

static void desched_out(struct preempt_notifier *pn, struct task_struct *next)
{
	struct kbeam_desched *d = container_of(pn, struct kbeam_desched, pn);

	if (gone_in_walk(d))
		return;
	/* still runnable: preempted, not gone to sleep */
	if (task_is_running(current)) {
		WRITE_ONCE(d->ctrl->descheduled, 1);
		WRITE_ONCE(d->ctrl->involuntary, d->ctrl->involuntary + 1);
	}
}

static struct preempt_ops desched_ops = {
	.sched_in = desched_in,
	.sched_out = desched_out,
};

/* From the attaching thread. */
int kbeam_desched_attach(struct kbeam_sched *s)
{
	struct kbeam_desched *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	atomic_set(&d->state, DESCHED_LINKED);
	refcount_set(&d->refs, 2);
	get_page(s->ctrl_page);
	d->ctrl_page = s->ctrl_page;
	d->ctrl = s->ctrl;
	__module_get(THIS_MODULE);
	kbeam_stats_add(KBEAM_STAT_NOTIFIERS, 1);
	preempt_notifier_init(&d->pn, &desched_ops);
	preempt_disable();
	preempt_notifier_register(&d->pn);
	preempt_enable();
	s->desched = d;
	return 0;
}

/* The slot lets its notifier go, from any thread. */
void kbeam_desched_release(struct kbeam_sched *s)
{
	struct kbeam_desched *d = s->desched;

	if (!d)
		return;
	s->desched = NULL;
	/*
	 * The thread itself: no walk is on the notifier, it goes at once. (A
	 * notifier not dead has a live thread, so `task` names only it.)
	 */
	if (atomic_read(&d->state) != DESCHED_DEAD && s->task == current) {
		preempt_disable();
		preempt_notifier_unregister(&d->pn);
		preempt_enable();
		desched_put(d);
		desched_put(d);
		return;
	}
	atomic_cmpxchg(&d->state, DESCHED_LINKED, DESCHED_ORPHANED);
	desched_put(d);
}

/*
 * The kernel calls preempt notifiers only while their static key is on.
 * Turning it on or off patches the context switch code while every CPU
 * runs it. The module counts the key up when loaded and never down, so
 * only its first load patches, and the key stays on after an unload (as
 * while a KVM guest runs): a switch with no notifier then checks an empty
 * list. Reloads never patch the scheduler again (QEMU's multi-threaded
 * TCG, where the module is tested, has hung in that patching about once
 * in some thousands of flips).
 */
void kbeam_desched_init(void)
{
	preempt_notifier_inc();
}

/* No notifier is left (each holds the module): wait for the last puts. */
void kbeam_desched_exit(void)
{
	rcu_barrier();
}
