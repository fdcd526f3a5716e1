/* Processes and their scheduling.
 *
 *   proc_table.c  the process table (pids), spawning, and freeing ended
 *                 processes once no scheduler can still hold a pointer to
 *                 them (epochs)
 *   deliver.c     the per-process lock, the lock-free inbox, and message
 *                 delivery
 *   sched.c       one scheduler thread per CPU, each with its own run
 *                 queues, stealing from the others when it runs dry, and
 *                 sleeping when there is nothing to steal
 *   timers.c      erlang timers and receive ... after deadlines
 *
 * A process runs until it returns, crashes, waits in receive, or uses up
 * its reductions while another process is runnable on its scheduler (the
 * JIT's yield fragment saves its live X registers and where to resume).
 * Messages are copied into the receiver's heap when its lock is free, and
 * otherwise into an arena of their own pushed on its inbox, adopted into
 * its heap as fragments (vm/heap.h heap_adopt) when it takes them.
 */
#ifndef KBEAM_VM_SCHED_H
#define KBEAM_VM_SCHED_H

#include "scheduler.h"

#define PROCESS_LIMIT_DEFAULT 262144

/* Process priorities, as process_flag(priority, P) names them. */
enum { PRIO_MAX, PRIO_HIGH, PRIO_NORMAL, PRIO_LOW, PRIO_COUNT };

typedef struct spawn_opts {
	int priority; /* PRIO_*, 0 meaning normal: set with has_priority */
	bool has_priority;
	bool link;
	bool monitor; /* spawn_monitor: *monitor_ref gets the reference */
	size_t min_heap_size;
	uint32_t fullsweep_after;
	bool fullsweep_set;
	bool mq_off_heap; /* message_queue_data: off_heap */
} spawn_opts;

/* The runtime lock. Erlang code runs in parallel on every scheduler,
 * and sends and wake-ups take no global lock; what changes shared tables
 * (the process table, the registry, links and monitors, aliases, timers)
 * takes this (recursive) lock. A process's heap is written only by the
 * holder of its lock (proc_trylock). */
void rt_lock(void);
void rt_unlock(void);

/* The per-process lock (process.h main_lock). Only ever tried: a
 * scheduler that finds the process it took from a run queue locked puts
 * it back; a BIF that finds another process locked traps (BIF_TRAP). */
static inline bool proc_trylock(process *p)
{
	return !__atomic_exchange_n(&p->main_lock, 1, __ATOMIC_ACQUIRE);
}
static inline void proc_unlock(process *p) { __atomic_store_n(&p->main_lock, 0, __ATOMIC_RELEASE); }
static inline unsigned proc_state(const process *p)
{
	return __atomic_load_n(&p->state, __ATOMIC_SEQ_CST);
}

/* Another process, locked so its heap and mailbox can be read (the caller
 * itself when pid is its own, not locked again): NULL with *busy false
 * when it does not exist, NULL with *busy true when it is running (try
 * again: a BIF returns BIF_TRAP). proc_unlock_other() releases it. */
process *proc_lock_other(process *self, term pid, bool *busy);
void proc_unlock_other(process *self, process *t);
/* At the end of p's slice, p locked and runnable: true when a process
 * waits to inspect it, which then gets it instead of the run queue. */
bool proc_hold_for_inspection(process *p);
/* The ending process gives up the one it waited to inspect. */
void proc_inspect_cancel(process *self);
/* A runnable process that is on no run queue (set aside) goes on one. */
void sched_requeue(process *p);

/* Sets up the process table (process_limit slots: +P). 0 or -ENOMEM. */
int node_init(size_t process_limit);
size_t node_process_limit(void);
size_t node_process_count(void);
/* Bytes the live processes hold: their structures, heaps, stacks and
 * mailboxes (erlang:memory(processes)). */
size_t node_process_memory(void);

/* The live process of a pid, or NULL. */
process *proc_lookup(term pid);
/* Every live process, in pid order, for erlang:processes/0 (at most max). */
size_t proc_list(term *out, size_t max);

/* A new process running Module:Function(Args...) (args: a proper list,
 * copied). NULL with p->freason set (system_limit, badarg, out of
 * memory) when it cannot be made. The caller (the parent) may be NULL for
 * the first process. */
process *proc_spawn(process *parent, term module, term function, term args, const spawn_opts *o);
/* A new process calling a fun of no arguments. */
process *proc_spawn_fun(process *parent, term fun, const spawn_opts *o);

/* Copies msg into `to`'s mailbox and wakes it when it waits. false when
 * out of memory. */
bool proc_deliver(process *to, term msg);
/* Moves the messages of p's inbox into its mailbox (the holder of p's
 * lock). */
void proc_take_inbox(process *p);
/* Frees what waits in an ended process's inbox, and its pending exit
 * reason. */
void proc_take_inbox_drop(process *p);
void proc_drop_pending(process *p);
/* Whether p's inbox holds messages. */
static inline bool proc_inbox_nonempty(const process *p)
{
	return __atomic_load_n(&p->inbox, __ATOMIC_SEQ_CST) != NULL;
}

/* Moves a waiting process to a run queue (no effect on one that is
 * runnable or running: whoever stops it looks for new work itself). */
void sched_make_runnable(process *p);
/* Whether the running process p should make way at the end of its time
 * slice: work waits on its scheduler, an exit signal came, or a timer is
 * due. */
bool sched_should_yield(const process *p);
/* Counts the reductions of the running process's slice so far, before
 * its budget is renewed (p->reds = CONTEXT_REDS). */
void sched_count_slice(process *p);
/* Processes waiting to run, on every scheduler (statistics(run_queue)). */
size_t sched_run_queue_length(void);
/* Scheduler i's queued processes, and whether it runs one now. */
size_t sched_queue_length(unsigned i);
bool sched_busy(unsigned i);
/* Whether schedulers are bound to CPUs. */
bool sched_bound(void);
/* The scheduler index of the calling thread (0 outside the schedulers). */
unsigned sched_self(void);
/* The process the calling thread runs, or NULL. */
process *sched_current(void);

/* Recomputes when the next timer of either kind is due (after arming,
 * cancelling or firing one, under the runtime lock). */
void sched_timers_changed(void);

/* Sets up `schedulers` schedulers (0: one), before the first spawn.
 * 0, or -1 when out of memory. */
int sched_init(unsigned schedulers);
/* Runs processes until `first` ends, with s as the first scheduler's
 * data and the calling thread as that scheduler. Returns its exit status
 * for the launcher: 0 when it returned, 1 when it crashed or waited for
 * ever. */
int sched_run(scheduler *s, process *first);
/* How many schedulers run (system_info(schedulers)). */
unsigned sched_count(void);
/* Whether scheduler threads are bound to CPUs (+sbt): set before
 * sched_run. */
void sched_set_binding(bool bind);

/* The process ended (proc_exit, under the runtime lock, by the scheduler
 * that ran it): its memory goes now, the structure once no scheduler can
 * hold a pointer to it. */
void sched_free_process(process *p);
/* Frees the ended processes no scheduler can still see. */
void proc_table_reclaim(void);
/* Whether ended processes wait to be freed. */
bool proc_table_limbo(void);

/* Epochs for freeing processes (proc_table.c): the current one, and the
 * oldest a scheduler has announced at a point where it held no pointer to
 * another process (UINT64_MAX for a sleeping scheduler). */
uint64_t proc_epoch_now(void);
uint64_t sched_epochs_min(void);

/* erlang:statistics/1's numbers; the "since" ones count from the
 * previous call, as OTP's. */
struct sched_stats {
	uint64_t reductions, reductions_since, context_switches;
	uint64_t wall_ms, wall_since, runtime_ms, runtime_since;
	size_t run_queue;
	size_t running; /* schedulers running a process now */
};
/* exact: with the calling process's running slice (exact_reductions). */
void sched_stats(struct sched_stats *st, bool exact);

/* The monotonic clock in milliseconds and microseconds (timers.c). */
uint64_t sched_now_ms(void);
uint64_t sched_now_us(void);


#endif
