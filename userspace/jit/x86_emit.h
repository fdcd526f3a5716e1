/* The encoder's core, shared by its files (not for users of the encoder).
 *
 * Every instruction the encoder emits has the shape
 *
 *	[66] [F0] [F2|F3] [REX] opcode(1-3 bytes) [ModRM [SIB] [disp]] [imm]
 *
 * and is produced by one of the x86_emit_* functions below followed by the
 * immediate, if any. Flags say which prefixes the instruction needs; the REX
 * prefix is computed from the flags and the registers.
 */
#ifndef KBEAM_JIT_X86_EMIT_H
#define KBEAM_JIT_X86_EMIT_H

#include "x86_encode.h"

enum {
	X86F_W = 1 << 0,  /* REX.W: 64-bit operand size */
	X86F_66 = 1 << 1, /* 16-bit operand size, or SSE's mandatory 66 */
	X86F_F2 = 1 << 2, /* mandatory prefixes */
	X86F_F3 = 1 << 3,
	X86F_LOCK = 1 << 4,
	X86F_BYTE_REG = 1 << 5, /* ModRM.reg names a byte register */
	X86F_BYTE_RM = 1 << 6,  /* ModRM.rm (or opcode+r) names a byte register */
};

/* Operand sizes an instruction allows, as a mask for x86_size_flags(). */
enum {
	X86_SZ8 = 1,
	X86_SZ16 = 2,
	X86_SZ32 = 4,
	X86_SZ64 = 8,
	X86_SZ_ANY = 15,
	X86_SZ_WIDE = X86_SZ16 | X86_SZ32 | X86_SZ64,
};

/* The prefix flags for an operand size, or -1 with CB_ERR_OPERAND recorded
 * when the size is not one of `allowed`. */
int x86_size_flags(code_buffer *cb, int size, unsigned allowed);

/* An immediate for an operand size, as the value the CPU will see in the
 * imm field (sign-extended where the field is narrower than the operand).
 * 8/16/32-bit operands accept a signed or an unsigned value of that width;
 * 64-bit ones a signed 32-bit value. false (with an error) if it does not fit. */
bool x86_imm_for_size(code_buffer *cb, int size, int64_t imm, int64_t *out);
/* Bytes of an imm field for an operand size: 1, 2, or 4. */
static inline int x86_imm_len(int size) { return size == 8 ? 1 : size == 16 ? 2 : 4; }

/* Register operand in ModRM.rm, register in ModRM.reg. */
bool x86_emit_rr(code_buffer *cb, unsigned flags, uint32_t opcode, int reg, int rm);
/* Memory operand in ModRM.rm, register in ModRM.reg. imm_len: bytes of
 * immediate that will follow (a RIP-relative displacement counts from the
 * instruction's end). */
bool x86_emit_rm(code_buffer *cb, unsigned flags, uint32_t opcode, int reg, const struct x86_mem *m,
                 int imm_len);
/* The same with an opcode extension (/digit) in ModRM.reg. */
static inline bool x86_emit_dr(code_buffer *cb, unsigned flags, uint32_t opcode, int digit, int rm)
{
	return x86_emit_rr(cb, flags & ~(unsigned)X86F_BYTE_REG, opcode, digit, rm);
}
static inline bool x86_emit_dm(code_buffer *cb, unsigned flags, uint32_t opcode, int digit,
                               const struct x86_mem *m, int imm_len)
{
	return x86_emit_rm(cb, flags & ~(unsigned)X86F_BYTE_REG, opcode, digit, m, imm_len);
}
/* Register in the opcode's low three bits (push, pop, mov r,imm, xchg). */
bool x86_emit_opreg(code_buffer *cb, unsigned flags, uint32_t opcode, int reg);
/* Prefixes and opcode alone. */
void x86_emit_op(code_buffer *cb, unsigned flags, uint32_t opcode);

static inline bool x86_is_gpr(int r) { return r >= 0 && r < 16; }

/* false, with CB_ERR_OPERAND recorded, for a condition outside 0..15 */
static inline bool x86_cc_ok(code_buffer *cb, x86_cc cc)
{
	if ((unsigned)cc <= 0xf)
		return true;
	cb_fail(cb, CB_ERR_OPERAND);
	return false;
}

#endif
