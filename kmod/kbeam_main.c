// SPDX-License-Identifier: GPL-2.0
/*
 * kbeam.ko: the misc device /dev/kbeam. Each open is a node of the kbeam
 * VM; its ioctls (include/uapi/linux/kbeam.h) attach scheduler threads to
 * CPUs, park and kick them. Closing the file releases everything.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include <uapi/linux/kbeam.h>

#include "kbeam.h"

static int kbeam_open(struct inode *inode, struct file *file)
{
	struct kbeam_node *node = kbeam_node_new();

	if (!node)
		return -ENOMEM;
	file->private_data = node;
	return 0;
}

static int kbeam_release(struct inode *inode, struct file *file)
{
	kbeam_node_free(file->private_data);
	return 0;
}

static long kbeam_version(void __user *arg)
{
	struct kbeam_version v = {
		.abi = KBEAM_ABI_VERSION,
		.max_cpus = nr_cpu_ids,
		.features = 0,
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
	default:
		return -ENOTTY;
	}
}

static const struct file_operations kbeam_fops = {
	.owner = THIS_MODULE,
	.open = kbeam_open,
	.release = kbeam_release,
	.unlocked_ioctl = kbeam_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice kbeam_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kbeam",
	.fops = &kbeam_fops,
	.mode = 0660,
};

module_misc_device(kbeam_misc);

MODULE_DESCRIPTION("kbeam: CPU-bound schedulers and process memory for the kbeam BEAM VM");
MODULE_LICENSE("GPL");
