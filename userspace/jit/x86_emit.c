#include "x86_emit.h"

int x86_size_flags(code_buffer *cb, int size, unsigned allowed)
{
	unsigned bit = 0;
	int flags = -1;
	switch (size) {
	case 8:
		bit = X86_SZ8;
		flags = X86F_BYTE_REG | X86F_BYTE_RM;
		break;
	case 16:
		bit = X86_SZ16;
		flags = X86F_66;
		break;
	case 32:
		bit = X86_SZ32;
		flags = 0;
		break;
	case 64:
		bit = X86_SZ64;
		flags = X86F_W;
		break;
	}
	if (!(bit & allowed)) {
		cb_fail(cb, CB_ERR_OPERAND);
		return -1;
	}
	return flags;
}

bool x86_imm_for_size(code_buffer *cb, int size, int64_t imm, int64_t *out)
{
	bool ok;
	switch (size) {
	case 8:
		ok = imm >= INT8_MIN && imm <= UINT8_MAX;
		*out = (int8_t)imm;
		break;
	case 16:
		ok = imm >= INT16_MIN && imm <= UINT16_MAX;
		*out = (int16_t)imm;
		break;
	case 32:
		ok = imm >= INT32_MIN && imm <= (int64_t)UINT32_MAX;
		*out = (int32_t)imm;
		break;
	default:
		ok = x86_is_imm32(imm);
		*out = imm;
		break;
	}
	if (!ok)
		cb_fail(cb, CB_ERR_OPERAND);
	return ok;
}

static unsigned rex_bit(int r) { return x86_is_gpr(r) ? (unsigned)r >> 3 : 0; }

/* spl, bpl, sil and dil exist only with a REX prefix (without one, those
 * numbers name ah, ch, dh, bh). */
static bool needs_byte_rex(int r) { return r >= 4 && r < 8; }

static void emit_opcode(code_buffer *cb, uint32_t opcode)
{
	if (opcode > 0xffff)
		cb_put1(cb, opcode >> 16);
	if (opcode > 0xff)
		cb_put1(cb, (opcode >> 8) & 0xff);
	cb_put1(cb, opcode & 0xff);
}

/* Legacy prefixes, then REX (W R X B) when a bit is set or a byte register
 * needs it, then the opcode. */
static void emit_head(code_buffer *cb, unsigned flags, uint32_t opcode, int reg, int index,
                      int base, bool byte_rex)
{
	if (flags & X86F_66)
		cb_put1(cb, 0x66);
	if (flags & X86F_LOCK)
		cb_put1(cb, 0xf0);
	if (flags & X86F_F2)
		cb_put1(cb, 0xf2);
	if (flags & X86F_F3)
		cb_put1(cb, 0xf3);
	unsigned rex =
	    (flags & X86F_W ? 8 : 0) | rex_bit(reg) << 2 | rex_bit(index) << 1 | rex_bit(base);
	if (rex || byte_rex)
		cb_put1(cb, 0x40 | rex);
	emit_opcode(cb, opcode);
}

static void emit_modrm(code_buffer *cb, unsigned mod, unsigned reg, unsigned rm)
{
	cb_put1(cb, mod << 6 | (reg & 7) << 3 | (rm & 7));
}

bool x86_emit_rr(code_buffer *cb, unsigned flags, uint32_t opcode, int reg, int rm)
{
	if (!x86_is_gpr(reg) || !x86_is_gpr(rm)) {
		cb_fail(cb, CB_ERR_OPERAND);
		return false;
	}
	bool byte_rex = ((flags & X86F_BYTE_REG) && needs_byte_rex(reg)) ||
	                ((flags & X86F_BYTE_RM) && needs_byte_rex(rm));
	emit_head(cb, flags, opcode, reg, X86_NOREG, rm, byte_rex);
	emit_modrm(cb, 3, (unsigned)reg, (unsigned)rm);
	return true;
}

static bool mem_is_valid(const code_buffer *cb, const struct x86_mem *m)
{
	if (m->scale != 1 && m->scale != 2 && m->scale != 4 && m->scale != 8)
		return false;
	if (m->index != X86_NOREG && (!x86_is_gpr(m->index) || m->index == X86_RSP))
		return false; /* rsp cannot be an index: SIB index 100 means none */
	if (m->base == X86_RIP)
		return m->index == X86_NOREG && (m->label == CB_NO_LABEL || m->label < cb->nlabels);
	return m->label == CB_NO_LABEL && (m->base == X86_NOREG || x86_is_gpr(m->base));
}

static unsigned scale_bits(int scale) { return scale == 8 ? 3 : scale == 4 ? 2 : scale == 2; }

bool x86_emit_rm(code_buffer *cb, unsigned flags, uint32_t opcode, int reg, const struct x86_mem *m,
                 int imm_len)
{
	if (!x86_is_gpr(reg) || !mem_is_valid(cb, m)) {
		cb_fail(cb, m->label != CB_NO_LABEL && m->label >= cb->nlabels ? CB_ERR_LABEL
		                                                               : CB_ERR_OPERAND);
		return false;
	}
	int base = m->base, index = m->index;
	bool byte_rex = (flags & X86F_BYTE_REG) && needs_byte_rex(reg);
	emit_head(cb, flags, opcode, reg, index, base, byte_rex);

	if (base == X86_RIP) {
		/* mod 00, rm 101: disp32 from the end of the instruction */
		emit_modrm(cb, 0, (unsigned)reg, 5);
		size_t at = cb_offset(cb);
		cb_put_le(cb, (uint32_t)m->disp, 4);
		if (m->label != CB_NO_LABEL)
			cb_ref_label(cb, CB_FIX_REL32, at, at + 4 + (size_t)imm_len, m->label,
			             m->disp);
		return true;
	}
	unsigned ss = index == X86_NOREG ? 0 : scale_bits(m->scale);
	unsigned sib_index = index == X86_NOREG ? 4 : (unsigned)index;
	if (base == X86_NOREG) {
		/* mod 00, rm 100, SIB base 101: no base, disp32 */
		emit_modrm(cb, 0, (unsigned)reg, 4);
		emit_modrm(cb, ss, sib_index, 5);
		cb_put_le(cb, (uint32_t)m->disp, 4);
		return true;
	}
	/* rbp and r13 as base with mod 00 would mean "no base" (or rip): they
	 * take a zero disp8 instead. */
	unsigned mod = m->disp == 0 && (base & 7) != 5 ? 0 : x86_is_imm8(m->disp) ? 1 : 2;
	/* rsp and r12 as rm mean "SIB follows", so they need a SIB. */
	if (index != X86_NOREG || (base & 7) == 4) {
		emit_modrm(cb, mod, (unsigned)reg, 4);
		emit_modrm(cb, ss, sib_index, (unsigned)base);
	} else {
		emit_modrm(cb, mod, (unsigned)reg, (unsigned)base);
	}
	if (mod == 1)
		cb_put1(cb, (uint8_t)m->disp);
	else if (mod == 2)
		cb_put_le(cb, (uint32_t)m->disp, 4);
	return true;
}

bool x86_emit_opreg(code_buffer *cb, unsigned flags, uint32_t opcode, int reg)
{
	if (!x86_is_gpr(reg)) {
		cb_fail(cb, CB_ERR_OPERAND);
		return false;
	}
	bool byte_rex = (flags & X86F_BYTE_RM) && needs_byte_rex(reg);
	emit_head(cb, flags, opcode | (unsigned)(reg & 7), X86_NOREG, X86_NOREG, reg, byte_rex);
	return true;
}

void x86_emit_op(code_buffer *cb, unsigned flags, uint32_t opcode)
{
	emit_head(cb, flags, opcode, X86_NOREG, X86_NOREG, X86_NOREG, false);
}
