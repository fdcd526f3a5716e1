/* A process's memory: its heap and stack block, the old heap, the
 * fragments and the off-heap chains, from birth to death (vm/gc.h). */
#include <errno.h>
#include <stdlib.h>

#include "gc_internal.h"
#include "heap_block.h"

int process_memory_init(process *p, size_t min_heap_words)
{
	size_t size = gc_next_heap_size(min_heap_words ? min_heap_words : PROCESS_MIN_HEAP, 0);
	term *block = size ? heap_block_alloc(size) : NULL;
	if (!block)
		return -ENOMEM;
	heap_init(&p->heap);
	p->heap_start = block;
	p->heap_size = size;
	p->stack_end = p->stop = block + size;
	heap_set_region(&p->heap, block, p->stop);
	p->high_water = block;
	p->old_heap = p->old_htop = p->old_end = NULL;
	p->min_heap_size = size;
	p->fullsweep_after = PROCESS_FULLSWEEP_AFTER;
	p->minor_gcs = 0;
	p->gc_count = 0;
	p->bin_vheap = 0;
	p->bin_old_vheap = 0;
	p->min_bin_vheap_size = GC_MIN_BIN_VHEAP;
	p->bin_vheap_size = GC_MIN_BIN_VHEAP;
	p->bin_old_vheap_size = GC_MIN_BIN_VHEAP;
	p->old_offheap_first = THE_NON_VALUE;
	p->offheap_counted = THE_NON_VALUE;
	p->gc_roots = NULL;
	p->gc_nroots = 0;
	p->gc_flags = 0;
	p->dictionary = NIL;
	p->stacktrace = NIL;
	p->initial_call = NIL;
	p->fvalue = NIL;
	return 0;
}

void process_memory_free(process *p)
{
	heap_free(&p->heap); /* fragments and the young chain */
	gc_offheap_release(p->old_offheap_first);
	p->old_offheap_first = p->offheap_counted = THE_NON_VALUE;
	heap_block_free(p->heap_start);
	heap_block_free(p->old_heap);
	p->heap_start = p->stop = p->stack_end = p->high_water = NULL;
	p->old_heap = p->old_htop = p->old_end = NULL;
	p->heap_size = 0;
	free(p->mbox);
	p->mbox = NULL;
	p->mbox_first = p->mbox_len = p->mbox_cap = p->save = 0;
}

size_t process_heap_words_in_use(const process *p)
{
	return (size_t)(p->heap.top - p->heap_start) + heap_fragment_words(&p->heap) +
	       (size_t)(p->old_htop - p->old_heap);
}

size_t process_heap_size(const process *p) { return p->heap_size; }

size_t process_total_heap_size(const process *p)
{
	return p->heap_size + (size_t)(p->old_end - p->old_heap) + heap_fragment_words(&p->heap);
}

size_t process_stack_size(const process *p) { return (size_t)(p->stack_end - p->stop); }

size_t process_heap_bytes(const process *p) { return process_total_heap_size(p) * sizeof(term); }

bool process_save_x(process *p, const term *x, unsigned n)
{
	if (n > p->xsave_cap) {
		term *s = realloc(p->xsave, n * sizeof *s);
		if (!s)
			return false;
		p->xsave = s;
		p->xsave_cap = n;
	}
	for (unsigned i = 0; i < n; i++)
		p->xsave[i] = x[i];
	p->xsave_len = n;
	return true;
}
