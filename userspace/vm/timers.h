/* erlang:send_after/3,4, start_timer/3,4, cancel_timer/1,2 and
 * read_timer/1,2 (timers.c): timers kept in a min-heap by deadline, each
 * holding its message in an arena of its own until it fires. The
 * scheduler loop fires them (sched.c). */
#ifndef KBEAM_VM_TIMERS_H
#define KBEAM_VM_TIMERS_H

#include "process.h"

/* A timer sending msg (copied) to dest (a pid or a registered name) after
 * ms milliseconds; `wrap` makes the message {timeout, Ref, Msg}
 * (start_timer). Its reference number in *ref; false when out of memory. */
bool timer_start(term dest, term msg, uint64_t ms, bool wrap, uint64_t *ref);
/* Cancels; the milliseconds that were left in *left. False when no such
 * timer is pending. */
bool timer_cancel(uint64_t ref, uint64_t *left);
/* The milliseconds left; false when no such timer is pending. */
bool timer_read(uint64_t ref, uint64_t *left);
bool timers_pending(void);
/* The earliest deadline, UINT64_MAX when none. */
uint64_t timers_next(void);
/* Fires every timer due by `now`; the earliest deadline still pending in
 * *next (UINT64_MAX when none). */
void timers_fire(uint64_t now, uint64_t *next);

#endif
