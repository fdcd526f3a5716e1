#include "timers.h"

#include <stdlib.h>
#include <time.h>

#include "atom.h"
#include "build.h"
#include "copy.h"
#include "ref.h"
#include "sched.h"
#include "signals.h"
#include "timer_wheel.h"

/* An erlang timer. The process's receive timeout is a twheel_timer in
 * the process (process.h wait_timer); `kind` tells them apart. */
struct timer {
	struct timer_entry e;
	uint64_t ref;
	term dest, msg; /* msg lives in arena */
	bool wrap;
	kb_heap arena;
	struct timer *hnext; /* hash chain */
};

static twheel wheel;
static bool wheel_ready;

/* ---- the clock ---- */

uint64_t sched_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

uint64_t sched_now_ms(void) { return sched_now_us() / 1000; }

static twheel *the_wheel(void)
{
	if (!wheel_ready) {
		twheel_init(&wheel, sched_now_us() / TIMER_TICK_US);
		wheel_ready = true;
	}
	return &wheel;
}

/* The tick a timer `ms` from now is due at: never before. */
static uint64_t deadline_tick(uint64_t ms)
{
	return (sched_now_us() + ms * 1000 + TIMER_TICK_US - 1) / TIMER_TICK_US;
}

/* ---- erlang timers by reference ---- */

static struct timer **buckets;
static size_t nbuckets, ntimers;

static size_t bucket_of(uint64_t ref)
{
	return (size_t)(ref * 0x9e3779b97f4a7c15ull >> 20) & (nbuckets - 1);
}

static bool hash_grow(void)
{
	size_t n = nbuckets ? 2 * nbuckets : 64;
	struct timer **b = calloc(n, sizeof *b);
	if (!b)
		return false;
	struct timer **old = buckets;
	size_t oldn = nbuckets;
	buckets = b;
	nbuckets = n;
	for (size_t i = 0; i < oldn; i++) {
		for (struct timer *t = old[i], *next; t; t = next) {
			next = t->hnext;
			size_t k = bucket_of(t->ref);
			t->hnext = buckets[k];
			buckets[k] = t;
		}
	}
	free(old);
	return true;
}

static struct timer **hash_slot(uint64_t ref)
{
	if (!nbuckets)
		return NULL;
	struct timer **s = &buckets[bucket_of(ref)];
	while (*s && (*s)->ref != ref)
		s = &(*s)->hnext;
	return *s ? s : NULL;
}

static void timer_free(struct timer *t)
{
	heap_free(&t->arena);
	free(t);
}

/* Takes the timer out of the wheel and the table. */
static void unlink_timer(struct timer **slot)
{
	struct timer *t = *slot;
	*slot = t->hnext;
	ntimers--;
	twheel_remove(the_wheel(), &t->e.wt);
}

bool timer_start(term dest, term msg, uint64_t ms, bool wrap, uint64_t *ref)
{
	if (ntimers >= nbuckets && !hash_grow())
		return false;
	struct timer *t = calloc(1, sizeof *t);
	if (!t)
		return false;
	heap_init(&t->arena);
	/* an arena of the message's size (start_timer's wrapping tuple,
	 * built when it fires, takes a fragment of its own) */
	t->msg = term_copy_exact(&t->arena, msg);
	if (t->msg == THE_NON_VALUE) {
		timer_free(t);
		return false;
	}
	kb_heap tmp;
	heap_init(&tmp);
	ref_new(&tmp, &t->ref);
	heap_free(&tmp);
	t->e.kind = TIMER_ERLANG;
	t->dest = dest;
	t->wrap = wrap;
	size_t k = bucket_of(t->ref);
	t->hnext = buckets[k];
	buckets[k] = t;
	ntimers++;
	twheel_add(the_wheel(), &t->e.wt, deadline_tick(ms));
	*ref = t->ref;
	sched_timers_changed();
	return true;
}

/* Milliseconds left, to the nearest (the deadline was rounded up to a
 * tick: a timer read at once reads the time it was set for). */
static uint64_t left_of(const struct timer *t)
{
	uint64_t now = sched_now_us(), due = t->e.wt.deadline * TIMER_TICK_US;
	return due > now ? (due - now + 500) / 1000 : 0;
}

bool timer_cancel(uint64_t ref, uint64_t *left)
{
	struct timer **s = hash_slot(ref);
	if (!s)
		return false;
	struct timer *t = *s;
	*left = left_of(t);
	unlink_timer(s);
	timer_free(t);
	sched_timers_changed();
	return true;
}

bool timer_read(uint64_t ref, uint64_t *left)
{
	struct timer **s = hash_slot(ref);
	if (!s)
		return false;
	*left = left_of(*s);
	return true;
}

static void deliver(struct timer *t)
{
	term dest = t->dest;
	if (is_atom(dest))
		dest = reg_whereis(dest);
	process *to = dest == THE_NON_VALUE ? NULL : proc_lookup(dest);
	if (!to)
		return;
	term msg = t->msg;
	if (t->wrap) {
		term r = ref_from_number(&t->arena, t->ref);
		msg = build_tuple3(&t->arena, atom_from_cstr("timeout"), r, msg);
		if (msg == THE_NON_VALUE)
			return;
	}
	proc_deliver(to, msg);
}

/* ---- receive timeouts ---- */

void timer_arm_wait(process *p, uint64_t ms)
{
	if (p->timer_armed)
		return;
	p->wait_timer.kind = TIMER_WAIT;
	__atomic_store_n(&p->timer_armed, true, __ATOMIC_RELAXED);
	__atomic_store_n(&p->timed_out, false, __ATOMIC_SEQ_CST);
	twheel_add(the_wheel(), &p->wait_timer.wt, deadline_tick(ms));
	sched_timers_changed();
}

void timer_disarm_wait(process *p)
{
	__atomic_store_n(&p->timed_out, false, __ATOMIC_SEQ_CST);
	if (!p->timer_armed)
		return;
	__atomic_store_n(&p->timer_armed, false, __ATOMIC_RELAXED);
	twheel_remove(the_wheel(), &p->wait_timer.wt);
	sched_timers_changed();
}

/* ---- firing ---- */

static void fire(twheel_timer *wt, void *arg)
{
	(void)arg;
	struct timer_entry *e = twheel_entry(wt, struct timer_entry, wt);
	if (e->kind == TIMER_WAIT) {
		process *p = twheel_entry(e, process, wait_timer);
		__atomic_store_n(&p->timer_armed, false, __ATOMIC_RELAXED);
		__atomic_store_n(&p->timed_out, true, __ATOMIC_SEQ_CST);
		sched_make_runnable(p);
		return;
	}
	struct timer *t = twheel_entry(e, struct timer, e);
	struct timer **s = hash_slot(t->ref);
	if (s) {
		*s = t->hnext;
		ntimers--;
	}
	deliver(t);
	timer_free(t);
}

void timers_fire(uint64_t now_us)
{
	twheel *w = the_wheel();
	/* what a callback adds in the past fires at the next advance */
	for (int i = 0; i < 4 && timers_next_us() <= now_us; i++)
		twheel_advance(w, now_us / TIMER_TICK_US, fire, NULL);
}

uint64_t timers_next_us(void)
{
	uint64_t t = twheel_next_deadline(the_wheel());
	return t == UINT64_MAX ? t : t * TIMER_TICK_US;
}

bool timers_pending(void) { return twheel_count(the_wheel()) > 0; }
