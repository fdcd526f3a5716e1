/* General-register instructions: moves, arithmetic, shifts, bit operations. */
#include "x86_emit.h"

/* Byte forms of most instructions are the word/dword/qword opcode minus one. */
static uint32_t byte_or_wide(int size, uint32_t wide_opcode)
{
	return size == 8 ? wide_opcode - 1 : wide_opcode;
}

/* Moves */

void x86_mov_rr(code_buffer *cb, int size, x86_reg dst, x86_reg src)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f >= 0)
		x86_emit_rr(cb, (unsigned)f, byte_or_wide(size, 0x89), src, dst);
}

void x86_mov_ri(code_buffer *cb, int size, x86_reg dst, int64_t imm)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f < 0)
		return;
	if (size == 64 && x86_is_uimm32(imm)) {
		size = 32; /* mov r32, imm32 zero-extends: the same value, shorter */
		f = 0;
	}
	if (size == 64 && x86_is_imm32(imm)) {
		/* C7 /0 with a sign-extended imm32 */
		if (x86_emit_dr(cb, (unsigned)f, 0xc7, 0, dst))
			cb_put_le(cb, (uint64_t)imm, 4);
		return;
	}
	if (size == 64) {
		/* B8+r with the whole imm64 (movabs) */
		if (x86_emit_opreg(cb, (unsigned)f, 0xb8, dst))
			cb_put_le(cb, (uint64_t)imm, 8);
		return;
	}
	int64_t v;
	if (!x86_imm_for_size(cb, size, imm, &v))
		return;
	if (x86_emit_opreg(cb, (unsigned)f, size == 8 ? 0xb0 : 0xb8, dst))
		cb_put_le(cb, (uint64_t)v, x86_imm_len(size));
}

void x86_mov_rm(code_buffer *cb, int size, x86_reg dst, struct x86_mem src)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f >= 0)
		x86_emit_rm(cb, (unsigned)f, byte_or_wide(size, 0x8b), dst, &src, 0);
}

void x86_mov_mr(code_buffer *cb, int size, struct x86_mem dst, x86_reg src)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f >= 0)
		x86_emit_rm(cb, (unsigned)f, byte_or_wide(size, 0x89), src, &dst, 0);
}

void x86_mov_mi(code_buffer *cb, int size, struct x86_mem dst, int64_t imm)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	int64_t v;
	if (f < 0 || !x86_imm_for_size(cb, size, imm, &v))
		return;
	int n = x86_imm_len(size);
	if (x86_emit_dm(cb, (unsigned)f, byte_or_wide(size, 0xc7), 0, &dst, n))
		cb_put_le(cb, (uint64_t)v, n);
}

/* The extension opcode for a source size, with the flags for both sizes;
 * 0 (and an error) for impossible pairs. */
static uint32_t extend_opcode(code_buffer *cb, bool sign, int dst_size, int src_size,
                              unsigned *flags)
{
	int f = x86_size_flags(cb, dst_size, X86_SZ_WIDE);
	if (f < 0)
		return 0;
	*flags = (unsigned)f;
	if (src_size == 8) {
		*flags |= X86F_BYTE_RM;
		return sign ? 0x0fbe : 0x0fb6;
	}
	if (src_size == 16 && dst_size > 16)
		return sign ? 0x0fbf : 0x0fb7;
	if (src_size == 32 && dst_size == 64) {
		if (sign)
			return 0x63; /* movsxd */
		*flags = 0;          /* mov r32, r/m32 zero-extends */
		return 0x8b;
	}
	cb_fail(cb, CB_ERR_OPERAND);
	return 0;
}

static void extend_rr(code_buffer *cb, bool sign, int dst_size, x86_reg dst, int src_size,
                      x86_reg src)
{
	unsigned f;
	uint32_t op = extend_opcode(cb, sign, dst_size, src_size, &f);
	if (op)
		x86_emit_rr(cb, f, op, dst, src);
}

static void extend_rm(code_buffer *cb, bool sign, int dst_size, x86_reg dst, int src_size,
                      struct x86_mem src)
{
	unsigned f;
	uint32_t op = extend_opcode(cb, sign, dst_size, src_size, &f);
	if (op)
		x86_emit_rm(cb, f, op, dst, &src, 0);
}

void x86_movzx_rr(code_buffer *cb, int dst_size, x86_reg dst, int src_size, x86_reg src)
{
	if (dst_size == 64 && src_size == 32)
		x86_mov_rr(cb, 32, dst, src); /* the register form of mov is 89 /r */
	else
		extend_rr(cb, false, dst_size, dst, src_size, src);
}

void x86_movzx_rm(code_buffer *cb, int dst_size, x86_reg dst, int src_size, struct x86_mem src)
{
	extend_rm(cb, false, dst_size, dst, src_size, src);
}

void x86_movsx_rr(code_buffer *cb, int dst_size, x86_reg dst, int src_size, x86_reg src)
{
	extend_rr(cb, true, dst_size, dst, src_size, src);
}

void x86_movsx_rm(code_buffer *cb, int dst_size, x86_reg dst, int src_size, struct x86_mem src)
{
	extend_rm(cb, true, dst_size, dst, src_size, src);
}

void x86_lea(code_buffer *cb, int size, x86_reg dst, struct x86_mem src)
{
	int f = x86_size_flags(cb, size, X86_SZ32 | X86_SZ64);
	if (f >= 0)
		x86_emit_rm(cb, (unsigned)f, 0x8d, dst, &src, 0);
}

void x86_lea_label(code_buffer *cb, x86_reg dst, cb_label l)
{
	x86_lea(cb, 64, dst, x86_mem_label(l, 0));
}

void x86_xchg_rr(code_buffer *cb, int size, x86_reg a, x86_reg b)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f < 0)
		return;
	/* 90+r exchanges with the accumulator, except that plain 90 is nop:
	 * `xchg eax, eax` must clear the top of rax, so it takes 87 /r. */
	if (size != 8 && (a == X86_RAX || b == X86_RAX) && !(size == 32 && a == b)) {
		if (size == 64 && a == b)
			f = 0; /* xchg rax, rax changes nothing: plain nop, as gas emits */
		x86_emit_opreg(cb, (unsigned)f, 0x90, a == X86_RAX ? b : a);
		return;
	}
	x86_emit_rr(cb, (unsigned)f, byte_or_wide(size, 0x87), b, a);
}

void x86_xchg_mr(code_buffer *cb, int size, struct x86_mem m, x86_reg r)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f >= 0)
		x86_emit_rm(cb, (unsigned)f, byte_or_wide(size, 0x87), r, &m, 0);
}

void x86_lock_cmpxchg_mr(code_buffer *cb, int size, struct x86_mem m, x86_reg r)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f >= 0)
		x86_emit_rm(cb, (unsigned)f | X86F_LOCK, byte_or_wide(size, 0x0fb1), r, &m, 0);
}

void x86_lock_xadd_mr(code_buffer *cb, int size, struct x86_mem m, x86_reg r)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f >= 0)
		x86_emit_rm(cb, (unsigned)f | X86F_LOCK, byte_or_wide(size, 0x0fc1), r, &m, 0);
}

/* push and pop are 64-bit without REX.W. */
void x86_push_r(code_buffer *cb, x86_reg r) { x86_emit_opreg(cb, 0, 0x50, r); }
void x86_pop_r(code_buffer *cb, x86_reg r) { x86_emit_opreg(cb, 0, 0x58, r); }

void x86_cmov_rr(code_buffer *cb, x86_cc cc, int size, x86_reg dst, x86_reg src)
{
	int f = x86_size_flags(cb, size, X86_SZ_WIDE);
	if (f >= 0 && x86_cc_ok(cb, cc))
		x86_emit_rr(cb, (unsigned)f, 0x0f40 | cc, dst, src);
}

void x86_cmov_rm(code_buffer *cb, x86_cc cc, int size, x86_reg dst, struct x86_mem src)
{
	int f = x86_size_flags(cb, size, X86_SZ_WIDE);
	if (f >= 0 && x86_cc_ok(cb, cc))
		x86_emit_rm(cb, (unsigned)f, 0x0f40 | cc, dst, &src, 0);
}

void x86_setcc_r(code_buffer *cb, x86_cc cc, x86_reg dst)
{
	if (x86_cc_ok(cb, cc))
		x86_emit_dr(cb, X86F_BYTE_RM, 0x0f90 | cc, 0, dst);
}

void x86_setcc_m(code_buffer *cb, x86_cc cc, struct x86_mem dst)
{
	if (x86_cc_ok(cb, cc))
		x86_emit_dm(cb, 0, 0x0f90 | cc, 0, &dst, 0);
}

/* Arithmetic and logic. Opcodes: op*8 + 0/1 (r/m <- reg), + 2/3 (reg <- r/m),
 * + 4/5 (accumulator <- imm); 80/81/83 /op for r/m <- imm8/imm/simm8. */

static bool alu_ok(code_buffer *cb, enum x86_alu op)
{
	if ((unsigned)op <= 7)
		return true;
	cb_fail(cb, CB_ERR_OPERAND);
	return false;
}

void x86_alu_rr(code_buffer *cb, enum x86_alu op, int size, x86_reg dst, x86_reg src)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f >= 0 && alu_ok(cb, op))
		x86_emit_rr(cb, (unsigned)f, byte_or_wide(size, op * 8u + 1), src, dst);
}

void x86_alu_rm(code_buffer *cb, enum x86_alu op, int size, x86_reg dst, struct x86_mem src)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f >= 0 && alu_ok(cb, op))
		x86_emit_rm(cb, (unsigned)f, byte_or_wide(size, op * 8u + 3), dst, &src, 0);
}

void x86_alu_mr(code_buffer *cb, enum x86_alu op, int size, struct x86_mem dst, x86_reg src)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f >= 0 && alu_ok(cb, op))
		x86_emit_rm(cb, (unsigned)f, byte_or_wide(size, op * 8u + 1), src, &dst, 0);
}

/* The immediate field width for an ALU immediate: 1 when the sign-extended
 * imm8 form (83) applies or for byte operands, else the operand's width. */
static int alu_imm_len(int size, int64_t v) { return x86_is_imm8(v) ? 1 : x86_imm_len(size); }

void x86_alu_ri(code_buffer *cb, enum x86_alu op, int size, x86_reg dst, int64_t imm)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	int64_t v;
	if (f < 0 || !alu_ok(cb, op) || !x86_imm_for_size(cb, size, imm, &v))
		return;
	int n = alu_imm_len(size, v);
	bool ok;
	if (size == 8 && dst == X86_RAX) {
		x86_emit_op(cb, (unsigned)f, op * 8u + 4);
		ok = true;
	} else if (size == 8) {
		ok = x86_emit_dr(cb, (unsigned)f, 0x80, op, dst);
	} else if (n == 1) {
		ok = x86_emit_dr(cb, (unsigned)f, 0x83, op, dst);
	} else if (dst == X86_RAX) {
		x86_emit_op(cb, (unsigned)f, op * 8u + 5);
		ok = true;
	} else {
		ok = x86_emit_dr(cb, (unsigned)f, 0x81, op, dst);
	}
	if (ok)
		cb_put_le(cb, (uint64_t)v, n);
}

void x86_alu_mi(code_buffer *cb, enum x86_alu op, int size, struct x86_mem dst, int64_t imm)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	int64_t v;
	if (f < 0 || !alu_ok(cb, op) || !x86_imm_for_size(cb, size, imm, &v))
		return;
	int n = alu_imm_len(size, v);
	uint32_t opcode = size == 8 ? 0x80 : n == 1 ? 0x83 : 0x81;
	if (x86_emit_dm(cb, (unsigned)f, opcode, op, &dst, n))
		cb_put_le(cb, (uint64_t)v, n);
}

void x86_test_rr(code_buffer *cb, int size, x86_reg a, x86_reg b)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f >= 0)
		x86_emit_rr(cb, (unsigned)f, byte_or_wide(size, 0x85), b, a);
}

void x86_test_ri(code_buffer *cb, int size, x86_reg a, int64_t imm)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	int64_t v;
	if (f < 0 || !x86_imm_for_size(cb, size, imm, &v))
		return;
	/* test has no sign-extended imm8 form */
	bool ok = true;
	if (a == X86_RAX)
		x86_emit_op(cb, (unsigned)f, byte_or_wide(size, 0xa9));
	else
		ok = x86_emit_dr(cb, (unsigned)f, byte_or_wide(size, 0xf7), 0, a);
	if (ok)
		cb_put_le(cb, (uint64_t)v, x86_imm_len(size));
}

void x86_test_rm(code_buffer *cb, int size, x86_reg a, struct x86_mem b)
{
	x86_test_mr(cb, size, b, a);
}

void x86_test_mr(code_buffer *cb, int size, struct x86_mem a, x86_reg b)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f >= 0)
		x86_emit_rm(cb, (unsigned)f, byte_or_wide(size, 0x85), b, &a, 0);
}

void x86_test_mi(code_buffer *cb, int size, struct x86_mem a, int64_t imm)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	int64_t v;
	if (f < 0 || !x86_imm_for_size(cb, size, imm, &v))
		return;
	int n = x86_imm_len(size);
	if (x86_emit_dm(cb, (unsigned)f, byte_or_wide(size, 0xf7), 0, &a, n))
		cb_put_le(cb, (uint64_t)v, n);
}

/* Shifts: C1 /op ib by an immediate, D1 /op by one, D3 /op by cl. */

static bool shift_ok(code_buffer *cb, enum x86_shift op, int size, unsigned count)
{
	if ((unsigned)op <= 7 && op != 6 && count < (size == 64 ? 64u : 32u))
		return true;
	cb_fail(cb, CB_ERR_OPERAND);
	return false;
}

void x86_shift_ri(code_buffer *cb, enum x86_shift op, int size, x86_reg r, unsigned count)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f < 0 || !shift_ok(cb, op, size, count))
		return;
	if (count == 1)
		x86_emit_dr(cb, (unsigned)f, byte_or_wide(size, 0xd1), op, r);
	else if (x86_emit_dr(cb, (unsigned)f, byte_or_wide(size, 0xc1), op, r))
		cb_put1(cb, count);
}

void x86_shift_rcl(code_buffer *cb, enum x86_shift op, int size, x86_reg r)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f >= 0 && shift_ok(cb, op, size, 0))
		x86_emit_dr(cb, (unsigned)f, byte_or_wide(size, 0xd3), op, r);
}

void x86_shift_mi(code_buffer *cb, enum x86_shift op, int size, struct x86_mem m, unsigned count)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f < 0 || !shift_ok(cb, op, size, count))
		return;
	if (count == 1)
		x86_emit_dm(cb, (unsigned)f, byte_or_wide(size, 0xd1), op, &m, 0);
	else if (x86_emit_dm(cb, (unsigned)f, byte_or_wide(size, 0xc1), op, &m, 1))
		cb_put1(cb, count);
}

void x86_shift_mcl(code_buffer *cb, enum x86_shift op, int size, struct x86_mem m)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	if (f >= 0 && shift_ok(cb, op, size, 0))
		x86_emit_dm(cb, (unsigned)f, byte_or_wide(size, 0xd3), op, &m, 0);
}

/* One-operand group: F7 /op (not, neg, mul, imul, div, idiv), FF /op (inc, dec). */

static uint32_t unop_opcode(code_buffer *cb, enum x86_unop op, int size)
{
	unsigned digit = op & 7;
	bool group3 = op & 0x10;
	if (((unsigned)op & ~0x17u) || (group3 ? digit < 2 : digit > 1)) {
		cb_fail(cb, CB_ERR_OPERAND);
		return 0;
	}
	return byte_or_wide(size, group3 ? 0xf7 : 0xff);
}

void x86_unop_r(code_buffer *cb, enum x86_unop op, int size, x86_reg r)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	uint32_t opcode = f < 0 ? 0 : unop_opcode(cb, op, size);
	if (opcode)
		x86_emit_dr(cb, (unsigned)f, opcode, op & 7, r);
}

void x86_unop_m(code_buffer *cb, enum x86_unop op, int size, struct x86_mem m)
{
	int f = x86_size_flags(cb, size, X86_SZ_ANY);
	uint32_t opcode = f < 0 ? 0 : unop_opcode(cb, op, size);
	if (opcode)
		x86_emit_dm(cb, (unsigned)f, opcode, op & 7, &m, 0);
}

void x86_imul_rr(code_buffer *cb, int size, x86_reg dst, x86_reg src)
{
	int f = x86_size_flags(cb, size, X86_SZ_WIDE);
	if (f >= 0)
		x86_emit_rr(cb, (unsigned)f, 0x0faf, dst, src);
}

void x86_imul_rm(code_buffer *cb, int size, x86_reg dst, struct x86_mem src)
{
	int f = x86_size_flags(cb, size, X86_SZ_WIDE);
	if (f >= 0)
		x86_emit_rm(cb, (unsigned)f, 0x0faf, dst, &src, 0);
}

/* imul r, r/m, imm: 6B with a sign-extended imm8, 69 with a full one. */
void x86_imul_rri(code_buffer *cb, int size, x86_reg dst, x86_reg src, int64_t imm)
{
	int f = x86_size_flags(cb, size, X86_SZ_WIDE);
	int64_t v;
	if (f < 0 || !x86_imm_for_size(cb, size, imm, &v))
		return;
	int n = alu_imm_len(size, v);
	if (x86_emit_rr(cb, (unsigned)f, n == 1 ? 0x6b : 0x69, dst, src))
		cb_put_le(cb, (uint64_t)v, n);
}

void x86_imul_rmi(code_buffer *cb, int size, x86_reg dst, struct x86_mem src, int64_t imm)
{
	int f = x86_size_flags(cb, size, X86_SZ_WIDE);
	int64_t v;
	if (f < 0 || !x86_imm_for_size(cb, size, imm, &v))
		return;
	int n = alu_imm_len(size, v);
	if (x86_emit_rm(cb, (unsigned)f, n == 1 ? 0x6b : 0x69, dst, &src, n))
		cb_put_le(cb, (uint64_t)v, n);
}

void x86_cdq(code_buffer *cb) { x86_emit_op(cb, 0, 0x99); }
void x86_cqo(code_buffer *cb) { x86_emit_op(cb, X86F_W, 0x99); }

/* Bit test: 0F BA /op ib with an immediate bit number, 0F A3/AB/B3/BB with
 * a register one. */

static bool bitop_ok(code_buffer *cb, enum x86_bitop op, int size, unsigned bit)
{
	if (op >= X86_BT && op <= X86_BTC && bit < (unsigned)size)
		return true;
	cb_fail(cb, CB_ERR_OPERAND);
	return false;
}

static uint32_t bitop_reg_opcode(enum x86_bitop op) { return 0x0fa3 + (op - X86_BT) * 8u; }

void x86_bt_ri(code_buffer *cb, enum x86_bitop op, int size, x86_reg r, unsigned bit)
{
	int f = x86_size_flags(cb, size, X86_SZ_WIDE);
	if (f >= 0 && bitop_ok(cb, op, size, bit) && x86_emit_dr(cb, (unsigned)f, 0x0fba, op, r))
		cb_put1(cb, bit);
}

void x86_bt_rr(code_buffer *cb, enum x86_bitop op, int size, x86_reg r, x86_reg bit)
{
	int f = x86_size_flags(cb, size, X86_SZ_WIDE);
	if (f >= 0 && bitop_ok(cb, op, size, 0))
		x86_emit_rr(cb, (unsigned)f, bitop_reg_opcode(op), bit, r);
}

void x86_bt_mi(code_buffer *cb, enum x86_bitop op, int size, struct x86_mem m, unsigned bit)
{
	int f = x86_size_flags(cb, size, X86_SZ_WIDE);
	if (f >= 0 && bitop_ok(cb, op, size, bit) &&
	    x86_emit_dm(cb, (unsigned)f, 0x0fba, op, &m, 1))
		cb_put1(cb, bit);
}

void x86_bt_mr(code_buffer *cb, enum x86_bitop op, int size, struct x86_mem m, x86_reg bit)
{
	int f = x86_size_flags(cb, size, X86_SZ_WIDE);
	if (f >= 0 && bitop_ok(cb, op, size, 0))
		x86_emit_rm(cb, (unsigned)f, bitop_reg_opcode(op), bit, &m, 0);
}

/* Bit scans and counts: [F3] 0F xx /r. */

static uint32_t bitcount_opcode(code_buffer *cb, enum x86_bitcount op, unsigned *flags)
{
	switch (op) {
	case X86_BSF:
		return 0x0fbc;
	case X86_BSR:
		return 0x0fbd;
	case X86_TZCNT:
		*flags |= X86F_F3;
		return 0x0fbc;
	case X86_LZCNT:
		*flags |= X86F_F3;
		return 0x0fbd;
	case X86_POPCNT:
		*flags |= X86F_F3;
		return 0x0fb8;
	}
	cb_fail(cb, CB_ERR_OPERAND);
	return 0;
}

void x86_bitcount_rr(code_buffer *cb, enum x86_bitcount op, int size, x86_reg dst, x86_reg src)
{
	int f = x86_size_flags(cb, size, X86_SZ_WIDE);
	unsigned flags = (unsigned)f;
	uint32_t opcode = f < 0 ? 0 : bitcount_opcode(cb, op, &flags);
	if (opcode)
		x86_emit_rr(cb, flags, opcode, dst, src);
}

void x86_bitcount_rm(code_buffer *cb, enum x86_bitcount op, int size, x86_reg dst,
                     struct x86_mem src)
{
	int f = x86_size_flags(cb, size, X86_SZ_WIDE);
	unsigned flags = (unsigned)f;
	uint32_t opcode = f < 0 ? 0 : bitcount_opcode(cb, op, &flags);
	if (opcode)
		x86_emit_rm(cb, flags, opcode, dst, &src, 0);
}
