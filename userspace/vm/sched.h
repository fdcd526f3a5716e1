/* Processes and their scheduling: the process table, spawning, the run
 * queue, receive timeouts, and the loop that runs processes on a
 * scheduler (sched.c). One scheduler thread runs every process in this
 * version; the run queue and the table are shaped for more.
 *
 * A process runs until it returns, crashes, waits in receive, or uses up
 * its reductions while another process is runnable (the JIT's yield
 * fragment saves its live X registers and where to resume). Messages are
 * copied into their own arena and adopted into the receiver's heap as
 * fragments (vm/heap.h heap_adopt), so the receiver's next collection
 * moves them into its heap.
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
} spawn_opts;

/* The runtime lock. Erlang code runs in parallel on every scheduler;
 * whatever touches another process, the process table, the run queues,
 * the registry or the timers takes this (recursive) lock. A process's
 * heap is written by others only while that process is not running. */
void rt_lock(void);
void rt_unlock(void);

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

/* Puts a process on the run queue (from waiting, or newly spawned). */
void sched_make_runnable(process *p);
/* Whether another process is waiting to run (the yield decision). */
bool sched_others_runnable(void);
/* Processes waiting to run (statistics(run_queue)). */
size_t sched_run_queue_length(void);
/* Arms p's receive timeout: `ms` from now. */
void sched_arm_timer(process *p, uint64_t ms);
void sched_disarm_timer(process *p);

/* Runs processes until `first` ends. Returns its exit status for the
 * launcher: 0 when it returned, 1 when it crashed or waited for ever. */
int sched_run(scheduler *s, process *first, unsigned schedulers);
/* How many schedulers run (system_info(schedulers)). */
unsigned sched_count(void);
/* Moves the messages that came while the process ran into its mailbox
 * (called by the process itself). */
void proc_take_inbox(process *p);

/* Releases an ended process's memory and pid (signals.c's proc_exit). */
void sched_free_process(process *p);

/* erlang:statistics/1's numbers; the "since" ones count from the
 * previous call, as OTP's. */
struct sched_stats {
	uint64_t reductions, reductions_since, context_switches;
	uint64_t wall_ms, wall_since, runtime_ms, runtime_since;
	size_t run_queue;
};
void sched_stats(struct sched_stats *st);

/* The monotonic clock in milliseconds. */
uint64_t sched_now_ms(void);

#endif
