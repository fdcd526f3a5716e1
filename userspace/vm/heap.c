#include "heap.h"

#include <stdlib.h>

#include "binary.h"

struct heap_chunk {
	struct heap_chunk *next;
	size_t words;
	term data[];
};

#define HEAP_CHUNK_MIN_WORDS 1024

void heap_init(kb_heap *h)
{
	h->top = h->limit = NULL;
	h->chunks = NULL;
	h->words_used = 0;
	h->offheap_first = THE_NON_VALUE;
}

term *heap_alloc(kb_heap *h, size_t words)
{
	if ((size_t)(h->limit - h->top) < words) {
		size_t n = words > HEAP_CHUNK_MIN_WORDS ? words : HEAP_CHUNK_MIN_WORDS;
		if (h->chunks && n < h->chunks->words * 2 && h->chunks->words < (1u << 20))
			n = h->chunks->words * 2 > words ? h->chunks->words * 2 : words;
		struct heap_chunk *c = malloc(sizeof *c + n * sizeof(term));
		if (!c)
			return NULL;
		c->next = h->chunks;
		c->words = n;
		h->chunks = c;
		h->top = c->data;
		h->limit = c->data + n;
	}
	term *p = h->top;
	h->top += words;
	h->words_used += words;
	return p;
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
	struct heap_chunk *c = h->chunks;
	while (c) {
		struct heap_chunk *n = c->next;
		free(c);
		c = n;
	}
	heap_init(h);
}
