/* A hierarchical timing wheel (see timer_wheel.h for the interface).
 *
 * The wheel's time `cur` is the first tick not yet processed. A timer with
 * deadline d >= cur lives where the highest bit in which d and cur differ
 * says: in level k (k = that bit / 6) at slot (d >> 6k) & 63, or in the
 * overflow list if they differ above bit 24. So every level-k timer
 * agrees with cur above bit 6(k+1) and its slot is after cur's slot at
 * that level (at or after it for level 0, whose slots are single ticks); all
 * of level k comes before all of level k+1, and the levels before the
 * overflow. The earliest thing to do is therefore the lowest occupied slot
 * (one ctz on the occupancy bitmap) of the lowest occupied level: fire it
 * if it is in level 0, else "cascade" it, re-placing its timers relative
 * to a cur moved to the slot's start, which puts them in lower levels.
 * Advancing jumps from one such event to the next, so empty stretches
 * cost nothing. A timer's place depends only on its deadline and cur, so
 * timers with equal deadlines always share a slot list, in the order they
 * were added: ties fire in insertion order.
 *
 * Whenever cur moves, the slot (or overflow) that starts exactly at the
 * new cur is cascaded at once ("settle"), so that a timer added afterwards
 * relative to the new cur never lands in a lower level than an older
 * timer with an earlier deadline.
 *
 * Deadlines before cur go to the `expired` list, sorted (stably) when the
 * next advance fires them. Timers being fired sit in `firing`, so that a
 * callback can still remove them. */
#include "timer_wheel.h"

#define BITS TWHEEL_LEVEL_BITS
#define SPAN_BITS (TWHEEL_LEVELS * TWHEEL_LEVEL_BITS)

/* twheel_timer.where */
enum {
	W_NONE = 0,
	W_LEVEL = 1, /* W_LEVEL + k: in slot[k][t->slot] */
	W_OVERFLOW = W_LEVEL + TWHEEL_LEVELS,
	W_EXPIRED,
	W_FIRING,
};

/* ---- circular doubly linked lists with a sentinel head ---- */

static void list_init(twheel_link *h) { h->next = h->prev = h; }
static bool list_empty(const twheel_link *h) { return h->next == h; }

static void list_append(twheel_link *h, twheel_link *n)
{
	n->prev = h->prev;
	n->next = h;
	h->prev->next = n;
	h->prev = n;
}

static void list_unlink(twheel_link *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
	n->next = n->prev = NULL;
}

/* Moves all of from's entries to the end of to. */
static void list_splice(twheel_link *to, twheel_link *from)
{
	if (list_empty(from))
		return;
	from->next->prev = to->prev;
	to->prev->next = from->next;
	from->prev->next = to;
	to->prev = from->prev;
	list_init(from);
}

static twheel_timer *timer_of(twheel_link *l) { return twheel_entry(l, twheel_timer, link); }

/* ---- placing timers ---- */

static void place(twheel *w, twheel_timer *t)
{
	uint64_t d = t->deadline;
	if (d < w->cur) {
		t->where = W_EXPIRED;
		list_append(&w->expired, &t->link);
		return;
	}
	uint64_t diff = d ^ w->cur;
	if (diff >> SPAN_BITS) {
		t->where = W_OVERFLOW;
		list_append(&w->overflow, &t->link);
		if (d < w->overflow_min)
			w->overflow_min = d;
		return;
	}
	unsigned level = diff ? (unsigned)(63 - __builtin_clzll(diff)) / BITS : 0;
	unsigned s = (unsigned)(d >> (level * BITS)) & (TWHEEL_SLOTS - 1);
	t->where = (uint8_t)(W_LEVEL + level);
	t->slot = (uint8_t)s;
	list_append(&w->slot[level][s], &t->link);
	w->occupied[level] |= (uint64_t)1 << s;
}

/* Takes a pending t out of whatever list holds it. */
static void detach(twheel *w, twheel_timer *t)
{
	list_unlink(&t->link);
	if (t->where >= W_LEVEL && t->where < W_LEVEL + TWHEEL_LEVELS) {
		unsigned level = t->where - W_LEVEL;
		if (list_empty(&w->slot[level][t->slot]))
			w->occupied[level] &= ~((uint64_t)1 << t->slot);
	} else if (t->where == W_OVERFLOW && list_empty(&w->overflow)) {
		w->overflow_min = UINT64_MAX;
	}
	if (w->next_valid && t->deadline == w->next)
		w->next_valid = false;
	t->where = W_NONE;
	w->count--;
}

static int lowest_level(const twheel *w)
{
	for (int k = 0; k < TWHEEL_LEVELS; k++)
		if (w->occupied[k])
			return k;
	return -1;
}

static unsigned first_slot(const twheel *w, int level)
{
	return (unsigned)__builtin_ctzll(w->occupied[level]);
}

/* The first tick of slot s of a level, in cur's current span of that level. */
static uint64_t slot_start(const twheel *w, int level, unsigned s)
{
	unsigned shift = (unsigned)level * BITS;
	uint64_t base = w->cur >> (shift + BITS) << (shift + BITS);
	return base | (uint64_t)s << shift;
}

/* Re-places every timer of list `from` relative to cur. */
static void replace_all(twheel *w, twheel_link *from)
{
	twheel_link tmp;
	list_init(&tmp);
	list_splice(&tmp, from);
	while (!list_empty(&tmp)) {
		twheel_timer *t = timer_of(tmp.next);
		list_unlink(&t->link);
		place(w, t);
	}
}

/* After cur moved: cascades whatever starts at (or before) cur. */
static void settle(twheel *w)
{
	for (;;) {
		int level = lowest_level(w);
		if (level == 0)
			return;
		if (level > 0) {
			unsigned s = first_slot(w, level);
			if (slot_start(w, level, s) > w->cur)
				return;
			w->occupied[level] &= ~((uint64_t)1 << s);
			replace_all(w, &w->slot[level][s]);
		} else if (!list_empty(&w->overflow) &&
		           w->overflow_min >> SPAN_BITS <= w->cur >> SPAN_BITS) {
			/* the overflow's minimum becomes exact again here */
			w->overflow_min = UINT64_MAX;
			replace_all(w, &w->overflow);
		} else {
			return;
		}
	}
}

static void set_cur(twheel *w, uint64_t t)
{
	w->cur = t;
	settle(w);
}

/* The time of the next thing to do and its level (TWHEEL_LEVELS for the
 * overflow), or -1 if there is nothing. Always after cur, but for level 0. */
static int next_event(const twheel *w, uint64_t *at)
{
	int level = lowest_level(w);
	if (level >= 0) {
		*at = slot_start(w, level, first_slot(w, level));
		return level;
	}
	if (!list_empty(&w->overflow)) {
		*at = w->overflow_min >> SPAN_BITS << SPAN_BITS;
		return TWHEEL_LEVELS;
	}
	return -1;
}

/* ---- sorting the overdue timers (a stable merge sort by deadline) ---- */

static twheel_link *merge(twheel_link *a, twheel_link *b)
{
	twheel_link head = {NULL, NULL}, *tail = &head;
	while (a && b) {
		if (timer_of(b)->deadline < timer_of(a)->deadline) {
			tail->next = b;
			b = b->next;
		} else {
			tail->next = a;
			a = a->next;
		}
		tail = tail->next;
	}
	tail->next = a ? a : b;
	return head.next;
}

/* Sorts the first n entries of a NULL-terminated singly linked run. */
static twheel_link *sort_run(twheel_link *l, size_t n)
{
	if (n <= 1) {
		if (l)
			l->next = NULL;
		return l;
	}
	twheel_link *mid = l;
	for (size_t i = 1; i < n / 2; i++)
		mid = mid->next;
	twheel_link *rest = mid->next;
	mid->next = NULL;
	return merge(sort_run(l, n / 2), sort_run(rest, n - n / 2));
}

/* Moves the expired timers into `firing`, by deadline. */
static void take_expired(twheel *w)
{
	size_t n = 0;
	for (twheel_link *l = w->expired.next; l != &w->expired; l = l->next)
		n++;
	w->expired.prev->next = NULL;
	twheel_link *l = sort_run(w->expired.next, n);
	list_init(&w->expired);
	while (l) {
		twheel_link *next = l->next;
		timer_of(l)->where = W_FIRING;
		list_append(&w->firing, l);
		l = next;
	}
}

/* ---- the interface ---- */

void twheel_init(twheel *w, uint64_t now)
{
	w->cur = now;
	w->count = 0;
	for (int k = 0; k < TWHEEL_LEVELS; k++) {
		w->occupied[k] = 0;
		for (unsigned s = 0; s < TWHEEL_SLOTS; s++)
			list_init(&w->slot[k][s]);
	}
	list_init(&w->overflow);
	w->overflow_min = UINT64_MAX;
	list_init(&w->expired);
	list_init(&w->firing);
	w->next = UINT64_MAX;
	w->next_valid = true;
}

static void drop_all(twheel_link *h)
{
	while (!list_empty(h)) {
		twheel_timer *t = timer_of(h->next);
		list_unlink(&t->link);
		t->where = W_NONE;
	}
}

void twheel_destroy(twheel *w)
{
	for (int k = 0; k < TWHEEL_LEVELS; k++) {
		for (unsigned s = 0; s < TWHEEL_SLOTS; s++)
			drop_all(&w->slot[k][s]);
		w->occupied[k] = 0;
	}
	drop_all(&w->overflow);
	drop_all(&w->expired);
	drop_all(&w->firing);
	w->count = 0;
	w->overflow_min = UINT64_MAX;
	w->next = UINT64_MAX;
	w->next_valid = true;
}

void twheel_add(twheel *w, twheel_timer *t, uint64_t deadline)
{
	if (t->where != W_NONE)
		detach(w, t);
	t->deadline = deadline;
	place(w, t);
	w->count++;
	if (w->next_valid && deadline < w->next)
		w->next = deadline;
}

void twheel_remove(twheel *w, twheel_timer *t)
{
	if (t->where != W_NONE)
		detach(w, t);
}

/* Fires everything in `firing`, which callbacks may change meanwhile. */
static size_t fire_all(twheel *w, void (*fire)(twheel_timer *, void *), void *arg)
{
	size_t n = 0;
	while (!list_empty(&w->firing)) {
		twheel_timer *t = timer_of(w->firing.next);
		detach(w, t);
		fire(t, arg);
		n++;
	}
	return n;
}

size_t twheel_advance(twheel *w, uint64_t now, void (*fire)(twheel_timer *t, void *arg), void *arg)
{
	size_t fired = 0;
	if (now == UINT64_MAX)
		now--; /* so that cur = now + 1 stays representable */
	if (!list_empty(&w->expired)) {
		take_expired(w);
		fired += fire_all(w, fire, arg);
	}
	for (;;) {
		uint64_t at;
		int level = next_event(w, &at);
		if (level < 0 || at > now)
			break;
		if (level == 0) {
			unsigned s = (unsigned)at & (TWHEEL_SLOTS - 1);
			twheel_link *h = &w->slot[0][s];
			for (twheel_link *l = h->next; l != h; l = l->next)
				timer_of(l)->where = W_FIRING;
			list_splice(&w->firing, h);
			w->occupied[0] &= ~((uint64_t)1 << s);
			/* before the callbacks, so that what they add is placed
			 * relative to the time after this one */
			set_cur(w, at + 1);
			fired += fire_all(w, fire, arg);
		} else {
			set_cur(w, at);
		}
	}
	if (w->cur <= now)
		set_cur(w, now + 1);
	return fired;
}

uint64_t twheel_next_deadline(twheel *w)
{
	if (w->next_valid)
		return w->next;
	uint64_t best = UINT64_MAX;
	/* `firing` is in deadline order */
	if (!list_empty(&w->firing))
		best = timer_of(w->firing.next)->deadline;
	for (twheel_link *l = w->expired.next; l != &w->expired; l = l->next)
		if (timer_of(l)->deadline < best)
			best = timer_of(l)->deadline;
	int level = lowest_level(w);
	if (level == 0) {
		uint64_t d = slot_start(w, 0, first_slot(w, 0));
		if (d < best)
			best = d;
	} else if (level > 0) {
		twheel_link *h = &w->slot[level][first_slot(w, level)];
		for (twheel_link *l = h->next; l != h; l = l->next)
			if (timer_of(l)->deadline < best)
				best = timer_of(l)->deadline;
	} else if (!list_empty(&w->overflow)) {
		uint64_t m = UINT64_MAX;
		for (twheel_link *l = w->overflow.next; l != &w->overflow; l = l->next)
			if (timer_of(l)->deadline < m)
				m = timer_of(l)->deadline;
		w->overflow_min = m;
		if (m < best)
			best = m;
	}
	w->next = best;
	w->next_valid = true;
	return best;
}
