/* A hierarchical timing wheel (timer_wheel.c): a pure data structure
 * holding many timers with deadlines in ticks of the caller's choosing
 * (kbeam's are TIMER_TICK_US microseconds: vm/timers.h), for a scheduler that
 * sleeps until the next deadline and then fires what is due. Adding and
 * removing a timer are O(1); advancing costs in proportion to the timers
 * fired or moved down a level, not to the milliseconds passed, so a long
 * sleep with few timers is cheap. It does no locking and reads no clock:
 * the caller passes monotonic times in ticks and serializes all calls.
 *
 * Timers are intrusive: embed a twheel_timer in your own struct and get
 * back to it with twheel_entry(). A zeroed twheel_timer (or one passed to
 * twheel_timer_init) is not pending. A timer is in at most one wheel at
 * a time. The wheel holds pointers into itself: do not move or copy it
 * between twheel_init and twheel_destroy.
 *
 * Times are below UINT64_MAX: a timer with deadline UINT64_MAX never
 * fires, and twheel_next_deadline returns UINT64_MAX for an empty wheel. */
#ifndef KBEAM_VM_TIMER_WHEEL_H
#define KBEAM_VM_TIMER_WHEEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TWHEEL_LEVEL_BITS 6
#define TWHEEL_SLOTS (1u << TWHEEL_LEVEL_BITS)
/* Level k's slots are 64^k ticks wide; the levels together cover 64^4 ticks
 * (about 4.5 minutes of kbeam's 16 us ticks); farther deadlines wait in
 * an overflow list. */
#define TWHEEL_LEVELS 4

typedef struct twheel_link {
	struct twheel_link *next, *prev;
} twheel_link;

typedef struct twheel_timer {
	twheel_link link;
	uint64_t deadline;
	uint8_t where; /* 0 when not pending; else which list (timer_wheel.c) */
	uint8_t slot;  /* the slot, when in a level */
} twheel_timer;

/* The struct of type `type` whose member `member` is the twheel_timer at ptr. */
#define twheel_entry(ptr, type, member) ((type *)(void *)((char *)(ptr)-offsetof(type, member)))

typedef struct twheel {
	uint64_t cur;                     /* the first tick not yet processed */
	size_t count;                     /* pending timers */
	uint64_t occupied[TWHEEL_LEVELS]; /* bit s: slot[level][s] is not empty */
	twheel_link slot[TWHEEL_LEVELS][TWHEEL_SLOTS];
	twheel_link overflow;  /* deadlines beyond the levels' reach */
	uint64_t overflow_min; /* <= every deadline in overflow */
	twheel_link expired;   /* deadlines before cur: due at the next advance */
	twheel_link firing;    /* due now, being fired by twheel_advance */
	uint64_t next;         /* twheel_next_deadline's answer, if next_valid */
	bool next_valid;
} twheel;

void twheel_init(twheel *w, uint64_t now);
/* Leaves every timer still in the wheel not pending; frees nothing. */
void twheel_destroy(twheel *w);

static inline void twheel_timer_init(twheel_timer *t)
{
	t->link.next = t->link.prev = NULL;
	t->deadline = 0;
	t->where = 0;
	t->slot = 0;
}

/* Arms t for `deadline` (re-arms it if it is pending already). A deadline
 * at or before the wheel's time (the last `now` given) fires at the next
 * advance. O(1). */
void twheel_add(twheel *w, twheel_timer *t, uint64_t deadline);
/* Disarms t; nothing happens if it is not pending. O(1). */
void twheel_remove(twheel *w, twheel_timer *t);
static inline bool twheel_pending(const twheel_timer *t) { return t->where != 0; }

/* Moves the wheel's time to `now` and calls fire(t, arg) for every pending
 * timer with deadline <= now, in deadline order (ties in the order they
 * were added), each taken out of the wheel just before its call. fire may
 * add and remove timers, the fired one included; a timer it adds with a
 * deadline at or before the time being fired (or the wheel's time before
 * this call, if later) fires at the next advance, not in this one, so a
 * timer that keeps re-arming itself in the past cannot loop forever. fire
 * must not call twheel_advance. Returns the number of timers fired. */
size_t twheel_advance(twheel *w, uint64_t now, void (*fire)(twheel_timer *t, void *arg), void *arg);

/* The earliest deadline of a pending timer (exact), or UINT64_MAX when
 * there is none. Cached; recomputing it looks at one slot's timers (or
 * the overflow list when the levels are empty) and the overdue ones. */
uint64_t twheel_next_deadline(twheel *w);
static inline size_t twheel_count(const twheel *w) { return w->count; }

#endif
