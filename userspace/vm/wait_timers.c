/* Receive deadlines (receive ... after): a min-heap of the waiting
 * processes by deadline, under the runtime lock. A process arms its own
 * deadline when its receive first waits; taking a message or timing out
 * disarms it; the scheduler loop fires the due ones (sched.c). */
#include <stdlib.h>
#include <time.h>

#include "sched.h"

static process **timers;
static size_t ntimers, timers_cap;

uint64_t sched_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void timer_swap(size_t a, size_t b)
{
	process *t = timers[a];
	timers[a] = timers[b];
	timers[b] = t;
	timers[a]->timer_slot = a;
	timers[b]->timer_slot = b;
}

static void timer_up(size_t i)
{
	while (i > 0 && timers[(i - 1) / 2]->timer_deadline > timers[i]->timer_deadline) {
		timer_swap(i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void timer_down(size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < ntimers && timers[l]->timer_deadline < timers[m]->timer_deadline)
			m = l;
		if (r < ntimers && timers[r]->timer_deadline < timers[m]->timer_deadline)
			m = r;
		if (m == i)
			return;
		timer_swap(i, m);
		i = m;
	}
}

void sched_arm_timer(process *p, uint64_t ms)
{
	if (p->timer_armed)
		return;
	if (ntimers == timers_cap) {
		size_t cap = timers_cap ? 2 * timers_cap : 64;
		process **n = realloc(timers, cap * sizeof *n);
		if (!n)
			return; /* the wait then lasts until a message comes */
		timers = n;
		timers_cap = cap;
	}
	p->timer_deadline = sched_now_ms() + ms;
	__atomic_store_n(&p->timer_armed, true, __ATOMIC_RELAXED);
	__atomic_store_n(&p->timed_out, false, __ATOMIC_SEQ_CST);
	p->timer_slot = ntimers;
	timers[ntimers++] = p;
	timer_up(p->timer_slot);
	sched_timers_changed();
}

void sched_disarm_timer(process *p)
{
	__atomic_store_n(&p->timed_out, false, __ATOMIC_SEQ_CST);
	if (!p->timer_armed)
		return;
	__atomic_store_n(&p->timer_armed, false, __ATOMIC_RELAXED);
	size_t i = p->timer_slot;
	ntimers--;
	if (i != ntimers) {
		timers[i] = timers[ntimers];
		timers[i]->timer_slot = i;
		timer_down(i);
		timer_up(i);
	}
	sched_timers_changed();
}

uint64_t wait_timers_next(void) { return ntimers ? timers[0]->timer_deadline : UINT64_MAX; }

void wait_timers_fire(uint64_t now)
{
	while (ntimers > 0 && timers[0]->timer_deadline <= now) {
		process *p = timers[0];
		sched_disarm_timer(p);
		__atomic_store_n(&p->timed_out, true, __ATOMIC_SEQ_CST);
		sched_make_runnable(p);
	}
}
