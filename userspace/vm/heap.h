/* A term heap: where terms are built.
 *
 * In this layer a heap is a chain of chunks that only grows (an arena): the
 * loader builds a module's literals in one, binary_to_term builds its result
 * in one. Process heaps with garbage collection (the execution engine) keep
 * the same contract: heap_alloc() hands out word-aligned space for terms, and
 * the heap's off-heap list names every reference-counted object its terms
 * point to, so heap_free() drops exactly those references.
 */
#ifndef KBEAM_VM_HEAP_H
#define KBEAM_VM_HEAP_H

#include "term.h"

struct heap_chunk;

typedef struct kb_heap {
	term *top;   /* next free word in the current chunk */
	term *limit; /* end of the current chunk */
	struct heap_chunk *chunks;
	size_t words_used;
	/* First term (boxed) of the off-heap chain: refc binaries link
	 * through their `next` word. THE_NON_VALUE when empty. */
	term offheap_first;
} kb_heap;

void heap_init(kb_heap *h);
/* Space for `words` words; NULL only when memory is exhausted. */
term *heap_alloc(kb_heap *h, size_t words);
/* Releases every chunk and the references held by the off-heap chain. */
void heap_free(kb_heap *h);
/* Links a boxed off-heap object (refc binary) into the heap's chain. */
void heap_link_offheap(kb_heap *h, term boxed, term *next_slot);

#endif
