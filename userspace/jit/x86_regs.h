/* x86-64 operands: registers, condition codes, memory operands and immediate
 * ranges, as the encoder (x86_encode.h) takes them.
 *
 * Registers carry the hardware's own numbers: the low three bits go into a
 * ModRM, SIB or opcode byte, bit 3 into a REX prefix. A memory operand is a
 * small value (base, index, scale, displacement, or a label for RIP-relative
 * addressing) built with the x86_mem* constructors and passed by value.
 */
#ifndef KBEAM_JIT_X86_REGS_H
#define KBEAM_JIT_X86_REGS_H

#include <stdbool.h>
#include <stdint.h>

#include "code_buffer.h"

typedef enum x86_reg {
	X86_NOREG = -1, /* no base or no index in a memory operand */
	X86_RAX = 0,
	X86_RCX,
	X86_RDX,
	X86_RBX,
	X86_RSP,
	X86_RBP,
	X86_RSI,
	X86_RDI,
	X86_R8,
	X86_R9,
	X86_R10,
	X86_R11,
	X86_R12,
	X86_R13,
	X86_R14,
	X86_R15,
	X86_RIP = 16, /* only as the base of a memory operand */
} x86_reg;

typedef enum x86_xmm {
	X86_XMM0 = 0,
	X86_XMM1,
	X86_XMM2,
	X86_XMM3,
	X86_XMM4,
	X86_XMM5,
	X86_XMM6,
	X86_XMM7,
	X86_XMM8,
	X86_XMM9,
	X86_XMM10,
	X86_XMM11,
	X86_XMM12,
	X86_XMM13,
	X86_XMM14,
	X86_XMM15,
} x86_xmm;

/* Condition codes, as the low nibble of jcc/setcc/cmovcc. A condition and its
 * negation differ only in bit 0. */
typedef enum x86_cc {
	X86_CC_O = 0x0,  /* overflow */
	X86_CC_NO = 0x1, /* no overflow */
	X86_CC_B = 0x2,  /* below (unsigned <), carry */
	X86_CC_AE = 0x3, /* above or equal (unsigned >=), no carry */
	X86_CC_E = 0x4,  /* equal, zero */
	X86_CC_NE = 0x5, /* not equal, not zero */
	X86_CC_BE = 0x6, /* below or equal (unsigned <=) */
	X86_CC_A = 0x7,  /* above (unsigned >) */
	X86_CC_S = 0x8,  /* sign */
	X86_CC_NS = 0x9, /* no sign */
	X86_CC_P = 0xa,  /* parity even; after ucomisd: unordered */
	X86_CC_NP = 0xb, /* parity odd; after ucomisd: ordered */
	X86_CC_L = 0xc,  /* less (signed <) */
	X86_CC_GE = 0xd, /* greater or equal (signed >=) */
	X86_CC_LE = 0xe, /* less or equal (signed <=) */
	X86_CC_G = 0xf,  /* greater (signed >) */
	X86_CC_C = X86_CC_B,
	X86_CC_NC = X86_CC_AE,
	X86_CC_Z = X86_CC_E,
	X86_CC_NZ = X86_CC_NE,
} x86_cc;

static inline x86_cc x86_cc_not(x86_cc cc) { return (x86_cc)(cc ^ 1); }

/* A memory operand: [base + index*scale + disp], or [rip + disp], or
 * [rip + label + disp] (resolved by the code buffer's fixups). */
struct x86_mem {
	int8_t base;   /* x86_reg, X86_RIP or X86_NOREG */
	int8_t index;  /* x86_reg other than rsp, or X86_NOREG */
	uint8_t scale; /* 1, 2, 4 or 8 */
	int32_t disp;
	cb_label label; /* with base X86_RIP: the target; CB_NO_LABEL otherwise */
};

/* [base + index*scale + disp]; base and index may be X86_NOREG. With no base
 * the displacement is 32 bits wide and absolute (sign-extended). */
static inline struct x86_mem x86_mem(x86_reg base, x86_reg index, int scale, int32_t disp)
{
	struct x86_mem m = {(int8_t)base, (int8_t)index, (uint8_t)scale, disp, CB_NO_LABEL};
	return m;
}

/* [base + disp]: the common case. */
static inline struct x86_mem x86_mem_base(x86_reg base, int32_t disp)
{
	return x86_mem(base, X86_NOREG, 1, disp);
}

/* [rip + disp]: disp counts from the end of the instruction. */
static inline struct x86_mem x86_mem_rip(int32_t disp)
{
	return x86_mem(X86_RIP, X86_NOREG, 1, disp);
}

/* [label + disp], addressed RIP-relative. */
static inline struct x86_mem x86_mem_label(cb_label label, int32_t disp)
{
	struct x86_mem m = x86_mem(X86_RIP, X86_NOREG, 1, disp);
	m.label = label;
	return m;
}

/* Whether a value fits a sign-extended 8-bit or 32-bit immediate field, or a
 * zero-extended 32-bit one (what `mov r32, imm32` leaves in a 64-bit register). */
static inline bool x86_is_imm8(int64_t v) { return v >= -128 && v <= 127; }
static inline bool x86_is_imm32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }
static inline bool x86_is_uimm32(int64_t v) { return v >= 0 && v <= (int64_t)UINT32_MAX; }

#endif
