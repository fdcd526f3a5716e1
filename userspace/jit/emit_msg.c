/* Message instructions: send, and the receive loop (loop_rec,
 * loop_rec_end, remove_message, wait, wait_timeout, timeout). */
#include "emit.h"
#include "rt_msg.h"

void emit_op_send(emit_ctx *e, const kb_operand *a)
{
	(void)a;
	x86_mov_rm(e->cb, 64, X86_RSI, x86_mem_base(R_X, 0));
	x86_mov_rm(e->cb, 64, X86_RDX, x86_mem_base(R_X, 8));
	emit_call_helper(e, (const void *)rt_send);
	emit_fail_if_nonvalue(e, NULL);
	x86_mov_mr(e->cb, 64, x86_mem_base(R_X, 0), X86_RAX);
}

/* loop_rec Fail Dst */
void emit_op_loop_rec(emit_ctx *e, const kb_operand *a)
{
	x86_mov_rr(e->cb, 64, X86_RDI, R_P);
	emit_call_pure(e, (const void *)rt_peek_message);
	x86_test_rr(e->cb, 64, X86_RAX, X86_RAX);
	x86_jcc_label(e->cb, X86_CC_Z, emit_label(e, &a[0]));
	emit_store(e, &a[1], X86_RAX);
}

/* loop_rec_end Label */
void emit_op_loop_rec_end(emit_ctx *e, const kb_operand *a)
{
	x86_mov_rr(e->cb, 64, X86_RDI, R_P);
	emit_call_pure(e, (const void *)rt_next_message);
	x86_jmp_label(e->cb, emit_label(e, &a[0]));
}

void emit_op_remove_message(emit_ctx *e, const kb_operand *a)
{
	(void)a;
	x86_mov_rr(e->cb, 64, X86_RDI, R_P);
	emit_call_pure(e, (const void *)rt_remove_message);
}

void emit_op_timeout(emit_ctx *e, const kb_operand *a)
{
	(void)a;
	x86_mov_rr(e->cb, 64, X86_RDI, R_P);
	emit_call_pure(e, (const void *)rt_reset_save);
}

/* Leaves the scheduler to wait: the process resumes at `again` (the
 * receive loop) when woken, or at `timed_out` when its timeout passes. */
static void wait_here(emit_ctx *e, cb_label again, cb_label timed_out)
{
	x86_lea_label(e->cb, X86_RAX, again);
	x86_mov_mr(e->cb, 64, x86_mem_base(R_P, P_OFF(resume)), X86_RAX);
	if (timed_out != CB_NO_LABEL) {
		x86_lea_label(e->cb, X86_RAX, timed_out);
		x86_mov_mr(e->cb, 64, x86_mem_base(R_P, P_OFF(timeout_resume)), X86_RAX);
	}
	x86_jmp_abs(e->cb, jit_frag.exit_waiting);
}

/* wait Label: back to the loop when a message can be looked at, else
 * the process waits */
void emit_op_wait(emit_ctx *e, const kb_operand *a)
{
	x86_mov_rr(e->cb, 64, X86_RDI, R_P);
	emit_call_pure(e, (const void *)rt_wait);
	x86_test_rr(e->cb, 8, X86_RAX, X86_RAX);
	x86_jcc_label(e->cb, X86_CC_NZ, emit_label(e, &a[0]));
	wait_here(e, emit_label(e, &a[0]), CB_NO_LABEL);
}

/* wait_timeout Label Time: falls through to `timeout` when time is up */
void emit_op_wait_timeout(emit_ctx *e, const kb_operand *a)
{
	cb_label go = cb_label_new(e->cb), forever = cb_label_new(e->cb);
	emit_load(e, X86_RSI, &a[1]);
	emit_call_helper(e, (const void *)rt_wait_timeout);
	x86_alu_ri(e->cb, X86_CMP, 32, X86_RAX, RT_WAIT_MESSAGE);
	x86_jcc_label(e->cb, X86_CC_E, emit_label(e, &a[0]));
	x86_alu_ri(e->cb, X86_CMP, 32, X86_RAX, RT_WAIT_TIMEOUT);
	x86_jcc_label(e->cb, X86_CC_E, go);
	x86_alu_ri(e->cb, X86_CMP, 32, X86_RAX, RT_WAIT_FOREVER);
	x86_jcc_label(e->cb, X86_CC_E, forever);
	emit_raise(e);
	cb_label_bind(e->cb, forever);
	wait_here(e, emit_label(e, &a[0]), go);
	cb_label_bind(e->cb, go);
}
