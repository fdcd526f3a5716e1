// SPDX-License-Identifier: GPL-2.0
/*
 * Schedulers of a node: a thread attaches to one CPU (it is bound there),
 * parks until kicked, and is kicked by any thread of the node. A kick sets
 * a flag the next park consumes, so a kick that comes first is not lost.
 */
#include <linux/cpumask.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <uapi/linux/kbeam.h>

#include "kbeam.h"

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
		init_waitqueue_head(&node->sched[i].wq);
		node->sched[i].cpu = i;
	}
	return node;
}

/* The file is gone: no ioctl of the node runs any more. */
void kbeam_node_free(struct kbeam_node *node)
{
	unsigned int i;

	for (i = 0; i < node->nscheds; i++)
		put_pid(node->sched[i].owner);
	kfree(node);
}

/* The scheduler the calling thread is attached as, or NULL. */
static struct kbeam_sched *current_sched(struct kbeam_node *node)
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
	if (current_sched(node)) {
		ret = -EEXIST;	/* this thread is a scheduler already */
		goto out;
	}
	if (s->owner && owner_alive(s->owner)) {
		ret = -EBUSY;	/* another thread has that CPU */
		goto out;
	}
	put_pid(s->owner);	/* an owner that exited without detaching */
	s->owner = NULL;
	ret = set_cpus_allowed_ptr(current, cpumask_of(a.cpu));
	if (ret)
		goto out;
	a.id = a.cpu;
	if (copy_to_user(arg, &a, sizeof(a))) {
		ret = -EFAULT;
		goto out;
	}
	atomic_set(&s->kicked, 0);
	WRITE_ONCE(s->owner, get_pid(task_pid(current)));
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
	s = current_sched(node);
	if (s) {
		put_pid(s->owner);
		WRITE_ONCE(s->owner, NULL);
		ret = set_cpus_allowed_ptr(current, cpu_possible_mask);
	}
	mutex_unlock(&node->lock);
	return ret;
}

long kbeam_park(struct kbeam_node *node, void __user *arg)
{
	struct kbeam_sched *s = current_sched(node);
	struct kbeam_park p;
	long left;

	if (copy_from_user(&p, arg, sizeof(p)))
		return -EFAULT;
	if (p.flags)
		return -EINVAL;
	if (!s)
		return -EPERM;	/* only an attached scheduler parks */
	if (p.timeout_ns < 0) {
		left = wait_event_interruptible(s->wq, atomic_xchg(&s->kicked, 0));
	} else {
		left = wait_event_interruptible_timeout(s->wq, atomic_xchg(&s->kicked, 0),
							nsecs_to_jiffies(p.timeout_ns));
		left = left > 0 ? 0 : left == 0 ? -ETIMEDOUT : left;
	}
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
	atomic_set(&s->kicked, 1);
	wake_up_interruptible(&s->wq);
	return 0;
}
