/* Instructions that compile to no code, or nearly none: markers for the
 * loader and the receive-marker optimisation. */
#include "emit.h"

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

/* Receive markers only speed up a receive that follows make_ref(); without
 * them the receive scans the whole queue, which gives the same result. */
void emit_op_recv_marker_reserve(emit_ctx *e, const kb_operand *a)
{
	x86_mov_mi(e->cb, 64, emit_reg_mem(&a[0]), (int64_t)NIL);
}

void emit_op_recv_marker_bind(emit_ctx *e, const kb_operand *a)
{
	(void)e;
	(void)a;
}

void emit_op_recv_marker_clear(emit_ctx *e, const kb_operand *a)
{
	(void)e;
	(void)a;
}

void emit_op_recv_marker_use(emit_ctx *e, const kb_operand *a)
{
	(void)e;
	(void)a;
}
