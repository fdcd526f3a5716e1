/* Internal to gc*.c and process_memory.c: the copying engine, pointer
 * relocation, the off-heap chains and the size policies (vm/gc.h). */
#ifndef KBEAM_VM_GC_INTERNAL_H
#define KBEAM_VM_GC_INTERNAL_H

#include "gc.h"

/* A range of words being collected: [start, end). */
typedef struct gc_area {
	term *start;
	term *end;
} gc_area;

/* The state of one copy (gc_copy.c). */
typedef struct gc_copier {
	const gc_area *from; /* sorted by address, disjoint */
	size_t nfrom;
	/* Objects in [mature_start, mature_end) go to the old heap at old_top
	 * (minor collections); all others to the new block at young_top. */
	uintptr_t mature_start, mature_end;
	term *young_top;
	term *old_top;
} gc_copier;

/* Copies what the slots point at (when it lies in a from-space area) and
 * updates them. Words that are not pointers (immediates, return addresses,
 * THE_NON_VALUE) are left alone, so the stack is a slot array too. */
void gc_copy_slots(gc_copier *c, term *v, size_t n);
/* Scans the copies made since young_scan and old_scan (Cheney), copying
 * what they point at, until everything reachable is copied. */
void gc_copy_sweep(gc_copier *c, term *young_scan, term *old_scan);

/* A moved heap: pointers into [lo, hi) move by delta bytes (gc_copy.c). */
typedef struct gc_offset {
	uintptr_t lo, hi;
	intptr_t delta;
} gc_offset;

void gc_offset_slots(const gc_offset *o, term *v, size_t n);
/* Every object of the heap area [start, end). */
void gc_offset_heap(const gc_offset *o, term *start, term *end);
/* The links of an off-heap chain, its head included. */
void gc_offset_chain(const gc_offset *o, term *first);

/* Off-heap chains (gc_offheap.c). */
/* Adds the young chain's entries made since the last count to bin_vheap. */
void gc_vheap_count_new(process *p);
/* After a copy: the moved binaries of the young chain (and, for a major
 * collection, the old chain) join the chain of the heap they moved to, the
 * others are released; the virtual binary heaps are counted again and
 * their sizes adapted. */
void gc_offheap_sweep(process *p, bool major);
/* Releases every binary of a chain. */
void gc_offheap_release(term first);

/* OTP's next_vheap_size: the new trigger level for a virtual binary heap
 * of `words` words whose level was `size` (gc_sizes.c). */
uint64_t gc_next_vheap_size(const process *p, uint64_t words, uint64_t size);

#endif
