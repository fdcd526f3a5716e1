/* Shared fragments: the code every module's code jumps or calls into,
 * emitted once when the JIT starts.
 *
 *   enter         C -> Erlang: saves the C callee-saved registers, loads the
 *                 fixed registers from the scheduler and process, jumps.
 *   leave         Erlang -> C: stores HTOP, E, reductions back, restores the
 *                 C stack and registers, returns eax (enum run_result).
 *   exit_*        what a process's first frame returns to, and where an
 *                 uncaught exception or halt ends up.
 *   raise         called where an exception is raised; its return address
 *                 is the code address of the raise, for the stack trace.
 *   gc, yield     called from heap tests and reduction checks.
 *   bif_trap      called when a BIF returned BIF_TRAP.
 */
#include "arena.h"
#include "emit.h"
#include "perf_map.h"
#include "rt.h"

struct jit_fragments jit_frag;

typedef int (*enter_fn)(scheduler *s, process *p, const void *entry);

static const x86_reg saved[] = {X86_RBX, X86_RBP, X86_R12, X86_R13, X86_R14, X86_R15};

static void sync_out(code_buffer *cb)
{
	x86_mov_mr(cb, 64, x86_mem_base(R_P, P_HTOP), R_HTOP);
	x86_mov_mr(cb, 64, x86_mem_base(R_P, P_STOP), R_E);
	x86_lea(cb, 64, X86_R11, x86_mem_base(R_E, -8 * HEAP_LIMIT_GAP));
	x86_mov_mr(cb, 64, x86_mem_base(R_P, P_HLIMIT), X86_R11);
}

static void reload(code_buffer *cb)
{
	x86_mov_rm(cb, 64, R_HTOP, x86_mem_base(R_P, P_HTOP));
	x86_mov_rm(cb, 64, R_E, x86_mem_base(R_P, P_STOP));
}

/* A called fragment that calls fn(p, rsi, rdx) with the C stack aligned and
 * returns to its caller. */
static void emit_called_helper(code_buffer *cb, const void *fn)
{
	x86_alu_ri(cb, X86_SUB, 64, X86_RSP, 8);
	sync_out(cb);
	x86_mov_mr(cb, 64, x86_mem_base(R_P, P_REDS), R_FCALLS);
	x86_mov_rr(cb, 64, X86_RDI, R_P);
	x86_call_abs(cb, (uint64_t)(uintptr_t)fn);
	reload(cb);
	x86_mov_rm(cb, 64, R_FCALLS, x86_mem_base(R_P, P_REDS));
	x86_alu_ri(cb, X86_ADD, 64, X86_RSP, 8);
	x86_ret(cb);
}

int jit_fragments_init(void)
{
	code_buffer cbuf, *cb = &cbuf;
	cb_init(cb);
	jit_arena_prepare(cb);

	cb_label enter = cb_label_new(cb), leave = cb_label_new(cb);
	cb_label exit_return = cb_label_new(cb), exit_crashed = cb_label_new(cb);
	cb_label exit_waiting = cb_label_new(cb), raise = cb_label_new(cb);
	cb_label raise_info = cb_label_new(cb), raise_common = cb_label_new(cb);
	cb_label gc = cb_label_new(cb), yield = cb_label_new(cb), vheap = cb_label_new(cb);
	cb_label bif_trap = cb_label_new(cb);
	cb_label start_mfa = cb_label_new(cb), start_fun = cb_label_new(cb);

	/* enter(rdi = scheduler, rsi = process, rdx = entry) */
	x86_align(cb, 16);
	cb_label_bind(cb, enter);
	for (unsigned i = 0; i < 6; i++)
		x86_push_r(cb, saved[i]);
	x86_alu_ri(cb, X86_SUB, 64, X86_RSP, 8);
	x86_mov_mr(cb, 64, x86_mem_base(X86_RDI, (int32_t)offsetof(scheduler, c_sp)), X86_RSP);
	x86_lea(cb, 64, R_X, x86_mem_base(X86_RDI, (int32_t)offsetof(scheduler, x)));
	x86_mov_rr(cb, 64, R_P, X86_RSI);
	reload(cb);
	x86_mov_rm(cb, 64, R_FCALLS, x86_mem_base(R_P, P_REDS));
	x86_jmp_r(cb, X86_RDX);

	/* leave: eax = run result */
	x86_align(cb, 16);
	cb_label_bind(cb, leave);
	sync_out(cb);
	x86_mov_mr(cb, 64, x86_mem_base(R_P, P_REDS), R_FCALLS);
	x86_mov_rm(cb, 64, X86_RSP, x86_mem_base(R_X, X_OFF(c_sp)));
	x86_alu_ri(cb, X86_ADD, 64, X86_RSP, 8);
	for (unsigned i = 6; i-- > 0;)
		x86_pop_r(cb, saved[i]);
	x86_ret(cb);

	x86_align(cb, 16);
	cb_label_bind(cb, exit_return);
	x86_mov_ri(cb, 32, X86_RAX, RUN_RETURNED);
	x86_jmp_label(cb, leave);
	x86_align(cb, 16);
	cb_label_bind(cb, exit_crashed);
	x86_mov_ri(cb, 32, X86_RAX, RUN_CRASHED);
	x86_jmp_label(cb, leave);
	x86_align(cb, 16);
	cb_label_bind(cb, exit_waiting);
	x86_mov_ri(cb, 32, X86_RAX, RUN_WAITING);
	x86_jmp_label(cb, leave);

	/* raise: called, so [rsp] is the code address of the raise. The C
	 * stack is reset to its level in Erlang code by popping it. */
	x86_align(cb, 16);
	cb_label_bind(cb, raise);
	x86_pop_r(cb, X86_RSI);
	x86_alu_rr(cb, X86_XOR, 32, X86_RDX, X86_RDX);
	x86_jmp_label(cb, raise_common);
	x86_align(cb, 16);
	cb_label_bind(cb, raise_info);
	x86_pop_r(cb, X86_RSI);
	cb_label_bind(cb, raise_common);
	sync_out(cb);
	x86_mov_rr(cb, 64, X86_RDI, R_P);
	x86_call_abs(cb, (uint64_t)(uintptr_t)rt_handle_error);
	reload(cb);
	x86_jmp_r(cb, X86_RAX);

	x86_align(cb, 16);
	cb_label_bind(cb, gc);
	emit_called_helper(cb, (const void *)rt_gc);
	/* yield: called at a function entry, esi = live. rt_yield returns
	 * nonzero to switch processes: the return address is where the
	 * process resumes (its live x registers were saved by rt_yield).
	 * bif_trap: the same after a BIF asked to be called again (BIF_TRAP),
	 * through rt_bif_trap, which switches whenever another process could
	 * use the scheduler. */
	for (int k = 0; k < 2; k++) {
		cb_label out = cb_label_new(cb);
		x86_align(cb, 16);
		cb_label_bind(cb, k == 0 ? yield : bif_trap);
		x86_alu_ri(cb, X86_SUB, 64, X86_RSP, 8);
		sync_out(cb);
		x86_mov_mr(cb, 64, x86_mem_base(R_P, P_REDS), R_FCALLS);
		x86_mov_rr(cb, 64, X86_RDI, R_P);
		x86_call_abs(cb, (uint64_t)(uintptr_t)(k == 0 ? rt_yield : rt_bif_trap));
		reload(cb);
		x86_mov_rm(cb, 64, R_FCALLS, x86_mem_base(R_P, P_REDS));
		x86_alu_ri(cb, X86_ADD, 64, X86_RSP, 8);
		x86_test_rr(cb, 32, X86_RAX, X86_RAX);
		x86_jcc_label(cb, X86_CC_NZ, out);
		x86_ret(cb);
		cb_label_bind(cb, out);
		x86_pop_r(cb, X86_RAX);
		x86_mov_mr(cb, 64, x86_mem_base(R_P, P_OFF(resume)), X86_RAX);
		x86_mov_ri(cb, 32, X86_RAX, RUN_YIELD);
		x86_jmp_label(cb, leave);
	}

	/* start_mfa / start_fun: a new process's first code. x0.. hold
	 * apply/3's or apply/2's arguments; the helper resolves the target
	 * (loading its module) and puts the arguments in place. E already
	 * holds the first frame's return address (the exit). */
	for (int k = 0; k < 2; k++) {
		x86_align(cb, 16);
		cb_label_bind(cb, k == 0 ? start_mfa : start_fun);
		cb_label go = cb_label_new(cb);
		sync_out(cb);
		x86_mov_rr(cb, 64, X86_RDI, R_P);
		x86_call_abs(cb, (uint64_t)(uintptr_t)(k == 0 ? rt_apply_mfa : rt_apply_fun));
		reload(cb);
		x86_test_rr(cb, 64, X86_RAX, X86_RAX);
		x86_jcc_label(cb, X86_CC_NZ, go);
		x86_call_label(cb, raise);
		cb_label_bind(cb, go);
		x86_jmp_r(cb, X86_RAX);
	}

	/* vheap: rax (a result) is kept on the C stack, which also aligns it */
	x86_align(cb, 16);
	cb_label_bind(cb, vheap);
	x86_push_r(cb, X86_RAX);
	sync_out(cb);
	x86_mov_rr(cb, 64, X86_RDI, R_P);
	x86_call_abs(cb, (uint64_t)(uintptr_t)rt_vheap_check);
	x86_test_rr(cb, 8, X86_RAX, X86_RAX);
	cb_label vheap_ok = cb_label_new(cb);
	x86_jcc_label(cb, X86_CC_Z, vheap_ok);
	x86_alu_rr(cb, X86_XOR, 32, R_FCALLS, R_FCALLS); /* end the slice */
	cb_label_bind(cb, vheap_ok);
	x86_pop_r(cb, X86_RAX);
	x86_ret(cb);

	int err;
	uint8_t *base = jit_arena_place(cb, &err);
	if (base)
		jit_perf_map_add_range(base, cb_offset(cb), "kbeam:fragments");
	if (base) {
#define AT(l) ((uintptr_t)base + (uintptr_t)cb_label_offset(cb, l))
		jit_frag.enter = AT(enter);
		jit_frag.exit_return = AT(exit_return);
		jit_frag.exit_crashed = AT(exit_crashed);
		jit_frag.exit_waiting = AT(exit_waiting);
		jit_frag.raise = AT(raise);
		jit_frag.raise_info = AT(raise_info);
		jit_frag.gc = AT(gc);
		jit_frag.yield = AT(yield);
		jit_frag.bif_trap = AT(bif_trap);
		jit_frag.vheap = AT(vheap);
		jit_frag.start_mfa = AT(start_mfa);
		jit_frag.start_fun = AT(start_fun);
#undef AT
	}
	cb_free(cb);
	return base ? 0 : -1;
}

int jit_resume(scheduler *s, process *p)
{
	enter_fn enter = (enter_fn)jit_frag.enter;
	s->current = p;
	p->sched = s;
	p->x = s->x;
	p->fr = s->fr;
	for (unsigned i = 0; i < p->xsave_len; i++)
		s->x[i] = p->xsave[i];
	p->xsave_len = 0;
	const void *at = p->resume;
	if (!p->started) {
		/* the first run: the entry applies its function, whose return
		 * is the process's end */
		p->started = true;
		*--p->stop = (term)jit_frag.exit_return;
		p->heap.limit = p->stop;
		at = (const void *)(at ? jit_frag.start_fun : jit_frag.start_mfa);
	} else if (p->timed_out) {
		p->timed_out = false;
		at = p->timeout_resume;
	}
	return enter(s, p, at);
}

int jit_run(scheduler *s, process *p, const void *entry)
{
	enter_fn enter = (enter_fn)jit_frag.enter;
	/* the first function returns to the exit */
	*--p->stop = (term)jit_frag.exit_return;
	p->heap.limit = p->stop;
	s->current = p;
	p->sched = s;
	p->x = s->x;
	p->fr = s->fr;
	return enter(s, p, entry);
}
