/* Emitters that build and take apart lists and tuples, make funs, and
 * raise the match errors (badmatch, case_clause, ...). Construction writes
 * at HTOP, into space a preceding test_heap or allocate_heap reserved. */
#include "emit.h"
#include "rt.h"

void emit_op_put_list(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RAX, &a[0]);
	x86_mov_mr(e->cb, 64, x86_mem_base(R_HTOP, 0), X86_RAX);
	emit_load(e, X86_RAX, &a[1]);
	x86_mov_mr(e->cb, 64, x86_mem_base(R_HTOP, 8), X86_RAX);
	x86_lea(e->cb, 64, X86_RAX, x86_mem_base(R_HTOP, TAG_PRIMARY_LIST));
	x86_lea(e->cb, 64, R_HTOP, x86_mem_base(R_HTOP, 16));
	emit_store(e, &a[2], X86_RAX);
}

/* put_tuple2 Dst [Elements] */
void emit_op_put_tuple2(emit_ctx *e, const kb_operand *a)
{
	uint64_t n = a[1].val;
	const kb_operand *l = e->m->operands + a[1].aux;
	x86_mov_mi(e->cb, 64, x86_mem_base(R_HTOP, 0), (int64_t)make_header(n, SUBTAG_TUPLE));
	for (uint64_t i = 0; i < n; i++) {
		struct x86_mem slot = x86_mem_base(R_HTOP, (int32_t)(8 * (i + 1)));
		if (opnd_is_const(&l[i]) && x86_is_imm32((int64_t)opnd_const(&l[i]))) {
			x86_mov_mi(e->cb, 64, slot, (int64_t)opnd_const(&l[i]));
		} else {
			emit_load(e, X86_RAX, &l[i]);
			x86_mov_mr(e->cb, 64, slot, X86_RAX);
		}
	}
	x86_lea(e->cb, 64, X86_RAX, x86_mem_base(R_HTOP, TAG_PRIMARY_BOXED));
	x86_lea(e->cb, 64, R_HTOP, x86_mem_base(R_HTOP, (int32_t)(8 * (n + 1))));
	emit_store(e, &a[0], X86_RAX);
}

void emit_op_get_list(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RAX, &a[0]);
	x86_mov_rm(e->cb, 64, X86_RCX, x86_mem_base(X86_RAX, -(int32_t)TAG_PRIMARY_LIST));
	x86_mov_rm(e->cb, 64, X86_RDX, x86_mem_base(X86_RAX, 8 - (int32_t)TAG_PRIMARY_LIST));
	emit_store(e, &a[1], X86_RCX);
	emit_store(e, &a[2], X86_RDX);
}

void emit_op_get_hd(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RAX, &a[0]);
	x86_mov_rm(e->cb, 64, X86_RCX, x86_mem_base(X86_RAX, -(int32_t)TAG_PRIMARY_LIST));
	emit_store(e, &a[1], X86_RCX);
}

void emit_op_get_tl(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RAX, &a[0]);
	x86_mov_rm(e->cb, 64, X86_RCX, x86_mem_base(X86_RAX, 8 - (int32_t)TAG_PRIMARY_LIST));
	emit_store(e, &a[1], X86_RCX);
}

/* get_tuple_element Tuple Index Dst (index from 0) */
void emit_op_get_tuple_element(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RAX, &a[0]);
	x86_mov_rm(
	    e->cb, 64, X86_RCX,
	    x86_mem_base(X86_RAX, (int32_t)(8 * (a[1].val + 1)) - (int32_t)TAG_PRIMARY_BOXED));
	emit_store(e, &a[2], X86_RCX);
}

/* set_tuple_element Value Tuple Index: destructive, on a tuple just built */
void emit_op_set_tuple_element(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RAX, &a[1]);
	emit_load(e, X86_RCX, &a[0]);
	x86_mov_mr(
	    e->cb, 64,
	    x86_mem_base(X86_RAX, (int32_t)(8 * (a[2].val + 1)) - (int32_t)TAG_PRIMARY_BOXED),
	    X86_RCX);
}

/* make_fun3 Lambda Dst [Env]: header, entry, creator, num_free, env... */
void emit_op_make_fun3(emit_ctx *e, const kb_operand *a)
{
	const kb_lambda *lam = &e->m->lambdas[a[0].val];
	uint64_t nf = a[2].val;
	const kb_operand *env = e->m->operands + a[2].aux;
	x86_mov_mi(e->cb, 64, x86_mem_base(R_HTOP, 0), (int64_t)make_header(3 + nf, SUBTAG_FUN));
	x86_mov_ri(e->cb, 64, X86_RAX, (int64_t)(uintptr_t)lam->entry);
	x86_mov_mr(e->cb, 64, x86_mem_base(R_HTOP, 8 * FUN_ENTRY), X86_RAX);
	x86_mov_rm(e->cb, 64, X86_RAX, x86_mem_base(R_P, P_OFF(id)));
	x86_mov_mr(e->cb, 64, x86_mem_base(R_HTOP, 8 * FUN_CREATOR), X86_RAX);
	x86_mov_mi(e->cb, 64, x86_mem_base(R_HTOP, 8 * FUN_NUM_FREE), (int64_t)nf);
	for (uint64_t i = 0; i < nf; i++) {
		emit_load(e, X86_RAX, &env[i]);
		x86_mov_mr(e->cb, 64, x86_mem_base(R_HTOP, (int32_t)(8 * (FUN_ENV + i))), X86_RAX);
	}
	x86_lea(e->cb, 64, X86_RAX, x86_mem_base(R_HTOP, TAG_PRIMARY_BOXED));
	x86_lea(e->cb, 64, R_HTOP, x86_mem_base(R_HTOP, (int32_t)(8 * (FUN_ENV + nf))));
	emit_store(e, &a[1], X86_RAX);
}

/* ---- match errors ---- */

static void raise_tagged(emit_ctx *e, term tag, const kb_operand *value)
{
	if (value)
		emit_load(e, X86_RAX, value);
	emit_raise_error_tag(e, tag, value != NULL);
}

void emit_op_badmatch(emit_ctx *e, const kb_operand *a) { raise_tagged(e, ATOM(badmatch), &a[0]); }
void emit_op_case_end(emit_ctx *e, const kb_operand *a)
{
	raise_tagged(e, ATOM(case_clause), &a[0]);
}
void emit_op_try_case_end(emit_ctx *e, const kb_operand *a)
{
	raise_tagged(e, ATOM(try_clause), &a[0]);
}
void emit_op_badrecord(emit_ctx *e, const kb_operand *a)
{
	raise_tagged(e, ATOM(badrecord), &a[0]);
}
void emit_op_if_end(emit_ctx *e, const kb_operand *a)
{
	(void)a;
	raise_tagged(e, ATOM(if_clause), NULL);
}

/* ---- funs and apply ---- */

/* call_fun Arity: the fun is in x[Arity]. */
static void call_fun(emit_ctx *e, uint32_t arity, bool tail, uint32_t dealloc)
{
	x86_mov_ri(e->cb, 32, X86_RSI, arity);
	emit_call_helper(e, (const void *)rt_call_fun);
	emit_fail_if_nonvalue(e, NULL);
	x86_mov_rr(e->cb, 64, X86_RCX, X86_RAX);
	emit_call_or_tail(e, X86_RCX, tail, dealloc);
}

void emit_op_call_fun(emit_ctx *e, const kb_operand *a)
{
	call_fun(e, (uint32_t)a[0].val, false, 0);
}

/* call_fun2 Tag Arity Func */
void emit_op_call_fun2(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RAX, &a[2]);
	x86_mov_mr(e->cb, 64, x86_mem_base(R_X, (int32_t)(8 * a[1].val)), X86_RAX);
	call_fun(e, (uint32_t)a[1].val, false, 0);
}

static void apply(emit_ctx *e, uint32_t arity, bool tail, uint32_t dealloc)
{
	x86_mov_ri(e->cb, 32, X86_RSI, arity);
	emit_call_helper(e, (const void *)rt_apply);
	emit_fail_if_nonvalue(e, NULL);
	x86_mov_rr(e->cb, 64, X86_RCX, X86_RAX);
	emit_call_or_tail(e, X86_RCX, tail, dealloc);
}

void emit_op_apply(emit_ctx *e, const kb_operand *a) { apply(e, (uint32_t)a[0].val, false, 0); }
void emit_op_apply_last(emit_ctx *e, const kb_operand *a)
{
	apply(e, (uint32_t)a[0].val, true, (uint32_t)a[1].val);
}

/* ---- catch and try ---- */

static void catch_marker(emit_ctx *e, const kb_operand *y, const kb_operand *handler)
{
	if (e->ncatches == e->catches_cap) {
		emit_fail(e, "catch count mismatch");
		return;
	}
	uint32_t k = e->ncatches++;
	e->catch_labels[k] = emit_label(e, handler);
	e->catch_y[k] = (uint32_t)y->val;
	x86_mov_ri(e->cb, 64, X86_RAX, (int64_t)make_catch(e->code->catch_base + k));
	emit_store(e, y, X86_RAX);
}

void emit_op_catch(emit_ctx *e, const kb_operand *a) { catch_marker(e, &a[0], &a[1]); }
void emit_op_try(emit_ctx *e, const kb_operand *a) { catch_marker(e, &a[0], &a[1]); }

static void kill_y(emit_ctx *e, const kb_operand *y)
{
	x86_mov_mi(e->cb, 64, emit_reg_mem(y), (int64_t)NIL);
}

void emit_op_catch_end(emit_ctx *e, const kb_operand *a)
{
	cb_label done = cb_label_new(e->cb);
	kill_y(e, &a[0]);
	x86_alu_mi(e->cb, X86_CMP, 64, x86_mem_base(R_X, 0), (int64_t)THE_NON_VALUE);
	x86_jcc_label(e->cb, X86_CC_NE, done);
	emit_call_helper(e, (const void *)rt_catch_end);
	cb_label_bind(e->cb, done);
}

void emit_op_try_end(emit_ctx *e, const kb_operand *a) { kill_y(e, &a[0]); }

void emit_op_try_case(emit_ctx *e, const kb_operand *a)
{
	kill_y(e, &a[0]);
	for (int i = 0; i < 3; i++) {
		x86_mov_rm(e->cb, 64, X86_RAX, x86_mem_base(R_X, 8 * (i + 1)));
		x86_mov_mr(e->cb, 64, x86_mem_base(R_X, 8 * i), X86_RAX);
	}
}

/* raise Trace Value */
void emit_op_raise(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RSI, &a[0]);
	emit_load(e, X86_RDX, &a[1]);
	emit_call_helper(e, (const void *)rt_raise);
	emit_raise(e);
}

void emit_op_raw_raise(emit_ctx *e, const kb_operand *a)
{
	(void)a;
	emit_call_helper(e, (const void *)rt_raw_raise);
	emit_raise(e);
}

void emit_op_build_stacktrace(emit_ctx *e, const kb_operand *a)
{
	(void)a;
	x86_mov_rm(e->cb, 64, X86_RSI, x86_mem_base(R_X, 0));
	emit_call_helper(e, (const void *)rt_build_stacktrace);
	x86_mov_mr(e->cb, 64, x86_mem_base(R_X, 0), X86_RAX);
}
