/* What every instruction emitter shares: the compilation context, operand
 * access, calls to C helpers and the ways out of an instruction (a fail
 * label, or raising).
 *
 * An emitter is `void emit_op_NAME(emit_ctx *e, const kb_operand *a)`, a[k]
 * being the instruction's operand k (module.h); jit_compile.c calls the one
 * for each instruction.
 */
#ifndef KBEAM_JIT_EMIT_H
#define KBEAM_JIT_EMIT_H

#include "bif/bif.h"
#include "code_buffer.h"
#include "frame.h"
#include "jit.h"
#include "vm/export.h"
#include "x86_encode.h"

/* Addresses of the shared fragments (fragments.c). */
struct jit_fragments {
	uintptr_t enter;        /* C: int enter(scheduler*, process*, entry) */
	uintptr_t exit_return;  /* return address of a process's first frame */
	uintptr_t exit_crashed; /* jumped to with no catch left */
	uintptr_t exit_waiting; /* jumped to by a receive that can never end */
	uintptr_t raise;        /* call: p->freason/fvalue set */
	uintptr_t raise_info;   /* call, rdx = const struct raise_info * */
	uintptr_t gc;           /* call, esi = need, edx = live */
	uintptr_t yield;        /* call, esi = live */
	uintptr_t bif_trap;     /* call, esi = live: a BIF returned BIF_TRAP */
	uintptr_t vheap;        /* call: rt_vheap_check, rax preserved */
	uintptr_t start_mfa;    /* a new process: apply(x0, x1, x2) */
	uintptr_t start_fun;    /* a new process: apply(x0, x1) */
	uintptr_t call_export;  /* jmp, rax = export_entry *, its code not loaded */
	uintptr_t call_return;  /* return address pushed by an Erlang call from C */
};
extern struct jit_fragments jit_frag;

/* Context of an exception raised where the frame OTP reports is not a code
 * address: a BIF (its arguments in the bif_args area, or in x registers),
 * or a function clause (arguments in x registers). */
enum raise_kind {
	RAISE_BIF_ARGS,  /* bif_def with arguments in scheduler->bif_args */
	RAISE_BIF_XREGS, /* bif_def with arguments in x registers */
	RAISE_FUNC_CLAUSE,
	RAISE_UNDEF, /* export_entry with arguments in x registers */
};
struct raise_info {
	uint8_t kind;
	const bif_def *bif;
	term module, function;
	uint32_t arity;
};

typedef struct emit_ctx {
	code_buffer *cb;
	kb_module *m;
	jit_code *code;
	cb_label *labels; /* per BEAM label */
	uint32_t func;    /* index in m->functions of the current function */
	uint32_t instr;   /* index of the instruction being emitted */
	/* line records, code order */
	jit_line *lines;
	uint32_t nlines, lines_cap;
	/* catches of this module: handler label and y register */
	cb_label *catch_labels;
	uint32_t *catch_y;
	uint32_t ncatches, catches_cap;
	/* imports resolved: a BIF (called directly) or an export entry */
	const bif_def **import_bif;
	export_entry **import_export;
	/* per-function raise_info for func_info (allocated, owned by code) */
	struct raise_info *func_raise;
	/* fail-free: emit every instruction through its C helper */
	bool no_fast;
	char *err;
	size_t errlen;
} emit_ctx;

typedef void (*emit_fn)(emit_ctx *e, const kb_operand *a);

/* ---- operands ---- */
struct x86_mem emit_reg_mem(const kb_operand *o); /* an x, y or fr register */
bool opnd_is_reg(const kb_operand *o);            /* x or y */
bool opnd_is_const(const kb_operand *o);          /* a term known at compile time */
term opnd_const(const kb_operand *o);
void emit_load(emit_ctx *e, x86_reg r, const kb_operand *o);
void emit_store(emit_ctx *e, const kb_operand *o, x86_reg r);
/* A BEAM label as a code-buffer label. */
cb_label emit_label(emit_ctx *e, const kb_operand *o);
/* The type the Type chunk gives a register operand (TYPE_ANY when none). */
kb_type emit_opnd_type(emit_ctx *e, const kb_operand *o);

/* ---- calling C ---- */
/* Stores HTOP and E into the process (heap.limit = E). */
void emit_sync_out(emit_ctx *e);
/* Calls a C helper: syncs out, rdi = process, the caller has put other
 * arguments in rsi, rdx, rcx, r8, r9; reloads HTOP (and E when
 * `reload_e`, for helpers that may move the stack). Result in rax. */
void emit_call_helper(emit_ctx *e, const void *fn);
void emit_call_helper_e(emit_ctx *e, const void *fn);
/* A call to C that neither allocates nor raises: no sync. */
void emit_call_pure(emit_ctx *e, const void *fn);

/* ---- leaving an instruction ---- */
/* After a helper: rax == THE_NON_VALUE goes to the fail label, or raises
 * when the label operand is 0 (or NULL). */
void emit_fail_if_nonvalue(emit_ctx *e, const kb_operand *fail);
/* Raises the exception already in p->freason / p->fvalue. */
void emit_raise(emit_ctx *e);
/* Raises with a frame description (BIF or function clause). */
void emit_raise_info(emit_ctx *e, const struct raise_info *ri);
/* Raises error:{Tag, Value} with Value in rax (tag an atom), or
 * error:Tag when Value is THE_NON_VALUE. */
void emit_raise_error_tag(emit_ctx *e, term tag, bool with_value);
/* Jump to a fail label: to the label, or raise error:badarg when the
 * label operand is 0 (a guard BIF's failure outside a guard). */
void emit_jcc_fail(emit_ctx *e, x86_cc cc, const kb_operand *fail);

/* A cold path: code placed after the function, reached by a jump and
 * jumping back. Not yet: everything is inline. */

/* ---- allocation on the heap (inline) ---- */
/* Ensures `need` free words between HTOP and E, collecting with `live`
 * x registers live if not. */
void emit_heap_check(emit_ctx *e, uint32_t need, uint32_t live);

/* The raise_info for a BIF called inline with its arguments in bif_args. */
const struct raise_info *emit_bif_raise_info(emit_ctx *e, const bif_def *bif, bool xregs);

/* Records that the code from here on belongs to line item `item`. */
void emit_line(emit_ctx *e, uint32_t item);
/* Pads with nops so that the next instruction starts at a multiple of 4 (return
 * addresses must have primary tag 00). */
void emit_align_return(emit_ctx *e);
/* Erlang call: pushes the return address on E and jumps to target. */
void emit_erlang_call_label(emit_ctx *e, cb_label target);
void emit_erlang_call_reg(emit_ctx *e, x86_reg target);
/* A call to the code address in `target`, or for a tail call: drop
 * `dealloc` stack words and jump. */
void emit_call_or_tail(emit_ctx *e, x86_reg target, bool tail, uint32_t dealloc);
/* Jumps to `slow` unless both rax and rcx are small integers (clobbers rdx). */
void emit_unless_both_small(emit_ctx *e, cb_label slow);
/* Return: pops the return address from E and jumps to it. */
void emit_erlang_return(emit_ctx *e);
/* After a call that may have made refc binaries (rax preserved): when new
 * ones were linked, checks the virtual binary heap (rt_vheap_check). */
void emit_vheap_check(emit_ctx *e);
/* Counts a reduction; yields when the slice is used up (live x registers). */
void emit_reduction(emit_ctx *e, uint32_t live);

/* Allocation of a permanent side table owned by the jit_code (freed never:
 * code lives as long as the VM in this version). */
void *emit_side_alloc(emit_ctx *e, size_t bytes);

void emit_fail(emit_ctx *e, const char *fmt, ...);

/* Emitters, one per instruction. */
#define X(num, name, arity, emitted) void emit_op_##name(emit_ctx *e, const kb_operand *a);
#include "loader/opcodes.def"
#undef X

#endif
