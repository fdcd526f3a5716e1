/* The copying engine of the garbage collector: moving objects with
 * forwarding markers, the Cheney scan, and relocating pointers when a heap
 * block moves (vm/gc.h). */
#include <string.h>

#include "binary.h"
#include "fun.h"
#include "gc_internal.h"

/* The words of a heap object that hold terms: [a0, a1) and [b0, b1), as
 * offsets from its first word. */
typedef struct term_words {
	size_t size; /* the object's length in words */
	size_t a0, a1, b0, b1;
} term_words;

static inline void object_term_words(const term *obj, term_words *w)
{
	term h = obj[0];
	w->b0 = w->b1 = 0;
	if (primary_tag(h) != TAG_PRIMARY_HEADER) { /* a cons cell */
		w->size = 2;
		w->a0 = 0;
		w->a1 = 2;
		return;
	}
	w->size = header_arity(h) + 1;
	switch (header_subtag(h)) {
	case SUBTAG_TUPLE:
	case SUBTAG_MAP:
		w->a0 = 1;
		w->a1 = w->size;
		return;
	case SUBTAG_FUN:
		w->a0 = FUN_CREATOR;
		w->a1 = FUN_CREATOR + 1;
		w->b0 = FUN_ENV;
		w->b1 = w->size;
		return;
	case SUBTAG_SUB_BIN:
		w->a0 = SUB_BIN_ORIG;
		w->a1 = SUB_BIN_ORIG + 1;
		return;
	case SUBTAG_MATCHSTATE:
		w->a0 = 1;
		w->a1 = 2;
		return;
	default: /* numbers, refs, external identifiers, exports, binaries */
		w->a0 = w->a1 = 0;
		return;
	}
}

static inline bool in_from_space(const gc_copier *c, const term *ptr)
{
	uintptr_t a = (uintptr_t)ptr;
	size_t lo = 0, hi = c->nfrom;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a < (uintptr_t)c->from[mid].start)
			hi = mid;
		else if (a >= (uintptr_t)c->from[mid].end)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Room for the copy of the object at ptr: the old heap for mature objects. */
static inline term *copy_destination(gc_copier *c, const term *ptr, size_t words)
{
	term *to;
	uintptr_t a = (uintptr_t)ptr;
	if (a >= c->mature_start && a < c->mature_end) {
		to = c->old_top;
		c->old_top += words;
	} else {
		to = c->young_top;
		c->young_top += words;
	}
	return to;
}

static inline void copy_slot(gc_copier *c, term *slot)
{
	term t = *slot;
	if (is_list(t)) {
		term *cell = list_ptr(t);
		if (!in_from_space(c, cell))
			return;
		if (cell[0] == GC_MOVED_CONS) {
			*slot = cell[1];
			return;
		}
		term *to = copy_destination(c, cell, 2);
		to[0] = cell[0];
		to[1] = cell[1];
		cell[0] = GC_MOVED_CONS;
		cell[1] = *slot = make_list(to);
	} else if (is_boxed(t)) {
		term *obj = boxed_ptr(t);
		if (!in_from_space(c, obj))
			return;
		term h = obj[0];
		if (is_boxed(h)) { /* moved already: h is the copy */
			*slot = h;
			return;
		}
		size_t words = header_arity(h) + 1;
		term *to = copy_destination(c, obj, words);
		memcpy(to, obj, words * sizeof(term));
		obj[0] = *slot = make_boxed(to);
	}
}

void gc_copy_slots(gc_copier *c, term *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		copy_slot(c, &v[i]);
}

/* Copies what the object's term words point at; returns its length. */
static inline size_t scan_object(gc_copier *c, term *obj)
{
	term_words w;
	object_term_words(obj, &w);
	for (size_t i = w.a0; i < w.a1; i++)
		copy_slot(c, &obj[i]);
	for (size_t i = w.b0; i < w.b1; i++)
		copy_slot(c, &obj[i]);
	return w.size;
}

void gc_copy_sweep(gc_copier *c, term *young_scan, term *old_scan)
{
	while (young_scan < c->young_top || old_scan < c->old_top) {
		while (young_scan < c->young_top)
			young_scan += scan_object(c, young_scan);
		while (old_scan < c->old_top)
			old_scan += scan_object(c, old_scan);
	}
}

static inline void offset_slot(const gc_offset *o, term *slot)
{
	term t = *slot;
	if (!is_list(t) && !is_boxed(t))
		return;
	uintptr_t a = (uintptr_t)t & ~(uintptr_t)TAG_PRIMARY_MASK;
	if (a >= o->lo && a < o->hi)
		*slot = t + (term)o->delta;
}

void gc_offset_slots(const gc_offset *o, term *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		offset_slot(o, &v[i]);
}

void gc_offset_heap(const gc_offset *o, term *start, term *end)
{
	term *obj = start;
	while (obj < end) {
		term_words w;
		object_term_words(obj, &w);
		for (size_t i = w.a0; i < w.a1; i++)
			offset_slot(o, &obj[i]);
		for (size_t i = w.b0; i < w.b1; i++)
			offset_slot(o, &obj[i]);
		obj += w.size;
	}
}

void gc_offset_chain(const gc_offset *o, term *first)
{
	for (term *link = first; *link != THE_NON_VALUE; link = &boxed_ptr(*link)[REFC_BIN_NEXT])
		offset_slot(o, link);
}
