/* Operand access, calls to C and exits shared by every emitter. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "emit.h"
#include "rt.h"

struct x86_mem emit_reg_mem(const kb_operand *o)
{
	switch (o->kind) {
	case OPND_X:
		return x86_mem_base(R_X, (int32_t)(8 * o->val));
	case OPND_Y:
		return x86_mem_base(R_E, (int32_t)(8 * o->val));
	default: /* OPND_FR */
		return x86_mem_base(R_X, X_OFF(fr) + (int32_t)(8 * o->val));
	}
}

bool opnd_is_reg(const kb_operand *o) { return o->kind == OPND_X || o->kind == OPND_Y; }

bool opnd_is_const(const kb_operand *o)
{
	return o->kind == OPND_INT || o->kind == OPND_ATOM || o->kind == OPND_NIL ||
	       o->kind == OPND_LITERAL;
}

term opnd_const(const kb_operand *o) { return o->kind == OPND_NIL ? NIL : (term)o->val; }

void emit_load(emit_ctx *e, x86_reg r, const kb_operand *o)
{
	if (opnd_is_reg(o) || o->kind == OPND_FR)
		x86_mov_rm(e->cb, 64, r, emit_reg_mem(o));
	else if (opnd_is_const(o))
		x86_mov_ri(e->cb, 64, r, (int64_t)opnd_const(o));
	else if (o->kind == OPND_U)
		x86_mov_ri(e->cb, 64, r, (int64_t)o->val);
	else
		emit_fail(e, "operand kind %u cannot be loaded", o->kind);
}

void emit_store(emit_ctx *e, const kb_operand *o, x86_reg r)
{
	if (opnd_is_reg(o))
		x86_mov_mr(e->cb, 64, emit_reg_mem(o), r);
	else
		emit_fail(e, "operand kind %u is not a destination", o->kind);
}

cb_label emit_label(emit_ctx *e, const kb_operand *o)
{
	if (o->kind != OPND_LABEL || o->val == 0 || o->val >= e->m->label_count) {
		emit_fail(e, "bad label operand");
		return e->labels[0];
	}
	return e->labels[o->val];
}

kb_type emit_opnd_type(emit_ctx *e, const kb_operand *o)
{
	kb_type any = {TYPE_ANY, false, 0, 0};
	if (!opnd_is_reg(o) || o->aux == NO_TYPE || o->aux >= e->m->ntypes)
		return any;
	return e->m->types[o->aux];
}

void emit_sync_out(emit_ctx *e)
{
	/* reductions too: BIFs charge long work to p->reds */
	x86_mov_mr(e->cb, 64, x86_mem_base(R_P, P_REDS), R_FCALLS);
	x86_mov_mr(e->cb, 64, x86_mem_base(R_P, P_HTOP), R_HTOP);
	x86_mov_mr(e->cb, 64, x86_mem_base(R_P, P_STOP), R_E);
	x86_lea(e->cb, 64, X86_R11, x86_mem_base(R_E, -8 * HEAP_LIMIT_GAP));
	x86_mov_mr(e->cb, 64, x86_mem_base(R_P, P_HLIMIT), X86_R11);
}

void emit_call_helper(emit_ctx *e, const void *fn)
{
	emit_sync_out(e);
	x86_mov_rr(e->cb, 64, X86_RDI, R_P);
	x86_call_abs(e->cb, (uint64_t)(uintptr_t)fn);
	x86_mov_rm(e->cb, 64, R_HTOP, x86_mem_base(R_P, P_HTOP));
	x86_mov_rm(e->cb, 64, R_FCALLS, x86_mem_base(R_P, P_REDS));
}

void emit_call_helper_e(emit_ctx *e, const void *fn)
{
	emit_call_helper(e, fn);
	x86_mov_rm(e->cb, 64, R_E, x86_mem_base(R_P, P_STOP));
}

void emit_call_pure(emit_ctx *e, const void *fn) { x86_call_abs(e->cb, (uint64_t)(uintptr_t)fn); }

void emit_raise(emit_ctx *e) { x86_call_abs(e->cb, jit_frag.raise); }

void emit_raise_info(emit_ctx *e, const struct raise_info *ri)
{
	x86_mov_ri(e->cb, 64, X86_RDX, (int64_t)(uintptr_t)ri);
	x86_call_abs(e->cb, jit_frag.raise_info);
}

void emit_fail_if_nonvalue(emit_ctx *e, const kb_operand *fail)
{
	x86_test_rr(e->cb, 64, X86_RAX, X86_RAX);
	if (fail && fail->kind == OPND_LABEL && fail->val != 0) {
		x86_jcc_label(e->cb, X86_CC_Z, emit_label(e, fail));
		return;
	}
	cb_label ok = cb_label_new(e->cb);
	x86_jcc_label(e->cb, X86_CC_NZ, ok);
	emit_raise(e);
	cb_label_bind(e->cb, ok);
}

void emit_raise_error_tag(emit_ctx *e, term tag, bool with_value)
{
	if (with_value)
		x86_mov_rr(e->cb, 64, X86_RDX, X86_RAX);
	else
		x86_mov_ri(e->cb, 64, X86_RDX, (int64_t)THE_NON_VALUE);
	x86_mov_ri(e->cb, 64, X86_RSI, (int64_t)tag);
	emit_call_helper(e, (const void *)rt_set_error);
	emit_raise(e);
}

void emit_jcc_fail(emit_ctx *e, x86_cc cc, const kb_operand *fail)
{
	if (fail && fail->kind == OPND_LABEL && fail->val != 0) {
		x86_jcc_label(e->cb, cc, emit_label(e, fail));
		return;
	}
	cb_label ok = cb_label_new(e->cb);
	x86_jcc_label(e->cb, x86_cc_not(cc), ok);
	emit_raise_error_tag(e, ATOM(badarg), false);
	cb_label_bind(e->cb, ok);
}

void emit_heap_check(emit_ctx *e, uint32_t need, uint32_t live)
{
	/* one word more: the return address the next call pushes on E
	 * must not land on the terms just built */
	need++;
	cb_label ok = cb_label_new(e->cb);
	if (need < (1u << 27)) {
		x86_lea(e->cb, 64, X86_RAX, x86_mem_base(R_HTOP, (int32_t)(8 * need)));
	} else {
		x86_mov_ri(e->cb, 64, X86_RAX, (int64_t)need * 8);
		x86_alu_rr(e->cb, X86_ADD, 64, X86_RAX, R_HTOP);
	}
	x86_alu_rr(e->cb, X86_CMP, 64, X86_RAX, R_E);
	if (!jit_gc_stress)
		x86_jcc_label(e->cb, X86_CC_BE, ok);
	x86_mov_ri(e->cb, 32, X86_RSI, need);
	x86_mov_ri(e->cb, 32, X86_RDX, live);
	x86_call_abs(e->cb, jit_frag.gc);
	cb_label_bind(e->cb, ok);
}

const struct raise_info *emit_bif_raise_info(emit_ctx *e, const bif_def *bif, bool xregs)
{
	struct raise_info *ri = emit_side_alloc(e, sizeof *ri);
	if (!ri)
		return NULL;
	ri->kind = xregs ? RAISE_BIF_XREGS : RAISE_BIF_ARGS;
	ri->bif = bif;
	ri->module = atom_from_cstr(bif->module);
	ri->function = atom_from_cstr(bif->name);
	ri->arity = bif->arity;
	return ri;
}

void emit_line(emit_ctx *e, uint32_t item)
{
	if (e->nlines == e->lines_cap) {
		uint32_t cap = e->lines_cap ? 2 * e->lines_cap : 64;
		jit_line *n = realloc(e->lines, cap * sizeof *n);
		if (!n) {
			emit_fail(e, "out of memory");
			return;
		}
		e->lines = n;
		e->lines_cap = cap;
	}
	e->lines[e->nlines].offset = (uint32_t)cb_offset(e->cb);
	e->lines[e->nlines].item = item;
	e->nlines++;
}

void emit_align_return(emit_ctx *e) { x86_align(e->cb, 4); }

/* Pushes the address of `ret` (bound by the caller after the jump) on E. */
static void push_return(emit_ctx *e, cb_label ret)
{
	x86_lea_label(e->cb, X86_RAX, ret);
	x86_mov_mr(e->cb, 64, x86_mem_base(R_E, -8), X86_RAX);
	x86_lea(e->cb, 64, R_E, x86_mem_base(R_E, -8));
}

void emit_erlang_call_label(emit_ctx *e, cb_label target)
{
	cb_label ret = cb_label_new(e->cb);
	push_return(e, ret);
	x86_jmp_label(e->cb, target);
	emit_align_return(e);
	cb_label_bind(e->cb, ret);
}

void emit_erlang_call_reg(emit_ctx *e, x86_reg target)
{
	cb_label ret = cb_label_new(e->cb);
	if (target == X86_RAX) {
		emit_fail(e, "call target in rax");
		return;
	}
	push_return(e, ret);
	x86_jmp_r(e->cb, target);
	emit_align_return(e);
	cb_label_bind(e->cb, ret);
}

void emit_erlang_return(emit_ctx *e)
{
	x86_mov_rm(e->cb, 64, X86_RAX, x86_mem_base(R_E, 0));
	x86_lea(e->cb, 64, R_E, x86_mem_base(R_E, 8));
	x86_jmp_r(e->cb, X86_RAX);
}

void emit_vheap_check(emit_ctx *e)
{
	cb_label done = cb_label_new(e->cb);
	x86_mov_rm(e->cb, 64, X86_RCX, x86_mem_base(R_P, P_OFF(heap.offheap_first)));
	x86_alu_rm(e->cb, X86_CMP, 64, X86_RCX, x86_mem_base(R_P, P_OFF(offheap_counted)));
	x86_jcc_label(e->cb, X86_CC_E, done);
	x86_call_abs(e->cb, jit_frag.vheap);
	cb_label_bind(e->cb, done);
}

void emit_reduction(emit_ctx *e, uint32_t live)
{
	cb_label ok = cb_label_new(e->cb), slow = cb_label_new(e->cb);
	x86_alu_ri(e->cb, X86_SUB, 64, R_FCALLS, 1);
	if (!jit_honours_tick) {
		x86_jcc_label(e->cb, X86_CC_G, ok);
	} else {
		/* with kbeam.ko: also when the module's tick has moved since
		 * the slice began (a time bound on the slice) */
		x86_jcc_label(e->cb, X86_CC_LE, slow);
		x86_mov_rm(e->cb, 64, X86_RAX, x86_mem_base(R_X, X_OFF(tick)));
		x86_mov_rm(e->cb, 64, X86_RAX, x86_mem_base(X86_RAX, 0));
		x86_alu_rm(e->cb, X86_CMP, 64, X86_RAX, x86_mem_base(R_X, X_OFF(tick_seen)));
		x86_jcc_label(e->cb, X86_CC_E, ok);
	}
	cb_label_bind(e->cb, slow);
	x86_mov_ri(e->cb, 32, X86_RSI, live);
	x86_call_abs(e->cb, jit_frag.yield);
	cb_label_bind(e->cb, ok);
}

void *emit_side_alloc(emit_ctx *e, size_t bytes)
{
	jit_code *c = e->code;
	if (c->nside == c->side_cap) {
		uint32_t cap = c->side_cap ? 2 * c->side_cap : 16;
		void **n = realloc(c->side, cap * sizeof *n);
		if (!n) {
			emit_fail(e, "out of memory");
			return NULL;
		}
		c->side = n;
		c->side_cap = cap;
	}
	void *p = calloc(1, bytes);
	if (!p)
		emit_fail(e, "out of memory");
	else
		c->side[c->nside++] = p;
	return p;
}

void emit_fail(emit_ctx *e, const char *fmt, ...)
{
	if (e->err[0])
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(e->err, e->errlen, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < e->errlen)
		snprintf(e->err + n, e->errlen - (size_t)n, " (instruction %u, %s)", e->instr,
		         opcode_table[e->m->instrs[e->instr].op].name);
}

void emit_unless_both_small(emit_ctx *e, cb_label slow)
{
	x86_mov_rr(e->cb, 32, X86_RDX, X86_RAX);
	x86_alu_rr(e->cb, X86_AND, 32, X86_RDX, X86_RCX);
	x86_alu_ri(e->cb, X86_AND, 32, X86_RDX, 0xf);
	x86_alu_ri(e->cb, X86_CMP, 32, X86_RDX, TAG_IMMED1_SMALL);
	x86_jcc_label(e->cb, X86_CC_NE, slow);
}

void emit_call_or_tail(emit_ctx *e, x86_reg target, bool tail, uint32_t dealloc)
{
	if (!tail) {
		emit_erlang_call_reg(e, target);
		return;
	}
	if (dealloc)
		x86_lea(e->cb, 64, R_E, x86_mem_base(R_E, (int32_t)(8 * dealloc)));
	x86_jmp_r(e->cb, target);
}
