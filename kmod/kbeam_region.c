// SPDX-License-Identifier: GPL-2.0
/*
 * Memory regions for the VM's processes. A region is a range of
 * /dev/kbeam's mmap offsets, KBEAM_REGION_OFFSET(id) on, unique across
 * nodes (ids come from one module-wide table, since every open of the
 * device shares one address_space). The process maps it; each page is
 * allocated when first touched, from a per-CPU pool refilled in batches.
 * A touch outside a live region is SIGBUS. Freeing a region drops it from
 * the table and zaps its mappings, whose pages then return to the kernel.
 *
 * A node may reserve at most node_limit_mb of regions (module parameter,
 * 0: no limit beyond the machine's): past it, allocation fails with
 * ENOMEM, which the VM reports as running out of memory.
 */
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/xarray.h>

#include "kbeam.h"
#include "kbeam_trace.h"

unsigned int kbeam_node_limit_mb;

struct kbeam_region_k {
	struct kbeam_node *owner;
	u64 size;
	struct rcu_head rcu;
};

/* id -> region, every node's */
static DEFINE_XARRAY_ALLOC(regions);

#define POOL_PAGES 32

struct page_pool {
	struct page *pages[POOL_PAGES];
	unsigned int n;
};

static DEFINE_PER_CPU(struct page_pool, pools);

/* A zeroed page, from this CPU's pool when it has one. */
static struct page *pool_get(void)
{
	struct page *batch[POOL_PAGES / 2];
	struct page_pool *pool;
	struct page *page = NULL;
	unsigned long got, i;

	pool = get_cpu_ptr(&pools);
	if (pool->n)
		page = pool->pages[--pool->n];
	put_cpu_ptr(&pools);
	if (!page) {
		memset(batch, 0, sizeof(batch));
		got = alloc_pages_bulk_array(GFP_HIGHUSER, ARRAY_SIZE(batch), batch);
		if (!got)
			return NULL;
		page = batch[--got];
		pool = get_cpu_ptr(&pools);
		for (i = 0; i < got && pool->n < POOL_PAGES; i++)
			pool->pages[pool->n++] = batch[i];
		put_cpu_ptr(&pools);
		for (; i < got; i++)
			__free_page(batch[i]);
	}
	clear_highpage(page);
	return page;
}

void kbeam_regions_exit(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct page_pool *pool = per_cpu_ptr(&pools, cpu);

		while (pool->n)
			__free_page(pool->pages[--pool->n]);
	}
}

long kbeam_region_alloc(struct kbeam_node *node, void __user *arg)
{
	struct kbeam_region r;
	struct kbeam_region_k *k;
	u64 limit = (u64)READ_ONCE(kbeam_node_limit_mb) << 20;
	u32 id;
	int ret;

	if (copy_from_user(&r, arg, sizeof(r)))
		return -EFAULT;
	if (r.pad || !r.size || r.size % PAGE_SIZE || r.size > KBEAM_REGION_MAX_SIZE)
		return -EINVAL;
	if (atomic64_add_return(r.size, &node->reserved) > limit && limit) {
		atomic64_sub(r.size, &node->reserved);
		return -ENOMEM;
	}
	k = kzalloc(sizeof(*k), GFP_KERNEL);
	if (!k) {
		atomic64_sub(r.size, &node->reserved);
		return -ENOMEM;
	}
	k->owner = node;
	k->size = r.size;
	ret = xa_alloc(&regions, &id, k, XA_LIMIT(0, (1u << 20) - 1), GFP_KERNEL);
	if (ret) {
		kfree(k);
		atomic64_sub(r.size, &node->reserved);
		return ret == -EBUSY ? -ENOSPC : ret;
	}
	r.id = id;
	r.offset = KBEAM_REGION_OFFSET(id);
	if (copy_to_user(arg, &r, sizeof(r))) {
		xa_erase(&regions, id);
		kfree(k);
		atomic64_sub(r.size, &node->reserved);
		return -EFAULT;
	}
	kbeam_stats_count(KBEAM_STAT_REGIONS);
	trace_kbeam_region_alloc(id, r.size);
	return 0;
}

/* Takes region id out of the table when node owns it: NULL otherwise. */
static struct kbeam_region_k *take(struct kbeam_node *node, u32 id)
{
	struct kbeam_region_k *k;

	xa_lock(&regions);
	k = xa_load(&regions, id);
	if (k && k->owner == node)
		__xa_erase(&regions, id);
	else
		k = NULL;
	xa_unlock(&regions);
	return k;
}

static void drop(struct kbeam_node *node, struct address_space *mapping, u32 id,
		 struct kbeam_region_k *k)
{
	trace_kbeam_region_free(id, k->size);
	if (mapping)
		unmap_mapping_range(mapping, KBEAM_REGION_OFFSET(id), k->size, 1);
	atomic64_sub(k->size, &node->reserved);
	kfree_rcu(k, rcu);
}

long kbeam_region_free(struct kbeam_node *node, struct file *file, void __user *arg)
{
	struct kbeam_region_free f;
	struct kbeam_region_k *k;

	if (copy_from_user(&f, arg, sizeof(f)))
		return -EFAULT;
	if (f.pad)
		return -EINVAL;
	k = take(node, f.id);
	if (!k)
		return -EINVAL;	/* not a region of this node */
	drop(node, file->f_mapping, f.id, k);
	return 0;
}

/*
 * The node goes: nothing maps its regions any more (a mapping holds the
 * file).
 */
void kbeam_regions_free_node(struct kbeam_node *node)
{
	struct kbeam_region_k *k;
	unsigned long id;

	xa_for_each(&regions, id, k) {
		if (k->owner == node && take(node, id))
			drop(node, NULL, id, k);
	}
}

static vm_fault_t region_fault(struct vm_fault *vmf)
{
	struct kbeam_node *node = vmf->vma->vm_private_data;
	u64 off = (u64)vmf->pgoff << PAGE_SHIFT;
	u32 id = (u32)((off >> 40) - 1);
	u64 at = off & (KBEAM_REGION_MAX_SIZE - 1);
	struct kbeam_region_k *k;
	struct page *page;
	vm_fault_t ret;
	bool live;

	rcu_read_lock();
	k = xa_load(&regions, id);
	live = k && k->owner == node && at < k->size;
	rcu_read_unlock();
	if (!live)
		return VM_FAULT_SIGBUS;
	page = pool_get();
	if (!page)
		return VM_FAULT_OOM;
	ret = vmf_insert_page(vmf->vma, vmf->address, page);
	put_page(page);	/* the mapping holds it now */
	return ret == VM_FAULT_NOPAGE || !ret ? VM_FAULT_NOPAGE : ret;
}

static const struct vm_operations_struct region_vm_ops = {
	.fault = region_fault,
};

int kbeam_region_mmap(struct kbeam_node *node, struct vm_area_struct *vma)
{
	u64 off = (u64)vma->vm_pgoff << PAGE_SHIFT;
	u32 id = (u32)((off >> 40) - 1);
	u64 at = off & (KBEAM_REGION_MAX_SIZE - 1);
	struct kbeam_region_k *k;
	bool ok;

	if (vma->vm_flags & VM_EXEC)
		return -EPERM;
	rcu_read_lock();
	k = xa_load(&regions, id);
	ok = k && k->owner == node && at + (vma->vm_end - vma->vm_start) <= k->size;
	rcu_read_unlock();
	if (!ok)
		return -EINVAL;
	vma->vm_flags &= ~VM_MAYEXEC;
	vma->vm_flags |= VM_MIXEDMAP | VM_DONTEXPAND | VM_DONTDUMP;
	vma->vm_private_data = node;
	vma->vm_ops = &region_vm_ops;
	return 0;
}
