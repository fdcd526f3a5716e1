/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbeam.ko internals: a node is one open of /dev/kbeam; its schedulers
 * are the threads attached to CPUs through it.
 */
#ifndef KBEAM_KMOD_H
#define KBEAM_KMOD_H

#include <linux/mutex.h>
#include <linux/pid.h>
#include <linux/wait.h>

struct kbeam_sched {
	struct pid *owner;	/* the attached thread, NULL when free */
	unsigned int cpu;
	wait_queue_head_t wq;
	atomic_t kicked;	/* a kick not yet consumed by a park */
};

struct kbeam_node {
	struct mutex lock;	/* attach and detach */
	unsigned int nscheds;	/* nr_cpu_ids: sched[cpu] is the one on cpu */
	struct kbeam_sched sched[];
};

struct kbeam_node *kbeam_node_new(void);
void kbeam_node_free(struct kbeam_node *node);

long kbeam_sched_attach(struct kbeam_node *node, void __user *arg);
long kbeam_sched_detach(struct kbeam_node *node);
long kbeam_park(struct kbeam_node *node, void __user *arg);
long kbeam_kick(struct kbeam_node *node, void __user *arg);

#endif
