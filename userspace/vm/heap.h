/* A term heap: where terms are built.
 *
 * heap_alloc() hands out word-aligned space for terms, first from the main
 * region [top, limit), then from fragments: chunks of their own, linked on
 * `chunks`. A heap made by heap_init() has no main region, so it is an arena
 * of growing chunks: the loader builds a module's literals in one,
 * binary_to_term builds its result in one. A process gives its heap a main
 * region with heap_set_region() (its young heap, up to the stack); what does
 * not fit there goes to fragments, which the garbage collector folds into the
 * next heap, as OTP's heap fragments. Either way the off-heap chain names every
 * reference-counted object the terms point to, so heap_free() drops exactly
 * those references.
 */
#ifndef KBEAM_VM_HEAP_H
#define KBEAM_VM_HEAP_H

#include "term.h"

struct heap_chunk;

typedef struct kb_heap {
	term *top;                 /* next free word of the main region */
	term *limit;               /* end of the main region */
	term *frag_top;            /* next free word of the newest fragment */
	term *frag_limit;          /* end of the newest fragment */
	struct heap_chunk *chunks; /* fragments, newest first */
	size_t words_used;
	/* First term (boxed) of the off-heap chain: refc binaries link
	 * through their `next` word. THE_NON_VALUE when empty. */
	term offheap_first;
} kb_heap;

void heap_init(kb_heap *h);
/* Space for `words` words; NULL only when memory is exhausted. */
term *heap_alloc(kb_heap *h, size_t words);
/* Space for exactly `words` words in a new fragment of that size (a
 * message copied into an arena of its own wastes nothing). */
term *heap_alloc_fragment(kb_heap *h, size_t words);
/* Gives the heap a main region (a process's young heap). */
static inline void heap_set_region(kb_heap *h, term *start, term *end)
{
	h->top = start;
	h->limit = end;
}
/* Words held in fragments (what the next garbage collection must fold in). */
size_t heap_fragment_words(const kb_heap *h);
/* Walks the fragments for the garbage collector: start with *c == NULL;
 * each call moves *c to the next fragment (newest first) and gives its used
 * words [*start, *end). False after the last. */
bool heap_fragment_next(const kb_heap *h, const struct heap_chunk **c, term **start, term **end);
/* Frees the fragments only (after a collection copied what lived in them). */
void heap_free_fragments(kb_heap *h);
/* Releases every fragment and the references held by the off-heap chain;
 * the main region belongs to its owner and is left alone. */
void heap_free(kb_heap *h);
/* Moves everything src holds (its fragments and off-heap chain) into dst,
 * as fragments of dst; src is left empty. src must have no main region.
 * A message built in its own arena joins the receiver's heap this way. */
void heap_adopt(kb_heap *dst, kb_heap *src);
/* Links a boxed off-heap object (refc binary) into the heap's chain. */
void heap_link_offheap(kb_heap *h, term boxed, term *next_slot);

#endif
