/* Inline BIF calls (bif0/1/2, gc_bif1/2/3) with fast paths for small
 * integer addition and subtraction; everything else, and every case the
 * fast path cannot decide (a non-small operand, overflow), goes to the
 * BIF's C function, the one definition of its meaning. */
#include <string.h>

#include "emit.h"

void emit_bif_generic(emit_ctx *e, uint32_t imp, const kb_operand *fail, const kb_operand *args,
                      unsigned n, const kb_operand *dst, bool frame);

static bool is_erlang_op(const bif_def *bif, const char *name, unsigned arity)
{
	return bif && bif->arity == arity && strcmp(bif->module, "erlang") == 0 &&
	       strcmp(bif->name, name) == 0;
}

static bool small_literal(const kb_operand *o)
{
	return o->kind == OPND_INT && is_small((term)o->val);
}

/* Whether a failure shows the BIF as the first stack frame. OTP's JIT
 * leaves it out for X + Int, Int + X, X - Int (its increment instructions)
 * and for '/'. */
static bool bif_frame(const bif_def *bif, const kb_operand *args)
{
	if (is_erlang_op(bif, "+", 2))
		return !small_literal(&args[0]) && !small_literal(&args[1]);
	if (is_erlang_op(bif, "-", 2))
		return !small_literal(&args[1]);
	return !is_erlang_op(bif, "/", 2);
}

/* The two-operand integer operations with an inline fast path. */
enum fast_op { FAST_NONE, FAST_ADD, FAST_SUB, FAST_MUL, FAST_BAND, FAST_BOR, FAST_BXOR };

static enum fast_op fast_op_of(const bif_def *bif)
{
	static const struct {
		const char *name;
		enum fast_op op;
	} ops[] = {{"+", FAST_ADD},     {"-", FAST_SUB},   {"*", FAST_MUL},
	           {"band", FAST_BAND}, {"bor", FAST_BOR}, {"bxor", FAST_BXOR}};
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (is_erlang_op(bif, ops[i].name, 2))
			return ops[i].op;
	return FAST_NONE;
}

/* rdx = rax OP rcx for two small integers; overflow jumps to slow. */
static void emit_small_op(emit_ctx *e, enum fast_op op, cb_label slow)
{
	const int32_t tag = TAG_IMMED1_SMALL;
	switch (op) {
	case FAST_ADD: /* (a - 15) + b keeps the tag: (x<<4|15) - 15 + (y<<4|15) */
		x86_lea(e->cb, 64, X86_RDX, x86_mem_base(X86_RAX, -tag));
		x86_alu_rr(e->cb, X86_ADD, 64, X86_RDX, X86_RCX);
		x86_jcc_label(e->cb, X86_CC_O, slow);
		break;
	case FAST_SUB: /* (x<<4|15) - (y<<4|15) = (x-y)<<4, then the tag */
		x86_mov_rr(e->cb, 64, X86_RDX, X86_RAX);
		x86_alu_rr(e->cb, X86_SUB, 64, X86_RDX, X86_RCX);
		x86_jcc_label(e->cb, X86_CC_O, slow);
		x86_alu_ri(e->cb, X86_OR, 64, X86_RDX, tag);
		break;
	case FAST_MUL: /* x * (y<<4), then the tag */
		x86_mov_rr(e->cb, 64, X86_RDX, X86_RAX);
		x86_shift_ri(e->cb, X86_SAR, 64, X86_RDX, 4);
		x86_lea(e->cb, 64, X86_RSI, x86_mem_base(X86_RCX, -tag));
		x86_imul_rr(e->cb, 64, X86_RDX, X86_RSI);
		x86_jcc_label(e->cb, X86_CC_O, slow);
		x86_alu_ri(e->cb, X86_OR, 64, X86_RDX, tag);
		break;
	case FAST_BAND: /* the tag bits are ones in both */
	case FAST_BOR:
		x86_mov_rr(e->cb, 64, X86_RDX, X86_RAX);
		x86_alu_rr(e->cb, op == FAST_BAND ? X86_AND : X86_OR, 64, X86_RDX, X86_RCX);
		break;
	case FAST_BXOR: /* the tag cancels out: put it back */
		x86_mov_rr(e->cb, 64, X86_RDX, X86_RAX);
		x86_alu_rr(e->cb, X86_XOR, 64, X86_RDX, X86_RCX);
		x86_alu_ri(e->cb, X86_OR, 64, X86_RDX, tag);
		break;
	case FAST_NONE:
		break;
	}
}

void emit_arith_bif(emit_ctx *e, uint32_t imp, const kb_operand *fail, const kb_operand *args,
                    unsigned n, const kb_operand *dst)
{
	const bif_def *bif = e->import_bif[imp];
	enum fast_op op = fast_op_of(bif);
	bool frame = bif_frame(bif, args);
	if (e->no_fast || op == FAST_NONE || n != 2) {
		emit_bif_generic(e, imp, fail, args, n, dst, frame);
		return;
	}
	cb_label slow = cb_label_new(e->cb), done = cb_label_new(e->cb);
	emit_load(e, X86_RAX, &args[0]);
	emit_load(e, X86_RCX, &args[1]);
	emit_unless_both_small(e, slow);
	emit_small_op(e, op, slow);
	emit_store(e, dst, X86_RDX);
	x86_jmp_label(e->cb, done);
	cb_label_bind(e->cb, slow);
	emit_bif_generic(e, imp, fail, args, n, dst, frame);
	cb_label_bind(e->cb, done);
}
