// SPDX-License-Identifier: GPL-2.0
/*
 * kbeam.ko: the misc device /dev/kbeam. Each open is a node of the kbeam
 * VM; its ioctls (include/uapi/linux/kbeam.h) attach scheduler threads to
 * CPUs, park and kick them. Closing the file releases everything.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/uaccess.h>
#include <uapi/linux/kbeam.h>

#include "kbeam.h"

#define CREATE_TRACE_POINTS
#include "kbeam_trace.h"

unsigned int kbeam_tick_us = 1000;

static int tick_us_set(const char *val, const struct kernel_param *kp)
{
	unsigned int us;
	int ret = kstrtouint(val, 0, &us);

	if (ret)
		return ret;
	if (us < 100 || us > 1000000)
		return -EINVAL;
	WRITE_ONCE(kbeam_tick_us, us);
	return 0;
}

static const struct kernel_param_ops tick_us_ops = {
	.set = tick_us_set,
	.get = param_get_uint,
};

module_param_cb(tick_us, &tick_us_ops, &kbeam_tick_us, 0644);
MODULE_PARM_DESC(tick_us, "preemption tick period of attached schedulers, 100..1000000 us");

module_param_named(node_limit_mb, kbeam_node_limit_mb, uint, 0644);
MODULE_PARM_DESC(node_limit_mb, "most MB of memory regions per node (0: no limit)");

static int kbeam_open(struct inode *inode, struct file *file)
{
	struct kbeam_node *node = kbeam_node_new();

	if (!node)
		return -ENOMEM;
	file->private_data = node;
	kbeam_stats_add(KBEAM_STAT_NODES, 1);
	kbeam_stats_count(KBEAM_STAT_OPENS);
	return 0;
}

static int kbeam_release(struct inode *inode, struct file *file)
{
	kbeam_node_free(file->private_data);
	kbeam_stats_add(KBEAM_STAT_NODES, -1);
	return 0;
}

/* Control pages at small offsets, event rings from
 * KBEAM_EVENTS_OFFSET(0), regions from KBEAM_REGION_OFFSET(0).
 */
static int kbeam_mmap(struct file *file, struct vm_area_struct *vma)
{
	u64 off = (u64)vma->vm_pgoff << PAGE_SHIFT;

	if (off >= KBEAM_REGION_OFFSET(0))
		return kbeam_region_mmap(file->private_data, vma);
	if (off >= KBEAM_EVENTS_OFFSET(0))
		return kbeam_events_mmap(file->private_data, vma);
	return kbeam_ctrl_mmap(file->private_data, vma);
}

static long kbeam_version(void __user *arg)
{
	struct kbeam_version v = {
		.abi = KBEAM_ABI_VERSION,
		.max_cpus = nr_cpu_ids,
		.features = KBEAM_FEATURE_EVENTS |
			    (KBEAM_DESCHED_NOTIFIER ? KBEAM_FEATURE_DESCHED_EXACT : 0),
	};

	return copy_to_user(arg, &v, sizeof(v)) ? -EFAULT : 0;
}

static long kbeam_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct kbeam_node *node = file->private_data;
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case KBEAM_IOC_VERSION:
		return kbeam_version(uarg);
	case KBEAM_IOC_SCHED_ATTACH:
		return kbeam_sched_attach(node, uarg);
	case KBEAM_IOC_SCHED_DETACH:
		return kbeam_sched_detach(node);
	case KBEAM_IOC_PARK:
		return kbeam_park(node, uarg);
	case KBEAM_IOC_KICK:
		return kbeam_kick(node, uarg);
	case KBEAM_IOC_REGION_ALLOC:
		return kbeam_region_alloc(node, uarg);
	case KBEAM_IOC_REGION_FREE:
		return kbeam_region_free(node, file, uarg);
	case KBEAM_IOC_EVENTS_FLUSH:
		return kbeam_events_flush(node);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations kbeam_fops = {
	.owner = THIS_MODULE,
	.open = kbeam_open,
	.release = kbeam_release,
	.unlocked_ioctl = kbeam_ioctl,
	.mmap = kbeam_mmap,
	.uring_cmd = kbeam_uring_cmd,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice kbeam_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kbeam",
	.fops = &kbeam_fops,
	.mode = 0660,
};

static int __init kbeam_init(void)
{
	int ret = misc_register(&kbeam_misc);

	if (ret)
		return ret;
	kbeam_stats_init();
	kbeam_desched_init();
	return 0;
}

static void __exit kbeam_exit(void)
{
	misc_deregister(&kbeam_misc);
	kbeam_stats_exit();
	kbeam_regions_exit();
	kbeam_desched_exit();
}

module_init(kbeam_init);
module_exit(kbeam_exit);

MODULE_DESCRIPTION("kbeam: CPU-bound schedulers and process memory for the kbeam BEAM VM");
MODULE_LICENSE("GPL");
