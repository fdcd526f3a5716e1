/* Calls decided at run time: through export entries (loading modules on
 * first use), apply, and funs. Each helper returns the code address to
 * call, with the arguments in place in x registers, or 0 with the
 * exception set. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bif_stub.h"
#include "rt.h"
#include "vm/code_server.h"
#include "vm/gc.h"
#include "vm/sched.h"

static term list_of_x(process *p, uint32_t n)
{
	term *c = heap_alloc(&p->heap, 2 * (size_t)n);
	if (!c)
		return NIL;
	term l = NIL;
	for (uint32_t i = n; i-- > 0;) {
		c[2 * i] = p->x[i];
		c[2 * i + 1] = l;
		l = make_list(&c[2 * i]);
	}
	return l;
}

/* error:undef with the frame {M, F, Args, []} first. */
static uintptr_t raise_undef(process *p, term m, term f, uint32_t arity)
{
	term *t = heap_alloc(&p->heap, 5);
	if (!t) {
		bif_no_memory(p);
		return 0;
	}
	t[0] = make_header(4, SUBTAG_TUPLE);
	t[1] = m;
	t[2] = f;
	t[3] = list_of_x(p, arity);
	t[4] = NIL;
	p->freason = EXC_ERROR;
	p->fvalue = ATOM(undef);
	p->stacktrace = make_boxed(t);
	p->fflags = PF_HEAD_FRAME;
	return 0;
}

uintptr_t rt_resolve_export(process *p, export_entry *ex)
{
	uintptr_t addr = (uintptr_t)atomic_load(&ex->address);
	if (addr)
		return addr;
	const bif_def *bif = bif_lookup(ex->module, ex->function, ex->arity);
	if (bif) {
		addr = jit_bif_stub(bif);
		if (addr) {
			atomic_store(&ex->address, (void *)addr);
			return addr;
		}
	}
	char err[512];
	if (!code_ensure_loaded(ex->module, err, sizeof err)) {
		/* a module that exists but does not load is worth a word */
		if (!strstr(err, "not found in the code path"))
			fprintf(stderr, "kbeam: %s\n", err);
	}
	addr = (uintptr_t)atomic_load(&ex->address);
	return addr ? addr : raise_undef(p, ex->module, ex->function, ex->arity);
}

static uintptr_t call_mfa(process *p, term m, term f, uint32_t arity)
{
	if (!is_atom(m) || !is_atom(f)) {
		bif_badarg(p);
		return 0;
	}
	export_entry *ex = export_entry_get(m, f, arity);
	if (!ex) {
		bif_no_memory(p);
		return 0;
	}
	return rt_resolve_export(p, ex);
}

uintptr_t rt_apply(process *p, uint32_t arity)
{
	return call_mfa(p, p->x[arity], p->x[arity + 1], arity);
}

/* Spreads a proper list into x0...; the count, or -1 (not a list, or too
 * long). */
static int64_t spread_args(process *p, term args)
{
	int64_t n = 0;
	for (term l = args; l != NIL; l = list_tail(l)) {
		if (!is_list(l) || n >= SCHED_X_REGS - 2)
			return -1;
		n++;
	}
	n = 0;
	for (term l = args; l != NIL; l = list_tail(l))
		p->x[n++] = list_head(l);
	return n;
}

/* error:badarg with the frame {erlang, apply, Args} */
static uintptr_t apply_badarg(process *p, const term *args, unsigned n)
{
	term *c = heap_alloc(&p->heap, 2 * n);
	term l = NIL;
	for (unsigned i = n; c && i-- > 0;) {
		c[2 * i] = args[i];
		c[2 * i + 1] = l;
		l = make_list(&c[2 * i]);
	}
	bif_badarg(p);
	rt_set_bif_frame(p, ATOM(erlang), atom_from_cstr("apply"), l);
	return 0;
}

uintptr_t rt_apply_mfa(process *p)
{
	term m = p->x[0], f = p->x[1], a[3] = {p->x[0], p->x[1], p->x[2]};
	int64_t n = spread_args(p, p->x[2]);
	if (n < 0 || !is_atom(m) || !is_atom(f))
		return apply_badarg(p, a, 3);
	return call_mfa(p, m, f, (uint32_t)n);
}

uintptr_t rt_apply_fun(process *p)
{
	term fun = p->x[0], a[2] = {p->x[0], p->x[1]};
	int64_t n = spread_args(p, p->x[1]);
	if (n < 0)
		return apply_badarg(p, a, 2);
	p->x[n] = fun;
	return rt_call_fun(p, (uint32_t)n);
}

/* error:{badarity, {Fun, Args}} */
static uintptr_t raise_badarity(process *p, term fun, uint32_t arity)
{
	term *t = heap_alloc(&p->heap, 3);
	if (!t) {
		bif_no_memory(p);
		return 0;
	}
	t[0] = make_header(2, SUBTAG_TUPLE);
	t[1] = fun;
	t[2] = list_of_x(p, arity);
	rt_set_error(p, ATOM(badarity), make_boxed(t));
	return 0;
}

uintptr_t rt_call_fun(process *p, uint32_t arity)
{
	term fun = p->x[arity];
	if (is_fun(fun)) {
		fun_entry *fe = fun_get_entry(fun);
		if (fe->arity != arity)
			return raise_badarity(p, fun, arity);
		uintptr_t addr = (uintptr_t)atomic_load(&fe->address);
		if (!addr) {
			char err[512];
			code_ensure_loaded(fe->module, err, sizeof err);
			addr = (uintptr_t)atomic_load(&fe->address);
		}
		if (!addr) {
			rt_set_error(p, ATOM(badfun), fun);
			return 0;
		}
		uint64_t nf = fun_num_free(fun);
		const term *env = fun_env(fun);
		if (arity + nf > SCHED_X_REGS) {
			bif_system_limit(p);
			return 0;
		}
		for (uint64_t i = 0; i < nf; i++)
			p->x[arity + i] = env[i];
		return addr;
	}
	if (is_export(fun)) {
		export_entry *ex = export_get_entry(fun);
		if (ex->arity != arity)
			return raise_badarity(p, fun, arity);
		return rt_resolve_export(p, ex);
	}
	rt_set_error(p, ATOM(badfun), fun);
	return 0;
}

void rt_gc(process *p, uint32_t need, uint32_t live)
{
	if (gc_collect(p, need, p->x, live) != 0) {
		fprintf(stderr, "kbeam: out of memory collecting a heap of %zu words\n",
		        p->heap_size);
		abort();
	}
}

bool rt_vheap_check(process *p) { return gc_vheap_full(p); }

int rt_yield(process *p, uint32_t live)
{
	/* Over the virtual binary heap (rt_vheap_check ended the slice):
	 * collect now, with the live registers of this function entry. */
	if (gc_vheap_full(p))
		rt_gc(p, 0, live);
	sched_count_slice(p);                  /* and a new budget */
	p->sched->tick_seen = *p->sched->tick; /* a new slice, by time too */
	if (!sched_should_yield(p))
		return 0;
	return process_save_x(p, p->x, live); /* out of memory: run on */
}

int rt_bif_trap(process *p, uint32_t live)
{
	if (p->trap_live > live)
		live = p->trap_live; /* the BIF's state after its arguments */
	if (p->reds <= 0)
		sched_count_slice(p);
	if (!sched_should_yield(p))
		return 0;
	return process_save_x(p, p->x, live); /* out of memory: run on */
}

_Thread_local uintptr_t rt_locked_caller;

term rt_call_locked(process *p, const term *args, bif_fn fn)
{
	rt_locked_caller = (uintptr_t)__builtin_return_address(0);
	rt_lock();
	term r = fn(p, args);
	rt_unlock();
	return r;
}
