#include "sched.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bif/bif.h"
#include "build.h"
#include "code_server.h"
#include "copy.h"
#include "gc.h"
#include "jit/jit.h"
#include "mailbox.h"
#include "jit/rt.h"
#include "print.h"
#include "signals.h"
#include "timers.h"

/* ---- the runtime lock (sched.h) ---- */

static pthread_mutex_t grl;
static pthread_cond_t rq_cond = PTHREAD_COND_INITIALIZER;
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

/* Schedulers waiting for work (under the runtime lock). */
static unsigned idle;

/* The process this thread runs now, if any. */
static _Thread_local process *current;
static unsigned nscheds = 1;

unsigned sched_count(void) { return nscheds; }


/* ---- the process table: slot i holds the pid with data i ---- */

static process **ptab;
static size_t ptab_size, nprocs, next_slot;

int node_init(size_t process_limit)
{
	if (ptab)
		return 0;
	if (process_limit < 1024)
		process_limit = 1024;
	ptab = calloc(process_limit, sizeof *ptab);
	if (!ptab)
		return -ENOMEM;
	ptab_size = process_limit;
	next_slot = 0;
	return 0;
}

size_t node_process_limit(void) { return ptab_size; }

size_t node_process_memory(void)
{
	size_t bytes = 0;
	for (size_t i = 0; i < ptab_size; i++) {
		const process *p = ptab[i];
		if (!p || p->state == PROC_FREE)
			continue;
		bytes += sizeof *p + process_heap_bytes(p) + p->mbox_cap * sizeof(term) +
		         p->xsave_cap * sizeof(term) + p->links_cap * sizeof(term) +
		         p->monitors_cap * sizeof(struct monitor);
	}
	return bytes;
}
size_t node_process_count(void) { return nprocs; }

process *proc_lookup(term pid)
{
	if (!is_local_pid(pid))
		return NULL;
	uint64_t i = local_pid_data(pid);
	if (i >= ptab_size || !ptab[i] || ptab[i]->id != pid || ptab[i]->state == PROC_FREE)
		return NULL;
	return ptab[i];
}

size_t proc_list(term *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < ptab_size && n < max; i++)
		if (ptab[i] && ptab[i]->state != PROC_FREE && ptab[i]->state != PROC_EXITING)
			out[n++] = ptab[i]->id;
	return n;
}

/* A free slot, searched from after the last one given (pids are reused
 * late, as OTP's). */
static bool take_slot(size_t *slot)
{
	if (nprocs >= ptab_size)
		return false;
	for (size_t k = 0; k < ptab_size; k++) {
		size_t i = (next_slot + k) % ptab_size;
		if (!ptab[i]) {
			next_slot = i + 1;
			*slot = i;
			return true;
		}
	}
	return false;
}

struct inbox_msg {
	struct inbox_msg *next;
	term msg;
	kb_heap arena;
};

static void free_inbox(process *p)
{
	struct inbox_msg *m = p->inbox_head;
	while (m) {
		struct inbox_msg *n = m->next;
		heap_free(&m->arena);
		free(m);
		m = n;
	}
	p->inbox_head = p->inbox_tail = NULL;
	p->inbox_len = 0;
	if (p->pending_arena) {
		heap_free(p->pending_arena);
		free(p->pending_arena);
		p->pending_arena = NULL;
	}
}

void proc_take_inbox(process *p)
{
	rt_lock();
	struct inbox_msg *m = p->inbox_head;
	__atomic_store_n(&p->inbox_head, NULL, __ATOMIC_RELAXED);
	p->inbox_tail = NULL;
	p->inbox_len = 0;
	rt_unlock();
	while (m) {
		struct inbox_msg *n = m->next;
		heap_adopt(&p->heap, &m->arena);
		mbox_push(p, m->msg);
		free(m);
		m = n;
	}
}

static void free_process(process *p)
{
	free_inbox(p);
	uint64_t i = local_pid_data(p->id);
	if (i < ptab_size && ptab[i] == p)
		ptab[i] = NULL;
	nprocs--;
	process_memory_free(p);
	free(p->xsave);
	free(p->links);
	free(p->monitors);
	free(p);
}

/* A process with its memory and an entry with arguments in xsave. */
static process *new_process(process *parent, const spawn_opts *o)
{
	size_t slot;
	if (!take_slot(&slot)) {
		if (parent)
			bif_system_limit(parent);
		return NULL;
	}
	process *p = calloc(1, sizeof *p);
	if (!p || process_memory_init(p, o ? o->min_heap_size : 0) != 0) {
		free(p);
		if (parent)
			bif_no_memory(parent);
		return NULL;
	}
	if (o && o->fullsweep_set)
		p->fullsweep_after = o->fullsweep_after;
	p->priority = o && o->has_priority ? (unsigned)o->priority : PRIO_NORMAL;
	p->group_leader = parent ? parent->group_leader : make_local_pid(slot);
	p->id = make_local_pid(slot);
	p->reds = 4000;
	p->pending_exit = THE_NON_VALUE;
	p->registered_name = NIL;
	p->exit_reason = ATOM(normal);
	p->state = PROC_EXITING; /* not runnable until its entry is set */
	ptab[slot] = p;
	nprocs++;
	return p;
}

static bool save_args(process *p, const term *args, unsigned n)
{
	if (n > p->xsave_cap) {
		term *x = realloc(p->xsave, n * sizeof *x);
		if (!x)
			return false;
		p->xsave = x;
		p->xsave_cap = n;
	}
	for (unsigned i = 0; i < n; i++)
		p->xsave[i] = args[i];
	p->xsave_len = n;
	return true;
}

static void start_links(process *parent, process *p, const spawn_opts *o)
{
	if (parent && o && o->link)
		sig_link(parent, p);
	sched_make_runnable(p);
}

process *proc_spawn(process *parent, term module, term function, term args, const spawn_opts *o)
{
	term a[256];
	unsigned n = 0;
	for (term l = args; l != NIL; l = list_tail(l)) {
		if (!is_list(l) || n == 255) {
			if (parent)
				bif_badarg(parent);
			return NULL;
		}
		a[n++] = list_head(l);
	}
	if (!is_atom(module) || !is_atom(function)) {
		if (parent)
			bif_badarg(parent);
		return NULL;
	}
	process *p = new_process(parent, o);
	if (!p)
		return NULL;
	for (unsigned i = 0; i < n; i++) {
		a[i] = term_copy(&p->heap, a[i]);
		if (a[i] == THE_NON_VALUE) {
			free_process(p);
			if (parent)
				bif_no_memory(parent);
			return NULL;
		}
	}
	/* erlang:apply/3 with the arguments in place: the first call resolves
	 * (and loads) the target, and its failure is the new process's */
	p->initial_call = build_tuple3(&p->heap, module, function, make_small(n));
	term margs = build_list(&p->heap, a, n);
	term start[3] = {module, function, margs};
	if (!save_args(p, start, 3)) {
		free_process(p);
		if (parent)
			bif_no_memory(parent);
		return NULL;
	}
	p->resume = NULL; /* jit_start_apply */
	start_links(parent, p, o);
	return p;
}

process *proc_spawn_fun(process *parent, term fun, const spawn_opts *o)
{
	process *p = new_process(parent, o);
	if (!p)
		return NULL;
	term f = term_copy(&p->heap, fun);
	if (f == THE_NON_VALUE) {
		free_process(p);
		if (parent)
			bif_no_memory(parent);
		return NULL;
	}
	term start[2] = {f, NIL};
	p->initial_call = NIL;
	if (!save_args(p, start, 2)) {
		free_process(p);
		if (parent)
			bif_no_memory(parent);
		return NULL;
	}
	p->resume = (const void *)1; /* apply/2 of a fun: see jit_start_apply */
	start_links(parent, p, o);
	return p;
}

/* ---- messages ---- */

bool proc_deliver(process *to, term msg)
{
	if (to->state == PROC_FREE || to->state == PROC_EXITING)
		return true;
	if (to->state == PROC_RUNNING && to != current) {
		/* it runs on another scheduler: its heap is its own until it
		 * stops; the copy waits in an arena in its inbox */
		struct inbox_msg *m = malloc(sizeof *m);
		if (!m)
			return false;
		heap_init(&m->arena);
		m->next = NULL;
		m->msg = is_immed(msg) ? msg : term_copy(&m->arena, msg);
		if (m->msg == THE_NON_VALUE) {
			heap_free(&m->arena);
			free(m);
			return false;
		}
		if (to->inbox_tail)
			to->inbox_tail->next = m;
		else
			__atomic_store_n(&to->inbox_head, m, __ATOMIC_RELEASE);
		to->inbox_tail = m;
		to->inbox_len++;
		return true;
	}
	if (!is_immed(msg)) {
		/* The receiver is not running (or is this thread's): the free
		 * part of its young heap, then heap fragments, take the copy. */
		msg = term_copy(&to->heap, msg);
		if (msg == THE_NON_VALUE)
			return false;
	}
	if (!mbox_push(to, msg))
		return false;
	if (to->state == PROC_WAITING)
		sched_make_runnable(to);
	return true;
}

/* ---- run queue ---- */

/* One queue per priority. max and high run before anything below them;
 * low takes a turn after every LOW_EVERY normal ones, as OTP lets low
 * processes progress among normal ones. */
struct runq {
	process *head, *tail;
};
static struct runq runqs[PRIO_COUNT];
static size_t nrunnable;
static unsigned normal_turns;
#define LOW_EVERY 8

void sched_make_runnable(process *p)
{
	if (p->state == PROC_RUNNABLE || p->state == PROC_RUNNING)
		return;
	p->state = PROC_RUNNABLE;
	p->run_next = NULL;
	struct runq *q = &runqs[p->priority < PRIO_COUNT ? p->priority : PRIO_NORMAL];
	if (q->tail)
		q->tail->run_next = p;
	else
		q->head = p;
	q->tail = p;
	nrunnable++;
	if (idle)
		pthread_cond_signal(&rq_cond); /* a parked scheduler takes it */
}

static process *queue_pop(struct runq *q)
{
	process *p = q->head;
	if (p) {
		q->head = p->run_next;
		if (!q->head)
			q->tail = NULL;
		p->run_next = NULL;
		nrunnable--;
	}
	return p;
}

static process *runq_pop(void)
{
	if (runqs[PRIO_MAX].head)
		return queue_pop(&runqs[PRIO_MAX]);
	if (runqs[PRIO_HIGH].head)
		return queue_pop(&runqs[PRIO_HIGH]);
	bool low_turn =
	    runqs[PRIO_LOW].head && (!runqs[PRIO_NORMAL].head || ++normal_turns % LOW_EVERY == 0);
	return queue_pop(&runqs[low_turn ? PRIO_LOW : PRIO_NORMAL]);
}

bool sched_others_runnable(void) { return nrunnable > 0; }

size_t sched_run_queue_length(void) { return nrunnable; }

/* ---- receive timeouts: a min-heap of waiting processes by deadline ---- */

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
	p->timed_out = false;
	p->timer_slot = ntimers;
	timers[ntimers++] = p;
	timer_up(p->timer_slot);
}

void sched_disarm_timer(process *p)
{
	p->timed_out = false;
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
}

/* Fires erlang timers and receive timeouts that are due. False when
 * nothing is pending at all. */
static bool fire_timers(void)
{
	uint64_t now = sched_now_ms(), next_timer;
	timers_fire(now, &next_timer);
	uint64_t next_wait = ntimers ? timers[0]->timer_deadline : UINT64_MAX;
	uint64_t next = next_timer < next_wait ? next_timer : next_wait;
	if (next == UINT64_MAX)
		return false;
	while (ntimers > 0 && timers[0]->timer_deadline <= now) {
		process *p = timers[0];
		sched_disarm_timer(p);
		p->timed_out = true;
		sched_make_runnable(p);
	}
	return true;
}

/* ---- statistics ---- */

static uint64_t total_reductions, context_switches, start_ms;
static uint64_t last_reductions, last_wall_ms, last_runtime_ms;

void sched_stats(struct sched_stats *st)
{
	uint64_t now = sched_now_ms();
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	uint64_t runtime = (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
	st->reductions = total_reductions;
	st->reductions_since = total_reductions - last_reductions;
	last_reductions = total_reductions;
	st->context_switches = context_switches;
	st->wall_ms = now - start_ms;
	st->wall_since = now - (last_wall_ms ? last_wall_ms : start_ms);
	last_wall_ms = now;
	st->runtime_ms = runtime;
	st->runtime_since = runtime - last_runtime_ms;
	last_runtime_ms = runtime;
	st->run_queue = nrunnable;
}

/* ---- the loop ---- */

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

/* The run, shared by the scheduler threads (all under the runtime
 * lock but while they run a process). */
static term first_pid;
static bool stopping;
static int first_status = 1;

static void stop_all(int status)
{
	stopping = true;
	first_status = status;
	pthread_cond_broadcast(&rq_cond);
}

/* Waits for work: until a process is runnable, the next deadline, or the
 * end. Nothing runnable, nothing pending and every other scheduler idle
 * too means every process waits for ever. */
static void wait_for_work(void)
{
	uint64_t now = sched_now_ms(), next_timer;
	timers_fire(now, &next_timer);
	uint64_t next_wait = ntimers ? timers[0]->timer_deadline : UINT64_MAX;
	uint64_t next = next_timer < next_wait ? next_timer : next_wait;
	if (nrunnable)
		return;
	if (next == UINT64_MAX && idle + 1 == nscheds) {
		if (proc_lookup(first_pid))
			fprintf(stderr, "kbeam: every process waits for a message that no process can "
			                "send\n");
		stop_all(1);
		return;
	}
	idle++;
	if (next == UINT64_MAX) {
		pthread_cond_wait(&rq_cond, &grl);
	} else {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		uint64_t ms = next > now ? next - now : 0;
		ts.tv_sec += (time_t)(ms / 1000);
		ts.tv_nsec += (long)(ms % 1000) * 1000000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		pthread_cond_timedwait(&rq_cond, &grl, &ts);
	}
	idle--;
}

/* One scheduler: runs processes until the first process ends. */
static void sched_loop(scheduler *s)
{
	rt_lock();
	while (!stopping) {
		if (ntimers || timers_pending())
			fire_timers();
		process *p = runq_pop();
		if (!p) {
			wait_for_work();
			continue;
		}
		bool is_first = p->id == first_pid;
		if (p->pending_exit != THE_NON_VALUE) {
			term r = p->pending_exit;
			p->pending_exit = THE_NON_VALUE;
			proc_exit(p, r);
			if (is_first)
				stop_all(1);
			continue;
		}
		p->state = PROC_RUNNING;
		int64_t reds0 = p->reds = CONTEXT_REDS;
		rt_unlock();
		current = p;
		int r = jit_resume(s, p);
		current = NULL;
		rt_lock();
		p->reductions += (uint64_t)(reds0 - p->reds);
		total_reductions += (uint64_t)(reds0 - p->reds);
		context_switches++;
		switch (r) {
		case RUN_YIELD:
			p->state = PROC_WAITING;
			sched_make_runnable(p);
			break;
		case RUN_WAITING:
			/* messages that came while it ran wake it again */
			p->state = PROC_WAITING;
			if (p->pending_exit != THE_NON_VALUE || p->inbox_head || p->timed_out)
				sched_make_runnable(p);
			break;
		case RUN_RETURNED:
			proc_exit(p, ATOM(normal));
			if (is_first)
				stop_all(0);
			break;
		default: {
			term reason = crash_reason(p);
			/* as OTP: errors and uncaught throws are reported, exits not */
			if (p->freason != EXC_EXIT || is_first)
				report_crash(p);
			proc_exit(p, reason);
			if (is_first)
				stop_all(1);
			break;
		}
		}
	}
	rt_unlock();
}

static void *sched_thread(void *arg)
{
	scheduler *s = arg;
	sched_loop(s);
	return NULL;
}

int sched_run(scheduler *s, process *first, unsigned schedulers)
{
	nscheds = schedulers ? schedulers : 1;
	first_pid = first->id;
	if (!start_ms)
		start_ms = sched_now_ms();
	rt_lock();
	sched_make_runnable(first);
	rt_unlock();
	pthread_t *threads = calloc(nscheds, sizeof *threads);
	scheduler **scheds = calloc(nscheds, sizeof *scheds);
	unsigned started = 0;
	for (unsigned i = 1; threads && scheds && i < nscheds; i++) {
		scheds[i] = calloc(1, sizeof **scheds);
		if (!scheds[i] || pthread_create(&threads[i], NULL, sched_thread, scheds[i]) != 0) {
			free(scheds[i]);
			break;
		}
		started = i;
	}
	if (started + 1 < nscheds) {
		rt_lock();
		nscheds = started + 1; /* fewer threads than asked: run with those */
		rt_unlock();
	}
	sched_loop(s);
	for (unsigned i = 1; i <= started; i++) {
		pthread_join(threads[i], NULL);
		free(scheds[i]);
	}
	free(threads);
	free(scheds);
	return first_status;
}

void sched_free_process(process *p) { free_process(p); }
