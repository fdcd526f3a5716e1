/* Control flow: jumps and calls to labels, registers, memory and absolute
 * addresses; returns, traps and padding. */
#include "x86_emit.h"

/* A jump to a label: rel8 when forced or when the label is bound and close
 * enough, else rel32 (an unbound label may end up anywhere). */
static void branch(code_buffer *cb, uint32_t short_op, uint32_t near_op, cb_label l,
                   bool force_short)
{
	if (l >= cb->nlabels) {
		cb_fail(cb, CB_ERR_LABEL);
		return;
	}
	size_t start = cb_offset(cb);
	int64_t target = cb_label_offset(cb, l);
	if (force_short || (target >= 0 && x86_is_imm8(target - (int64_t)(start + 2)))) {
		x86_emit_op(cb, 0, short_op);
		cb_put1(cb, 0);
		cb_ref_label(cb, CB_FIX_REL8, start + 1, start + 2, l, 0);
		return;
	}
	x86_emit_op(cb, 0, near_op);
	size_t at = cb_offset(cb);
	cb_put_le(cb, 0, 4);
	cb_ref_label(cb, CB_FIX_REL32, at, at + 4, l, 0);
}

void x86_jmp_label(code_buffer *cb, cb_label l) { branch(cb, 0xeb, 0xe9, l, false); }
void x86_jmp_label_short(code_buffer *cb, cb_label l) { branch(cb, 0xeb, 0xe9, l, true); }

void x86_jcc_label(code_buffer *cb, x86_cc cc, cb_label l)
{
	if (x86_cc_ok(cb, cc))
		branch(cb, 0x70 | cc, 0x0f80 | cc, l, false);
}

void x86_jcc_label_short(code_buffer *cb, x86_cc cc, cb_label l)
{
	if (x86_cc_ok(cb, cc))
		branch(cb, 0x70 | cc, 0x0f80 | cc, l, true);
}

void x86_call_label(code_buffer *cb, cb_label l)
{
	if (l >= cb->nlabels) {
		cb_fail(cb, CB_ERR_LABEL);
		return;
	}
	x86_emit_op(cb, 0, 0xe8);
	size_t at = cb_offset(cb);
	cb_put_le(cb, 0, 4);
	cb_ref_label(cb, CB_FIX_REL32, at, at + 4, l, 0);
}

/* Indirect jumps and calls: FF /4 and FF /2, 64-bit without REX.W. */
void x86_jmp_r(code_buffer *cb, x86_reg r) { x86_emit_dr(cb, 0, 0xff, 4, r); }
void x86_jmp_m(code_buffer *cb, struct x86_mem m) { x86_emit_dm(cb, 0, 0xff, 4, &m, 0); }
void x86_call_r(code_buffer *cb, x86_reg r) { x86_emit_dr(cb, 0, 0xff, 2, r); }
void x86_call_m(code_buffer *cb, struct x86_mem m) { x86_emit_dm(cb, 0, 0xff, 2, &m, 0); }

static void to_abs(code_buffer *cb, uint32_t rel_op, int digit, uint64_t target)
{
	if (cb_reaches(cb, target)) {
		x86_emit_op(cb, 0, rel_op);
		size_t at = cb_offset(cb);
		cb_put_le(cb, 0, 4);
		cb_ref_abs(cb, at, at + 4, target);
		return;
	}
	x86_mov_ri(cb, 64, X86_R11, (int64_t)target);
	x86_emit_dr(cb, 0, 0xff, digit, X86_R11);
}

void x86_call_abs(code_buffer *cb, uint64_t target) { to_abs(cb, 0xe8, 2, target); }
void x86_jmp_abs(code_buffer *cb, uint64_t target) { to_abs(cb, 0xe9, 4, target); }

void x86_ret(code_buffer *cb) { x86_emit_op(cb, 0, 0xc3); }
void x86_int3(code_buffer *cb) { x86_emit_op(cb, 0, 0xcc); }
void x86_ud2(code_buffer *cb) { x86_emit_op(cb, 0, 0x0f0b); }

/* The multi-byte nops recommended by Intel's and AMD's optimisation
 * manuals: nop with a ModRM operand, grown by displacement, SIB and 66h. */
static const uint8_t nop_bytes[X86_MAX_NOP][X86_MAX_NOP] = {
    {0x90},                                                 /* nop */
    {0x66, 0x90},                                           /* xchg ax, ax */
    {0x0f, 0x1f, 0x00},                                     /* nop [rax] */
    {0x0f, 0x1f, 0x40, 0x00},                               /* nop [rax+0] */
    {0x0f, 0x1f, 0x44, 0x00, 0x00},                         /* nop [rax+rax+0] */
    {0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00},                   /* nop word [rax+rax+0] */
    {0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00},             /* nop [rax+0L] */
    {0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},       /* nop [rax+rax+0L] */
    {0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00}, /* nop word [rax+rax+0L] */
};

void x86_nop(code_buffer *cb, unsigned n)
{
	while (n > 0) {
		unsigned k = n < X86_MAX_NOP ? n : X86_MAX_NOP;
		cb_put_bytes(cb, nop_bytes[k - 1], k);
		n -= k;
	}
}

void x86_align(code_buffer *cb, unsigned align)
{
	if (align == 0 || align > 4096 || (align & (align - 1))) {
		cb_fail(cb, CB_ERR_OPERAND);
		return;
	}
	x86_nop(cb, (unsigned)(-cb_offset(cb) & (align - 1)));
}
