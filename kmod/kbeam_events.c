// SPDX-License-Identifier: GPL-2.0
/*
 * Process events: each scheduler has a ring page (struct kbeam_events)
 * that the launcher maps read-write and writes a record into when a
 * process is spawned or exits. The module takes the records at the
 * scheduler's tick, when it parks and on KBEAM_IOC_EVENTS_FLUSH, and fires
 * the kbeam_spawn and kbeam_exit tracepoints with each record's time. So
 * a spawn costs no system call, and while no one traces (`enabled` is 0)
 * the launcher writes nothing at all.
 *
 * Userspace can write anything to the page: the module keeps its own
 * tail, reads each field once, and never trusts head beyond the ring's
 * size.
 */
#include <linux/mm.h>
#include <linux/spinlock.h>

#include "kbeam.h"
#include "kbeam_trace.h"

static bool tracing(void)
{
	return trace_kbeam_spawn_enabled() || trace_kbeam_exit_enabled();
}

/* Takes the scheduler's pending records; any context. */
void kbeam_events_drain(struct kbeam_sched *s)
{
	struct kbeam_events *e = s->events;
	unsigned long flags;
	u32 head, n;

	if (!spin_trylock_irqsave(&s->events_lock, flags))
		return;	/* someone is taking them: they are not lost */
	WRITE_ONCE(e->enabled, tracing());
	/* pairs with the launcher's release: the records before head are whole */
	head = smp_load_acquire(&e->head);
	n = head - s->events_tail;
	if (n > KBEAM_EVENTS_MAX) {
		/* not a count the launcher can have written: start afresh */
		WRITE_ONCE(e->bad, e->bad + n);
		s->events_tail = head;
		n = 0;
	}
	while (n--) {
		struct kbeam_event *ev = &e->ev[s->events_tail % KBEAM_EVENTS_MAX];
		u64 time_ns = READ_ONCE(ev->time_ns);
		u32 type = READ_ONCE(ev->type);
		u32 pid_number = READ_ONCE(ev->pid_number);
		u32 pid_serial = READ_ONCE(ev->pid_serial);
		u32 other_number = READ_ONCE(ev->other_number);
		u32 other_serial = READ_ONCE(ev->other_serial);
		u32 info = READ_ONCE(ev->info);

		switch (type) {
		case KBEAM_EVENT_SPAWN:
			trace_kbeam_spawn(s->cpu, time_ns, pid_number, pid_serial, other_number,
					  other_serial);
			break;
		case KBEAM_EVENT_EXIT:
			trace_kbeam_exit(s->cpu, time_ns, pid_number, pid_serial, info == 0);
			break;
		default:
			WRITE_ONCE(e->bad, e->bad + 1);
			break;
		}
		s->events_tail++;
	}
	/* the launcher may reuse the slots once it sees the new tail */
	smp_store_release(&e->tail, s->events_tail);
	spin_unlock_irqrestore(&s->events_lock, flags);
}

long kbeam_events_flush(struct kbeam_node *node)
{
	struct kbeam_sched *s = kbeam_current_sched(node);

	if (!s)
		return -EPERM;	/* only a scheduler has a ring to flush */
	kbeam_events_drain(s);
	return 0;
}

/* The ring of a scheduler that attaches: empty, and says whether to write. */
void kbeam_events_reset(struct kbeam_sched *s)
{
	unsigned long flags;

	spin_lock_irqsave(&s->events_lock, flags);
	s->events_tail = 0;
	WRITE_ONCE(s->events->head, 0);
	WRITE_ONCE(s->events->dropped, 0);
	WRITE_ONCE(s->events->bad, 0);
	/* an empty ring, seen whole by the launcher */
	smp_store_release(&s->events->tail, 0);
	WRITE_ONCE(s->events->enabled, tracing());
	spin_unlock_irqrestore(&s->events_lock, flags);
}

/* mmap at KBEAM_EVENTS_OFFSET(id): scheduler id's ring, read-write. */
int kbeam_events_mmap(struct kbeam_node *node, struct vm_area_struct *vma)
{
	u64 off = ((u64)vma->vm_pgoff << PAGE_SHIFT) - KBEAM_EVENTS_OFFSET(0);
	u64 id = off / KBEAM_EVENTS_SIZE;

	if (vma->vm_end - vma->vm_start != PAGE_SIZE || PAGE_SIZE != KBEAM_EVENTS_SIZE)
		return -EINVAL;
	if (off % KBEAM_EVENTS_SIZE || id >= node->nscheds)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED) || (vma->vm_flags & VM_EXEC))
		return -EPERM;
	vma->vm_flags &= ~VM_MAYEXEC;
	vma->vm_flags |= VM_DONTEXPAND | VM_DONTDUMP;
	return vm_insert_page(vma, vma->vm_start, node->sched[id].events_page);
}
