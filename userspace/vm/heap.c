#include "heap.h"

#include <stdlib.h>

#include "binary.h"

struct heap_chunk {
	struct heap_chunk *next;
	size_t words; /* capacity */
	size_t used;  /* words handed out (the newest chunk: see frag_top) */
	term data[];
};

#define HEAP_CHUNK_MIN_WORDS 1024

void heap_init(kb_heap *h)
{
	h->top = h->limit = NULL;
	h->frag_top = h->frag_limit = NULL;
	h->chunks = NULL;
	h->words_used = 0;
	h->offheap_first = THE_NON_VALUE;
}

term *heap_alloc(kb_heap *h, size_t words)
{
	static term empty; /* what a zero-word allocation points at: never read */
	term *p;
	if (words == 0)
		return h->top ? h->top : &empty;
	/* top may pass limit: the JIT keeps limit a word below the stack */
	if (h->limit > h->top && (size_t)(h->limit - h->top) >= words) {
		p = h->top;
		h->top += words;
	} else {
		if ((size_t)(h->frag_limit - h->frag_top) < words) {
			/* Fragments double in size, so an arena of n words costs
			 * O(log n) chunks. */
			size_t n = words > HEAP_CHUNK_MIN_WORDS ? words : HEAP_CHUNK_MIN_WORDS;
			if (h->chunks && h->chunks->words < (1u << 20) && h->chunks->words * 2 > n)
				n = h->chunks->words * 2;
			struct heap_chunk *c = malloc(sizeof *c + n * sizeof(term));
			if (!c)
				return NULL;
			if (h->chunks)
				h->chunks->used = (size_t)(h->frag_top - h->chunks->data);
			c->next = h->chunks;
			c->words = n;
			c->used = 0;
			h->chunks = c;
			h->frag_top = c->data;
			h->frag_limit = c->data + n;
		}
		p = h->frag_top;
		h->frag_top += words;
	}
	h->words_used += words;
	return p;
}

term *heap_alloc_fragment(kb_heap *h, size_t words)
{
	struct heap_chunk *c = malloc(sizeof *c + (words ? words : 1) * sizeof(term));
	if (!c)
		return NULL;
	if (h->chunks)
		h->chunks->used = (size_t)(h->frag_top - h->chunks->data);
	c->next = h->chunks;
	c->words = words;
	c->used = 0;
	h->chunks = c;
	h->frag_top = c->data + words;
	h->frag_limit = c->data + words;
	h->words_used += words;
	return c->data;
}

size_t heap_fragment_words(const kb_heap *h)
{
	size_t n = 0;
	for (const struct heap_chunk *c = h->chunks; c; c = c->next)
		n += c == h->chunks ? (size_t)(h->frag_top - c->data) : c->used;
	return n;
}

bool heap_fragment_next(const kb_heap *h, const struct heap_chunk **c, term **start, term **end)
{
	const struct heap_chunk *n = *c ? (*c)->next : h->chunks;
	if (!n)
		return false;
	*c = n;
	*start = (term *)n->data;
	*end = *start + (n == h->chunks ? (size_t)(h->frag_top - n->data) : n->used);
	return true;
}

void heap_free_fragments(kb_heap *h)
{
	struct heap_chunk *c = h->chunks;
	while (c) {
		struct heap_chunk *n = c->next;
		free(c);
		c = n;
	}
	h->chunks = NULL;
	h->frag_top = h->frag_limit = NULL;
}

void heap_link_offheap(kb_heap *h, term boxed, term *next_slot)
{
	*next_slot = h->offheap_first;
	h->offheap_first = boxed;
}

void heap_free(kb_heap *h)
{
	term t = h->offheap_first;
	while (t != THE_NON_VALUE) {
		term *p = boxed_ptr(t);
		term next = p[REFC_BIN_NEXT];
		if (header_subtag(p[0]) == SUBTAG_REFC_BIN)
			binary_release((kb_binary *)(uintptr_t)p[REFC_BIN_VAL]);
		t = next;
	}
	heap_free_fragments(h);
	heap_init(h);
}

void heap_adopt(kb_heap *dst, kb_heap *src)
{
	if (src->chunks) {
		struct heap_chunk *head = src->chunks, *last = head;
		head->used = (size_t)(src->frag_top - head->data);
		while (last->next)
			last = last->next;
		/* behind dst's newest chunk, which stays the one it allocates from */
		if (dst->chunks) {
			last->next = dst->chunks->next;
			dst->chunks->next = head;
		} else {
			/* src's newest chunk becomes dst's, allocation goes on in it */
			dst->chunks = head;
			dst->frag_top = src->frag_top;
			dst->frag_limit = src->frag_limit;
		}
	}
	/* splice the off-heap chain: src's objects first */
	if (src->offheap_first != THE_NON_VALUE) {
		term t = src->offheap_first;
		term *link;
		for (;;) {
			link = &boxed_ptr(t)[REFC_BIN_NEXT];
			if (*link == THE_NON_VALUE)
				break;
			t = *link;
		}
		*link = dst->offheap_first;
		dst->offheap_first = src->offheap_first;
	}
	dst->words_used += src->words_used;
	heap_init(src);
}
