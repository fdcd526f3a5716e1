/* Float register instructions: fr registers hold raw doubles in the
 * scheduler; fmove boxes and unboxes, the arithmetic is SSE2 with a check
 * that the result is finite (OTP raises badarith otherwise). */
#include "emit.h"
#include "rt.h"

/* fmove Src Dst: fr -> x/y boxes (space reserved by test_heap), term ->
 * fr unboxes (the compiler proved it a float), fr -> fr copies. */
void emit_op_fmove(emit_ctx *e, const kb_operand *a)
{
	if (a[0].kind == OPND_FR && a[1].kind == OPND_FR) {
		x86_movsd_xm(e->cb, X86_XMM0, emit_reg_mem(&a[0]));
		x86_movsd_mx(e->cb, emit_reg_mem(&a[1]), X86_XMM0);
	} else if (a[0].kind == OPND_FR) {
		x86_movsd_xm(e->cb, X86_XMM0, emit_reg_mem(&a[0]));
		x86_mov_mi(e->cb, 64, x86_mem_base(R_HTOP, 0),
		           (int64_t)make_header(1, SUBTAG_FLOAT));
		x86_movsd_mx(e->cb, x86_mem_base(R_HTOP, 8), X86_XMM0);
		x86_lea(e->cb, 64, X86_RAX, x86_mem_base(R_HTOP, TAG_PRIMARY_BOXED));
		x86_lea(e->cb, 64, R_HTOP, x86_mem_base(R_HTOP, 16));
		emit_store(e, &a[1], X86_RAX);
	} else {
		emit_load(e, X86_RAX, &a[0]);
		x86_movsd_xm(e->cb, X86_XMM0,
		             x86_mem_base(X86_RAX, 8 - (int32_t)TAG_PRIMARY_BOXED));
		x86_movsd_mx(e->cb, emit_reg_mem(&a[1]), X86_XMM0);
	}
}

/* fconv Src Dst: any number to a float register, else badarith */
void emit_op_fconv(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RSI, &a[0]);
	x86_lea(e->cb, 64, X86_RDX, emit_reg_mem(&a[1]));
	emit_call_helper(e, (const void *)rt_fconv);
	cb_label ok = cb_label_new(e->cb);
	x86_test_rr(e->cb, 8, X86_RAX, X86_RAX);
	x86_jcc_label(e->cb, X86_CC_NZ, ok);
	emit_raise(e);
	cb_label_bind(e->cb, ok);
}

/* Raises badarith unless xmm0 is finite; then stores it to dst. */
static void check_store(emit_ctx *e, const kb_operand *dst)
{
	cb_label ok = cb_label_new(e->cb);
	x86_movq_rx(e->cb, X86_RAX, X86_XMM0);
	x86_shift_ri(e->cb, X86_SHR, 64, X86_RAX, 52);
	x86_alu_ri(e->cb, X86_AND, 32, X86_RAX, 0x7ff);
	x86_alu_ri(e->cb, X86_CMP, 32, X86_RAX, 0x7ff);
	x86_jcc_label(e->cb, X86_CC_NE, ok);
	emit_raise_error_tag(e, ATOM(badarith), false);
	cb_label_bind(e->cb, ok);
	x86_movsd_mx(e->cb, emit_reg_mem(dst), X86_XMM0);
}

static void farith(emit_ctx *e, const kb_operand *a, enum x86_sse op)
{
	x86_movsd_xm(e->cb, X86_XMM0, emit_reg_mem(&a[1]));
	x86_sse_xm(e->cb, op, X86_XMM0, emit_reg_mem(&a[2]));
	check_store(e, &a[3]);
}

void emit_op_fadd(emit_ctx *e, const kb_operand *a) { farith(e, a, X86_ADDSD); }
void emit_op_fsub(emit_ctx *e, const kb_operand *a) { farith(e, a, X86_SUBSD); }
void emit_op_fmul(emit_ctx *e, const kb_operand *a) { farith(e, a, X86_MULSD); }
void emit_op_fdiv(emit_ctx *e, const kb_operand *a) { farith(e, a, X86_DIVSD); }

/* fnegate Fail Src Dst: flips the sign bit */
void emit_op_fnegate(emit_ctx *e, const kb_operand *a)
{
	x86_mov_rm(e->cb, 64, X86_RAX, emit_reg_mem(&a[1]));
	x86_bt_ri(e->cb, X86_BTC, 64, X86_RAX, 63);
	x86_mov_mr(e->cb, 64, emit_reg_mem(&a[2]), X86_RAX);
}
