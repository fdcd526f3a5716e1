// SPDX-License-Identifier: GPL-2.0
/*
 * Parking through io_uring: a KBEAM_URING_PARK command of an attached
 * scheduler completes at once when a kick is pending, and is otherwise
 * queued on the scheduler until a kick, its deadline (checked by the
 * scheduler's tick) or its detach completes it. Kernel 6.1 cannot cancel a
 * queued command, so no park waits longer than KBEAM_URING_PARK_MAX_NS:
 * a ring torn down with one queued is never stuck for long.
 *
 * The command's pdu holds its list link, its deadline and its scheduler.
 * Completions run in the submitter's task (io_uring_cmd_complete_in_task),
 * since kicks and ticks come from other threads and from interrupts.
 */
#include <linux/io_uring.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/spinlock.h>

#include "kbeam.h"
#include "kbeam_trace.h"

struct park_pdu {
	struct list_head link;
	u64 deadline;	/* ktime_get_ns() */
	struct kbeam_sched *s;
};

static struct park_pdu *pdu_of(struct io_uring_cmd *cmd)
{
	BUILD_BUG_ON(sizeof(struct park_pdu) > sizeof(cmd->pdu));
	return (struct park_pdu *)cmd->pdu;
}

static void done_kicked(struct io_uring_cmd *cmd, unsigned int issue_flags)
{
	io_uring_cmd_done(cmd, 0, 0, issue_flags);
}

static void done_timed_out(struct io_uring_cmd *cmd, unsigned int issue_flags)
{
	io_uring_cmd_done(cmd, -ETIMEDOUT, 0, issue_flags);
}

static void done_cancelled(struct io_uring_cmd *cmd, unsigned int issue_flags)
{
	io_uring_cmd_done(cmd, -ECANCELED, 0, issue_flags);
}

static struct io_uring_cmd *cmd_of(struct park_pdu *p)
{
	return container_of((void *)p, struct io_uring_cmd, pdu);
}

int kbeam_uring_cmd(struct io_uring_cmd *cmd, unsigned int issue_flags)
{
	const struct kbeam_park *arg = cmd->cmd;
	struct kbeam_node *node = cmd->file->private_data;
	struct park_pdu *p = pdu_of(cmd);
	struct kbeam_sched *s;
	unsigned long flags;
	s64 timeout = READ_ONCE(arg->timeout_ns);

	if (cmd->cmd_op != KBEAM_URING_PARK)
		return -ENOTTY;
	if (READ_ONCE(arg->flags))
		return -EINVAL;
	s = kbeam_current_sched(node);
	if (!s)
		return -EPERM;
	if (timeout < 0 || timeout > KBEAM_URING_PARK_MAX_NS)
		timeout = KBEAM_URING_PARK_MAX_NS;
	WRITE_ONCE(s->ctrl->parks, s->ctrl->parks + 1);
	kbeam_stats_count(KBEAM_STAT_PARKS);
	trace_kbeam_park(s->cpu, timeout, true);
	kbeam_events_drain(s);
	spin_lock_irqsave(&s->uring_lock, flags);
	if (atomic_xchg(&s->kicked, 0)) {
		spin_unlock_irqrestore(&s->uring_lock, flags);
		return 0;
	}
	p->deadline = ktime_get_ns() + timeout;
	p->s = s;
	list_add_tail(&p->link, &s->uring_parks);
	spin_unlock_irqrestore(&s->uring_lock, flags);
	return -EIOCBQUEUED;
}

void kbeam_wake(struct kbeam_sched *s)
{
	struct park_pdu *p = NULL;
	unsigned long flags;

	spin_lock_irqsave(&s->uring_lock, flags);
	if (!list_empty(&s->uring_parks)) {
		p = list_first_entry(&s->uring_parks, struct park_pdu, link);
		list_del(&p->link);
	} else {
		atomic_set(&s->kicked, 1);
	}
	spin_unlock_irqrestore(&s->uring_lock, flags);
	if (p)
		io_uring_cmd_complete_in_task(cmd_of(p), done_kicked);
	else
		wake_up_interruptible(&s->wq);
}

void kbeam_uring_expire(struct kbeam_sched *s)
{
	struct park_pdu *p, *n;
	u64 now = ktime_get_ns();
	LIST_HEAD(due);

	spin_lock(&s->uring_lock);
	list_for_each_entry_safe(p, n, &s->uring_parks, link)
		if (p->deadline <= now)
			list_move_tail(&p->link, &due);
	spin_unlock(&s->uring_lock);
	list_for_each_entry_safe(p, n, &due, link) {
		list_del(&p->link);
		io_uring_cmd_complete_in_task(cmd_of(p), done_timed_out);
	}
}

void kbeam_uring_cancel(struct kbeam_sched *s)
{
	struct park_pdu *p, *n;
	unsigned long flags;
	LIST_HEAD(gone);

	spin_lock_irqsave(&s->uring_lock, flags);
	list_splice_init(&s->uring_parks, &gone);
	spin_unlock_irqrestore(&s->uring_lock, flags);
	list_for_each_entry_safe(p, n, &gone, link) {
		list_del(&p->link);
		io_uring_cmd_complete_in_task(cmd_of(p), done_cancelled);
	}
}
