/* Bit syntax instructions: each calls its helper (rt_bs.c, vm/bits.c) and
 * jumps to the fail label when the match fails. */
#include "emit.h"
#include "rt_bs.h"

/* BEAM's field flags (beam_asm) to BS_FLAG_* */
static unsigned field_flags(const kb_operand *o)
{
	unsigned f = 0, v = (unsigned)o->val;
	if (o->kind != OPND_U)
		return 0;
	if (v & 0x02)
		f |= BS_FLAG_LITTLE;
	if (v & 0x04)
		f |= BS_FLAG_SIGNED;
	if (v & 0x10)
		f |= BS_FLAG_NATIVE;
	return f;
}

static uint64_t unit_flags(const kb_operand *unit, unsigned flags)
{
	return (uint64_t)(uint32_t)unit->val | (uint64_t)flags << 32;
}

static void fail_if_zero8(emit_ctx *e, const kb_operand *fail)
{
	x86_test_rr(e->cb, 8, X86_RAX, X86_RAX);
	x86_jcc_label(e->cb, X86_CC_Z, emit_label(e, fail));
}

/* bs_start_match4 Fail Live Src Dst; Fail: a label, or no_fail / resume */
void emit_op_bs_start_match4(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RSI, &a[2]);
	if (a[0].kind == OPND_ATOM && a[0].val == atom_from_cstr("resume")) {
		emit_store(e, &a[3], X86_RSI);
		return;
	}
	emit_call_helper(e, (const void *)bs_start_match);
	emit_fail_if_nonvalue(e, a[0].kind == OPND_LABEL ? &a[0] : NULL);
	emit_store(e, &a[3], X86_RAX);
}

/* bs_start_match3 Fail Bin Live Dst */
void emit_op_bs_start_match3(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RSI, &a[1]);
	emit_call_helper(e, (const void *)bs_start_match);
	emit_fail_if_nonvalue(e, &a[0]);
	emit_store(e, &a[3], X86_RAX);
}

/* bs_get_integer2/float2/binary2 Fail Ctx Live Size Unit Flags Dst */
static void bs_get(emit_ctx *e, const kb_operand *a, const void *fn)
{
	emit_load(e, X86_RSI, &a[1]);
	emit_load(e, X86_RDX, &a[3]);
	x86_mov_ri(e->cb, 64, X86_RCX, (int64_t)unit_flags(&a[4], field_flags(&a[5])));
	emit_call_helper(e, fn);
	emit_fail_if_nonvalue(e, &a[0]);
	emit_store(e, &a[6], X86_RAX);
}

void emit_op_bs_get_integer2(emit_ctx *e, const kb_operand *a)
{
	bs_get(e, a, (const void *)rt_bs_get_integer);
}
void emit_op_bs_get_float2(emit_ctx *e, const kb_operand *a)
{
	bs_get(e, a, (const void *)rt_bs_get_float);
}
void emit_op_bs_get_binary2(emit_ctx *e, const kb_operand *a)
{
	bs_get(e, a, (const void *)rt_bs_get_binary);
}

/* bs_skip_bits2 Fail Ctx Size Unit Flags */
void emit_op_bs_skip_bits2(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RDI, &a[1]);
	emit_load(e, X86_RSI, &a[2]);
	x86_mov_ri(e->cb, 64, X86_RDX, (int64_t)unit_flags(&a[3], 0));
	emit_call_pure(e, (const void *)rt_bs_skip_bits);
	fail_if_zero8(e, &a[0]);
}

/* bs_test_tail2 Fail Ctx Bits */
void emit_op_bs_test_tail2(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RDI, &a[1]);
	x86_mov_ri(e->cb, 64, X86_RSI, (int64_t)a[2].val);
	emit_call_pure(e, (const void *)bs_test_tail);
	fail_if_zero8(e, &a[0]);
}

/* bs_test_unit Fail Ctx Unit */
void emit_op_bs_test_unit(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RDI, &a[1]);
	x86_mov_ri(e->cb, 32, X86_RSI, (int64_t)a[2].val);
	emit_call_pure(e, (const void *)bs_test_unit);
	fail_if_zero8(e, &a[0]);
}

/* bs_match_string Fail Ctx Bits Offset */
void emit_op_bs_match_string(emit_ctx *e, const kb_operand *a)
{
	if (a[3].val + (a[2].val + 7) / 8 > e->m->nstrings) {
		emit_fail(e, "string out of the string table");
		return;
	}
	emit_load(e, X86_RDI, &a[1]);
	x86_mov_ri(e->cb, 64, X86_RSI, (int64_t)(uintptr_t)(e->m->strings + a[3].val));
	x86_mov_ri(e->cb, 64, X86_RDX, (int64_t)a[2].val);
	emit_call_pure(e, (const void *)bs_match_string);
	fail_if_zero8(e, &a[0]);
}

/* bs_get_utf8/16/32 Fail Ctx Live Flags Dst */
static void get_utf(emit_ctx *e, const kb_operand *a, const void *fn, bool with_flags)
{
	emit_load(e, X86_RDI, &a[1]);
	if (with_flags)
		x86_mov_ri(e->cb, 32, X86_RSI, field_flags(&a[3]));
	emit_call_pure(e, fn);
	emit_fail_if_nonvalue(e, &a[0]);
	emit_store(e, &a[4], X86_RAX);
}

void emit_op_bs_get_utf8(emit_ctx *e, const kb_operand *a)
{
	get_utf(e, a, (const void *)bs_get_utf8, false);
}
void emit_op_bs_get_utf16(emit_ctx *e, const kb_operand *a)
{
	get_utf(e, a, (const void *)bs_get_utf16, true);
}
void emit_op_bs_get_utf32(emit_ctx *e, const kb_operand *a)
{
	get_utf(e, a, (const void *)bs_get_utf32, true);
}

/* bs_skip_utf8/16/32 Fail Ctx Live Flags */
static void skip_utf(emit_ctx *e, const kb_operand *a, const void *fn, bool with_flags)
{
	emit_load(e, X86_RDI, &a[1]);
	if (with_flags)
		x86_mov_ri(e->cb, 32, X86_RSI, field_flags(&a[3]));
	emit_call_pure(e, fn);
	fail_if_zero8(e, &a[0]);
}

void emit_op_bs_skip_utf8(emit_ctx *e, const kb_operand *a)
{
	skip_utf(e, a, (const void *)bs_skip_utf8, false);
}
void emit_op_bs_skip_utf16(emit_ctx *e, const kb_operand *a)
{
	skip_utf(e, a, (const void *)bs_skip_utf16, true);
}
void emit_op_bs_skip_utf32(emit_ctx *e, const kb_operand *a)
{
	skip_utf(e, a, (const void *)bs_skip_utf32, true);
}

/* bs_get_tail Ctx Dst Live */
void emit_op_bs_get_tail(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RSI, &a[0]);
	emit_call_helper(e, (const void *)bs_get_tail);
	emit_fail_if_nonvalue(e, NULL);
	emit_store(e, &a[1], X86_RAX);
}

/* bs_get_position Ctx Dst Live: the position as a small integer */
void emit_op_bs_get_position(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RAX, &a[0]);
	x86_mov_rm(e->cb, 64, X86_RAX,
	           x86_mem_base(X86_RAX, 8 * MS_POS - (int32_t)TAG_PRIMARY_BOXED));
	x86_shift_ri(e->cb, X86_SHL, 64, X86_RAX, 4);
	x86_alu_ri(e->cb, X86_OR, 64, X86_RAX, TAG_IMMED1_SMALL);
	emit_store(e, &a[1], X86_RAX);
}

/* bs_set_position Ctx Pos */
void emit_op_bs_set_position(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RAX, &a[0]);
	emit_load(e, X86_RCX, &a[1]);
	x86_shift_ri(e->cb, X86_SAR, 64, X86_RCX, 4);
	x86_mov_mr(e->cb, 64, x86_mem_base(X86_RAX, 8 * MS_POS - (int32_t)TAG_PRIMARY_BOXED),
	           X86_RCX);
}

/* bs_init_writable: x0 = a writable binary sized by x0 */
void emit_op_bs_init_writable(emit_ctx *e, const kb_operand *a)
{
	(void)a;
	x86_mov_rm(e->cb, 64, X86_RSI, x86_mem_base(R_X, 0));
	emit_call_helper(e, (const void *)bs_init_writable);
	emit_fail_if_nonvalue(e, NULL);
	x86_mov_mr(e->cb, 64, x86_mem_base(R_X, 0), X86_RAX);
}

/* A number given as a `u` or an integer operand. */
static uint64_t number_operand(const kb_operand *o)
{
	if (o->kind == OPND_INT && is_small((term)o->val))
		return (uint64_t)small_value((term)o->val);
	return o->kind == OPND_U ? o->val : UINT64_MAX / 2;
}

static bool seg_type(term t, uint8_t *out)
{
	static const char *const names[] = {"integer", "float",  "binary", "utf8",          "utf16",
	                                    "utf32",   "string", "append", "private_append"};
	for (uint8_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (t == atom_from_cstr(names[i])) {
			*out = i;
			return true;
		}
	}
	return false;
}

static unsigned flag_list(term l)
{
	unsigned f = 0;
	for (; is_list(l); l = list_tail(l)) {
		term x = list_head(l);
		if (x == ATOM(little))
			f |= BS_FLAG_LITTLE;
		else if (x == atom_from_cstr("signed"))
			f |= BS_FLAG_SIGNED;
		else if (x == atom_from_cstr("native"))
			f |= BS_FLAG_NATIVE;
	}
	return f;
}

/* bs_create_bin Fail Alloc Live Unit Dst [Type, Seg, Unit, Flags, Value, Size ...] */
void emit_op_bs_create_bin(emit_ctx *e, const kb_operand *a)
{
	uint64_t n = a[5].val / 6;
	const kb_operand *l = e->m->operands + a[5].aux;
	if (2 * n > SCHED_SCRATCH) {
		emit_fail(e, "bs_create_bin with %llu segments", (unsigned long long)n);
		return;
	}
	bs_seg *tmpl = emit_side_alloc(e, (n ? n : 1) * sizeof *tmpl);
	if (!tmpl)
		return;
	for (uint64_t i = 0; i < n; i++) {
		const kb_operand *s = &l[6 * i];
		if (!seg_type(opnd_const(&s[0]), &tmpl[i].type)) {
			emit_fail(e, "unknown segment type");
			return;
		}
		tmpl[i].unit = (uint32_t)s[2].val;
		tmpl[i].flags = (uint8_t)flag_list(opnd_const(&s[3]));
		if (tmpl[i].type == BS_SEG_STRING) {
			uint64_t off = number_operand(&s[4]), len = number_operand(&s[5]);
			if (off + len > e->m->nstrings) {
				emit_fail(e, "string segment out of the string table");
				return;
			}
			tmpl[i].string = e->m->strings + off;
			tmpl[i].size = make_small((int64_t)len);
			tmpl[i].unit = 8;
			continue;
		}
		emit_load(e, X86_RAX, &s[4]);
		x86_mov_mr(e->cb, 64, x86_mem_base(R_X, X_OFF(scratch) + (int32_t)(16 * i)),
		           X86_RAX);
		if (s[5].kind == OPND_ATOM && s[5].val == ATOM(undefined))
			x86_mov_ri(e->cb, 64, X86_RAX, (int64_t)THE_NON_VALUE);
		else
			emit_load(e, X86_RAX, &s[5]);
		x86_mov_mr(e->cb, 64, x86_mem_base(R_X, X_OFF(scratch) + (int32_t)(16 * i + 8)),
		           X86_RAX);
	}
	x86_mov_ri(e->cb, 64, X86_RSI, (int64_t)(uintptr_t)tmpl);
	x86_mov_ri(e->cb, 32, X86_RDX, (int64_t)n);
	x86_lea(e->cb, 64, X86_RCX, x86_mem_base(R_X, X_OFF(scratch)));
	emit_call_helper(e, (const void *)rt_bs_create);
	emit_fail_if_nonvalue(e, &a[0]);
	emit_vheap_check(e);
	/* Alloc: heap words the following instructions build on. The new
	 * binary waits in x[Live], the first register not live, while the
	 * test may collect. */
	uint32_t alloc = (uint32_t)a[1].val, live = (uint32_t)a[2].val;
	if (a[1].kind == OPND_U && alloc > 0 && live < SCHED_X_REGS) {
		struct x86_mem spill = x86_mem_base(R_X, (int32_t)(8 * live));
		x86_mov_mr(e->cb, 64, spill, X86_RAX);
		emit_heap_check(e, alloc, live + 1);
		x86_mov_rm(e->cb, 64, X86_RAX, spill);
	}
	emit_store(e, &a[4], X86_RAX);
}
