/* Per-process generational copying garbage collection, after OTP's.
 *
 * A process has a young generation (its heap and stack block, vm/process.h,
 * plus the heap fragments C code allocated when the block was full) and an
 * old generation (the old heap [old_heap, old_htop), capacity old_end).
 * Terms are immutable, so an old term never points at a young one and a
 * minor collection needs no remembered set.
 *
 * Roots: the live X registers passed in, the stack words [stop, stack_end)
 * that are pointers (return addresses, whose primary tag is 00, and
 * immediates such as catch markers are skipped), p->dictionary, p->fvalue,
 * p->stacktrace, p->initial_call, and the runtime's extra array
 * p->gc_roots[0 .. gc_nroots). Every root is updated in place.
 *
 * Minor collection: live young terms are copied (Cheney: roots first, then
 * a scan of what was copied) out of the block and the fragments. Those below
 * high_water have survived a collection already and go to the old heap;
 * the rest go to a new block. Pointers into the old heap are left alone.
 * Afterwards high_water is the new heap top: everything on the young heap
 * has survived once.
 * Major (fullsweep) collection: the young generation and the old heap are
 * copied into a new block and the old heap is freed. It happens when
 * minor_gcs reaches fullsweep_after, when GC_FLAG_NEED_FULLSWEEP is set
 * (erlang:garbage_collect/0), or when a minor collection cannot run: the old
 * heap lacks room for the data that would be promoted, or the old virtual
 * binary heap is full.
 * Any pointer outside the areas being collected (module literals, constant
 * terms, the old heap in a minor collection) is left untouched, so
 * literals are never copied.
 *
 * Forwarding markers, written over the from-space copy of a moved object so
 * that sharing survives (each object is copied once):
 *   boxed object  its header word becomes the boxed term of the new copy
 *                 (primary tag 10, where a header has tag 00);
 *   cons cell     its head becomes GC_MOVED_CONS (THE_NON_VALUE: tag 00,
 *                 which no term has) and its tail the list term of the
 *                 new copy.
 *
 * Which words of a boxed object hold terms: tuples and maps, all of them;
 * funs, the creator (word 2) and the environment (4 ..), not the entry
 * pointer (1) nor the count (3); sub binaries, the original (3); match
 * states, the binary (1); every other kind (numbers, refs, external pids
 * and ports, exports, heap and refc binaries) holds raw words only.
 *
 * Sizes follow OTP (erl_gc.c): the block size is a term of OTP's heap size
 * sequence (12, 38, 51, 90, 142, 233, 376, 610, 987, ... each the sum of the
 * two before plus one, then 20% growth from the 23rd on), never below
 * min_heap_size. After a minor collection the block keeps the size that fits
 * stack and young data before the collection, grows when live data, stack
 * and need do not fit, and shrinks when it is large (over 3000 words) and
 * used under a quarter. After a major collection it grows to fit, is marked
 * to grow at the next major when more than 3/4 full, and shrinks when
 * under 1/4 full. The old heap is created at the first promotion, one size
 * step above the young data, and only a major collection replaces it.
 *
 * Off-heap data: the young heap's refc binaries are chained from
 * p->heap.offheap_first, the old heap's from p->old_offheap_first. A
 * collection keeps the moved ones on the chain of the heap they moved to
 * and releases the rest. The virtual binary heaps count the bytes / 8
 * (words, as OTP) of the binaries each generation references: bin_vheap
 * for the young one (binaries made since the last collection included),
 * bin_old_vheap for the old one. bin_vheap_size and bin_old_vheap_size are
 * their trigger levels, adapted after each collection as OTP does (x1.618
 * when 3/4 full, halved when under 1/4, never below min_bin_vheap_size).
 */
#ifndef KBEAM_VM_GC_H
#define KBEAM_VM_GC_H

#include <stdbool.h>

#include "process.h"

#define GC_MOVED_CONS THE_NON_VALUE

/* OTP's default min_bin_vheap_size (words). */
#define GC_MIN_BIN_VHEAP 46422

enum {
	GC_FLAG_NEED_FULLSWEEP = 1u << 0, /* the next collection is major */
	GC_FLAG_HEAP_GROW = 1u << 1,      /* the next major grows the block */
};

/* ---- process memory (process_memory.c) ---- */

/* Gives the process its heap and stack block: at least min_heap_words
 * words (PROCESS_MIN_HEAP when 0), rounded up to OTP's heap size sequence,
 * which is also the process's min_heap_size. Sets the collector's fields
 * and the root fields (dictionary, fvalue, stacktrace, initial_call: NIL
 * or THE_NON_VALUE). 0, or -ENOMEM. */
int process_memory_init(process *p, size_t min_heap_words);
/* Frees the block, the old heap and the fragments, and drops the
 * references of both off-heap chains. */
void process_memory_free(process *p);

/* Words of terms: young heap, fragments and old heap (not the stack). */
size_t process_heap_words_in_use(const process *p);
/* process_info(heap_size): the block, heap and stack, in words. */
size_t process_heap_size(const process *p);
/* process_info(total_heap_size): the block, the old heap's capacity and the
 * fragments, in words. */
size_t process_total_heap_size(const process *p);
/* process_info(stack_size), in words. */
size_t process_stack_size(const process *p);
/* Bytes of memory the process's heaps hold (erlang:memory/0's processes
 * share; the process structure itself is the caller's). */
size_t process_heap_bytes(const process *p);
/* Keeps x[0..n) in p->xsave, where the process resumes with them (a
 * switch, or a new process's arguments); false when out of memory. */
bool process_save_x(process *p, const term *x, unsigned n);

/* ---- collection (gc.c) ---- */

/* Collects the process's garbage. xregs[0 .. live) are roots and are
 * updated in place, as are the stack and the process's root fields. On 0,
 * at least `need` words are free between heap.top and stop (room for the
 * heap allocation or stack growth the caller is about to make),
 * heap.limit == stop and there are no fragments. -ENOMEM when memory for
 * the new heaps ran out; the process is then as it was. */
int gc_collect(process *p, size_t need, term *xregs, unsigned live);
/* A major collection, whatever the counters say (erlang:garbage_collect/0). */
int gc_collect_major(process *p, size_t need, term *xregs, unsigned live);
/* Counts the refc binaries made since the last call into bin_vheap and
 * tells whether the young virtual binary heap is over its size: the
 * runtime then collects at the next chance, as OTP does. */
bool gc_vheap_full(process *p);

/* Collections done so far by every process, and the words they freed
 * (statistics(garbage_collection)). */
uint64_t gc_total_count(void);
uint64_t gc_total_reclaimed(void);

/* OTP's erts_next_heap_size: the smallest size of the heap size sequence
 * that is >= size (offset 0), or the one after it (offset 1). */
size_t gc_next_heap_size(size_t size, unsigned offset);

#endif
