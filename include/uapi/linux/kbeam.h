/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kbeam.h - the interface between kbeam.ko (/dev/kbeam) and the kbeam
 * launcher.
 *
 * Each open of /dev/kbeam is one node: the schedulers attached through it,
 * and everything else it holds, go when the file is closed (or its owner
 * dies). Every struct is fixed-size with explicit padding, which must be
 * zero; every ioctl checks its argument and fails with an errno.
 *
 * KBEAM_IOC_VERSION      the ABI version (KBEAM_ABI_VERSION) and features
 * KBEAM_IOC_SCHED_ATTACH binds the calling thread to a CPU as one of the
 *                        node's schedulers (one per CPU per node)
 * KBEAM_IOC_SCHED_DETACH undoes it
 * KBEAM_IOC_PARK         sleeps the calling scheduler until it is kicked,
 *                        its timeout passes, or a signal comes
 * KBEAM_IOC_KICK         wakes a scheduler of the node (a kick before the
 *                        park is not lost)
 * KBEAM_IOC_REGION_ALLOC a memory region for a process: mmap it at the
 *                        offset it gives; its pages come when touched
 * KBEAM_IOC_REGION_FREE  ends it: its pages go, and a touch is SIGBUS
 * KBEAM_IOC_EVENTS_FLUSH hands the calling scheduler's pending process
 *                        events to the tracepoints now
 *
 * io_uring: IORING_OP_URING_CMD on /dev/kbeam with cmd_op KBEAM_URING_PARK
 * and a struct kbeam_park in the SQE's command area parks like the ioctl,
 * but waits in the ring: its completion (res 0 when kicked, -ETIMEDOUT,
 * -ECANCELED when the scheduler detaches) comes with the ring's other
 * completions, so an idle scheduler waits for IO and wake-ups at one
 * point. A queued park without a timeout completes with -ETIMEDOUT after
 * at most KBEAM_URING_PARK_MAX_NS (park again then): kernel 6.1 cannot
 * cancel a queued command, and a ring being torn down waits for it.
 *
 * mmap of /dev/kbeam at KBEAM_CTRL_OFFSET(id), one page, read-only: the
 * control page of the node's scheduler `id` (struct kbeam_ctrl), which the
 * module keeps up to date while a thread is attached there.
 *
 * mmap of /dev/kbeam at KBEAM_EVENTS_OFFSET(id), one page, read-write:
 * scheduler `id`'s event ring (struct kbeam_events). The launcher writes
 * a record there when a process is spawned or exits, only while
 * `enabled` says a kbeam_spawn or kbeam_exit tracepoint is on; the module
 * takes the records at every tick of the scheduler, when it parks, and on
 * KBEAM_IOC_EVENTS_FLUSH (which the launcher calls when the ring is full),
 * and fires the tracepoints with each record's own time. No system call
 * per process, and none at all while no one traces.
 */
#ifndef _UAPI_LINUX_KBEAM_H
#define _UAPI_LINUX_KBEAM_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define KBEAM_ABI_VERSION 1

#define KBEAM_IOC_MAGIC 0xbe

struct kbeam_version {
	__u32 abi;      /* out: KBEAM_ABI_VERSION */
	__u32 max_cpus; /* out: CPUs a scheduler may attach to (0 .. max_cpus - 1) */
	__u64 features; /* out: optional features, KBEAM_FEATURE_* */
};

/* The event rings and KBEAM_IOC_EVENTS_FLUSH (added to ABI 1). */
#define KBEAM_FEATURE_EVENTS (1ULL << 0)
/* `descheduled` and `involuntary` are kept at each switch of the
 * scheduler thread (a preempt notifier), not at the tick.
 */
#define KBEAM_FEATURE_DESCHED_EXACT (1ULL << 1)

struct kbeam_sched_attach {
	__u32 cpu;   /* in: the CPU */
	__u32 id;    /* out: the scheduler's id in the node (kick names it) */
	__u64 flags; /* in: 0 */
};

struct kbeam_park {
	__s64 timeout_ns; /* in: < 0 waits until kicked */
	__u64 flags;      /* in: 0 */
};

struct kbeam_kick {
	__u32 id;  /* in: the scheduler to wake */
	__u32 pad; /* in: 0 */
};

/* A scheduler's control page. The tick counts the module's preemption
 * ticks (a per-CPU timer, every tick_us microseconds, a module parameter)
 * on the scheduler's CPU. `descheduled` is 1 while the OS has taken the
 * core from the scheduler thread (its run queue is for others to steal):
 * with KBEAM_FEATURE_DESCHED_EXACT from the moment the thread is switched
 * out runnable until it is switched back in, else while, at the last
 * tick, another task held the CPU and the scheduler was not parked.
 */
struct kbeam_ctrl {
	__u64 tick;
	__u32 descheduled;
	__u32 attached;          /* 1 while a thread is attached */
	__u64 parks;             /* KBEAM_IOC_PARK calls */
	__u64 kicks;             /* KBEAM_IOC_KICK calls naming it */
	__u64 descheduled_ticks; /* ticks that found it descheduled */
	__u64 involuntary;       /* switches out while runnable (exact only) */
	__u64 reserved[10];      /* zero */
};

/* A process event, 32 bytes. Pids are kbeam's <0.number.serial>. */
#define KBEAM_EVENT_SPAWN 1 /* pid spawned by other (0.0: no parent) */
#define KBEAM_EVENT_EXIT 2  /* pid ended; info: 0 reason normal, 1 other */

struct kbeam_event {
	__u64 time_ns; /* CLOCK_MONOTONIC when it happened */
	__u32 type;    /* KBEAM_EVENT_* */
	__u32 pid_number;
	__u32 pid_serial;
	__u32 other_number;
	__u32 other_serial;
	__u32 info;
};

#define KBEAM_EVENTS_SIZE 4096
#define KBEAM_EVENTS_MAX 127

/* A scheduler's event ring: a single producer (the scheduler thread)
 * and a single consumer (the module). Record i is ev[i % KBEAM_EVENTS_MAX];
 * head and tail count records written and taken, wrapping at 2^32.
 */
struct kbeam_events {
	__u32 head;    /* the launcher's: written (release after the record) */
	__u32 tail;    /* the module's: taken */
	__u32 enabled; /* the module's: 1 while a spawn or exit tracepoint is on */
	__u32 dropped; /* the launcher's: records it could not write */
	__u32 bad;     /* the module's: records it skipped (unknown type) */
	__u32 reserved[3];
	struct kbeam_event ev[KBEAM_EVENTS_MAX];
};

/* uring_cmd op codes (io_uring_sqe.cmd_op) */
#define KBEAM_URING_PARK 0x01
#define KBEAM_URING_PARK_MAX_NS 1000000000LL

struct kbeam_region {
	__u64 size;   /* in: bytes, a multiple of the page size */
	__u64 offset; /* out: the mmap offset of the region */
	__u32 id;     /* out: names it to KBEAM_IOC_REGION_FREE */
	__u32 pad;    /* in: 0 */
};

struct kbeam_region_free {
	__u32 id;
	__u32 pad; /* 0 */
};

/* Region id's mmap offset: regions live above the control pages. */
#define KBEAM_REGION_OFFSET(id) (((__u64)(id) + 1) << 40)
#define KBEAM_REGION_MAX_SIZE (1ULL << 40)

#define KBEAM_CTRL_SIZE 4096
#define KBEAM_CTRL_OFFSET(id) ((__u64)(id) * KBEAM_CTRL_SIZE)
/* Event rings above the control pages, below the regions. */
#define KBEAM_EVENTS_OFFSET(id) ((1ULL << 32) + (__u64)(id) * KBEAM_EVENTS_SIZE)

#define KBEAM_IOC_VERSION _IOR(KBEAM_IOC_MAGIC, 0x00, struct kbeam_version)
#define KBEAM_IOC_SCHED_ATTACH _IOWR(KBEAM_IOC_MAGIC, 0x01, struct kbeam_sched_attach)
#define KBEAM_IOC_SCHED_DETACH _IO(KBEAM_IOC_MAGIC, 0x02)
#define KBEAM_IOC_PARK _IOW(KBEAM_IOC_MAGIC, 0x03, struct kbeam_park)
#define KBEAM_IOC_KICK _IOW(KBEAM_IOC_MAGIC, 0x04, struct kbeam_kick)
#define KBEAM_IOC_REGION_ALLOC _IOWR(KBEAM_IOC_MAGIC, 0x05, struct kbeam_region)
#define KBEAM_IOC_REGION_FREE _IOW(KBEAM_IOC_MAGIC, 0x06, struct kbeam_region_free)
#define KBEAM_IOC_EVENTS_FLUSH _IO(KBEAM_IOC_MAGIC, 0x07)

#endif /* _UAPI_LINUX_KBEAM_H */
