/* Instructions whose runtime is not built yet. They compile to code that
 * raises error:{kbeam_unsupported, Instruction}, so a module that uses
 * them still loads and its other functions run. */
#include "emit.h"

static void unsupported(emit_ctx *e, const char *what)
{
	x86_mov_ri(e->cb, 64, X86_RAX, (int64_t)atom_from_cstr(what));
	emit_raise_error_tag(e, atom_from_cstr("kbeam_unsupported"), true);
}

#define PENDING(name)                                                                        \
	void emit_op_##name(emit_ctx *e, const kb_operand *a)                                \
	{                                                                                    \
		(void)a;                                                                     \
		unsupported(e, #name);                                                       \
	}

PENDING(send)
PENDING(remove_message)
PENDING(timeout)
PENDING(loop_rec)
PENDING(loop_rec_end)
PENDING(wait)
PENDING(wait_timeout)

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
