/* Runtime helpers: the C functions generated code calls. Each one is the
 * single definition of the instruction (or part of one) it implements; the
 * inline fast paths of the emitters must agree with it.
 *
 * Helpers never collect garbage: those that allocate take heap space
 * through heap_alloc (the free gap first, then heap fragments). Those
 * returning a term return THE_NON_VALUE for failure, with p->freason and
 * p->fvalue set when the failure is an exception.
 */
#ifndef KBEAM_JIT_RT_H
#define KBEAM_JIT_RT_H

#include "emit.h"
#include "vm/fun.h"

/* ---- exceptions (rt_exception.c) ---- */
/* Sets error:{Tag, Value}, or error:Tag when value is THE_NON_VALUE.
 * Returns THE_NON_VALUE. */
term rt_set_error(process *p, term tag, term value);
/* The raise fragment's C half: records the stack trace, finds the nearest
 * catch and returns its handler address (x registers set for it), or the
 * crash exit when there is none. */
uintptr_t rt_handle_error(process *p, uintptr_t pc, const struct raise_info *ri);
/* Makes {Module, Function, Args, [{error_info, ...}]} the first frame of
 * the pending exception (a BIF that fails outside the BIF table). */
void rt_set_bif_frame(process *p, term module, term function, term args);
/* catch_end: turns x0..x3 of a caught exception into the catch value. */
void rt_catch_end(process *p);
/* The stack trace list (as erlang:get_stacktrace would show) of a raw
 * trace; the build_stacktrace instruction. */
term rt_build_stacktrace(process *p, term raw);
/* raw_raise: x0 class, x1 reason, x2 raw trace. THE_NON_VALUE always
 * (badarg when the class is not an exception class). */
term rt_raw_raise(process *p);
/* raise Trace, Value: re-raises Value with the class recorded in Trace. */
term rt_raise(process *p, term trace, term value);

/* ---- calls (rt_call.c) ---- */
/* The code of an export entry, loading its module on first use. 0 with
 * error:undef set (frame from x registers) when there is none. */
uintptr_t rt_resolve_export(process *p, export_entry *ex);
/* apply/3 as the apply instruction does it: x[arity] module, x[arity+1]
 * function, x0.. the arguments. Returns the code address, or 0. */
uintptr_t rt_apply(process *p, uint32_t arity);
/* erlang:apply/2,3 called as functions: x0 = fun or module... */
uintptr_t rt_apply_fun(process *p); /* apply(Fun, Args) */
uintptr_t rt_apply_mfa(process *p); /* apply(M, F, Args) */
/* call_fun: x[arity] is the fun; sets up its environment. */
uintptr_t rt_call_fun(process *p, uint32_t arity);

/* A BIF flagged BIF_RUNTIME_LOCK, called under the runtime lock (it
 * touches other processes or shared tables: vm/sched.h). */
term rt_call_locked(process *p, const term *args, bif_fn fn);
/* The code address that called rt_call_locked (this thread's latest). */
extern _Thread_local uintptr_t rt_locked_caller;

/* ---- heap and scheduling ---- */
void rt_gc(process *p, uint32_t need, uint32_t live);
/* The reduction check's slow path: nonzero when the process must make way
 * for another (its live x registers are then saved in the process). */
int rt_yield(process *p, uint32_t live);
/* A BIF returned BIF_TRAP (its arguments, x0.., updated for the next
 * call): nonzero to switch processes before the call is made again, zero
 * to make it again now (nothing else could use the scheduler). */
int rt_bif_trap(process *p, uint32_t live);
/* After code that may have made refc binaries: whether the virtual binary
 * heap is full. The code then ends the time slice, and rt_yield collects
 * at the next function entry, as OTP collects when such a process is
 * next scheduled. */
bool rt_vheap_check(process *p);

/* ---- comparisons and type tests (pure) ---- */
int64_t rt_compare(term a, term b); /* <0, 0, >0 in term order */
bool rt_eq(term a, term b);         /* == */
bool rt_eq_exact(term a, term b);   /* =:= */
bool rt_is_function2(term f, term arity);

term rt_is_tagged_tuple(term t, uint64_t arity, term tag);

/* ---- maps (rt_map.c) ---- */
/* put_map_assoc / put_map_exact: n key-value pairs at kv[0..2n). */
term rt_map_update(process *p, term map, const term *kv, uint32_t n, bool exact);
/* The value under key, or THE_NON_VALUE (get_map_elements, has_map_fields) */
term rt_map_get(term map, term key);

/* ---- floats (rt_float.c) ---- */
/* fconv: the number as a double in *out; false (badarith set) otherwise */
bool rt_fconv(process *p, term t, double *out);

#endif
