/* Emitters for labels, moves, stack frames, heap tests, calls and returns. */
#include "emit.h"
#include "rt.h"

void emit_op_label(emit_ctx *e, const kb_operand *a)
{
	uint32_t l = (uint32_t)a[0].val;
	cb_label_bind(e->cb, e->labels[l]);
	const kb_function *f = &e->m->functions[e->func];
	if (l == f->entry_label)
		emit_reduction(e, f->arity);
}

void emit_op_func_info(emit_ctx *e, const kb_operand *a)
{
	(void)a;
	emit_raise_info(e, &e->func_raise[e->func]);
}

void emit_op_int_code_end(emit_ctx *e, const kb_operand *a)
{
	(void)a;
	x86_ud2(e->cb);
}

void emit_op_line(emit_ctx *e, const kb_operand *a)
{
	if (a[0].val != 0)
		emit_line(e, (uint32_t)a[0].val);
}

void emit_op_move(emit_ctx *e, const kb_operand *a)
{
	if (opnd_is_const(&a[0]) && x86_is_imm32((int64_t)opnd_const(&a[0]))) {
		x86_mov_mi(e->cb, 64, emit_reg_mem(&a[1]), (int64_t)opnd_const(&a[0]));
		return;
	}
	emit_load(e, X86_RAX, &a[0]);
	emit_store(e, &a[1], X86_RAX);
}

void emit_op_swap(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RAX, &a[0]);
	emit_load(e, X86_RCX, &a[1]);
	emit_store(e, &a[0], X86_RCX);
	emit_store(e, &a[1], X86_RAX);
}

void emit_op_init_yregs(emit_ctx *e, const kb_operand *a)
{
	const kb_operand *l = e->m->operands + a[0].aux;
	for (uint64_t i = 0; i < a[0].val; i++)
		x86_mov_mi(e->cb, 64, emit_reg_mem(&l[i]), (int64_t)NIL);
}

/* Makes room for `slots` stack words and `heap` heap words, then pushes the
 * frame and fills its y registers with [] so the collector never sees stale
 * words. */
static void allocate_frame(emit_ctx *e, uint32_t slots, uint32_t heap, uint32_t live)
{
	emit_heap_check(e, slots + heap, live);
	if (slots == 0)
		return;
	x86_lea(e->cb, 64, R_E, x86_mem_base(R_E, -(int32_t)(8 * slots)));
	for (uint32_t i = 0; i < slots; i++)
		x86_mov_mi(e->cb, 64, x86_mem_base(R_E, (int32_t)(8 * i)), (int64_t)NIL);
}

/* Words an allocation operand (a number or an alloc list) stands for. */
static uint32_t alloc_words(emit_ctx *e, const kb_operand *o)
{
	if (o->kind != OPND_ALLOC)
		return (uint32_t)o->val;
	const kb_alloc_list *al = &e->m->allocs[o->val];
	return al->words + 2 * al->floats + 4 * al->funs;
}

void emit_op_allocate(emit_ctx *e, const kb_operand *a)
{
	allocate_frame(e, (uint32_t)a[0].val, 0, (uint32_t)a[1].val);
}

void emit_op_allocate_heap(emit_ctx *e, const kb_operand *a)
{
	allocate_frame(e, (uint32_t)a[0].val, alloc_words(e, &a[1]), (uint32_t)a[2].val);
}

void emit_op_test_heap(emit_ctx *e, const kb_operand *a)
{
	if (alloc_words(e, &a[0]) == 0)
		return;
	emit_heap_check(e, alloc_words(e, &a[0]), (uint32_t)a[1].val);
}

void emit_op_deallocate(emit_ctx *e, const kb_operand *a)
{
	if (a[0].val)
		x86_lea(e->cb, 64, R_E, x86_mem_base(R_E, (int32_t)(8 * a[0].val)));
}

void emit_op_trim(emit_ctx *e, const kb_operand *a) { emit_op_deallocate(e, a); }

void emit_op_return(emit_ctx *e, const kb_operand *a)
{
	(void)a;
	emit_erlang_return(e);
}

void emit_op_jump(emit_ctx *e, const kb_operand *a) { x86_jmp_label(e->cb, emit_label(e, &a[0])); }

void emit_op_call(emit_ctx *e, const kb_operand *a)
{
	emit_erlang_call_label(e, emit_label(e, &a[1]));
}

void emit_op_call_last(emit_ctx *e, const kb_operand *a)
{
	emit_op_deallocate(e, &a[2]);
	x86_jmp_label(e->cb, emit_label(e, &a[1]));
}

void emit_op_call_only(emit_ctx *e, const kb_operand *a)
{
	x86_jmp_label(e->cb, emit_label(e, &a[1]));
}

/* ---- remote calls ---- */

/* rcx = the code of an export entry, resolving (loading) it when needed. */
static void load_export_target(emit_ctx *e, export_entry *ex)
{
	cb_label have = cb_label_new(e->cb);
	x86_mov_ri(e->cb, 64, X86_RAX, (int64_t)(uintptr_t)&ex->address);
	x86_mov_rm(e->cb, 64, X86_RCX, x86_mem_base(X86_RAX, 0));
	x86_test_rr(e->cb, 64, X86_RCX, X86_RCX);
	x86_jcc_label(e->cb, X86_CC_NZ, have);
	x86_mov_ri(e->cb, 64, X86_RSI, (int64_t)(uintptr_t)ex);
	emit_call_helper(e, (const void *)rt_resolve_export);
	emit_fail_if_nonvalue(e, NULL);
	x86_mov_rr(e->cb, 64, X86_RCX, X86_RAX);
	cb_label_bind(e->cb, have);
}

/* Calls a BIF's C function (rsi = its arguments), under the runtime lock
 * when the BIF asks for it. */
static void emit_call_bif(emit_ctx *e, const bif_def *bif, bool reload_e)
{
	const void *fn = (const void *)bif->fn;
	if (bif->flags & BIF_RUNTIME_LOCK) {
		x86_mov_ri(e->cb, 64, X86_RDX, (int64_t)(uintptr_t)bif->fn);
		fn = (const void *)rt_call_locked;
	}
	if (reload_e)
		emit_call_helper_e(e, fn);
	else
		emit_call_helper(e, fn);
}

/* A BIF called as a function: arguments in x registers, result in x0. */
static void call_bif_xregs(emit_ctx *e, const bif_def *bif)
{
	cb_label again = cb_label_new(e->cb);
	cb_label_bind(e->cb, again);
	x86_mov_rr(e->cb, 64, X86_RSI, R_X);
	/* E too: a BIF called as a function may collect (garbage_collect/0) */
	emit_call_bif(e, bif, true);
	if (bif->flags & BIF_TRAPS) {
		/* BIF_TRAP: make way for others, then call again with the
		 * arguments it left in the x registers */
		cb_label done = cb_label_new(e->cb);
		x86_alu_ri(e->cb, X86_CMP, 64, X86_RAX, (int32_t)BIF_TRAP);
		x86_jcc_label(e->cb, X86_CC_NE, done);
		x86_mov_ri(e->cb, 32, X86_RSI, bif->arity);
		x86_call_abs(e->cb, jit_frag.bif_trap);
		x86_jmp_label(e->cb, again);
		cb_label_bind(e->cb, done);
	}
	x86_test_rr(e->cb, 64, X86_RAX, X86_RAX);
	cb_label ok = cb_label_new(e->cb);
	x86_jcc_label(e->cb, X86_CC_NZ, ok);
	emit_raise_info(e, emit_bif_raise_info(e, bif, true));
	cb_label_bind(e->cb, ok);
	emit_vheap_check(e);
	x86_mov_mr(e->cb, 64, x86_mem_base(R_X, 0), X86_RAX);
}

/* Imports that are not plain functions: erlang:apply/2,3. Returns true
 * when it emitted the call (tail: jump instead of call). */
static bool special_import(emit_ctx *e, uint32_t imp, bool tail, uint32_t dealloc)
{
	const kb_import *i = &e->m->imports[imp];
	if (i->module != ATOM(erlang) || i->function != atom_from_cstr("apply") ||
	    (i->arity != 2 && i->arity != 3))
		return false;
	emit_call_helper(e,
	                 i->arity == 2 ? (const void *)rt_apply_fun : (const void *)rt_apply_mfa);
	emit_fail_if_nonvalue(e, NULL);
	x86_mov_rr(e->cb, 64, X86_RCX, X86_RAX);
	emit_call_or_tail(e, X86_RCX, tail, dealloc);
	return true;
}

void emit_op_call_ext(emit_ctx *e, const kb_operand *a)
{
	uint32_t imp = (uint32_t)a[1].val;
	if (special_import(e, imp, false, 0))
		return;
	if (e->import_bif[imp]) {
		call_bif_xregs(e, e->import_bif[imp]);
		return;
	}
	load_export_target(e, e->import_export[imp]);
	emit_erlang_call_reg(e, X86_RCX);
}

void emit_op_call_ext_last(emit_ctx *e, const kb_operand *a)
{
	uint32_t imp = (uint32_t)a[1].val;
	if (special_import(e, imp, true, (uint32_t)a[2].val))
		return;
	if (e->import_bif[imp]) {
		call_bif_xregs(e, e->import_bif[imp]);
		emit_op_deallocate(e, &a[2]);
		emit_erlang_return(e);
		return;
	}
	emit_op_deallocate(e, &a[2]);
	load_export_target(e, e->import_export[imp]);
	x86_jmp_r(e->cb, X86_RCX);
}

void emit_op_call_ext_only(emit_ctx *e, const kb_operand *a)
{
	uint32_t imp = (uint32_t)a[1].val;
	if (special_import(e, imp, true, 0))
		return;
	if (e->import_bif[imp]) {
		call_bif_xregs(e, e->import_bif[imp]);
		emit_erlang_return(e);
		return;
	}
	load_export_target(e, e->import_export[imp]);
	x86_jmp_r(e->cb, X86_RCX);
}

/* ---- BIFs called inline: bif0/1/2, gc_bif1/2/3 ---- */

/* Copies the operands into the BIF argument area and calls; rax = result. */
static const bif_def *call_bif_args(emit_ctx *e, uint32_t imp, const kb_operand *args, unsigned n)
{
	const bif_def *bif = e->import_bif[imp];
	if (!bif) {
		const kb_import *i = &e->m->imports[imp];
		size_t len;
		const char *mn = atom_name(i->module, &len);
		const char *fnm = atom_name(i->function, &len);
		emit_fail(e, "BIF %s:%s/%u is not implemented", mn, fnm, i->arity);
		return NULL;
	}
	for (unsigned k = 0; k < n; k++) {
		emit_load(e, X86_RAX, &args[k]);
		x86_mov_mr(e->cb, 64, x86_mem_base(R_X, X_OFF(bif_args) + 8 * (int32_t)k), X86_RAX);
	}
	x86_lea(e->cb, 64, X86_RSI, x86_mem_base(R_X, X_OFF(bif_args)));
	emit_call_bif(e, bif, false);
	return bif;
}

/* Fail label: jump there; none: raise with the BIF's frame. Then store. */
static void bif_result(emit_ctx *e, const bif_def *bif, const kb_operand *fail,
                       const kb_operand *dst, bool frame)
{
	if (!bif)
		return;
	x86_test_rr(e->cb, 64, X86_RAX, X86_RAX);
	if (fail->kind == OPND_LABEL && fail->val != 0) {
		x86_jcc_label(e->cb, X86_CC_Z, emit_label(e, fail));
	} else {
		cb_label ok = cb_label_new(e->cb);
		x86_jcc_label(e->cb, X86_CC_NZ, ok);
		if (frame)
			emit_raise_info(e, emit_bif_raise_info(e, bif, false));
		else
			emit_raise(e);
		cb_label_bind(e->cb, ok);
	}
	emit_store(e, dst, X86_RAX);
}

void emit_arith_bif(emit_ctx *e, uint32_t imp, const kb_operand *fail, const kb_operand *args,
                    unsigned n, const kb_operand *dst);

void emit_op_bif0(emit_ctx *e, const kb_operand *a)
{
	static const kb_operand nofail = {OPND_LABEL, {0}, 0, 0};
	const bif_def *bif = call_bif_args(e, (uint32_t)a[0].val, NULL, 0);
	bif_result(e, bif, &nofail, &a[1], true);
}

void emit_op_bif1(emit_ctx *e, const kb_operand *a)
{
	emit_arith_bif(e, (uint32_t)a[1].val, &a[0], &a[2], 1, &a[3]);
}

void emit_op_bif2(emit_ctx *e, const kb_operand *a)
{
	emit_arith_bif(e, (uint32_t)a[1].val, &a[0], &a[2], 2, &a[4]);
}

void emit_op_gc_bif1(emit_ctx *e, const kb_operand *a)
{
	emit_arith_bif(e, (uint32_t)a[2].val, &a[0], &a[3], 1, &a[4]);
}

void emit_op_gc_bif2(emit_ctx *e, const kb_operand *a)
{
	emit_arith_bif(e, (uint32_t)a[2].val, &a[0], &a[3], 2, &a[5]);
}

void emit_op_gc_bif3(emit_ctx *e, const kb_operand *a)
{
	emit_arith_bif(e, (uint32_t)a[2].val, &a[0], &a[3], 3, &a[6]);
}

/* The generic path of every inline BIF: emit_arith.c adds fast paths. */
void emit_bif_generic(emit_ctx *e, uint32_t imp, const kb_operand *fail, const kb_operand *args,
                      unsigned n, const kb_operand *dst, bool frame)
{
	const bif_def *bif = call_bif_args(e, imp, args, n);
	bif_result(e, bif, fail, dst, frame);
}
