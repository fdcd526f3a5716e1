#include "timers.h"

#include <stdlib.h>

#include "atom.h"
#include "build.h"
#include "copy.h"
#include "ref.h"
#include "sched.h"
#include "signals.h"

struct timer {
	uint64_t deadline, ref;
	term dest, msg; /* msg lives in arena */
	bool wrap;
	kb_heap arena;
};

static struct timer **heap;
static size_t n, cap;

static void swap(size_t a, size_t b)
{
	struct timer *t = heap[a];
	heap[a] = heap[b];
	heap[b] = t;
}

static void up(size_t i)
{
	while (i > 0 && heap[(i - 1) / 2]->deadline > heap[i]->deadline) {
		swap(i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void down(size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < n && heap[l]->deadline < heap[m]->deadline)
			m = l;
		if (r < n && heap[r]->deadline < heap[m]->deadline)
			m = r;
		if (m == i)
			return;
		swap(i, m);
		i = m;
	}
}

static struct timer *remove_at(size_t i)
{
	struct timer *t = heap[i];
	heap[i] = heap[--n];
	if (i < n) {
		down(i);
		up(i);
	}
	return t;
}

static void timer_free(struct timer *t)
{
	heap_free(&t->arena);
	free(t);
}

bool timer_start(term dest, term msg, uint64_t ms, bool wrap, uint64_t *ref)
{
	if (n == cap) {
		size_t c = cap ? 2 * cap : 64;
		struct timer **h = realloc(heap, c * sizeof *h);
		if (!h)
			return false;
		heap = h;
		cap = c;
	}
	struct timer *t = calloc(1, sizeof *t);
	if (!t)
		return false;
	heap_init(&t->arena);
	t->msg = term_copy(&t->arena, msg);
	if (t->msg == THE_NON_VALUE) {
		timer_free(t);
		return false;
	}
	kb_heap tmp;
	heap_init(&tmp);
	ref_new(&tmp, &t->ref);
	heap_free(&tmp);
	t->dest = dest;
	t->wrap = wrap;
	t->deadline = sched_now_ms() + ms;
	heap[n++] = t;
	up(n - 1);
	*ref = t->ref;
	sched_timers_changed();
	return true;
}

static size_t find(uint64_t ref)
{
	for (size_t i = 0; i < n; i++)
		if (heap[i]->ref == ref)
			return i;
	return SIZE_MAX;
}

static uint64_t left_of(const struct timer *t)
{
	uint64_t now = sched_now_ms();
	return t->deadline > now ? t->deadline - now : 0;
}

bool timer_cancel(uint64_t ref, uint64_t *left)
{
	size_t i = find(ref);
	if (i == SIZE_MAX)
		return false;
	struct timer *t = remove_at(i);
	*left = left_of(t);
	timer_free(t);
	sched_timers_changed();
	return true;
}

bool timer_read(uint64_t ref, uint64_t *left)
{
	size_t i = find(ref);
	if (i == SIZE_MAX)
		return false;
	*left = left_of(heap[i]);
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

void timers_fire(uint64_t now, uint64_t *next)
{
	while (n > 0 && heap[0]->deadline <= now) {
		struct timer *t = remove_at(0);
		deliver(t);
		timer_free(t);
	}
	*next = n > 0 ? heap[0]->deadline : UINT64_MAX;
}

bool timers_pending(void) { return n > 0; }

uint64_t timers_next(void) { return n > 0 ? heap[0]->deadline : UINT64_MAX; }
