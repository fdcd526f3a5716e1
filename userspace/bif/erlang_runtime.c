/* BIFs that need a running process: raising exceptions, erlang:display,
 * halt, the process dictionary, identity, time, references and unique
 * integers. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bif.h"
#include "vm/build.h"
#include "vm/bignum.h"
#include "vm/compare.h"
#include "vm/display.h"
#include "vm/gc.h"
#include "vm/ident.h"
#include "vm/ref.h"

/* ---- exceptions ---- */

static term raise_plain(process *p, exc_class c, term reason)
{
	bif_raise(p, c, reason);
	p->fflags = PF_NO_BIF_FRAME;
	return THE_NON_VALUE;
}

static term bif_error_1(process *p, const term *a) { return raise_plain(p, EXC_ERROR, a[0]); }
static term bif_throw_1(process *p, const term *a) { return raise_plain(p, EXC_THROW, a[0]); }
static term bif_exit_1(process *p, const term *a) { return raise_plain(p, EXC_EXIT, a[0]); }

/* error(Reason, Args): the raising function's frame shows Args */
/* error(Reason, Args [, Options]): the raising function's frame shows
 * Args, and its location the {error_info, Map} option.
 * p->stacktrace = {Args, ExtraLocationItems} (PF_HEAD_ARGS). */
static term raise_with_args(process *p, term reason, term args, term extra)
{
	raise_plain(p, EXC_ERROR, reason);
	if (is_list(args) || args == NIL) {
		term *t = heap_alloc(&p->heap, 3);
		if (!t)
			return bif_no_memory(p);
		t[0] = make_header(2, SUBTAG_TUPLE);
		t[1] = args;
		t[2] = extra;
		p->fflags |= PF_HEAD_ARGS;
		p->stacktrace = make_boxed(t);
	}
	return THE_NON_VALUE;
}

static term bif_error_2(process *p, const term *a) { return raise_with_args(p, a[0], a[1], NIL); }

static term bif_error_3(process *p, const term *a)
{
	term extra = NIL;
	for (term l = a[2]; l != NIL; l = list_tail(l)) {
		if (!is_list(l))
			return bif_badarg(p);
		term o = list_head(l);
		if (is_tuple(o) && tuple_arity(o) == 2 &&
		    tuple_get(o, 1) == atom_from_cstr("error_info")) {
			if (!is_map(tuple_get(o, 2)))
				return bif_badarg(p);
			term *c = heap_alloc(&p->heap, 2);
			if (!c)
				return bif_no_memory(p);
			c[0] = o;
			c[1] = NIL;
			extra = make_list(c);
		}
	}
	return raise_with_args(p, a[0], a[1], extra);
}

static term bif_nif_error_1(process *p, const term *a) { return raise_plain(p, EXC_ERROR, a[0]); }
static term bif_nif_error_2(process *p, const term *a) { return bif_error_2(p, a); }

/* A stack trace given to erlang:raise/3 must be a list of frames. */
static bool valid_trace(term t)
{
	while (is_list(t)) {
		term f = list_head(t);
		if (!is_tuple(f) || (tuple_arity(f) != 3 && tuple_arity(f) != 4))
			return false;
		t = list_tail(t);
	}
	return t == NIL;
}

/* raise(Class, Reason, Stacktrace): the trace given is the trace raised */
static term bif_raise_3(process *p, const term *a)
{
	exc_class c;
	if (a[0] == ATOM(error))
		c = EXC_ERROR;
	else if (a[0] == ATOM(exit))
		c = EXC_EXIT;
	else if (a[0] == ATOM(throw))
		c = EXC_THROW;
	else
		return ATOM(badarg); /* as OTP: bad arguments are returned, not raised */
	if (!valid_trace(a[2]))
		return ATOM(badarg);
	p->freason = c;
	p->fvalue = a[1];
	p->stacktrace = a[2];
	p->fflags = PF_TRACE_GIVEN;
	return THE_NON_VALUE;
}

/* ---- output and halting ---- */

static term bif_display_1(process *p, const term *a)
{
	size_t len;
	char *text = term_display_text(a[0], &len);
	if (!text)
		return bif_no_memory(p);
	fwrite(text, 1, len, stdout);
	fputc('\n', stdout);
	free(text);
	return ATOM(true);
}

static term halt_with(process *p, term status)
{
	int code;
	if (is_small(status) && small_value(status) >= 0)
		code = (int)(small_value(status) & 0xff);
	else if (status == atom_from_cstr("abort"))
		code = 134;
	else if (status == NIL || is_list(status))
		code = 1; /* halt("slogan"): OTP writes a crash dump and exits 1 */
	else
		return bif_badarg(p);
	fflush(stdout);
	fflush(stderr);
	exit(code);
}

static term bif_halt_0(process *p, const term *a)
{
	(void)a;
	return halt_with(p, make_small(0));
}
static term bif_halt_1(process *p, const term *a) { return halt_with(p, a[0]); }
static term bif_halt_2(process *p, const term *a)
{
	if (!is_list(a[1]) && a[1] != NIL)
		return bif_badarg(p);
	return halt_with(p, a[0]);
}

/* ---- the process dictionary: a list of {Key, Value}, newest first ---- */

static term pair(process *p, term k, term v) { return build_tuple2(&p->heap, k, v); }
static term cons(process *p, term h, term tl) { return build_cons(&p->heap, h, tl); }

/* The dictionary without Key (a fresh spine up to the entry), and the
 * value it had (THE_NON_VALUE when none). */
static term dict_remove(process *p, term key, term *old)
{
	*old = THE_NON_VALUE;
	term d = p->dictionary;
	size_t pos = 0;
	for (term l = d; l != NIL; l = list_tail(l), pos++) {
		term kv = list_head(l);
		if (term_eq_exact(tuple_get(kv, 1), key)) {
			*old = tuple_get(kv, 2);
			/* rebuild the prefix before it */
			term rest = list_tail(l);
			term *items = malloc((pos + 1) * sizeof *items);
			if (!items)
				return THE_NON_VALUE;
			size_t i = 0;
			for (term m = d; m != l; m = list_tail(m))
				items[i++] = list_head(m);
			while (i-- > 0) {
				rest = cons(p, items[i], rest);
				if (rest == THE_NON_VALUE)
					break;
			}
			free(items);
			return rest;
		}
	}
	return d;
}

static term bif_put_2(process *p, const term *a)
{
	term old;
	term d = dict_remove(p, a[0], &old);
	term kv = d == THE_NON_VALUE ? THE_NON_VALUE : pair(p, a[0], a[1]);
	term nd = kv == THE_NON_VALUE ? THE_NON_VALUE : cons(p, kv, d);
	if (nd == THE_NON_VALUE)
		return bif_no_memory(p);
	p->dictionary = nd;
	return old == THE_NON_VALUE ? ATOM(undefined) : old;
}

static term bif_get_1(process *p, const term *a)
{
	for (term l = p->dictionary; l != NIL; l = list_tail(l))
		if (term_eq_exact(tuple_get(list_head(l), 1), a[0]))
			return tuple_get(list_head(l), 2);
	return ATOM(undefined);
}

static term bif_get_0(process *p, const term *a)
{
	(void)a;
	return p->dictionary;
}

static term bif_erase_1(process *p, const term *a)
{
	term old;
	term d = dict_remove(p, a[0], &old);
	if (d == THE_NON_VALUE)
		return bif_no_memory(p);
	p->dictionary = d;
	return old == THE_NON_VALUE ? ATOM(undefined) : old;
}

static term bif_erase_0(process *p, const term *a)
{
	(void)a;
	term d = p->dictionary;
	p->dictionary = NIL;
	return d;
}

static term keys_where(process *p, bool any, term value)
{
	term r = NIL;
	for (term l = p->dictionary; l != NIL; l = list_tail(l)) {
		term kv = list_head(l);
		if (any || term_eq_exact(tuple_get(kv, 2), value)) {
			r = cons(p, tuple_get(kv, 1), r);
			if (r == THE_NON_VALUE)
				return bif_no_memory(p);
		}
	}
	return r;
}

static term bif_get_keys_0(process *p, const term *a)
{
	(void)a;
	return keys_where(p, true, NIL);
}
static term bif_get_keys_1(process *p, const term *a) { return keys_where(p, false, a[0]); }

/* ---- identity ---- */

static term bif_self_0(process *p, const term *a)
{
	(void)a;
	return p->id;
}

static term bif_node_0(process *p, const term *a)
{
	(void)p;
	(void)a;
	return ATOM(nonode_nohost);
}

static term bif_node_1(process *p, const term *a)
{
	if (!is_pid(a[0]) && !is_port(a[0]) && !is_ref(a[0]))
		return bif_badarg(p);
	return ident_node(a[0]);
}

/* ---- references and unique integers ---- */

static _Atomic int64_t unique_counter = 1;

static term bif_make_ref_0(process *p, const term *a)
{
	(void)a;
	term r = ref_new(&p->heap, NULL);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

static term int_term(process *p, int64_t v)
{
	term t = int_from_i64(&p->heap, v);
	return t == THE_NON_VALUE ? bif_no_memory(p) : t;
}

static term unique(process *p, term opts)
{
	bool positive = false;
	for (term l = opts; l != NIL; l = list_tail(l)) {
		if (!is_list(l))
			return bif_badarg(p);
		term o = list_head(l);
		if (o == atom_from_cstr("positive"))
			positive = true;
		else if (o != atom_from_cstr("monotonic"))
			return bif_badarg(p);
	}
	int64_t n = atomic_fetch_add(&unique_counter, 1);
	/* OTP's unique integers without `positive` start far below zero */
	return int_term(p, positive ? n : n - (INT64_C(1) << 58));
}

static term bif_unique_integer_0(process *p, const term *a)
{
	(void)a;
	return unique(p, NIL);
}
static term bif_unique_integer_1(process *p, const term *a)
{
	if (!is_list(a[0]) && a[0] != NIL)
		return bif_badarg(p);
	return unique(p, a[0]);
}

/* ---- time ---- */

/* Parts per second of a time unit, or 0 when it is not one. */
static int64_t unit_parts(term unit)
{
	if (is_small(unit) && small_value(unit) > 0)
		return small_value(unit);
	static const struct {
		const char *name;
		int64_t parts;
	} units[] = {
	    {"second", 1},
	    {"seconds", 1},
	    {"millisecond", 1000},
	    {"milli_seconds", 1000},
	    {"microsecond", 1000000},
	    {"micro_seconds", 1000000},
	    {"nanosecond", 1000000000},
	    {"nano_seconds", 1000000000},
	    {"native", 1000000000},
	    {"perf_counter", 1000000000},
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (unit == atom_from_cstr(units[i].name))
			return units[i].parts;
	return 0;
}

static term clock_in(process *p, clockid_t clk, term unit)
{
	int64_t parts = unit_parts(unit);
	if (!parts)
		return bif_badarg(p);
	struct timespec ts;
	clock_gettime(clk, &ts);
	__int128 ns = (__int128)ts.tv_sec * 1000000000 + ts.tv_nsec;
	__int128 v = ns * parts;
	/* floor division, as erlang:convert_time_unit */
	int64_t r = (int64_t)(v / 1000000000);
	if (v < 0 && v % 1000000000)
		r--;
	return int_term(p, r);
}

static term bif_monotonic_time_0(process *p, const term *a)
{
	(void)a;
	return clock_in(p, CLOCK_MONOTONIC, atom_from_cstr("native"));
}
static term bif_monotonic_time_1(process *p, const term *a)
{
	return clock_in(p, CLOCK_MONOTONIC, a[0]);
}
static term bif_system_time_0(process *p, const term *a)
{
	(void)a;
	return clock_in(p, CLOCK_REALTIME, atom_from_cstr("native"));
}
static term bif_system_time_1(process *p, const term *a)
{
	return clock_in(p, CLOCK_REALTIME, a[0]);
}

static term bif_is_alive_0(process *p, const term *a)
{
	(void)p;
	(void)a;
	return ATOM(false); /* no distribution */
}

static term bif_is_builtin_3(process *p, const term *a)
{
	if (!is_atom(a[0]) || !is_atom(a[1]) || !is_small(a[2]) || small_value(a[2]) < 0)
		return bif_badarg(p);
	if (small_value(a[2]) > 255)
		return ATOM(false);
	return bif_lookup(a[0], a[1], (unsigned)small_value(a[2])) ? ATOM(true) : ATOM(false);
}

static term bif_bump_reductions_1(process *p, const term *a)
{
	if (!is_small(a[0]) || small_value(a[0]) < 0)
		return bif_badarg(p);
	p->reds -= small_value(a[0]);
	return ATOM(true);
}

/* garbage_collect/0: a major collection now. Called as a function, so no
 * x register is live; the JIT reloads HTOP and E after the call. */
static term bif_garbage_collect_0(process *p, const term *a)
{
	(void)a;
	if (gc_collect_major(p, 0, p->x, 0) != 0)
		return bif_no_memory(p);
	return ATOM(true);
}

#define R BIF_NEEDS_PROCESS
const bif_def bif_family_erlang_runtime[] = {
    {"erlang", "is_alive", 0, bif_is_alive_0, R},
    {"erlang", "is_builtin", 3, bif_is_builtin_3, R},
    {"erlang", "bump_reductions", 1, bif_bump_reductions_1, R},
    {"erlang", "garbage_collect", 0, bif_garbage_collect_0, R},
    {"erlang", "error", 1, bif_error_1, R},
    {"erlang", "error", 2, bif_error_2, R},
    {"erlang", "error", 3, bif_error_3, R},
    {"erlang", "throw", 1, bif_throw_1, R},
    {"erlang", "exit", 1, bif_exit_1, R},
    {"erlang", "nif_error", 1, bif_nif_error_1, R},
    {"erlang", "nif_error", 2, bif_nif_error_2, R},
    {"erlang", "raise", 3, bif_raise_3, R},
    {"erlang", "display", 1, bif_display_1, R},
    {"erlang", "halt", 0, bif_halt_0, R},
    {"erlang", "halt", 1, bif_halt_1, R},
    {"erlang", "halt", 2, bif_halt_2, R},
    {"erlang", "put", 2, bif_put_2, R},
    {"erlang", "get", 1, bif_get_1, R},
    {"erlang", "get", 0, bif_get_0, R},
    {"erlang", "erase", 1, bif_erase_1, R},
    {"erlang", "erase", 0, bif_erase_0, R},
    {"erlang", "get_keys", 0, bif_get_keys_0, R},
    {"erlang", "get_keys", 1, bif_get_keys_1, R},
    {"erlang", "self", 0, bif_self_0, R},
    {"erlang", "node", 0, bif_node_0, R},
    {"erlang", "node", 1, bif_node_1, R},
    {"erlang", "make_ref", 0, bif_make_ref_0, R},
    {"erlang", "unique_integer", 0, bif_unique_integer_0, R},
    {"erlang", "unique_integer", 1, bif_unique_integer_1, R},
    {"erlang", "monotonic_time", 0, bif_monotonic_time_0, R},
    {"erlang", "monotonic_time", 1, bif_monotonic_time_1, R},
    {"erlang", "system_time", 0, bif_system_time_0, R},
    {"erlang", "system_time", 1, bif_system_time_1, R},
    {NULL, NULL, 0, NULL, 0},
};
