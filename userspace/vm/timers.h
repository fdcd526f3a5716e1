/* Timers (timers.c): erlang:send_after/3,4, start_timer/3,4,
 * cancel_timer/1,2 and read_timer/1,2, and the deadlines of
 * receive ... after, all in one timing wheel (vm/timer_wheel.h) under the
 * runtime lock. A timer's message waits in an arena of its own until it
 * fires; cancel and read find a timer by its reference in a hash table.
 *
 * The wheel counts ticks of TIMER_TICK_US microseconds, and a deadline is
 * rounded up to a tick: a timer never fires before its time, and at most a
 * tick after it when a scheduler is free (sched.c sleeps until the next
 * deadline, to the microsecond). */
#ifndef KBEAM_VM_TIMERS_H
#define KBEAM_VM_TIMERS_H

#include "process.h"

#define TIMER_TICK_US 16

/* A timer sending msg (copied) to dest (a pid or a registered name) after
 * ms milliseconds; `wrap` makes the message {timeout, Ref, Msg}
 * (start_timer). Its reference number in *ref; false when out of memory. */
bool timer_start(term dest, term msg, uint64_t ms, bool wrap, uint64_t *ref);
/* Cancels; the milliseconds that were left in *left. False when no such
 * timer is pending. */
bool timer_cancel(uint64_t ref, uint64_t *left);
/* The milliseconds left; false when no such timer is pending. */
bool timer_read(uint64_t ref, uint64_t *left);

/* Arms p's receive timeout, `ms` from now (once per receive), and
 * disarms it (a message was taken, or the process ends). */
void timer_arm_wait(process *p, uint64_t ms);
void timer_disarm_wait(process *p);

/* Fires every timer due by `now_us`: messages are sent, waiting processes
 * are woken with timed_out set. */
void timers_fire(uint64_t now_us);
/* The earliest deadline in microseconds, UINT64_MAX when none. */
uint64_t timers_next_us(void);
/* Whether any timer is pending. */
bool timers_pending(void);

#endif
