/* Marker instructions: on_load and nif_start (no code), and the receive
 * markers. */
#include "emit.h"
#include "rt_msg.h"
#include "vm/mailbox.h"

/* Markers with no code: on_load names the function to run after loading,
 * nif_start the functions a NIF library may replace. */
void emit_op_on_load(emit_ctx *e, const kb_operand *a)
{
	(void)e;
	(void)a;
}

void emit_op_nif_start(emit_ctx *e, const kb_operand *a)
{
	(void)e;
	(void)a;
}

/* Receive markers: the save point of a receive on a fresh reference
 * starts after the messages that were there before the reference
 * (vm/mailbox.h). */
void emit_op_recv_marker_reserve(emit_ctx *e, const kb_operand *a)
{
	x86_mov_rr(e->cb, 64, X86_RDI, R_P);
	emit_call_pure(e, (const void *)mbox_marker_reserve);
	emit_store(e, &a[0], X86_RAX);
}

/* recv_marker_bind Marker Ref */
void emit_op_recv_marker_bind(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RSI, &a[0]);
	emit_load(e, X86_RDX, &a[1]);
	x86_mov_rr(e->cb, 64, X86_RDI, R_P);
	emit_call_pure(e, (const void *)rt_marker_bind);
}

void emit_op_recv_marker_clear(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RSI, &a[0]);
	x86_mov_rr(e->cb, 64, X86_RDI, R_P);
	emit_call_pure(e, (const void *)rt_marker_clear);
}

void emit_op_recv_marker_use(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RSI, &a[0]);
	x86_mov_rr(e->cb, 64, X86_RDI, R_P);
	emit_call_pure(e, (const void *)rt_marker_use);
}
