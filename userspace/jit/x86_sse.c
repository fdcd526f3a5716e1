/* SSE2 scalar double-precision instructions: [66|F2] [REX] 0F xx /r.
 * XMM registers are numbered and REX-extended as general registers are, so
 * the core's encoding and register checks serve both. */
#include "x86_emit.h"

/* Flags and opcode for an enum x86_sse value (prefix << 8 | opcode). */
static uint32_t sse_opcode(code_buffer *cb, enum x86_sse op, unsigned *flags)
{
	switch (op) {
	case X86_ADDSD:
	case X86_MULSD:
	case X86_SUBSD:
	case X86_DIVSD:
	case X86_SQRTSD:
		*flags = X86F_F2;
		return 0x0f00 | (op & 0xff);
	case X86_UCOMISD:
	case X86_COMISD:
	case X86_ANDPD:
	case X86_XORPD:
		*flags = X86F_66;
		return 0x0f00 | (op & 0xff);
	}
	cb_fail(cb, CB_ERR_OPERAND);
	return 0;
}

void x86_sse_xx(code_buffer *cb, enum x86_sse op, x86_xmm dst, x86_xmm src)
{
	unsigned f;
	uint32_t opcode = sse_opcode(cb, op, &f);
	if (opcode)
		x86_emit_rr(cb, f, opcode, dst, src);
}

void x86_sse_xm(code_buffer *cb, enum x86_sse op, x86_xmm dst, struct x86_mem src)
{
	unsigned f;
	uint32_t opcode = sse_opcode(cb, op, &f);
	if (opcode)
		x86_emit_rm(cb, f, opcode, dst, &src, 0);
}

void x86_movsd_xx(code_buffer *cb, x86_xmm dst, x86_xmm src)
{
	x86_emit_rr(cb, X86F_F2, 0x0f10, dst, src);
}

void x86_movsd_xm(code_buffer *cb, x86_xmm dst, struct x86_mem src)
{
	x86_emit_rm(cb, X86F_F2, 0x0f10, dst, &src, 0);
}

void x86_movsd_mx(code_buffer *cb, struct x86_mem dst, x86_xmm src)
{
	x86_emit_rm(cb, X86F_F2, 0x0f11, src, &dst, 0);
}

void x86_movq_xr(code_buffer *cb, x86_xmm dst, x86_reg src)
{
	x86_emit_rr(cb, X86F_66 | X86F_W, 0x0f6e, dst, src);
}

void x86_movq_rx(code_buffer *cb, x86_reg dst, x86_xmm src)
{
	x86_emit_rr(cb, X86F_66 | X86F_W, 0x0f7e, src, dst);
}

void x86_cvtsi2sd_xr(code_buffer *cb, x86_xmm dst, x86_reg src)
{
	x86_emit_rr(cb, X86F_F2 | X86F_W, 0x0f2a, dst, src);
}

void x86_cvtsi2sd_xm(code_buffer *cb, x86_xmm dst, struct x86_mem src)
{
	x86_emit_rm(cb, X86F_F2 | X86F_W, 0x0f2a, dst, &src, 0);
}

void x86_cvttsd2si_rx(code_buffer *cb, x86_reg dst, x86_xmm src)
{
	x86_emit_rr(cb, X86F_F2 | X86F_W, 0x0f2c, dst, src);
}

void x86_cvttsd2si_rm(code_buffer *cb, x86_reg dst, struct x86_mem src)
{
	x86_emit_rm(cb, X86F_F2 | X86F_W, 0x0f2c, dst, &src, 0);
}
