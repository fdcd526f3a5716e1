/* Exceptions: recording the stack trace of a raise, finding the catch that
 * handles it, and turning raw traces into the lists users see.
 *
 * A raw trace is a tuple made at the raise:
 *   {Class, Head, Pc, Ret1, Ret2, ...}
 * Head is a frame built at the raise ({M, F, Args, Loc}: a BIF, a function
 * clause, undef) or []; Pc is the code address of the raise as a small
 * integer, or [] when Head already names that place; Ret1... are the return
 * addresses on the stack, innermost first. erlang:raise/3 and re-raises
 * give a trace that is already built: {Class, List}.
 * At most BACKTRACE_DEPTH frames are kept, as OTP's default
 * backtrace_depth.
 */
#include <string.h>

#include "code_table.h"
#include "rt.h"
#include "vm/build.h"
#include "vm/map.h"

#define BACKTRACE_DEPTH 8

term rt_set_error(process *p, term tag, term value)
{
	term reason = tag;
	if (value != THE_NON_VALUE) {
		term *t = heap_alloc(&p->heap, 3);
		if (!t)
			return bif_no_memory(p);
		t[0] = make_header(2, SUBTAG_TUPLE);
		t[1] = tag;
		t[2] = value;
		reason = make_boxed(t);
	}
	p->fflags = 0;
	return bif_error(p, reason);
}

static term class_atom(exc_class c)
{
	switch (c) {
	case EXC_EXIT:
		return ATOM(exit);
	case EXC_THROW:
		return ATOM(throw);
	default:
		return ATOM(error);
	}
}

/* The builders of vm/build.h on the process heap. Out of memory, a trace
 * loses the part (it becomes []) rather than the exception. */
static term or_nil(term t) { return t == THE_NON_VALUE ? NIL : t; }
static term list_from(process *p, const term *v, size_t n)
{
	return or_nil(build_list(&p->heap, v, n));
}
static term tuple_of(process *p, const term *v, size_t n)
{
	return or_nil(build_tuple(&p->heap, v, n));
}
static term string_of(process *p, const char *s, size_t n)
{
	return or_nil(build_string(&p->heap, s, n));
}

/* [{file, F}, {line, L}] for a code address, or [] */
static term location_of(process *p, const jit_location *loc)
{
	if (!loc->file || loc->line == 0)
		return NIL;
	term file[2] = {ATOM(file), string_of(p, loc->file, loc->file_len)};
	term line[2] = {ATOM(line), make_small(loc->line)};
	term items[2] = {tuple_of(p, file, 2), tuple_of(p, line, 2)};
	return list_from(p, items, 2);
}

/* {M, F, ArityOrArgs, Loc ++ Extra} of a code address; THE_NON_VALUE when
 * unknown. */
static term frame_of_extra(process *p, uintptr_t addr, term args, term extra)
{
	jit_location loc;
	if (!jit_locate(addr, &loc))
		return THE_NON_VALUE;
	term where = location_of(p, &loc);
	if (extra != NIL) {
		/* Loc ++ Extra: copy the (short) location list in front */
		term items[4];
		size_t n = 0;
		for (term l = where; l != NIL && n < 2; l = list_tail(l))
			items[n++] = list_head(l);
		for (term l = extra; l != NIL && n < 4; l = list_tail(l))
			items[n++] = list_head(l);
		where = list_from(p, items, n);
	}
	term f[4] = {loc.code->module->name, loc.func->name,
	             args != THE_NON_VALUE ? args : make_small(loc.func->arity), where};
	return tuple_of(p, f, 4);
}

static term frame_of(process *p, uintptr_t addr, term args)
{
	return frame_of_extra(p, addr, args, NIL);
}

/* [{error_info, #{module => Mod}}] as OTP 25 puts it in BIF frames */
static term error_info(process *p, term bif_module)
{
	term mod =
	    atom_from_cstr(bif_module == ATOM(erlang) ? "erl_erts_errors" : "erl_stdlib_errors");
	term keys[2] = {atom_from_cstr("module"), atom_from_cstr("cause")};
	term vals[2] = {mod, p->fcause};
	term map = map_from_pairs(&p->heap, keys, vals, p->fcause != THE_NON_VALUE ? 2 : 1);
	p->fcause = THE_NON_VALUE;
	term ei[2] = {atom_from_cstr("error_info"), map};
	term item = tuple_of(p, ei, 2);
	return list_from(p, &item, 1);
}

static term bif_frame(process *p, const struct raise_info *ri, const term *args)
{
	term f[4] = {ri->module, ri->function, list_from(p, args, ri->arity),
	             error_info(p, ri->module)};
	return tuple_of(p, f, 4);
}

void rt_set_bif_frame(process *p, term module, term function, term args)
{
	term f[4] = {module, function, args, error_info(p, module)};
	p->stacktrace = tuple_of(p, f, 4);
	p->fflags |= PF_HEAD_FRAME;
}

/* The raw trace of a raise at pc. */
static term record_trace(process *p, uintptr_t pc, const struct raise_info *ri)
{
	term cls = class_atom(p->freason);
	if (p->fflags & PF_TRACE_GIVEN) {
		term v[2] = {cls, p->stacktrace};
		return tuple_of(p, v, 2);
	}
	term v[3 + BACKTRACE_DEPTH];
	size_t n = 0;
	v[n++] = cls;
	term head = NIL, at = make_small((int64_t)pc);
	if (p->fflags & PF_HEAD_FRAME) {
		head = p->stacktrace;
	} else if (p->fflags & PF_HEAD_ARGS) {
		head =
		    frame_of_extra(p, pc, tuple_get(p->stacktrace, 1), tuple_get(p->stacktrace, 2));
		if (head == THE_NON_VALUE)
			head = NIL;
		at = NIL;
	} else if (ri && ri->kind == RAISE_FUNC_CLAUSE) {
		head = frame_of(p, pc, list_from(p, p->x, ri->arity));
		if (head == THE_NON_VALUE)
			head = NIL;
		at = NIL;
	} else if (ri && !(p->fflags & PF_NO_BIF_FRAME)) {
		head = bif_frame(p, ri, ri->kind == RAISE_BIF_ARGS ? p->sched->bif_args : p->x);
	}
	v[n++] = head;
	v[n++] = at;
	size_t frames = (head != NIL) + (at != NIL);
	for (term *s = p->stop; s < p->stack_end && frames < BACKTRACE_DEPTH; s++) {
		if (primary_tag(*s) == TAG_PRIMARY_HEADER && *s != 0 && jit_code_find(*s)) {
			v[n++] = make_small((int64_t)*s);
			frames++;
		}
	}
	return tuple_of(p, v, n);
}

uintptr_t rt_handle_error(process *p, uintptr_t pc, const struct raise_info *ri)
{
	if (ri && ri->kind == RAISE_FUNC_CLAUSE) {
		p->freason = EXC_ERROR;
		p->fvalue = ATOM(function_clause);
		p->fflags = 0;
	}
	term raw = record_trace(p, pc, ri);
	bool catchable = !(p->fflags & PF_UNCATCHABLE);
	p->fflags = 0;
	for (term *s = p->stop; catchable && s < p->stack_end; s++) {
		uintptr_t handler;
		uint32_t y;
		if (is_catch(*s) && catch_table_get((uint32_t)catch_index(*s), &handler, &y)) {
			p->stop = s - y;
			p->heap.limit = p->stop;
			p->x[0] = THE_NON_VALUE;
			p->x[1] = class_atom(p->freason);
			p->x[2] = p->fvalue;
			p->x[3] = raw;
			p->stacktrace = NIL;
			return handler;
		}
	}
	p->stacktrace = raw;
	return jit_frag.exit_crashed;
}

term rt_build_stacktrace(process *p, term raw)
{
	if (!is_tuple(raw) || tuple_arity(raw) < 2)
		return NIL;
	if (tuple_arity(raw) == 2)
		return tuple_get(raw, 2);
	uint64_t n = tuple_arity(raw);
	term frames[2 + BACKTRACE_DEPTH];
	size_t k = 0;
	for (uint64_t i = 2; i <= n && k < 2 + BACKTRACE_DEPTH; i++) {
		term f = tuple_get(raw, i);
		if (f == NIL)
			continue;
		if (is_small(f))
			f = frame_of(p, (uintptr_t)small_value(f), THE_NON_VALUE);
		if (f != THE_NON_VALUE)
			frames[k++] = f;
	}
	return list_from(p, frames, k);
}

void rt_catch_end(process *p)
{
	term cls = p->x[1], reason = p->x[2];
	if (cls == ATOM(throw)) {
		p->x[0] = reason;
		return;
	}
	if (cls == ATOM(error)) {
		term v[2] = {reason, rt_build_stacktrace(p, p->x[3])};
		reason = tuple_of(p, v, 2);
	}
	term v[2] = {atom_from_cstr("EXIT"), reason};
	p->x[0] = tuple_of(p, v, 2);
}

static bool class_of(term cls, exc_class *out)
{
	if (cls == ATOM(error))
		*out = EXC_ERROR;
	else if (cls == ATOM(exit))
		*out = EXC_EXIT;
	else if (cls == ATOM(throw))
		*out = EXC_THROW;
	else
		return false;
	return true;
}

/* Re-raise with a raw trace as it is: its frames were recorded already. */
static term reraise(process *p, exc_class c, term reason, term raw)
{
	p->freason = c;
	p->fvalue = reason;
	if (is_tuple(raw) && tuple_arity(raw) >= 2) {
		/* keep only the frames: the class may change */
		term *t = heap_alloc(&p->heap, tuple_arity(raw) + 1);
		if (t) {
			memcpy(t, boxed_ptr(raw), (tuple_arity(raw) + 1) * sizeof(term));
			t[1] = class_atom(c);
			p->stacktrace = make_boxed(t);
			if (tuple_arity(raw) == 2) {
				p->stacktrace = tuple_get(raw, 2);
			} else {
				p->stacktrace = rt_build_stacktrace(p, make_boxed(t));
			}
			p->fflags = PF_TRACE_GIVEN;
			return THE_NON_VALUE;
		}
	}
	p->fflags = 0;
	return THE_NON_VALUE;
}

term rt_raw_raise(process *p)
{
	exc_class c;
	if (!class_of(p->x[0], &c))
		return rt_set_error(p, ATOM(badarg), THE_NON_VALUE);
	return reraise(p, c, p->x[1], p->x[2]);
}

term rt_raise(process *p, term trace, term value)
{
	exc_class c = EXC_ERROR;
	if (is_tuple(trace) && tuple_arity(trace) >= 2)
		class_of(tuple_get(trace, 1), &c);
	return reraise(p, c, value, trace);
}
