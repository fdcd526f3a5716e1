// SPDX-License-Identifier: GPL-2.0
/*
 * Schedulers of a node: a thread attaches to one CPU (it is bound there),
 * parks until kicked, and is kicked by any thread of the node. A kick sets
 * a flag the next park consumes, so a kick that comes first is not lost.
 *
 * While a thread is attached, a timer pinned to its CPU ticks every
 * tick_us: it counts the tick in the scheduler's control page and whether
 * the OS has given the CPU to another task while the scheduler is not
 * parked (descheduled_ticks). The `descheduled` flag itself is kept at
 * each switch by a preempt notifier (kbeam_desched.c), or by the tick
 * without one. The page is mapped read-only by userspace.
 */
#include <linux/cpumask.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "kbeam.h"
#include "kbeam_trace.h"

static enum hrtimer_restart kbeam_tick(struct hrtimer *t)
{
	struct kbeam_sched *s = container_of(t, struct kbeam_sched, tick);
	struct kbeam_ctrl *c = s->ctrl;
	/*
	 * another task runs on the CPU while the scheduler wants it (the
	 * idle task means it does not)
	 */
	bool away = current != s->task && !is_idle_task(current) && !atomic_read(&s->parked);

	WRITE_ONCE(c->tick, c->tick + 1);
	if (!KBEAM_DESCHED_NOTIFIER)
		WRITE_ONCE(c->descheduled, away);
	if (away)
		WRITE_ONCE(c->descheduled_ticks, c->descheduled_ticks + 1);
	kbeam_stats_count(KBEAM_STAT_TICKS);
	kbeam_uring_expire(s);
	kbeam_events_drain(s);
	hrtimer_forward_now(t, s->period);
	return HRTIMER_RESTART;
}

struct kbeam_node *kbeam_node_new(void)
{
	struct kbeam_node *node;
	unsigned int i;

	node = kzalloc(struct_size(node, sched, nr_cpu_ids), GFP_KERNEL);
	if (!node)
		return NULL;
	mutex_init(&node->lock);
	node->nscheds = nr_cpu_ids;
	for (i = 0; i < node->nscheds; i++) {
		struct kbeam_sched *s = &node->sched[i];

		init_waitqueue_head(&s->wq);
		spin_lock_init(&s->uring_lock);
		spin_lock_init(&s->events_lock);
		INIT_LIST_HEAD(&s->uring_parks);
		s->cpu = i;
		hrtimer_init(&s->tick, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED);
		s->tick.function = kbeam_tick;
		s->ctrl_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!s->ctrl_page) {
			kbeam_node_free(node);
			return NULL;
		}
		s->ctrl = page_address(s->ctrl_page);
		s->events_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!s->events_page) {
			kbeam_node_free(node);
			return NULL;
		}
		s->events = page_address(s->events_page);
	}
	return node;
}

static void stop_tick(struct kbeam_sched *s)
{
	if (s->ticking) {
		hrtimer_cancel(&s->tick);
		s->ticking = false;
	}
}

/* Frees the slot of a thread that is gone or detaching. */
static void release_slot(struct kbeam_sched *s)
{
	stop_tick(s);
	kbeam_desched_release(s);
	if (s->owner && s->events)
		kbeam_events_drain(s);	/* what the scheduler wrote last */
	kbeam_uring_cancel(s);
	put_pid(s->owner);
	WRITE_ONCE(s->owner, NULL);
	s->task = NULL;
	if (s->ctrl) {
		WRITE_ONCE(s->ctrl->attached, 0);
		WRITE_ONCE(s->ctrl->descheduled, 0);
	}
}

/* The file is gone: no ioctl of the node runs any more. A page still
 * mapped in some process stays until it is unmapped.
 */
void kbeam_node_free(struct kbeam_node *node)
{
	unsigned int i;

	kbeam_regions_free_node(node);
	for (i = 0; i < node->nscheds; i++) {
		release_slot(&node->sched[i]);
		if (node->sched[i].ctrl_page)
			__free_page(node->sched[i].ctrl_page);
		if (node->sched[i].events_page)
			__free_page(node->sched[i].events_page);
	}
	kfree(node);
}

struct kbeam_sched *kbeam_current_sched(struct kbeam_node *node)
{
	struct pid *me = task_pid(current);
	unsigned int i;

	for (i = 0; i < node->nscheds; i++)
		if (READ_ONCE(node->sched[i].owner) == me)
			return &node->sched[i];
	return NULL;
}

static bool owner_alive(struct pid *pid)
{
	bool alive;

	rcu_read_lock();
	alive = pid_task(pid, PIDTYPE_PID);
	rcu_read_unlock();
	return alive;
}

long kbeam_sched_attach(struct kbeam_node *node, void __user *arg)
{
	struct kbeam_sched_attach a;
	struct kbeam_sched *s;
	long ret;

	if (copy_from_user(&a, arg, sizeof(a)))
		return -EFAULT;
	if (a.flags)
		return -EINVAL;
	if (a.cpu >= node->nscheds || !cpu_online(a.cpu))
		return -EINVAL;
	mutex_lock(&node->lock);
	s = &node->sched[a.cpu];
	if (kbeam_current_sched(node)) {
		ret = -EEXIST;	/* this thread is a scheduler already */
		goto out;
	}
	if (s->owner && owner_alive(s->owner)) {
		ret = -EBUSY;	/* another thread has that CPU */
		goto out;
	}
	release_slot(s);	/* an owner that exited without detaching */
	ret = set_cpus_allowed_ptr(current, cpumask_of(a.cpu));
	if (ret)
		goto out;
	a.id = a.cpu;
	if (copy_to_user(arg, &a, sizeof(a))) {
		ret = -EFAULT;
		goto out;
	}
	ret = kbeam_desched_attach(s);
	if (ret)
		goto out;
	atomic_set(&s->kicked, 0);
	atomic_set(&s->parked, 0);
	s->task = current;
	WRITE_ONCE(s->owner, get_pid(task_pid(current)));
	WRITE_ONCE(s->ctrl->attached, 1);
	kbeam_events_reset(s);
	/* the thread runs on a.cpu now: the timer is pinned there */
	s->period = ns_to_ktime((u64)READ_ONCE(kbeam_tick_us) * NSEC_PER_USEC);
	hrtimer_start(&s->tick, s->period, HRTIMER_MODE_REL_PINNED);
	s->ticking = true;
	kbeam_stats_count(KBEAM_STAT_ATTACHES);
	trace_kbeam_attach(a.cpu);
	ret = 0;
out:
	mutex_unlock(&node->lock);
	return ret;
}

long kbeam_sched_detach(struct kbeam_node *node)
{
	struct kbeam_sched *s;
	long ret = -EINVAL;

	mutex_lock(&node->lock);
	s = kbeam_current_sched(node);
	if (s) {
		release_slot(s);
		ret = set_cpus_allowed_ptr(current, cpu_possible_mask);
	}
	mutex_unlock(&node->lock);
	return ret;
}

long kbeam_park(struct kbeam_node *node, void __user *arg)
{
	struct kbeam_sched *s = kbeam_current_sched(node);
	struct kbeam_park p;
	long left;

	if (copy_from_user(&p, arg, sizeof(p)))
		return -EFAULT;
	if (p.flags)
		return -EINVAL;
	if (!s)
		return -EPERM;	/* only an attached scheduler parks */
	WRITE_ONCE(s->ctrl->parks, s->ctrl->parks + 1);
	kbeam_stats_count(KBEAM_STAT_PARKS);
	trace_kbeam_park(s->cpu, p.timeout_ns, false);
	kbeam_events_drain(s);	/* no records wait while it sleeps */
	atomic_set(&s->parked, 1);
	if (p.timeout_ns < 0) {
		left = wait_event_interruptible(s->wq, atomic_xchg(&s->kicked, 0));
	} else {
		left = wait_event_interruptible_timeout(s->wq, atomic_xchg(&s->kicked, 0),
							nsecs_to_jiffies(p.timeout_ns));
		left = left > 0 ? 0 : left == 0 ? -ETIMEDOUT : left;
	}
	atomic_set(&s->parked, 0);
	return left;
}

long kbeam_kick(struct kbeam_node *node, void __user *arg)
{
	struct kbeam_kick k;
	struct kbeam_sched *s;

	if (copy_from_user(&k, arg, sizeof(k)))
		return -EFAULT;
	if (k.pad || k.id >= node->nscheds)
		return -EINVAL;
	s = &node->sched[k.id];
	if (!READ_ONCE(s->owner))
		return -EINVAL;	/* no scheduler there */
	WRITE_ONCE(s->ctrl->kicks, atomic64_inc_return(&s->kicks));
	kbeam_stats_count(KBEAM_STAT_KICKS);
	trace_kbeam_kick(s->cpu);
	kbeam_wake(s);
	return 0;
}

/* mmap at KBEAM_CTRL_OFFSET(id): scheduler id's control page, read-only. */
int kbeam_ctrl_mmap(struct kbeam_node *node, struct vm_area_struct *vma)
{
	unsigned long id = vma->vm_pgoff;

	if (vma->vm_end - vma->vm_start != PAGE_SIZE || PAGE_SIZE != KBEAM_CTRL_SIZE)
		return -EINVAL;
	if (id >= node->nscheds)
		return -EINVAL;
	if (vma->vm_flags & (VM_WRITE | VM_EXEC))
		return -EPERM;
	vma->vm_flags &= ~(VM_MAYWRITE | VM_MAYEXEC);
	vma->vm_flags |= VM_DONTEXPAND | VM_DONTDUMP;
	return vm_insert_page(vma, vma->vm_start, node->sched[id].ctrl_page);
}
