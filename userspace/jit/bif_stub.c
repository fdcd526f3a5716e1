/* BIF stubs: code that makes a C BIF callable like an Erlang function,
 * for export entries (apply/3, fun erlang:F/A, calls through an export).
 * The stub takes its arguments in x registers, calls the BIF, puts the
 * result in x0 and returns to the caller on the Erlang stack; on failure
 * it raises with the BIF's frame. One stub per BIF, made on first use. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "bif_stub.h"
#include "emit.h"
#include "rt.h"
#include "perf_map.h"

struct stub {
	const bif_def *bif;
	struct raise_info *ri; /* the stub's code points at it */
	uintptr_t addr;
	struct stub *next;
};

#define STUB_BUCKETS 256
static struct stub *stubs[STUB_BUCKETS];
static pthread_mutex_t stub_lock = PTHREAD_MUTEX_INITIALIZER;

static uintptr_t make_stub(const bif_def *bif, struct raise_info **rip)
{
	struct raise_info *ri = calloc(1, sizeof *ri);
	*rip = ri;
	if (!ri)
		return 0;
	ri->kind = RAISE_BIF_XREGS;
	ri->bif = bif;
	ri->module = atom_from_cstr(bif->module);
	ri->function = atom_from_cstr(bif->name);
	ri->arity = bif->arity;

	code_buffer cbuf, *cb = &cbuf;
	cb_init(cb);
	jit_arena_prepare(cb);
	cb_label ok = cb_label_new(cb), again = cb_label_new(cb);
	cb_label_bind(cb, again);
	x86_mov_mr(cb, 64, x86_mem_base(R_P, P_REDS), R_FCALLS);
	x86_mov_mr(cb, 64, x86_mem_base(R_P, P_HTOP), R_HTOP);
	x86_mov_mr(cb, 64, x86_mem_base(R_P, P_STOP), R_E);
	x86_lea(cb, 64, X86_R11, x86_mem_base(R_E, -8 * HEAP_LIMIT_GAP));
	x86_mov_mr(cb, 64, x86_mem_base(R_P, P_HLIMIT), X86_R11);
	x86_mov_rr(cb, 64, X86_RDI, R_P);
	x86_mov_rr(cb, 64, X86_RSI, R_X);
	if (bif->flags & BIF_RUNTIME_LOCK) {
		x86_mov_ri(cb, 64, X86_RDX, (int64_t)(uintptr_t)bif->fn);
		x86_call_abs(cb, (uint64_t)(uintptr_t)rt_call_locked);
	} else {
		x86_call_abs(cb, (uint64_t)(uintptr_t)bif->fn);
	}
	x86_mov_rm(cb, 64, R_HTOP, x86_mem_base(R_P, P_HTOP));
	x86_mov_rm(cb, 64, R_E, x86_mem_base(R_P, P_STOP));
	x86_mov_rm(cb, 64, R_FCALLS, x86_mem_base(R_P, P_REDS));
	if (bif->flags & BIF_TRAPS) {
		/* make way for others, then call again (emit_core.c) */
		cb_label done = cb_label_new(cb);
		x86_alu_ri(cb, X86_CMP, 64, X86_RAX, (int32_t)BIF_TRAP);
		x86_jcc_label(cb, X86_CC_NE, done);
		x86_mov_ri(cb, 32, X86_RSI, bif->arity);
		x86_call_abs(cb, jit_frag.bif_trap);
		x86_jmp_label(cb, again);
		cb_label_bind(cb, done);
	}
	x86_test_rr(cb, 64, X86_RAX, X86_RAX);
	x86_jcc_label(cb, X86_CC_NZ, ok);
	x86_mov_ri(cb, 64, X86_RDX, (int64_t)(uintptr_t)ri);
	x86_call_abs(cb, jit_frag.raise_info);
	cb_label_bind(cb, ok);
	x86_mov_mr(cb, 64, x86_mem_base(R_X, 0), X86_RAX);
	x86_mov_rm(cb, 64, X86_RAX, x86_mem_base(R_E, 0));
	x86_lea(cb, 64, R_E, x86_mem_base(R_E, 8));
	x86_jmp_r(cb, X86_RAX);
	int err;
	uint8_t *code = jit_arena_place(cb, &err);
	if (code) {
		char name[300];
		snprintf(name, sizeof name, "%s:%s/%u (BIF stub)", bif->module, bif->name,
		         bif->arity);
		jit_perf_map_add_range(code, cb_offset(cb), name);
	}
	cb_free(cb);
	return (uintptr_t)code;
}

uintptr_t jit_bif_stub(const bif_def *bif)
{
	size_t h = ((uintptr_t)bif >> 4) % STUB_BUCKETS;
	pthread_mutex_lock(&stub_lock);
	struct stub *s = stubs[h];
	while (s && s->bif != bif)
		s = s->next;
	if (!s) {
		struct raise_info *ri = NULL;
		uintptr_t addr = make_stub(bif, &ri);
		s = addr ? malloc(sizeof *s) : NULL;
		if (!s)
			free(ri);
		if (s) {
			s->bif = bif;
			s->ri = ri;
			s->addr = addr;
			s->next = stubs[h];
			stubs[h] = s;
		}
	}
	pthread_mutex_unlock(&stub_lock);
	return s ? s->addr : 0;
}
