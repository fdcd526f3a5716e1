/* The size pass of a deep copy (vm/copy.h): the words of the flattened
 * term, counted by a walk with an explicit stack.
 *
 * A plain walk takes time proportional to the flattened size, which sharing
 * can make exponential in the number of objects. So the walk remembers (in
 * a hash table keyed by address) the size of every subterm of at least
 * MEMO_MIN_WORDS it has finished counting, and counts a subterm it meets
 * again by looking it up. Smaller subterms are counted again: walking one
 * costs less than MEMO_MIN_WORDS steps. A list's spine is walked in a loop,
 * so a list is remembered at checkpoints: its first cell and every
 * CHECKPOINT_CELLS-th cell after it, each standing for the list from there
 * on; a tail shared with another list is then walked at most
 * CHECKPOINT_CELLS cells before the rest is looked up. The work is thus
 * bounded by the distinct objects, and the count stops as soon as it
 * passes TERM_COPY_MAX_WORDS.
 */
#include <stdlib.h>

#include "copy_internal.h"

#define MEMO_MIN_WORDS 64
#define CHECKPOINT_CELLS 128

/* ---- sizes of finished subterms, by address ---- */

typedef struct memo_slot {
	uintptr_t addr; /* 0: free */
	size_t words;
} memo_slot;

typedef struct memo {
	memo_slot *slots;
	size_t mask;    /* capacity - 1; the capacity is a power of two */
	unsigned shift; /* 64 - log2(capacity) */
	size_t count;
} memo;

/* Fibonacci hashing: the high bits of the product. */
static inline size_t memo_index(const memo *m, uintptr_t addr)
{
	return (size_t)(((uint64_t)addr >> 3) * UINT64_C(0x9e3779b97f4a7c15) >> m->shift);
}

static bool memo_get(const memo *m, const term *p, size_t *words)
{
	if (m->count == 0)
		return false;
	uintptr_t a = (uintptr_t)p;
	for (size_t i = memo_index(m, a);; i = (i + 1) & m->mask) {
		if (m->slots[i].addr == a) {
			*words = m->slots[i].words;
			return true;
		}
		if (m->slots[i].addr == 0)
			return false;
	}
}

static void memo_insert(memo *m, uintptr_t a, size_t words)
{
	size_t i = memo_index(m, a);
	while (m->slots[i].addr != 0 && m->slots[i].addr != a)
		i = (i + 1) & m->mask;
	if (m->slots[i].addr == 0)
		m->count++;
	m->slots[i].addr = a;
	m->slots[i].words = words;
}

/* Keeps the table at most half full; false when memory is exhausted. */
static bool memo_put(memo *m, const term *p, size_t words)
{
	if (!m->slots || 2 * (m->count + 1) > m->mask + 1) {
		unsigned shift = m->slots ? m->shift - 1 : 64 - 8;
		size_t cap = (size_t)1 << (64 - shift);
		memo_slot *slots = calloc(cap, sizeof *slots);
		if (!slots)
			return false;
		memo bigger = {.slots = slots, .mask = cap - 1, .shift = shift, .count = 0};
		for (size_t i = 0; m->slots && i <= m->mask; i++)
			if (m->slots[i].addr)
				memo_insert(&bigger, m->slots[i].addr, m->slots[i].words);
		free(m->slots);
		*m = bigger;
	}
	memo_insert(m, (uintptr_t)p, words);
	return true;
}

/* ---- the walk ---- */

enum frame_kind {
	FRAME_OBJECT, /* a tuple, map or fun: next is the next word to visit */
	FRAME_HEAD,   /* a list at cell `node`, its head not visited yet */
	FRAME_TAIL,   /* a list at cell `node`, its head visited */
	FRAME_END,    /* a list whose last tail (not a list) was visited */
};

typedef struct frame {
	const term *node;
	size_t start;  /* object: the count before it */
	size_t next;   /* object: next word; list: its first checkpoint */
	unsigned kind; /* enum frame_kind */
	unsigned run;  /* list: cells since its last checkpoint */
} frame;

typedef struct checkpoint {
	const term *cell;
	size_t start; /* the count before the cell */
} checkpoint;

/* The stacks start in the walk itself: most terms need no more. */
#define INLINE_FRAMES 32
#define INLINE_CHECKPOINTS 16

typedef struct walk {
	frame *frames;
	size_t nframes, frames_cap;
	checkpoint *cps;
	size_t ncps, cps_cap;
	memo memo;
	size_t total;
	bool failed; /* too large, or out of memory */
	frame frames_inline[INLINE_FRAMES];
	checkpoint cps_inline[INLINE_CHECKPOINTS];
} walk;

/* v (holding *cap elements) moved to twice the room; NULL when memory is
 * exhausted, v then unchanged. */
static void *grow(void *v, const void *inline_buf, size_t *cap, size_t elem)
{
	void *p;
	if (v == inline_buf) {
		p = malloc(2 * *cap * elem);
		if (p)
			memcpy(p, v, *cap * elem);
	} else {
		p = realloc(v, 2 * *cap * elem);
	}
	if (p)
		*cap *= 2;
	return p;
}

static inline void add(walk *w, size_t words)
{
	if (words > TERM_COPY_MAX_WORDS - w->total)
		w->failed = true;
	else
		w->total += words;
}

static frame *push_frame(walk *w, const term *node, unsigned kind)
{
	if (w->nframes == w->frames_cap) {
		frame *f = grow(w->frames, w->frames_inline, &w->frames_cap, sizeof *f);
		if (!f) {
			w->failed = true;
			return NULL;
		}
		w->frames = f;
	}
	frame *f = &w->frames[w->nframes++];
	f->node = node;
	f->start = w->total;
	f->kind = kind;
	f->run = 0;
	return f;
}

static void push_checkpoint(walk *w, const term *cell)
{
	if (w->ncps == w->cps_cap) {
		checkpoint *c = grow(w->cps, w->cps_inline, &w->cps_cap, sizeof *c);
		if (!c) {
			w->failed = true;
			return;
		}
		w->cps = c;
	}
	w->cps[w->ncps].cell = cell;
	w->cps[w->ncps].start = w->total;
	w->ncps++;
}

static void remember(walk *w, const term *node, size_t words)
{
	if (words >= MEMO_MIN_WORDS && !memo_put(&w->memo, node, words))
		w->failed = true;
}

/* Counts the term in a slot: at once, or by pushing a frame. */
static void enter(walk *w, term t)
{
	if (!is_list(t) && !is_boxed(t))
		return;
	const term *p = is_list(t) ? list_ptr(t) : boxed_ptr(t);
	size_t known;
	if (memo_get(&w->memo, p, &known)) {
		add(w, known);
		return;
	}
	if (is_list(t)) {
		frame *f = push_frame(w, p, FRAME_HEAD);
		if (!f)
			return;
		f->next = w->ncps;
		push_checkpoint(w, p);
		add(w, 2);
		return;
	}
	if (!copy_has_terms(header_subtag(p[0]))) {
		add(w, copy_leaf_words(p));
		return;
	}
	frame *f = push_frame(w, p, FRAME_OBJECT);
	if (!f)
		return;
	f->next = 1;
	add(w, header_arity(p[0]) + 1);
}

static void step_object(walk *w)
{
	frame *f = &w->frames[w->nframes - 1];
	const term *p = f->node;
	unsigned subtag = header_subtag(p[0]);
	size_t words = header_arity(p[0]) + 1;
	while (f->next < words) {
		size_t i = f->next++;
		if (copy_is_term_word(subtag, i) && (is_list(p[i]) || is_boxed(p[i]))) {
			enter(w, p[i]); /* may move the frames: f is stale */
			return;
		}
	}
	size_t size = w->total - f->start;
	w->nframes--;
	remember(w, p, size);
}

static void finish_list(walk *w, frame *f)
{
	for (size_t i = f->next; i < w->ncps && !w->failed; i++)
		remember(w, w->cps[i].cell, w->total - w->cps[i].start);
	w->ncps = f->next;
	w->nframes--;
}

static void step_list(walk *w)
{
	frame *f = &w->frames[w->nframes - 1];
	switch (f->kind) {
	case FRAME_HEAD:
		f->kind = FRAME_TAIL;
		enter(w, f->node[0]);
		return;
	case FRAME_TAIL: {
		term tail = f->node[1];
		if (!is_list(tail)) {
			f->kind = FRAME_END;
			enter(w, tail);
			return;
		}
		const term *cell = list_ptr(tail);
		size_t known;
		if (memo_get(&w->memo, cell, &known)) {
			add(w, known);
			finish_list(w, f);
			return;
		}
		f->node = cell;
		f->kind = FRAME_HEAD;
		if (++f->run == CHECKPOINT_CELLS) {
			f->run = 0;
			push_checkpoint(w, cell);
		}
		add(w, 2);
		return;
	}
	default:
		finish_list(w, f);
		return;
	}
}

size_t term_copy_size(term t)
{
	if (!is_list(t) && !is_boxed(t))
		return 0;
	if (is_boxed(t) && !copy_has_terms(header_subtag(boxed_header(t))))
		return copy_leaf_words(boxed_ptr(t));
	walk w;
	w.frames = w.frames_inline;
	w.frames_cap = INLINE_FRAMES;
	w.cps = w.cps_inline;
	w.cps_cap = INLINE_CHECKPOINTS;
	w.nframes = w.ncps = w.total = 0;
	w.memo = (memo){0};
	w.failed = false;
	enter(&w, t);
	while (w.nframes && !w.failed) {
		if (w.frames[w.nframes - 1].kind == FRAME_OBJECT)
			step_object(&w);
		else
			step_list(&w);
	}
	if (w.frames != w.frames_inline)
		free(w.frames);
	if (w.cps != w.cps_inline)
		free(w.cps);
	free(w.memo.slots);
	return w.failed ? SIZE_MAX : w.total;
}
