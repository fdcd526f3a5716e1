/* An x86-64 machine-code encoder: one function per instruction form, each
 * appending the bytes to a code buffer.
 *
 * Names say the operand kinds in order: r a general register, x an XMM
 * register, m a memory operand (struct x86_mem), i an immediate, cl the CL
 * register. x86_alu_rm(cb, X86_ADD, 64, dst, mem) is `add dst, [mem]`.
 * Families that share one encoding (the eight ALU operations, the shifts,
 * the one-operand group) take the operation as an enum.
 *
 * `size` is the operand size in bits: 8, 16, 32 or 64, where the
 * instruction has that size (a 32-bit result clears bits 32..63). Byte
 * registers are al, cl, dl, bl, spl, bpl, sil, dil, r8b..r15b: ah..bh are not
 * used. Sizes, registers, immediates or memory shapes the CPU cannot encode
 * record CB_ERR_OPERAND in the buffer and emit nothing.
 *
 * Where x86 offers several encodings the encoder picks the one the GNU
 * assembler picks, which is also the shortest: imm8 forms, the rax short
 * forms, no displacement or disp8 when they fit, `mov r32, imm32` for 64-bit
 * constants that are zero-extended 32-bit values.
 */
#ifndef KBEAM_JIT_X86_ENCODE_H
#define KBEAM_JIT_X86_ENCODE_H

#include "code_buffer.h"
#include "x86_regs.h"

/* Longest instruction the encoder emits, and longest single nop. */
#define X86_MAX_INSN 15
#define X86_MAX_NOP 9

/* Moves */
void x86_mov_rr(code_buffer *cb, int size, x86_reg dst, x86_reg src);
/* 64-bit: the shortest of mov r32,imm32 / mov r64,simm32 / movabs r64,imm64.
 * 32/16/8-bit: imm may be given signed or unsigned. */
void x86_mov_ri(code_buffer *cb, int size, x86_reg dst, int64_t imm);
void x86_mov_rm(code_buffer *cb, int size, x86_reg dst, struct x86_mem src);
void x86_mov_mr(code_buffer *cb, int size, struct x86_mem dst, x86_reg src);
/* 64-bit: imm must fit 32 bits signed (it is sign-extended). */
void x86_mov_mi(code_buffer *cb, int size, struct x86_mem dst, int64_t imm);
/* Zero/sign extension from src_size (8, 16; movsx also 32 = movsxd) to the
 * wider dst_size. movzx from 32 bits is `mov r32, r32`, which clears the top. */
void x86_movzx_rr(code_buffer *cb, int dst_size, x86_reg dst, int src_size, x86_reg src);
void x86_movzx_rm(code_buffer *cb, int dst_size, x86_reg dst, int src_size, struct x86_mem src);
void x86_movsx_rr(code_buffer *cb, int dst_size, x86_reg dst, int src_size, x86_reg src);
void x86_movsx_rm(code_buffer *cb, int dst_size, x86_reg dst, int src_size, struct x86_mem src);
/* size 32 or 64 */
void x86_lea(code_buffer *cb, int size, x86_reg dst, struct x86_mem src);
void x86_lea_label(code_buffer *cb, x86_reg dst, cb_label l);
void x86_xchg_rr(code_buffer *cb, int size, x86_reg a, x86_reg b);
void x86_xchg_mr(code_buffer *cb, int size, struct x86_mem m, x86_reg r); /* implicitly locked */
void x86_lock_cmpxchg_mr(code_buffer *cb, int size, struct x86_mem m, x86_reg r);
void x86_lock_xadd_mr(code_buffer *cb, int size, struct x86_mem m, x86_reg r);
void x86_push_r(code_buffer *cb, x86_reg r);
void x86_pop_r(code_buffer *cb, x86_reg r);
void x86_cmov_rr(code_buffer *cb, x86_cc cc, int size, x86_reg dst, x86_reg src);
void x86_cmov_rm(code_buffer *cb, x86_cc cc, int size, x86_reg dst, struct x86_mem src);
void x86_setcc_r(code_buffer *cb, x86_cc cc, x86_reg dst); /* 8-bit destination */
void x86_setcc_m(code_buffer *cb, x86_cc cc, struct x86_mem dst);

/* Two-operand arithmetic and logic; the value is the ModRM /digit. */
enum x86_alu {
	X86_ADD = 0,
	X86_OR = 1,
	X86_ADC = 2,
	X86_SBB = 3,
	X86_AND = 4,
	X86_SUB = 5,
	X86_XOR = 6,
	X86_CMP = 7,
};
void x86_alu_rr(code_buffer *cb, enum x86_alu op, int size, x86_reg dst, x86_reg src);
/* 64-bit: imm must fit 32 bits signed. */
void x86_alu_ri(code_buffer *cb, enum x86_alu op, int size, x86_reg dst, int64_t imm);
void x86_alu_rm(code_buffer *cb, enum x86_alu op, int size, x86_reg dst, struct x86_mem src);
void x86_alu_mr(code_buffer *cb, enum x86_alu op, int size, struct x86_mem dst, x86_reg src);
void x86_alu_mi(code_buffer *cb, enum x86_alu op, int size, struct x86_mem dst, int64_t imm);
/* test is symmetric: _rm and _mr encode the same instruction. */
void x86_test_rr(code_buffer *cb, int size, x86_reg a, x86_reg b);
void x86_test_ri(code_buffer *cb, int size, x86_reg a, int64_t imm);
void x86_test_rm(code_buffer *cb, int size, x86_reg a, struct x86_mem b);
void x86_test_mr(code_buffer *cb, int size, struct x86_mem a, x86_reg b);
void x86_test_mi(code_buffer *cb, int size, struct x86_mem a, int64_t imm);

/* Shifts and rotates; the value is the ModRM /digit. Counts: 0..63 for
 * 64-bit operands, 0..31 otherwise (the CPU masks to those). */
enum x86_shift {
	X86_ROL = 0,
	X86_ROR = 1,
	X86_RCL = 2,
	X86_RCR = 3,
	X86_SHL = 4,
	X86_SHR = 5,
	X86_SAR = 7,
};
void x86_shift_ri(code_buffer *cb, enum x86_shift op, int size, x86_reg r, unsigned count);
void x86_shift_rcl(code_buffer *cb, enum x86_shift op, int size, x86_reg r);
void x86_shift_mi(code_buffer *cb, enum x86_shift op, int size, struct x86_mem m, unsigned count);
void x86_shift_mcl(code_buffer *cb, enum x86_shift op, int size, struct x86_mem m);

/* One-operand group: the low three bits are the ModRM /digit; bit 4 selects
 * opcode F6/F7 (not..idiv) over FE/FF (inc, dec). MUL/IMUL/DIV/IDIV use
 * rdx:rax (ah:al for bytes) as x86 does. */
enum x86_unop {
	X86_INC = 0x00,
	X86_DEC = 0x01,
	X86_NOT = 0x12,
	X86_NEG = 0x13,
	X86_MUL = 0x14,
	X86_IMUL = 0x15,
	X86_DIV = 0x16,
	X86_IDIV = 0x17,
};
void x86_unop_r(code_buffer *cb, enum x86_unop op, int size, x86_reg r);
void x86_unop_m(code_buffer *cb, enum x86_unop op, int size, struct x86_mem m);
/* Two- and three-operand imul (size 16, 32, 64). */
void x86_imul_rr(code_buffer *cb, int size, x86_reg dst, x86_reg src);
void x86_imul_rm(code_buffer *cb, int size, x86_reg dst, struct x86_mem src);
void x86_imul_rri(code_buffer *cb, int size, x86_reg dst, x86_reg src, int64_t imm);
void x86_imul_rmi(code_buffer *cb, int size, x86_reg dst, struct x86_mem src, int64_t imm);
void x86_cdq(code_buffer *cb); /* edx:eax = sign-extended eax */
void x86_cqo(code_buffer *cb); /* rdx:rax = sign-extended rax */

/* Bit test (and set/reset/complement); the value is the 0F BA /digit.
 * Size 16, 32, 64; an immediate bit number must be below the size. */
enum x86_bitop {
	X86_BT = 4,
	X86_BTS = 5,
	X86_BTR = 6,
	X86_BTC = 7,
};
void x86_bt_ri(code_buffer *cb, enum x86_bitop op, int size, x86_reg r, unsigned bit);
void x86_bt_rr(code_buffer *cb, enum x86_bitop op, int size, x86_reg r, x86_reg bit);
void x86_bt_mi(code_buffer *cb, enum x86_bitop op, int size, struct x86_mem m, unsigned bit);
void x86_bt_mr(code_buffer *cb, enum x86_bitop op, int size, struct x86_mem m, x86_reg bit);

/* Bit scans and counts (size 16, 32, 64). TZCNT, LZCNT (BMI1/ABM) and POPCNT
 * are newer than x86-64 itself: check CPUID before relying on them. */
enum x86_bitcount {
	X86_BSF,
	X86_BSR,
	X86_TZCNT,
	X86_LZCNT,
	X86_POPCNT,
};
void x86_bitcount_rr(code_buffer *cb, enum x86_bitcount op, int size, x86_reg dst, x86_reg src);
void x86_bitcount_rm(code_buffer *cb, enum x86_bitcount op, int size, x86_reg dst,
                     struct x86_mem src);

/* Control flow. A jump to a bound label (backward) takes rel8 when it fits;
 * to an unbound one, rel32. The _short forms always take rel8 and fail with
 * CB_ERR_RANGE (at once or when linking) if the target is too far. */
void x86_jmp_label(code_buffer *cb, cb_label l);
void x86_jmp_label_short(code_buffer *cb, cb_label l);
void x86_jcc_label(code_buffer *cb, x86_cc cc, cb_label l);
void x86_jcc_label_short(code_buffer *cb, x86_cc cc, cb_label l);
void x86_jmp_r(code_buffer *cb, x86_reg r);
void x86_jmp_m(code_buffer *cb, struct x86_mem m);
void x86_call_label(code_buffer *cb, cb_label l);
void x86_call_r(code_buffer *cb, x86_reg r);
void x86_call_m(code_buffer *cb, struct x86_mem m);
/* To an absolute address (a C function): rel32 when it reaches from every
 * byte of the buffer's declared placement (cb_place), else through r11
 * (mov r11, imm; call/jmp r11), which is clobbered. */
void x86_call_abs(code_buffer *cb, uint64_t target);
void x86_jmp_abs(code_buffer *cb, uint64_t target);
void x86_ret(code_buffer *cb);
void x86_int3(code_buffer *cb);
void x86_ud2(code_buffer *cb);
/* n bytes of no-ops, in the fewest recommended multi-byte nops. */
void x86_nop(code_buffer *cb, unsigned n);
/* Pads with nops to a multiple of align (a power of two up to 4096) from the
 * buffer's start; the code must be placed at such a multiple too. */
void x86_align(code_buffer *cb, unsigned align);

/* SSE2 scalar double. The value is the mandatory prefix and the opcode byte
 * after 0F. */
enum x86_sse {
	X86_ADDSD = 0xf258,
	X86_MULSD = 0xf259,
	X86_SUBSD = 0xf25c,
	X86_DIVSD = 0xf25e,
	X86_SQRTSD = 0xf251,
	X86_UCOMISD = 0x662e,
	X86_COMISD = 0x662f,
	X86_ANDPD = 0x6654, /* memory operand: 16 bytes, 16-byte aligned */
	X86_XORPD = 0x6657, /* memory operand: 16 bytes, 16-byte aligned */
};
void x86_sse_xx(code_buffer *cb, enum x86_sse op, x86_xmm dst, x86_xmm src);
void x86_sse_xm(code_buffer *cb, enum x86_sse op, x86_xmm dst, struct x86_mem src);
void x86_movsd_xx(code_buffer *cb, x86_xmm dst, x86_xmm src); /* keeps dst's top half */
void x86_movsd_xm(code_buffer *cb, x86_xmm dst, struct x86_mem src);
void x86_movsd_mx(code_buffer *cb, struct x86_mem dst, x86_xmm src);
void x86_movq_xr(code_buffer *cb, x86_xmm dst, x86_reg src);
void x86_movq_rx(code_buffer *cb, x86_reg dst, x86_xmm src);
/* int64 -> double, and double -> int64 truncating (0x8000000000000000 when
 * out of range or NaN). */
void x86_cvtsi2sd_xr(code_buffer *cb, x86_xmm dst, x86_reg src);
void x86_cvtsi2sd_xm(code_buffer *cb, x86_xmm dst, struct x86_mem src);
void x86_cvttsd2si_rx(code_buffer *cb, x86_reg dst, x86_xmm src);
void x86_cvttsd2si_rm(code_buffer *cb, x86_reg dst, struct x86_mem src);

#endif
