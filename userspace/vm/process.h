/* A lightweight process.
 *
 * Memory: one block of `heap_size` words holds the young heap, growing up
 * from `heap_start`, and the stack, growing down from `stack_end`:
 *
 *   heap_start          heap.top (HTOP)        stop (E)            stack_end
 *   | young heap terms  | free ...             | stack words        |
 *
 * While the process runs, the JIT keeps HTOP and E in machine registers and
 * writes them back into heap.top and stop before calling C (see
 * Documentation/design/execution.md). heap.limit is kept equal to stop, so
 * C code allocating through heap_alloc() uses the free gap first and heap
 * fragments after it.
 *
 * Stack words are terms, catch markers (immediates with the catch tag), or
 * return addresses: code addresses aligned to 4 bytes, so their primary tag
 * is 00 (the header tag, which no term on a stack has). A frame is the
 * return address pushed by the call, then the y registers below it: y(i) of
 * the running function is stop[i].
 *
 * The old heap [old_heap, old_htop) holds what survived two minor
 * collections (generational GC, vm/gc.h).
 */
#ifndef KBEAM_VM_PROCESS_H
#define KBEAM_VM_PROCESS_H

#include "heap.h"
#include "timer_wheel.h"

/* A timer in the timing wheel (vm/timers.h): an erlang timer, or the
 * receive timeout embedded in its process. */
enum { TIMER_ERLANG, TIMER_WAIT };
struct timer_entry {
	twheel_timer wt;
	unsigned kind;
};

/* Exception classes, as erlang:raise/3 names them. */
typedef enum exc_class {
	EXC_NONE = 0,
	EXC_ERROR, /* error:Reason */
	EXC_EXIT,  /* exit:Reason */
	EXC_THROW, /* throw:Reason */
} exc_class;

/* The exception comes from erlang:error/throw/exit, not from bad
 * arguments: no frame for the BIF in the stack trace. */
#define PF_NO_BIF_FRAME 1u
/* erlang:raise/3: p->stacktrace already holds the trace to use. */
#define PF_TRACE_GIVEN 2u
/* p->stacktrace holds the first frame, built by whoever raised (undef). */
#define PF_HEAD_FRAME 4u
/* erlang:error/2,3: p->stacktrace holds the argument list that replaces
 * the arity in the raising function's frame. */
#define PF_HEAD_ARGS 8u
/* An exit signal the process cannot catch (exit(self(), Reason)): no
 * catch runs, the process ends with exit:Reason. */
#define PF_UNCATCHABLE 16u

/* Minimum young heap (words), as OTP's default min_heap_size. */
#define PROCESS_MIN_HEAP 233
/* OTP's default fullsweep_after. */
#define PROCESS_FULLSWEEP_AFTER 65535

typedef struct process {
	/* Terms are built here: the young heap as main region, heap
	 * fragments for what does not fit until the next collection. */
	kb_heap heap;
	/* The pending exception of a C helper or BIF that returned
	 * THE_NON_VALUE. */
	exc_class freason;
	term fvalue;
	/* PF_* flags qualifying the pending exception */
	uint32_t fflags;
	/* The cause in the BIF frame's error_info, or THE_NON_VALUE. */
	term fcause;
	/* Reductions left in this time slice; BIFs that do long work charge
	 * them (bif_charge). */
	int64_t reds;

	/* ---- heap and stack block ---- */
	term *heap_start; /* start of the block: the young heap */
	term *stop;       /* E: the lowest used stack word */
	term *stack_end;  /* one past the block's last word: the stack's base */
	size_t heap_size; /* words in the block (heap + stack) */
	term *high_water; /* young terms below it survived one collection */

	term *old_heap; /* NULL until the first promotion */
	term *old_htop;
	term *old_end;

	size_t min_heap_size;
	uint32_t fullsweep_after; /* minor collections between major ones */
	uint32_t minor_gcs;       /* minor collections since the last major */
	uint64_t gc_count;        /* collections of any kind, for statistics */
	/* Off-heap binary bytes referenced from the young heap since the last
	 * collection, and the level that triggers one (OTP's virtual binary
	 * heap). */
	uint64_t bin_vheap;
	uint64_t bin_vheap_size;

	/* ---- roots beyond X registers and the stack ---- */
	term dictionary; /* process dictionary: a list of {Key, Value} */
	term stacktrace; /* raw stack trace of the last exception (vm/exception.h) */
	term id;         /* pid */
	term initial_call;

	/* ---- the mailbox: messages in arrival order; receive looks at
	 * mbox[save] next (a simple queue for one scheduler; every message is
	 * a root of the collector) ---- */
	term *mbox;
	size_t mbox_first, mbox_len, mbox_cap, save; /* vm/mailbox.h */
	uint64_t msg_seq; /* messages ever queued: receive markers count them */
	struct {
		uint64_t ref, seq; /* ref 0: unused */
	} markers[2];

	/* ---- execution state ---- */
	/* The X registers while this process runs: the scheduler's array. */
	term *x;
	/* Float registers (fr), the scheduler's array. */
	double *fr;
	/* Code address to resume at, and why the process stopped running. */
	const void *resume;
	int exit_status;
	/* The scheduler that runs the process (vm/scheduler.h). */
	struct scheduler *sched;

	/* ---- garbage collector state (vm/gc.h) ---- */
	/* Extra roots the runtime lends the next collections (updated in
	 * place), e.g. terms a C helper holds across an allocation. */
	term *gc_roots;
	unsigned gc_nroots;
	unsigned gc_flags; /* GC_FLAG_* */
	/* Off-heap chain of the refc binaries on the old heap (the young
	 * heap's chain is heap.offheap_first). */
	term old_offheap_first;
	/* Young chain entries before this one are counted in bin_vheap. */
	term offheap_counted;
	/* Virtual binary heap of the old generation, and the minimum of
	 * both vheap sizes, in words as OTP counts them. */
	uint64_t bin_old_vheap;
	uint64_t bin_old_vheap_size;
	uint64_t min_bin_vheap_size;

	/* ---- concurrency (vm/sched.h, vm/signals.h) ---- */
	/* PROC_*, changed with atomic operations: whoever moves a process
	 * from waiting to runnable puts it on a run queue */
	unsigned state;
	/* Held by the scheduler while the process runs, and briefly by a
	 * sender copying a message straight into its heap (always taken with
	 * a try: proc_trylock). Whoever holds it owns the heap, the stack and
	 * the mailbox array. */
	uint32_t main_lock;
	unsigned home;     /* the scheduler whose run queue it goes to */
	unsigned priority; /* PRIO_* of vm/sched.h */
	term group_leader;
	bool started;     /* has run: resume at `resume`, not at the entry */
	bool trap_exit;   /* process_flag(trap_exit, true) */
	bool mq_off_heap; /* message_queue_data as spawn_opt/process_flag set it */
	bool timer_armed; /* a receive ... after is waiting for its deadline */
	bool timed_out;   /* that deadline passed: resume at timeout_resume */
	const void *timeout_resume;
	struct timer_entry wait_timer; /* the receive timeout (vm/timers.h) */
	/* An exit signal that kills it, or THE_NON_VALUE; its reason lives in
	 * pending_arena. Set under the runtime lock, read by the process. */
	term pending_exit;
	kb_heap *pending_arena;
	/* Messages that could not be copied into its heap (it was running,
	 * or another sender held its lock), newest first, each in an arena of
	 * its own: a lock-free multi-producer stack that the lock holder
	 * empties into the mailbox in arrival order (vm/sched.h). */
	struct inbox_msg *inbox;
	size_t inbox_len;
	term registered_name;     /* atom, or NIL */
	term exit_reason;         /* why it ended (on the heap until it is freed) */
	struct process *run_next; /* run queue link; the limbo list's after it ended */
	uint64_t retired_epoch;   /* when it ended (vm/proc_table.c) */
	/* A BIF that trapped with state (bif.h bif_trap_state): its state is
	 * in x registers after its arguments, trap_live of them kept across
	 * the yield, until the BIF is called again. */
	void (*trap_bif)(void);
	unsigned trap_live;
	/* ... and C state of its own (bif.h bif_trap_c_state), freed with
	 * trap_state_free if the process ends first. While it is set, the
	 * process's heap is not collected (the state may point into it). */
	void *trap_state;
	void (*trap_state_free)(void *);
	/* x registers live at a switch (yield): saved here */
	term *xsave;
	unsigned xsave_len, xsave_cap;
	/* links (pids) and monitors, as C arrays: pids are immediates, and a
	 * monitor is named by its reference's number (vm/signals.h) */
	term *links;
	size_t nlinks, links_cap;
	struct monitor *monitors; /* monitors this process holds and is the target of */
	size_t nmonitors, monitors_cap;
	uint64_t reductions; /* done so far, for process_info */
	/* Another process waiting to read or collect this one while it runs
	 * (vm/inspect.c): its pid data << 2 | INSPECT_WANTED, plus
	 * INSPECT_HELD once set aside for it; 0 when none. */
	uint64_t inspect;
	term inspecting; /* the pid this one waits to inspect, or 0 */
} process;

enum {
	PROC_FREE = 0,
	PROC_RUNNABLE, /* in a run queue */
	PROC_RUNNING,
	PROC_WAITING, /* in receive */
	PROC_EXITING,
};

#endif
