/* Map instructions. Lookups call rt_map_get per key; updates gather their
 * key-value pairs into the scheduler's scratch area for rt_map_update. */
#include "emit.h"
#include "rt.h"
#include "vm/map.h"

/* put_map_assoc/exact Fail Src Dst Live [K1, V1, ...] */
static void put_map(emit_ctx *e, const kb_operand *a, bool exact)
{
	uint64_t n = a[4].val;
	const kb_operand *l = e->m->operands + a[4].aux;
	if (n > SCHED_SCRATCH) {
		emit_fail(e, "map update with %llu operands", (unsigned long long)n);
		return;
	}
	for (uint64_t i = 0; i < n; i++) {
		emit_load(e, X86_RAX, &l[i]);
		x86_mov_mr(e->cb, 64, x86_mem_base(R_X, X_OFF(scratch) + (int32_t)(8 * i)),
		           X86_RAX);
	}
	emit_load(e, X86_RSI, &a[1]);
	x86_lea(e->cb, 64, X86_RDX, x86_mem_base(R_X, X_OFF(scratch)));
	x86_mov_ri(e->cb, 32, X86_RCX, (int64_t)(n / 2));
	x86_mov_ri(e->cb, 32, X86_R8, exact);
	emit_call_helper(e, (const void *)rt_map_update);
	emit_fail_if_nonvalue(e, &a[0]);
	emit_store(e, &a[2], X86_RAX);
}

void emit_op_put_map_assoc(emit_ctx *e, const kb_operand *a) { put_map(e, a, false); }
void emit_op_put_map_exact(emit_ctx *e, const kb_operand *a) { put_map(e, a, true); }

/* rax = the value under an immediate key in the map in rdi, found inline
 * when the map is a flatmap (a scan of its keys tuple), else by the
 * helper; jumps to fail when the key is absent. */
static void map_lookup_immediate(emit_ctx *e, term key, cb_label fail)
{
	cb_label slow = cb_label_new(e->cb), loop = cb_label_new(e->cb);
	cb_label found = cb_label_new(e->cb), done = cb_label_new(e->cb);
	const int32_t b = -(int32_t)TAG_PRIMARY_BOXED;
	/* a flatmap's info word is the small 0 */
	x86_alu_mi(e->cb, X86_CMP, 64, x86_mem_base(X86_RDI, b + 8 * MAP_INFO),
	           (int64_t)map_make_info(MAP_KIND_FLAT, 0));
	x86_jcc_label(e->cb, X86_CC_NE, slow);
	/* rcx = number of keys, rdx = &keys[0] */
	x86_mov_rm(e->cb, 64, X86_RCX, x86_mem_base(X86_RDI, b));
	x86_shift_ri(e->cb, X86_SHR, 64, X86_RCX, HEADER_ARITY_SHIFT);
	x86_alu_ri(e->cb, X86_SUB, 64, X86_RCX, 2);
	x86_mov_rm(e->cb, 64, X86_RDX, x86_mem_base(X86_RDI, b + 8 * FLATMAP_KEYS));
	x86_lea(e->cb, 64, X86_RDX, x86_mem_base(X86_RDX, b + 8));
	x86_mov_ri(e->cb, 64, X86_RSI, (int64_t)key);
	x86_alu_rr(e->cb, X86_XOR, 32, X86_RAX, X86_RAX);
	cb_label_bind(e->cb, loop);
	x86_alu_rr(e->cb, X86_CMP, 64, X86_RAX, X86_RCX);
	x86_jcc_label(e->cb, X86_CC_AE, fail);
	x86_alu_rm(e->cb, X86_CMP, 64, X86_RSI, x86_mem(X86_RDX, X86_RAX, 8, 0));
	x86_jcc_label(e->cb, X86_CC_E, found);
	x86_alu_ri(e->cb, X86_ADD, 64, X86_RAX, 1);
	x86_jmp_label(e->cb, loop);
	cb_label_bind(e->cb, found);
	x86_mov_rm(e->cb, 64, X86_RAX, x86_mem(X86_RDI, X86_RAX, 8, b + 8 * FLATMAP_VALUES));
	x86_jmp_label(e->cb, done);
	cb_label_bind(e->cb, slow);
	x86_mov_ri(e->cb, 64, X86_RSI, (int64_t)key);
	emit_call_pure(e, (const void *)rt_map_get);
	x86_test_rr(e->cb, 64, X86_RAX, X86_RAX);
	x86_jcc_label(e->cb, X86_CC_Z, fail);
	cb_label_bind(e->cb, done);
}

/* get_map_elements Fail Src [K1, D1, ...]: all keys or the fail label.
 * Destinations are written only after every key was found, since a
 * destination may be the source. */
void emit_op_get_map_elements(emit_ctx *e, const kb_operand *a)
{
	uint64_t n = a[2].val / 2;
	const kb_operand *l = e->m->operands + a[2].aux;
	cb_label fail = emit_label(e, &a[0]);
	if (n > SCHED_SCRATCH) {
		emit_fail(e, "map match with %llu keys", (unsigned long long)n);
		return;
	}
	for (uint64_t i = 0; i < n; i++) {
		emit_load(e, X86_RDI, &a[1]);
		if (!e->no_fast && opnd_is_const(&l[2 * i]) && is_immed(opnd_const(&l[2 * i]))) {
			map_lookup_immediate(e, opnd_const(&l[2 * i]), fail);
		} else {
			emit_load(e, X86_RSI, &l[2 * i]);
			emit_call_pure(e, (const void *)rt_map_get);
			x86_test_rr(e->cb, 64, X86_RAX, X86_RAX);
			x86_jcc_label(e->cb, X86_CC_Z, fail);
		}
		if (n == 1)
			emit_store(e, &l[1], X86_RAX);
		else
			x86_mov_mr(e->cb, 64, x86_mem_base(R_X, X_OFF(scratch) + (int32_t)(8 * i)),
			           X86_RAX);
	}
	for (uint64_t i = 0; n > 1 && i < n; i++) {
		x86_mov_rm(e->cb, 64, X86_RAX,
		           x86_mem_base(R_X, X_OFF(scratch) + (int32_t)(8 * i)));
		emit_store(e, &l[2 * i + 1], X86_RAX);
	}
}

/* has_map_fields Fail Src [K...] */
void emit_op_has_map_fields(emit_ctx *e, const kb_operand *a)
{
	const kb_operand *l = e->m->operands + a[2].aux;
	cb_label fail = emit_label(e, &a[0]);
	for (uint64_t i = 0; i < a[2].val; i++) {
		emit_load(e, X86_RDI, &a[1]);
		emit_load(e, X86_RSI, &l[i]);
		emit_call_pure(e, (const void *)rt_map_get);
		x86_test_rr(e->cb, 64, X86_RAX, X86_RAX);
		x86_jcc_label(e->cb, X86_CC_Z, fail);
	}
}
