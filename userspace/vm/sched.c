/* The schedulers: one thread per CPU (+S N), each bound to its CPU unless
 * +sbt u, each with its own run queues (one per priority).
 *
 * A process goes to the run queue of its home scheduler: the one that
 * spawned it, last ran it, or stole it. A scheduler whose queues run dry
 * steals from the others; one that finds nothing spins a little, then
 * sleeps on its parker until a process is queued for it, a timer is due,
 * or another scheduler has more than it can run (a queue holding two or
 * more wakes a sleeper to steal the surplus).
 *
 * The loop takes no global lock for running, yielding, waiting or waking
 * processes: run queues have a spin lock each, processes a try lock
 * (vm/sched.h proc_trylock). The runtime lock is taken to end a process,
 * fire timers and free ended processes.
 */
#include "sched.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bif/bif.h"
#include "build.h"
#include "jit/jit.h"
#include "jit/rt.h"
#include "platform/platform.h"
#include "print.h"
#include "signals.h"
#include "timers.h"

/* ---- the runtime lock (sched.h) ---- */

static pthread_mutex_t grl;
static pthread_once_t grl_once = PTHREAD_ONCE_INIT;

static void grl_init(void)
{
	pthread_mutexattr_t a;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&grl, &a);
	pthread_mutexattr_destroy(&a);
}

void rt_lock(void)
{
	pthread_once(&grl_once, grl_init);
	pthread_mutex_lock(&grl);
}

void rt_unlock(void) { pthread_mutex_unlock(&grl); }

static bool rt_trylock(void)
{
	pthread_once(&grl_once, grl_init);
	return pthread_mutex_trylock(&grl) == 0;
}

/* ---- schedulers and their run queues ---- */

static void spin_lock(uint32_t *l)
{
	while (__atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(l, __ATOMIC_RELAXED))
			__builtin_ia32_pause();
}

static void spin_unlock(uint32_t *l) { __atomic_store_n(l, 0, __ATOMIC_RELEASE); }

struct runq {
	uint32_t lock;
	unsigned normal_turns; /* low runs after every LOW_EVERY normal ones */
	size_t len;            /* read without the lock */
	struct {
		process *head, *tail;
	} q[PRIO_COUNT];
};
#define LOW_EVERY 8

struct slot {
	struct runq rq;
	platform_parker parker;
	uint32_t sleeping; /* parked, or about to: a waker clears it and wakes */
	uint32_t busy;     /* running a process */
	uint64_t epoch;    /* announced (proc_table.c), UINT64_MAX while asleep */
	uint64_t reductions, context_switches;
	scheduler *s;
	pthread_t thread;
} __attribute__((aligned(64)));

static struct slot *slots;
static unsigned nscheds = 1;
static bool bind_cpus = true;
static unsigned nsleeping;
/* The earliest timer deadline, in microseconds (sched_timers_changed). */
static uint64_t next_deadline = UINT64_MAX;

static _Thread_local unsigned self_idx;
static _Thread_local process *current;

unsigned sched_count(void) { return nscheds; }
unsigned sched_self(void) { return self_idx; }
process *sched_current(void) { return current; }
void sched_set_binding(bool bind) { bind_cpus = bind; }

int sched_init(unsigned schedulers)
{
	if (slots)
		return 0;
	nscheds = schedulers ? schedulers : 1;
	slots = aligned_alloc(64, nscheds * sizeof *slots);
	if (!slots)
		return -1;
	memset(slots, 0, nscheds * sizeof *slots);
	for (unsigned i = 0; i < nscheds; i++) {
		slots[i].epoch = UINT64_MAX;
		if (platform_parker_init(&slots[i].parker) != 0)
			return -1;
	}
	return 0;
}

static size_t runq_len(unsigned i) { return __atomic_load_n(&slots[i].rq.len, __ATOMIC_ACQUIRE); }

static void wake_slot(unsigned i)
{
	struct slot *s = &slots[i];
	if (__atomic_load_n(&s->sleeping, __ATOMIC_SEQ_CST) &&
	    __atomic_exchange_n(&s->sleeping, 0, __ATOMIC_SEQ_CST))
		platform_wake(&s->parker);
}

/* Wakes a sleeping scheduler other than `busy`, to steal from it. */
static void wake_helper(unsigned busy)
{
	if (!__atomic_load_n(&nsleeping, __ATOMIC_SEQ_CST))
		return;
	for (unsigned k = 1; k < nscheds; k++) {
		unsigned i = (busy + k) % nscheds;
		if (__atomic_load_n(&slots[i].sleeping, __ATOMIC_RELAXED)) {
			wake_slot(i);
			return;
		}
	}
}

static void runq_push(unsigned i, process *p)
{
	struct runq *q = &slots[i].rq;
	unsigned prio = p->priority < PRIO_COUNT ? p->priority : PRIO_NORMAL;
	p->run_next = NULL;
	spin_lock(&q->lock);
	if (q->q[prio].tail)
		q->q[prio].tail->run_next = p;
	else
		q->q[prio].head = p;
	q->q[prio].tail = p;
	size_t len = q->len + 1;
	__atomic_store_n(&q->len, len, __ATOMIC_SEQ_CST);
	spin_unlock(&q->lock);
	wake_slot(i);
	if (len >= 2)
		wake_helper(i);
}

static process *queue_pop(struct runq *q, unsigned prio)
{
	process *p = q->q[prio].head;
	if (p) {
		q->q[prio].head = p->run_next;
		if (!q->q[prio].head)
			q->q[prio].tail = NULL;
		p->run_next = NULL;
		__atomic_store_n(&q->len, q->len - 1, __ATOMIC_RELEASE);
	}
	return p;
}

/* max and high run before anything below them; low takes a turn after
 * every LOW_EVERY normal ones, as OTP lets low processes progress. */
static process *runq_pop(unsigned i)
{
	struct runq *q = &slots[i].rq;
	if (!runq_len(i))
		return NULL;
	spin_lock(&q->lock);
	process *p;
	if (q->q[PRIO_MAX].head) {
		p = queue_pop(q, PRIO_MAX);
	} else if (q->q[PRIO_HIGH].head) {
		p = queue_pop(q, PRIO_HIGH);
	} else {
		bool low = q->q[PRIO_LOW].head &&
		           (!q->q[PRIO_NORMAL].head || ++q->normal_turns % LOW_EVERY == 0);
		p = queue_pop(q, low ? PRIO_LOW : PRIO_NORMAL);
	}
	spin_unlock(&q->lock);
	return p;
}

/* A process from another scheduler's queue, which becomes its home: the
 * surplus of a busy one (beyond the process it will run next), or any of
 * one that is not running a process or whose CPU the OS has taken (the
 * module's control page says so). */
/* Takes a process from scheduler i's queue for scheduler me. */
static process *take_from(unsigned i, unsigned me)
{
	process *p = runq_pop(i);
	if (p)
		p->home = me;
	return p;
}

static process *steal(unsigned me)
{
	for (unsigned k = 1; k < nscheds; k++) {
		unsigned i = (me + k) % nscheds;
		size_t len = runq_len(i);
		if (!len || (len == 1 && __atomic_load_n(&slots[i].busy, __ATOMIC_RELAXED) &&
		             !platform_descheduled(&slots[i].parker)))
			continue;
		process *p = take_from(i, me);
		if (p)
			return p;
	}
	return NULL;
}

/* A process queued behind one that has held its scheduler since this
 * scheduler last looked (a long BIF, a long collection): taken rather
 * than left to wait. *behind is set when some busy scheduler has a queue
 * at all (worth looking again soon). */
static _Thread_local uint64_t *seen_switches;

static process *steal_stuck(unsigned me, bool *behind)
{
	*behind = false;
	if (!seen_switches && !(seen_switches = calloc(nscheds, sizeof *seen_switches)))
		return NULL;
	for (unsigned k = 1; k < nscheds; k++) {
		unsigned i = (me + k) % nscheds;
		if (!runq_len(i) || !__atomic_load_n(&slots[i].busy, __ATOMIC_RELAXED))
			continue;
		*behind = true;
		uint64_t sw = __atomic_load_n(&slots[i].context_switches, __ATOMIC_RELAXED);
		if (sw != seen_switches[i]) {
			seen_switches[i] = sw;
			continue;
		}
		process *p = take_from(i, me);
		if (p)
			return p;
	}
	return NULL;
}

/* Whether there is work for scheduler `me`: in its queue, or to steal. */
static bool any_work(unsigned me)
{
	for (unsigned i = 0; i < nscheds; i++) {
		size_t len = runq_len(i);
		if (len > 1 ||
		    (len == 1 && (i == me || !__atomic_load_n(&slots[i].busy, __ATOMIC_RELAXED) ||
		                  platform_descheduled(&slots[i].parker))))
			return true;
	}
	return false;
}

/* A process woken by a running one goes to the waker's queue: message
 * chains (a ring, a request and its reply) then stay on one core, where
 * the receiver runs as soon as the sender waits, and spread over the
 * others only when work piles up there (steal). */
void sched_make_runnable(process *p)
{
	unsigned waiting = PROC_WAITING;
	if (!__atomic_compare_exchange_n(&p->state, &waiting, PROC_RUNNABLE, false,
	                                 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		return;
	if (current)
		p->home = self_idx;
	runq_push(p->home < nscheds ? p->home : 0, p);
}

void sched_requeue(process *p) { runq_push(p->home < nscheds ? p->home : 0, p); }

size_t sched_queue_length(unsigned i) { return i < nscheds ? runq_len(i) : 0; }

bool sched_busy(unsigned i)
{
	return i < nscheds && __atomic_load_n(&slots[i].busy, __ATOMIC_RELAXED);
}

bool sched_bound(void) { return bind_cpus; }

size_t sched_run_queue_length(void)
{
	size_t n = 0;
	for (unsigned i = 0; i < nscheds; i++)
		n += runq_len(i);
	return n;
}

void sched_count_slice(process *p)
{
	struct slot *sl = &slots[self_idx];
	uint64_t used = p->reds < CONTEXT_REDS ? (uint64_t)(CONTEXT_REDS - p->reds) : 0;
	p->reductions += used;
	__atomic_store_n(&sl->reductions, sl->reductions + used, __ATOMIC_RELAXED);
	p->reds = CONTEXT_REDS;
}

bool sched_should_yield(const process *p)
{
	/* a process alone on its scheduler runs on, unless another waits to
	 * inspect it (vm/inspect.c) */
	if (runq_len(self_idx) || __atomic_load_n(&p->inspect, __ATOMIC_RELAXED) ||
	    __atomic_load_n(&p->pending_exit, __ATOMIC_SEQ_CST) != THE_NON_VALUE)
		return true;
	uint64_t due = __atomic_load_n(&next_deadline, __ATOMIC_RELAXED);
	return due != UINT64_MAX && sched_now_us() >= due;
}

uint64_t sched_epochs_min(void)
{
	uint64_t min = UINT64_MAX;
	for (unsigned i = 0; i < nscheds; i++) {
		uint64_t e = __atomic_load_n(&slots[i].epoch, __ATOMIC_SEQ_CST);
		if (e < min)
			min = e;
	}
	return min;
}

/* ---- timers ---- */

void sched_timers_changed(void)
{
	uint64_t next = timers_next_us();
	uint64_t was = __atomic_exchange_n(&next_deadline, next, __ATOMIC_SEQ_CST);
	/* when every other scheduler sleeps, they may sleep past an earlier
	 * deadline: one wakes to sleep again until it */
	if (next < was && nscheds > 1 &&
	    __atomic_load_n(&nsleeping, __ATOMIC_RELAXED) == nscheds - 1)
		wake_helper(self_idx);
}

static void fire_due_timers(void)
{
	uint64_t due = __atomic_load_n(&next_deadline, __ATOMIC_RELAXED);
	if (due == UINT64_MAX || sched_now_us() < due || !rt_trylock())
		return;
	timers_fire(sched_now_us());
	sched_timers_changed();
	rt_unlock();
}

/* ---- statistics ---- */

static uint64_t start_ms;
static uint64_t last_reductions, last_wall_ms, last_runtime_ms;

void sched_stats(struct sched_stats *st, bool exact)
{
	uint64_t now = sched_now_ms(), reductions = 0, switches = 0;
	st->running = 0;
	for (unsigned i = 0; i < nscheds; i++) {
		reductions += __atomic_load_n(&slots[i].reductions, __ATOMIC_RELAXED);
		switches += __atomic_load_n(&slots[i].context_switches, __ATOMIC_RELAXED);
		st->running += sched_busy(i);
	}
	/* exact: the caller's slice so far counts too (exact_reductions) */
	if (exact && current && current->reds < CONTEXT_REDS)
		reductions += (uint64_t)(CONTEXT_REDS - current->reds);
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	uint64_t runtime = (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
	st->reductions = reductions;
	st->reductions_since = reductions - last_reductions;
	last_reductions = reductions;
	st->context_switches = switches;
	st->wall_ms = now - start_ms;
	st->wall_since = now - (last_wall_ms ? last_wall_ms : start_ms);
	last_wall_ms = now;
	st->runtime_ms = runtime;
	st->runtime_since = runtime - last_runtime_ms;
	last_runtime_ms = runtime;
	st->run_queue = sched_run_queue_length();
}

/* ---- ending processes ---- */

/* Exit reason of a crash: error:R -> {R, Stack}, exit:R -> R,
 * throw:R -> {{nocatch, R}, Stack}. */
static term crash_reason(process *p)
{
	if (p->freason == EXC_EXIT)
		return p->fvalue;
	term stack = rt_build_stacktrace(p, p->stacktrace);
	term r = p->fvalue;
	if (p->freason == EXC_THROW)
		r = build_tuple2(&p->heap, atom_from_cstr("nocatch"), r);
	r = build_tuple2(&p->heap, r, stack);
	return r == THE_NON_VALUE ? ATOM(system_limit) : r;
}

/* An uncaught exception ends a process: said on stderr, with the
 * stack trace (OTP's logger prints an error report). */
static void report_crash(process *p)
{
	static const char *const cls[] = {"none", "error", "exit", "throw"};
	size_t len;
	char *pid = term_to_text(p->id, &len);
	char *call = term_to_text(p->initial_call, &len);
	char *why = term_to_text(p->fvalue, &len);
	char *trace = term_to_text(rt_build_stacktrace(p, p->stacktrace), &len);
	fprintf(stderr, "kbeam: process %s (%s) crashed: %s:%s\n  stack trace: %s\n",
	        pid ? pid : "?", call ? call : "?", cls[p->freason <= EXC_THROW ? p->freason : 0],
	        why ? why : "?", trace ? trace : "?");
	free(pid);
	free(call);
	free(why);
	free(trace);
}

static term first_pid;
static bool stopping;
static int first_status = 1;

static void stop_all(int status)
{
	first_status = status;
	__atomic_store_n(&stopping, true, __ATOMIC_SEQ_CST);
	for (unsigned i = 0; i < nscheds; i++) {
		__atomic_store_n(&slots[i].sleeping, 0, __ATOMIC_SEQ_CST);
		platform_wake(&slots[i].parker);
	}
}

static bool is_stopping(void) { return __atomic_load_n(&stopping, __ATOMIC_SEQ_CST); }

/* p ends with `reason` (its lock stays held: no one touches it again). */
static void end_process(process *p, term reason, int status)
{
	bool is_first = p->id == first_pid;
	rt_lock();
	proc_exit(p, reason);
	if (is_first)
		stop_all(status);
	rt_unlock();
}

/* ---- sleeping ---- */

/* Schedulers asleep with no deadline (runtime lock): all of them, with
 * nothing queued and no timer, means every process waits for ever. */
static unsigned idle_forever;

#define IDLE_SPINS 2000

/* How long a scheduler sleeps at most while a busy one has processes
 * queued behind it: it then looks whether that one is stuck. */
#define STUCK_CHECK_US 1000

static void idle(unsigned me)
{
	struct slot *sl = &slots[me];
	for (unsigned i = 0; i < IDLE_SPINS; i++) {
		if (any_work(me) || is_stopping())
			return;
		__builtin_ia32_pause();
	}
	bool behind;
	process *stuck = steal_stuck(me, &behind);
	if (stuck) {
		runq_push(me, stuck);
		return;
	}
	uint64_t due = __atomic_load_n(&next_deadline, __ATOMIC_SEQ_CST), now = sched_now_us();
	if (due <= now)
		return;
	if (behind && due - now > STUCK_CHECK_US)
		due = now + STUCK_CHECK_US;
	__atomic_store_n(&sl->epoch, UINT64_MAX, __ATOMIC_SEQ_CST);
	__atomic_store_n(&sl->sleeping, 1, __ATOMIC_SEQ_CST);
	__atomic_fetch_add(&nsleeping, 1, __ATOMIC_SEQ_CST);
	bool forever = due == UINT64_MAX, dead = false;
	if (forever) {
		rt_lock();
		idle_forever++;
		dead =
		    idle_forever == nscheds && !any_work(me) && !timers_pending() && !is_stopping();
		if (dead) {
			if (proc_lookup(first_pid))
				fprintf(stderr, "kbeam: every process waits for a message that no "
				                "process can send\n");
			stop_all(1);
		}
		rt_unlock();
	}
	/* work that came after the spin wakes it, or is seen here */
	if (!dead && !any_work(me) && !is_stopping() &&
	    __atomic_load_n(&next_deadline, __ATOMIC_SEQ_CST) >= due)
		platform_park(&sl->parker, forever ? -1 : (int64_t)(due - now));
	__atomic_store_n(&sl->sleeping, 0, __ATOMIC_SEQ_CST);
	__atomic_fetch_sub(&nsleeping, 1, __ATOMIC_SEQ_CST);
	if (forever) {
		rt_lock();
		idle_forever--;
		rt_unlock();
	}
}

/* ---- the loop ---- */

static void run_one(unsigned me, process *p)
{
	struct slot *sl = &slots[me];
	if (__atomic_load_n(&p->pending_exit, __ATOMIC_SEQ_CST) != THE_NON_VALUE) {
		rt_lock();
		term r = p->pending_exit;
		p->pending_exit = THE_NON_VALUE;
		rt_unlock();
		end_process(p, r, 1);
		return;
	}
	__atomic_store_n(&p->state, PROC_RUNNING, __ATOMIC_SEQ_CST);
	p->reds = CONTEXT_REDS;
	sl->s->tick_seen = *sl->s->tick;
	current = p;
	__atomic_store_n(&sl->busy, 1, __ATOMIC_RELAXED);
	int r = jit_resume(sl->s, p);
	__atomic_store_n(&sl->busy, 0, __ATOMIC_RELAXED);
	current = NULL;
	sched_count_slice(p);
	__atomic_store_n(&sl->context_switches, sl->context_switches + 1, __ATOMIC_RELAXED);
	switch (r) {
	case RUN_YIELD:
		__atomic_store_n(&p->state, PROC_RUNNABLE, __ATOMIC_SEQ_CST);
		if (proc_hold_for_inspection(p)) {
			proc_unlock(p); /* the inspector queues it when done */
			break;
		}
		proc_unlock(p);
		runq_push(me, p);
		break;
	case RUN_WAITING:
		/* a message, exit signal or deadline that came while it ran
		 * wakes it again (deliver.c: no lost wake-up) */
		__atomic_store_n(&p->state, PROC_WAITING, __ATOMIC_SEQ_CST);
		proc_unlock(p);
		if (proc_inbox_nonempty(p) ||
		    __atomic_load_n(&p->pending_exit, __ATOMIC_SEQ_CST) != THE_NON_VALUE ||
		    __atomic_load_n(&p->timed_out, __ATOMIC_SEQ_CST))
			sched_make_runnable(p);
		break;
	case RUN_RETURNED:
		end_process(p, ATOM(normal), 0);
		break;
	default: {
		bool is_first = p->id == first_pid;
		term reason = crash_reason(p);
		/* as OTP: errors and uncaught throws are reported, exits not */
		if (p->freason != EXC_EXIT || is_first)
			report_crash(p);
		end_process(p, reason, 1);
		break;
	}
	}
}

/* What a scheduler's tick points at without the module: never moves. */
static const uint64_t no_tick;

static void sched_loop(unsigned me)
{
	struct slot *sl = &slots[me];
	self_idx = me;
	const volatile uint64_t *tick = platform_tick(&sl->parker);
	sl->s->tick = tick ? tick : &no_tick;
	unsigned turn = 0;
	while (!is_stopping()) {
		/* no pointer to another process is held here */
		__atomic_store_n(&sl->epoch, proc_epoch_now(), __ATOMIC_SEQ_CST);
		fire_due_timers();
		if ((++turn & 15) == 0 && proc_table_limbo() && rt_trylock()) {
			proc_table_reclaim();
			rt_unlock();
		}
		process *p = runq_pop(me);
		if (!p)
			p = steal(me);
		if (!p) {
			idle(me);
			continue;
		}
		if (!proc_trylock(p)) {
			/* a sender is copying into it: run it a little later */
			runq_push(me, p);
			continue;
		}
		run_one(me, p);
	}
	__atomic_store_n(&sl->epoch, UINT64_MAX, __ATOMIC_SEQ_CST);
	free(seen_switches);
	seen_switches = NULL;
}

static void *sched_thread(void *arg)
{
	unsigned me = (unsigned)(uintptr_t)arg;
	if (bind_cpus)
		platform_bind_sched(platform_cpu_id(me), &slots[me].parker);
	sched_loop(me);
	return NULL;
}

int sched_run(scheduler *s, process *first)
{
	first_pid = first->id;
	if (!start_ms)
		start_ms = sched_now_ms();
	slots[0].s = s;
	unsigned started = 1;
	for (unsigned i = 1; i < nscheds; i++) {
		slots[i].s = calloc(1, sizeof(scheduler));
		if (!slots[i].s || pthread_create(&slots[i].thread, NULL, sched_thread,
		                                  (void *)(uintptr_t)i) != 0) {
			free(slots[i].s);
			slots[i].s = NULL;
			break;
		}
		started = i + 1;
	}
	if (started < nscheds) {
		rt_lock();
		nscheds = started; /* fewer threads than asked: run with those */
		rt_unlock();
	}
	if (bind_cpus)
		platform_bind_sched(platform_cpu_id(0), &slots[0].parker);
	sched_loop(0);
	for (unsigned i = 1; i < started; i++) {
		pthread_join(slots[i].thread, NULL);
		free(slots[i].s);
	}
	return first_status;
}
