/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbeam.ko internals: a node is one open of /dev/kbeam; its schedulers
 * are the threads attached to CPUs through it, each with a control page
 * (struct kbeam_ctrl) and a preemption tick timer on its CPU.
 */
#ifndef KBEAM_KMOD_H
#define KBEAM_KMOD_H

#include <linux/hrtimer.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/mm_types.h>
#include <linux/mutex.h>
#include <linux/pid.h>
#include <linux/wait.h>
#include <uapi/linux/kbeam.h>

struct kbeam_sched {
	struct pid *owner;		/* the attached thread, NULL when free */
	struct task_struct *task;	/* the same, compared only, never used */
	unsigned int cpu;
	wait_queue_head_t wq;
	atomic_t kicked;		/* a kick not yet consumed by a park */
	atomic_t parked;
	atomic64_t kicks;
	struct page *ctrl_page;
	struct kbeam_ctrl *ctrl;	/* its address */
	struct hrtimer tick;
	ktime_t period;
	bool ticking;
	/* the process event ring (kbeam_events.c) */
	struct page *events_page;
	struct kbeam_events *events;	/* its address */
	spinlock_t events_lock;		/* one taker at a time */
	u32 events_tail;		/* records taken: the module's own count */
	/* parks queued through io_uring (kbeam_uring.c), under uring_lock */
	spinlock_t uring_lock;
	struct list_head uring_parks;
	/* keeps ctrl->descheduled (kbeam_desched.c), NULL without one */
	struct kbeam_desched *desched;
};

struct kbeam_node {
	struct mutex lock;	/* attach and detach */
	atomic64_t reserved;	/* bytes of regions (kbeam_region.c) */
	unsigned int nscheds;	/* nr_cpu_ids: sched[cpu] is the one on cpu */
	struct kbeam_sched sched[];
};

/* The tick period in microseconds (module parameter tick_us). */
extern unsigned int kbeam_tick_us;

struct kbeam_node *kbeam_node_new(void);
void kbeam_node_free(struct kbeam_node *node);

long kbeam_sched_attach(struct kbeam_node *node, void __user *arg);
long kbeam_sched_detach(struct kbeam_node *node);
long kbeam_park(struct kbeam_node *node, void __user *arg);
long kbeam_kick(struct kbeam_node *node, void __user *arg);
int kbeam_ctrl_mmap(struct kbeam_node *node, struct vm_area_struct *vma);

/* Process events (kbeam_events.c). */
void kbeam_events_drain(struct kbeam_sched *s);
void kbeam_events_reset(struct kbeam_sched *s);
long kbeam_events_flush(struct kbeam_node *node);
int kbeam_events_mmap(struct kbeam_node *node, struct vm_area_struct *vma);

/* Memory regions (kbeam_region.c). */
extern unsigned int kbeam_node_limit_mb;
long kbeam_region_alloc(struct kbeam_node *node, void __user *arg);
long kbeam_region_free(struct kbeam_node *node, struct file *file, void __user *arg);
int kbeam_region_mmap(struct kbeam_node *node, struct vm_area_struct *vma);
void kbeam_regions_free_node(struct kbeam_node *node);
void kbeam_regions_exit(void);

/* The calling thread's scheduler in the node, or NULL. */
struct kbeam_sched *kbeam_current_sched(struct kbeam_node *node);

/* io_uring parks (kbeam_uring.c). */
struct io_uring_cmd;
int kbeam_uring_cmd(struct io_uring_cmd *cmd, unsigned int issue_flags);
/*
 * A kick: completes a queued io_uring park if there is one, else leaves
 * the kick for the next park and wakes an ioctl park.
 */
void kbeam_wake(struct kbeam_sched *s);
/* From the tick: completes the parks whose time is up. */
void kbeam_uring_expire(struct kbeam_sched *s);
/* The scheduler detaches: its queued parks complete with -ECANCELED. */
void kbeam_uring_cancel(struct kbeam_sched *s);

/*
 * The preempt notifier of an attached scheduler (kbeam_desched.c). Without
 * CONFIG_PREEMPT_NOTIFIERS the tick keeps `descheduled` instead.
 */
#ifdef CONFIG_PREEMPT_NOTIFIERS
#define KBEAM_DESCHED_NOTIFIER 1
struct kbeam_desched;
int kbeam_desched_attach(struct kbeam_sched *s);
void kbeam_desched_release(struct kbeam_sched *s);
void kbeam_desched_init(void);
void kbeam_desched_exit(void);
#else
#define KBEAM_DESCHED_NOTIFIER 0
static inline int kbeam_desched_attach(struct kbeam_sched *s) { return 0; }
static inline void kbeam_desched_release(struct kbeam_sched *s) {}
static inline void kbeam_desched_init(void) {}
static inline void kbeam_desched_exit(void) {}
#endif

/* Statistics under debugfs, kbeam/stats (kbeam_stats.c). */
enum kbeam_stat {
	KBEAM_STAT_NODES,	/* open now */
	KBEAM_STAT_OPENS,
	KBEAM_STAT_ATTACHES,
	KBEAM_STAT_PARKS,
	KBEAM_STAT_KICKS,
	KBEAM_STAT_TICKS,
	KBEAM_STAT_REGIONS,
	KBEAM_STAT_NOTIFIERS,	/* preempt notifiers alive now */
	KBEAM_STAT_COUNT
};

void kbeam_stats_count(enum kbeam_stat what);
void kbeam_stats_add(enum kbeam_stat what, long delta);
void kbeam_stats_init(void);
void kbeam_stats_exit(void);

#endif
