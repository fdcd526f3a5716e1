// SPDX-License-Identifier: GPL-2.0
/*
 * Module-wide counters, readable in /sys/kernel/debug/kbeam/stats.
 */
#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>

#include "kbeam.h"

static atomic64_t counters[KBEAM_STAT_COUNT];
static struct dentry *dir;

static const char * const names[KBEAM_STAT_COUNT] = {
	[KBEAM_STAT_NODES] = "nodes",
	[KBEAM_STAT_OPENS] = "opens",
	[KBEAM_STAT_ATTACHES] = "attaches",
	[KBEAM_STAT_PARKS] = "parks",
	[KBEAM_STAT_KICKS] = "kicks",
	[KBEAM_STAT_TICKS] = "ticks",
	[KBEAM_STAT_REGIONS] = "regions",
	[KBEAM_STAT_NOTIFIERS] = "notifiers",
};

void kbeam_stats_count(enum kbeam_stat what)
{
	atomic64_inc(&counters[what]);
}

void kbeam_stats_add(enum kbeam_stat what, long delta)
{
	atomic64_add(delta, &counters[what]);
}

static int stats_show(struct seq_file *m, void *v)
{
	int i;

	for (i = 0; i < KBEAM_STAT_COUNT; i++)
		seq_printf(m, "%s %lld\n", names[i], atomic64_read(&counters[i]));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(stats);

/* Without debugfs the counters are just not shown. */
void kbeam_stats_init(void)
{
	dir = debugfs_create_dir("kbeam", NULL);
	debugfs_create_file("stats", 0444, dir, NULL, &stats_fops);
}

void kbeam_stats_exit(void)
{
	debugfs_remove_recursive(dir);
}
