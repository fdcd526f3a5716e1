/* Garbage collection of one process: the choice between minor and major
 * collection, the sizes of the new heaps, and putting the collected
 * process back together (vm/gc.h). */
#include "gc.h"

#include <stdatomic.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "gc_internal.h"
#include "heap_block.h"

/* A request beyond this many words can never be met (gc_sizes.c's limit). */
#define GC_MAX_WORDS ((size_t)1 << 48)

enum { MINOR_REFUSED = 1 };

typedef struct gc_job {
	process *p;
	term *xregs;
	unsigned live;
	size_t need;
	bool major;
	size_t stack;    /* words on the stack */
	size_t young;    /* words of young terms: block and fragments */
	size_t size;     /* the new block's words, as the policy wants it */
	size_t capacity; /* words allocated for the new block */
	term *block;     /* the new block */
	size_t copied;   /* words of young terms after the copy */
	term *old_top;   /* the old heap's top after the copy */
} gc_job;

/* The root arrays, in place: X registers, stack, the process's fields. */
struct roots {
	term *v;
	size_t n;
};
enum { NROOTS = 8 };

static void list_roots(const gc_job *j, struct roots r[NROOTS])
{
	process *p = j->p;
	r[0] = (struct roots){j->xregs, j->live};
	r[1] = (struct roots){p->stop, (size_t)(p->stack_end - p->stop)};
	r[2] = (struct roots){&p->dictionary, 1};
	r[3] = (struct roots){&p->fvalue, 1};
	r[4] = (struct roots){&p->stacktrace, 1};
	r[5] = (struct roots){&p->initial_call, 1};
	r[6] = (struct roots){p->gc_roots, p->gc_nroots};
	r[7] =
	    (struct roots){p->mbox ? p->mbox + p->mbox_first : NULL, p->mbox_len - p->mbox_first};
}

/* OTP's next_heap_size: a size of the sequence, never below the minimum;
 * 0 when none is large enough. */
static size_t heap_size_for(const process *p, size_t words, unsigned offset)
{
	size_t size = gc_next_heap_size(words, offset);
	return size && size < p->min_heap_size ? p->min_heap_size : size;
}

static int compare_areas(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const gc_area *)a)->start;
	uintptr_t y = (uintptr_t)((const gc_area *)b)->start;
	return x < y ? -1 : x > y;
}

/* The from-space: the young heap, the fragments, and for a major
 * collection the old heap; sorted for the copier's binary search. NULL
 * when out of memory. */
static gc_area *from_space(const gc_job *j, size_t *n)
{
	const process *p = j->p;
	const struct heap_chunk *c = NULL;
	term *s, *e;
	size_t count = 2;
	while (heap_fragment_next(&p->heap, &c, &s, &e))
		count++;
	gc_area *a = malloc(count * sizeof *a);
	if (!a)
		return NULL;
	*n = 0;
	a[(*n)++] = (gc_area){p->heap_start, p->heap.top};
	for (c = NULL; heap_fragment_next(&p->heap, &c, &s, &e);)
		a[(*n)++] = (gc_area){s, e};
	if (j->major && p->old_heap)
		a[(*n)++] = (gc_area){p->old_heap, p->old_htop};
	qsort(a, *n, sizeof *a, compare_areas);
	return a;
}

/* Copies everything reachable out of the from-space; false when out of
 * memory (nothing was changed then). */
static bool copy_live(gc_job *j)
{
	process *p = j->p;
	size_t nfrom;
	gc_area *from = from_space(j, &nfrom);
	if (!from)
		return false;
	term *mature_end = p->high_water < p->heap.top ? p->high_water : p->heap.top;
	gc_copier c = {
	    .from = from,
	    .nfrom = nfrom,
	    .mature_start = j->major ? 0 : (uintptr_t)p->heap_start,
	    .mature_end = j->major ? 0 : (uintptr_t)mature_end,
	    .young_top = j->block,
	    .old_top = j->major ? NULL : p->old_htop,
	};
	struct roots r[NROOTS];
	list_roots(j, r);
	for (int i = 0; i < NROOTS; i++)
		gc_copy_slots(&c, r[i].v, r[i].n);
	gc_copy_sweep(&c, j->block, j->major ? NULL : p->old_htop);
	free(from);
	j->copied = (size_t)(c.young_top - j->block);
	j->old_top = c.old_top;
	return true;
}

/* OTP's resizing after a minor collection (minor_collection in erl_gc.c):
 * shrink a large block used under a quarter, grow one that is too small. */
static size_t size_after_minor(const gc_job *j, size_t old_capacity)
{
	const process *p = j->p;
	size_t size = j->size;
	size_t need_after = j->copied + j->need + j->stack;
	if (size > 3000 && 4 * need_after < size && (size > 8000 || size > old_capacity)) {
		size_t wanted = 3 * need_after;
		/* not too small next to the old generation */
		if (wanted * 9 < old_capacity && old_capacity / 8 > wanted)
			wanted = old_capacity / 8;
		wanted = wanted < p->min_heap_size ? p->min_heap_size : heap_size_for(p, wanted, 0);
		if (wanted < size)
			size = wanted;
	} else if (need_after > size) {
		size = heap_size_for(p, need_after, 0);
	}
	return size;
}

/* OTP's adjust_after_fullsweep: grow to fit, or mark the block to grow at
 * the next major collection when over 3/4 full, or shrink it to twice
 * what is needed when under 1/4 full. */
static size_t size_after_major(gc_job *j)
{
	process *p = j->p;
	size_t size = j->size;
	size_t need_after = j->copied + j->need + j->stack;
	if (size < need_after) {
		size = heap_size_for(p, need_after, 0);
	} else if (3 * size < 4 * need_after) {
		p->gc_flags |= GC_FLAG_HEAP_GROW;
	} else if (4 * need_after < size && size > p->min_heap_size) {
		size_t wanted = heap_size_for(p, 2 * need_after, 0);
		if (wanted < size)
			size = wanted;
	}
	return size;
}

/* A block of `size` words holding what the new block holds: realloc for
 * a malloc'd one, a new block and a copy for a region (heap_block.h). */
static term *resize_block(gc_job *j, size_t size)
{
	if (!heap_block_is_region(j->block))
		return realloc(j->block, size * sizeof(term));
	term *b = heap_block_alloc(size);
	if (b) {
		memcpy(b, j->block, j->copied * sizeof(term));
		heap_block_free(j->block);
	}
	return b;
}

/* Gives the new block its final size. It may move (ASan's realloc always
 * does, a region always does): the pointers into it then move too. */
static void fit_block(gc_job *j, size_t size)
{
	if (size >= j->capacity)
		return;
	term *moved = resize_block(j, size);
	if (!moved)
		return; /* keep the larger block */
	if (moved != j->block) {
		gc_offset o = {
		    .lo = (uintptr_t)j->block,
		    .hi = (uintptr_t)(j->block + j->copied),
		    .delta = (intptr_t)((uintptr_t)moved - (uintptr_t)j->block),
		};
		gc_offset_heap(&o, moved, moved + j->copied);
		struct roots r[NROOTS];
		list_roots(j, r);
		for (int i = 0; i < NROOTS; i++)
			gc_offset_slots(&o, r[i].v, r[i].n);
		gc_offset_chain(&o, &j->p->heap.offheap_first);
		j->p->offheap_counted = j->p->heap.offheap_first;
	}
	j->block = moved;
	j->capacity = size;
}

/* The process takes the new block; the stack moves to its end. */
static void install(gc_job *j)
{
	process *p = j->p;
	term *stack_end = j->block + j->capacity;
	term *stop = stack_end - j->stack;
	memcpy(stop, p->stop, j->stack * sizeof(term));
	heap_block_free(p->heap_start);
	heap_free_fragments(&p->heap);
	p->heap_start = j->block;
	p->heap_size = j->capacity;
	p->stack_end = stack_end;
	p->stop = stop;
	heap_set_region(&p->heap, j->block + j->copied, stop);
	p->heap.words_used = j->copied;
	p->high_water = p->heap.top;
	if (j->major) {
		heap_block_free(p->old_heap);
		p->old_heap = p->old_htop = p->old_end = NULL;
		p->minor_gcs = 0;
	} else {
		p->old_htop = j->old_top;
		p->minor_gcs++;
	}
	p->gc_count++;
}

static int collect(gc_job *j)
{
	process *p = j->p;
	size_t old_used = (size_t)(p->old_htop - p->old_heap);
	size_t old_capacity = (size_t)(p->old_end - p->old_heap);
	size_t before = j->young + (j->major ? old_used : 0);

	if (!j->major) {
		size_t mature = (size_t)(p->high_water - p->heap_start);
		if (!p->old_heap && mature) {
			/* one size step above what the young heap holds, as
			 * OTP: it saves fullsweeps */
			size_t n = gc_next_heap_size(j->young, 1);
			term *old = n ? heap_block_alloc(n) : NULL;
			if (!old)
				return -ENOMEM;
			p->old_heap = p->old_htop = old;
			p->old_end = old + n;
			old_capacity = n;
		}
		if (!p->old_heap || mature > (size_t)(p->old_end - p->old_htop) ||
		    p->bin_old_vheap >= p->bin_old_vheap_size)
			return MINOR_REFUSED;
		j->size = heap_size_for(p, j->stack + j->young, 0);
	} else {
		j->size = heap_size_for(p, j->stack + before, 0);
		if (j->size == p->heap_size && (p->gc_flags & GC_FLAG_HEAP_GROW))
			j->size = heap_size_for(p, p->heap_size, 1);
	}
	/* Room for every young word to survive, the stack and the need. */
	size_t worst = heap_size_for(p, j->stack + before + j->need, 0);
	if (!j->size || !worst)
		return -ENOMEM;
	j->capacity = worst > j->size ? worst : j->size;
	j->block = heap_block_alloc(j->capacity);
	if (!j->block)
		return -ENOMEM;
	if (!copy_live(j)) {
		heap_block_free(j->block);
		return -ENOMEM;
	}
	/* No failure from here on: the from-space holds forwarding marks. */
	if (j->major)
		p->gc_flags &= ~(unsigned)(GC_FLAG_HEAP_GROW | GC_FLAG_NEED_FULLSWEEP);
	gc_offheap_sweep(p, j->major);
	fit_block(j, j->major ? size_after_major(j) : size_after_minor(j, old_capacity));
	install(j);
	return 0;
}

static _Atomic uint64_t total_gcs, total_reclaimed;

uint64_t gc_total_count(void) { return total_gcs; }
uint64_t gc_total_reclaimed(void) { return total_reclaimed; }

static int collect_any(process *p, size_t need, term *xregs, unsigned live);

int gc_collect(process *p, size_t need, term *xregs, unsigned live)
{
	size_t before = process_heap_words_in_use(p);
	int r = collect_any(p, need, xregs, live);
	if (r == 0) {
		size_t after = process_heap_words_in_use(p);
		total_gcs++;
		total_reclaimed += before > after ? before - after : 0;
	}
	return r;
}

static int collect_any(process *p, size_t need, term *xregs, unsigned live)
{
	if (need > GC_MAX_WORDS)
		return -ENOMEM;
	gc_vheap_count_new(p);
	gc_job j = {
	    .p = p,
	    .xregs = xregs,
	    .live = live,
	    .need = need,
	    .stack = (size_t)(p->stack_end - p->stop),
	    .young = (size_t)(p->heap.top - p->heap_start) + heap_fragment_words(&p->heap),
	};
	j.major = p->minor_gcs >= p->fullsweep_after || (p->gc_flags & GC_FLAG_NEED_FULLSWEEP);
	if (!j.major) {
		int r = collect(&j);
		if (r != MINOR_REFUSED)
			return r;
		j.major = true;
	}
	return collect(&j);
}

int gc_collect_major(process *p, size_t need, term *xregs, unsigned live)
{
	p->gc_flags |= GC_FLAG_NEED_FULLSWEEP;
	return gc_collect(p, need, xregs, live);
}
