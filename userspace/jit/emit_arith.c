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



void emit_arith_bif(emit_ctx *e, uint32_t imp, const kb_operand *fail, const kb_operand *args,
                    unsigned n, const kb_operand *dst)
{
	const bif_def *bif = e->import_bif[imp];
	bool add = is_erlang_op(bif, "+", 2), sub = is_erlang_op(bif, "-", 2);
	bool frame = bif_frame(bif, args);
	if (e->no_fast || !(add || sub)) {
		emit_bif_generic(e, imp, fail, args, n, dst, frame);
		return;
	}
	cb_label slow = cb_label_new(e->cb), done = cb_label_new(e->cb);
	emit_load(e, X86_RAX, &args[0]);
	emit_load(e, X86_RCX, &args[1]);
	emit_unless_both_small(e, slow);
	if (add) {
		/* (a - 15) + b keeps the tag: (x<<4|15) - 15 + (y<<4|15) */
		x86_lea(e->cb, 64, X86_RDX, x86_mem_base(X86_RAX, -(int32_t)TAG_IMMED1_SMALL));
		x86_alu_rr(e->cb, X86_ADD, 64, X86_RDX, X86_RCX);
		x86_jcc_label(e->cb, X86_CC_O, slow);
	} else {
		x86_mov_rr(e->cb, 64, X86_RDX, X86_RAX);
		x86_alu_rr(e->cb, X86_SUB, 64, X86_RDX, X86_RCX);
		x86_jcc_label(e->cb, X86_CC_O, slow);
		x86_alu_ri(e->cb, X86_OR, 64, X86_RDX, TAG_IMMED1_SMALL);
	}
	emit_store(e, dst, X86_RDX);
	x86_jmp_label(e->cb, done);
	cb_label_bind(e->cb, slow);
	emit_bif_generic(e, imp, fail, args, n, dst, frame);
	cb_label_bind(e->cb, done);
}
