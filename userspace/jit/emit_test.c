/* Emitters for type tests, comparisons and the select instructions.
 *
 * Each test jumps to its fail label when the test is false. Fast paths
 * decide from tags inline; what they cannot decide goes to the C helper
 * (rt_tests.c), which decides every case by itself.
 */
#include <stdlib.h>

#include "emit.h"
#include "rt.h"
#include "rt_tests.h"

/* rax = operand */
static void load_arg(emit_ctx *e, const kb_operand *o) { emit_load(e, X86_RAX, o); }

/* Generic: al = rt_type_test(op, rax); fail when zero. */
static void type_test_helper(emit_ctx *e, unsigned op, const kb_operand *fail)
{
	x86_mov_rr(e->cb, 64, X86_RSI, X86_RAX);
	x86_mov_ri(e->cb, 32, X86_RDI, op);
	emit_call_pure(e, (const void *)rt_type_test);
	x86_test_rr(e->cb, 8, X86_RAX, X86_RAX);
	x86_jcc_label(e->cb, X86_CC_Z, emit_label(e, fail));
}

/* Jumps to `to` unless (rax & mask) == value; clobbers ecx. */
static void tag_check(emit_ctx *e, unsigned mask, unsigned value, x86_cc on, cb_label to)
{
	x86_mov_rr(e->cb, 32, X86_RCX, X86_RAX);
	x86_alu_ri(e->cb, X86_AND, 32, X86_RCX, mask);
	x86_alu_ri(e->cb, X86_CMP, 32, X86_RCX, value);
	x86_jcc_label(e->cb, on, to);
}

/* Whether the Type chunk proves the operand is one of `kinds`: the test
 * can be left out (the compiler guarantees its types). */
static bool proved(emit_ctx *e, const kb_operand *o, unsigned kinds)
{
	kb_type t = emit_opnd_type(e, o);
	return !e->no_fast && t.kinds != 0 && (t.kinds & ~kinds) == 0;
}

/* The test by the helper, unless the types prove it. */
static void generic_type_test(emit_ctx *e, const kb_operand *a, unsigned op)
{
	static const unsigned proves[] = {
	    [RT_IS_FLOAT] = TYPE_FLOAT,
	    [RT_IS_PID] = TYPE_PID,
	    [RT_IS_REFERENCE] = TYPE_REFERENCE,
	    [RT_IS_PORT] = TYPE_PORT,
	    [RT_IS_BITSTR] = TYPE_BITSTRING,
	    [RT_IS_FUNCTION] = TYPE_FUN,
	    [RT_IS_MAP] = TYPE_MAP,
	    [RT_IS_ATOM] = TYPE_ATOM,
	    [RT_IS_NIL] = TYPE_NIL,
	    [RT_IS_NONEMPTY_LIST] = TYPE_CONS,
	    [RT_IS_LIST] = TYPE_CONS | TYPE_NIL,
	    [RT_IS_TUPLE] = TYPE_TUPLE,
	};
	if (op < sizeof proves / sizeof proves[0] && proves[op] && proved(e, &a[1], proves[op]))
		return;
	load_arg(e, &a[1]);
	type_test_helper(e, op, &a[0]);
}

void emit_op_is_integer(emit_ctx *e, const kb_operand *a)
{
	if (proved(e, &a[1], TYPE_INTEGER))
		return;
	load_arg(e, &a[1]);
	cb_label ok = cb_label_new(e->cb);
	if (!e->no_fast)
		tag_check(e, 0xf, TAG_IMMED1_SMALL, X86_CC_E, ok);
	type_test_helper(e, RT_IS_INTEGER, &a[0]);
	cb_label_bind(e->cb, ok);
}

void emit_op_is_float(emit_ctx *e, const kb_operand *a) { generic_type_test(e, a, RT_IS_FLOAT); }
void emit_op_is_number(emit_ctx *e, const kb_operand *a)
{
	if (proved(e, &a[1], TYPE_INTEGER | TYPE_FLOAT))
		return;
	load_arg(e, &a[1]);
	cb_label ok = cb_label_new(e->cb);
	if (!e->no_fast)
		tag_check(e, 0xf, TAG_IMMED1_SMALL, X86_CC_E, ok);
	type_test_helper(e, RT_IS_NUMBER, &a[0]);
	cb_label_bind(e->cb, ok);
}
void emit_op_is_pid(emit_ctx *e, const kb_operand *a) { generic_type_test(e, a, RT_IS_PID); }
void emit_op_is_reference(emit_ctx *e, const kb_operand *a)
{
	generic_type_test(e, a, RT_IS_REFERENCE);
}
void emit_op_is_port(emit_ctx *e, const kb_operand *a) { generic_type_test(e, a, RT_IS_PORT); }
void emit_op_is_binary(emit_ctx *e, const kb_operand *a) { generic_type_test(e, a, RT_IS_BINARY); }
void emit_op_is_bitstr(emit_ctx *e, const kb_operand *a) { generic_type_test(e, a, RT_IS_BITSTR); }
void emit_op_is_function(emit_ctx *e, const kb_operand *a)
{
	generic_type_test(e, a, RT_IS_FUNCTION);
}
void emit_op_is_boolean(emit_ctx *e, const kb_operand *a)
{
	generic_type_test(e, a, RT_IS_BOOLEAN);
}
void emit_op_is_map(emit_ctx *e, const kb_operand *a) { generic_type_test(e, a, RT_IS_MAP); }

void emit_op_is_atom(emit_ctx *e, const kb_operand *a)
{
	if (e->no_fast || proved(e, &a[1], TYPE_ATOM))
		return generic_type_test(e, a, RT_IS_ATOM);
	load_arg(e, &a[1]);
	tag_check(e, TAG_IMMED2_MASK, TAG_IMMED2_ATOM, X86_CC_NE, emit_label(e, &a[0]));
}

void emit_op_is_nil(emit_ctx *e, const kb_operand *a)
{
	if (e->no_fast || proved(e, &a[1], TYPE_NIL))
		return generic_type_test(e, a, RT_IS_NIL);
	load_arg(e, &a[1]);
	x86_alu_ri(e->cb, X86_CMP, 64, X86_RAX, (int64_t)NIL);
	x86_jcc_label(e->cb, X86_CC_NE, emit_label(e, &a[0]));
}

void emit_op_is_nonempty_list(emit_ctx *e, const kb_operand *a)
{
	if (e->no_fast || proved(e, &a[1], TYPE_CONS))
		return generic_type_test(e, a, RT_IS_NONEMPTY_LIST);
	load_arg(e, &a[1]);
	tag_check(e, TAG_PRIMARY_MASK, TAG_PRIMARY_LIST, X86_CC_NE, emit_label(e, &a[0]));
}

void emit_op_is_list(emit_ctx *e, const kb_operand *a)
{
	if (e->no_fast || proved(e, &a[1], TYPE_CONS | TYPE_NIL))
		return generic_type_test(e, a, RT_IS_LIST);
	load_arg(e, &a[1]);
	cb_label ok = cb_label_new(e->cb);
	x86_alu_ri(e->cb, X86_CMP, 64, X86_RAX, (int64_t)NIL);
	x86_jcc_label(e->cb, X86_CC_E, ok);
	tag_check(e, TAG_PRIMARY_MASK, TAG_PRIMARY_LIST, X86_CC_NE, emit_label(e, &a[0]));
	cb_label_bind(e->cb, ok);
}

/* Jumps to `fail` unless rax is boxed with a header whose subtag is
 * `subtag`; leaves the header in rcx. */
static void boxed_subtag_check(emit_ctx *e, unsigned subtag, cb_label fail)
{
	tag_check(e, TAG_PRIMARY_MASK, TAG_PRIMARY_BOXED, X86_CC_NE, fail);
	x86_mov_rm(e->cb, 64, X86_RCX, x86_mem_base(X86_RAX, -(int32_t)TAG_PRIMARY_BOXED));
	x86_mov_rr(e->cb, 32, X86_RDX, X86_RCX);
	x86_alu_ri(e->cb, X86_AND, 32, X86_RDX, HEADER_SUBTAG_MASK);
	x86_alu_ri(e->cb, X86_CMP, 32, X86_RDX, subtag << HEADER_SUBTAG_SHIFT);
	x86_jcc_label(e->cb, X86_CC_NE, fail);
}

void emit_op_is_tuple(emit_ctx *e, const kb_operand *a)
{
	if (e->no_fast || proved(e, &a[1], TYPE_TUPLE))
		return generic_type_test(e, a, RT_IS_TUPLE);
	load_arg(e, &a[1]);
	boxed_subtag_check(e, SUBTAG_TUPLE, emit_label(e, &a[0]));
}

/* test_arity Fail Tuple Arity: the operand is known to be a tuple. */
void emit_op_test_arity(emit_ctx *e, const kb_operand *a)
{
	load_arg(e, &a[1]);
	x86_mov_rm(e->cb, 64, X86_RCX, x86_mem_base(X86_RAX, -(int32_t)TAG_PRIMARY_BOXED));
	x86_mov_ri(e->cb, 64, X86_RDX, (int64_t)make_header(a[2].val, SUBTAG_TUPLE));
	x86_alu_rr(e->cb, X86_CMP, 64, X86_RCX, X86_RDX);
	x86_jcc_label(e->cb, X86_CC_NE, emit_label(e, &a[0]));
}

/* is_tagged_tuple Fail Src Arity Atom */
void emit_op_is_tagged_tuple(emit_ctx *e, const kb_operand *a)
{
	cb_label fail = emit_label(e, &a[0]);
	load_arg(e, &a[1]);
	if (e->no_fast) {
		x86_mov_rr(e->cb, 64, X86_RDI, X86_RAX);
		x86_mov_ri(e->cb, 64, X86_RSI, (int64_t)a[2].val);
		x86_mov_ri(e->cb, 64, X86_RDX, (int64_t)opnd_const(&a[3]));
		emit_call_pure(e, (const void *)rt_is_tagged_tuple);
		x86_test_rr(e->cb, 64, X86_RAX, X86_RAX);
		x86_jcc_label(e->cb, X86_CC_Z, fail);
		return;
	}
	tag_check(e, TAG_PRIMARY_MASK, TAG_PRIMARY_BOXED, X86_CC_NE, fail);
	x86_mov_rm(e->cb, 64, X86_RCX, x86_mem_base(X86_RAX, -(int32_t)TAG_PRIMARY_BOXED));
	x86_mov_ri(e->cb, 64, X86_RDX, (int64_t)make_header(a[2].val, SUBTAG_TUPLE));
	x86_alu_rr(e->cb, X86_CMP, 64, X86_RCX, X86_RDX);
	x86_jcc_label(e->cb, X86_CC_NE, fail);
	x86_mov_ri(e->cb, 64, X86_RDX, (int64_t)opnd_const(&a[3]));
	x86_alu_rm(e->cb, X86_CMP, 64, X86_RDX,
	           x86_mem_base(X86_RAX, 8 - (int32_t)TAG_PRIMARY_BOXED));
	x86_jcc_label(e->cb, X86_CC_NE, fail);
}

/* is_function2 Fail Fun Arity */
void emit_op_is_function2(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RDI, &a[1]);
	emit_load(e, X86_RSI, &a[2]);
	emit_call_pure(e, (const void *)rt_is_function2);
	x86_test_rr(e->cb, 8, X86_RAX, X86_RAX);
	x86_jcc_label(e->cb, X86_CC_Z, emit_label(e, &a[0]));
}

/* ---- comparisons ---- */

/* rax = a, rcx = b */
static void load_pair(emit_ctx *e, const kb_operand *a)
{
	emit_load(e, X86_RAX, &a[1]);
	emit_load(e, X86_RCX, &a[2]);
}

/* Exact equality: equal words are equal; when either word is an
 * immediate, different words are different; else ask the helper. */
static void eq_exact(emit_ctx *e, const kb_operand *a, bool want_equal)
{
	cb_label fail = emit_label(e, &a[0]);
	cb_label done = cb_label_new(e->cb), ne = cb_label_new(e->cb);
	load_pair(e, a);
	if (!e->no_fast) {
		x86_alu_rr(e->cb, X86_CMP, 64, X86_RAX, X86_RCX);
		x86_jcc_label(e->cb, X86_CC_E, want_equal ? done : fail);
		/* one of them immediate: different */
		x86_mov_rr(e->cb, 32, X86_RDX, X86_RAX);
		x86_alu_rr(e->cb, X86_AND, 32, X86_RDX, X86_RCX);
		x86_alu_ri(e->cb, X86_AND, 32, X86_RDX, TAG_PRIMARY_MASK);
		x86_alu_ri(e->cb, X86_CMP, 32, X86_RDX, TAG_PRIMARY_IMMED);
		/* both immediate: surely different */
		x86_jcc_label(e->cb, X86_CC_E, ne);
		x86_mov_rr(e->cb, 32, X86_RDX, X86_RAX);
		x86_alu_ri(e->cb, X86_AND, 32, X86_RDX, TAG_PRIMARY_MASK);
		x86_alu_ri(e->cb, X86_CMP, 32, X86_RDX, TAG_PRIMARY_IMMED);
		x86_jcc_label(e->cb, X86_CC_E, ne);
		x86_mov_rr(e->cb, 32, X86_RDX, X86_RCX);
		x86_alu_ri(e->cb, X86_AND, 32, X86_RDX, TAG_PRIMARY_MASK);
		x86_alu_ri(e->cb, X86_CMP, 32, X86_RDX, TAG_PRIMARY_IMMED);
		x86_jcc_label(e->cb, X86_CC_E, ne);
	}
	x86_mov_rr(e->cb, 64, X86_RDI, X86_RAX);
	x86_mov_rr(e->cb, 64, X86_RSI, X86_RCX);
	emit_call_pure(e, (const void *)rt_eq_exact);
	x86_test_rr(e->cb, 8, X86_RAX, X86_RAX);
	x86_jcc_label(e->cb, want_equal ? X86_CC_Z : X86_CC_NZ, fail);
	x86_jmp_label(e->cb, done);
	cb_label_bind(e->cb, ne);
	if (want_equal)
		x86_jmp_label(e->cb, fail);
	cb_label_bind(e->cb, done);
}

void emit_op_is_eq_exact(emit_ctx *e, const kb_operand *a) { eq_exact(e, a, true); }
void emit_op_is_ne_exact(emit_ctx *e, const kb_operand *a) { eq_exact(e, a, false); }

/* == and /=: equal words are equal; two smalls or two atoms compare by
 * word; else the helper. */
static void eq_arith(emit_ctx *e, const kb_operand *a, bool want_equal)
{
	cb_label fail = emit_label(e, &a[0]);
	cb_label done = cb_label_new(e->cb), slow = cb_label_new(e->cb);
	load_pair(e, a);
	if (!e->no_fast) {
		x86_alu_rr(e->cb, X86_CMP, 64, X86_RAX, X86_RCX);
		x86_jcc_label(e->cb, X86_CC_E, want_equal ? done : fail);
		emit_unless_both_small(e, slow);
		/* both small and different words */
		if (want_equal)
			x86_jmp_label(e->cb, fail);
		else
			x86_jmp_label(e->cb, done);
	}
	cb_label_bind(e->cb, slow);
	x86_mov_rr(e->cb, 64, X86_RDI, X86_RAX);
	x86_mov_rr(e->cb, 64, X86_RSI, X86_RCX);
	emit_call_pure(e, (const void *)rt_eq);
	x86_test_rr(e->cb, 8, X86_RAX, X86_RAX);
	x86_jcc_label(e->cb, want_equal ? X86_CC_Z : X86_CC_NZ, fail);
	cb_label_bind(e->cb, done);
}

void emit_op_is_eq(emit_ctx *e, const kb_operand *a) { eq_arith(e, a, true); }
void emit_op_is_ne(emit_ctx *e, const kb_operand *a) { eq_arith(e, a, false); }

/* is_lt / is_ge: two smalls compare as signed words. */
static void order_test(emit_ctx *e, const kb_operand *a, bool lt)
{
	cb_label fail = emit_label(e, &a[0]);
	cb_label done = cb_label_new(e->cb), slow = cb_label_new(e->cb);
	load_pair(e, a);
	if (!e->no_fast) {
		emit_unless_both_small(e, slow);
		x86_alu_rr(e->cb, X86_CMP, 64, X86_RAX, X86_RCX);
		x86_jcc_label(e->cb, lt ? X86_CC_GE : X86_CC_L, fail);
		x86_jmp_label(e->cb, done);
	}
	cb_label_bind(e->cb, slow);
	x86_mov_rr(e->cb, 64, X86_RDI, X86_RAX);
	x86_mov_rr(e->cb, 64, X86_RSI, X86_RCX);
	emit_call_pure(e, (const void *)rt_compare);
	x86_test_rr(e->cb, 64, X86_RAX, X86_RAX);
	x86_jcc_label(e->cb, lt ? X86_CC_GE : X86_CC_L, fail);
	cb_label_bind(e->cb, done);
}

void emit_op_is_lt(emit_ctx *e, const kb_operand *a) { order_test(e, a, true); }
void emit_op_is_ge(emit_ctx *e, const kb_operand *a) { order_test(e, a, false); }

/* ---- select_val / select_tuple_arity ---- */

struct sel_case {
	uint64_t key; /* the word compared */
	cb_label target;
};

static int cmp_case(const void *x, const void *y)
{
	const struct sel_case *a = x, *b = y;
	return a->key < b->key ? -1 : a->key > b->key;
}

/* Compares rax with an unsigned 64-bit key; clobbers rdx for wide keys. */
static void cmp_key(emit_ctx *e, uint64_t key)
{
	if (x86_is_imm32((int64_t)key)) {
		x86_alu_ri(e->cb, X86_CMP, 64, X86_RAX, (int64_t)key);
	} else {
		x86_mov_ri(e->cb, 64, X86_RDX, (int64_t)key);
		x86_alu_rr(e->cb, X86_CMP, 64, X86_RAX, X86_RDX);
	}
}

/* Binary search over sorted keys (unsigned word order). */
static void emit_search(emit_ctx *e, const struct sel_case *c, size_t n, cb_label fail)
{
	if (n <= 4) {
		for (size_t i = 0; i < n; i++) {
			cmp_key(e, c[i].key);
			x86_jcc_label(e->cb, X86_CC_E, c[i].target);
		}
		x86_jmp_label(e->cb, fail);
		return;
	}
	size_t mid = n / 2;
	cb_label right = cb_label_new(e->cb);
	cmp_key(e, c[mid].key);
	x86_jcc_label(e->cb, X86_CC_E, c[mid].target);
	x86_jcc_label(e->cb, X86_CC_A, right);
	emit_search(e, c, mid, fail);
	cb_label_bind(e->cb, right);
	emit_search(e, c + mid + 1, n - mid - 1, fail);
}

/* A jump table over small integers min..max when they are dense. */
static bool emit_jump_table(emit_ctx *e, const struct sel_case *c, size_t n, cb_label fail)
{
	if (n < 8)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((c[i].key & 0xf) != TAG_IMMED1_SMALL)
			return false;
	int64_t min = INT64_MAX, max = INT64_MIN;
	for (size_t i = 0; i < n; i++) {
		int64_t v = small_value(c[i].key);
		min = v < min ? v : min;
		max = v > max ? v : max;
	}
	if (max - min >= (int64_t)(2 * n) || max - min > 4096)
		return false;
	if (!x86_is_imm32(min) || !x86_is_imm32(max - min))
		return false;
	/* rcx = value - min as an unsigned index; the tag test first */
	x86_mov_rr(e->cb, 32, X86_RCX, X86_RAX);
	x86_alu_ri(e->cb, X86_AND, 32, X86_RCX, 0xf);
	x86_alu_ri(e->cb, X86_CMP, 32, X86_RCX, TAG_IMMED1_SMALL);
	x86_jcc_label(e->cb, X86_CC_NE, fail);
	x86_mov_rr(e->cb, 64, X86_RCX, X86_RAX);
	x86_shift_ri(e->cb, X86_SAR, 64, X86_RCX, 4);
	if (min)
		x86_alu_ri(e->cb, X86_SUB, 64, X86_RCX, min);
	x86_alu_ri(e->cb, X86_CMP, 64, X86_RCX, max - min);
	x86_jcc_label(e->cb, X86_CC_A, fail);
	cb_label table = cb_label_new(e->cb);
	x86_lea_label(e->cb, X86_RDX, table);
	x86_jmp_m(e->cb, x86_mem(X86_RDX, X86_RCX, 8, 0));
	x86_align(e->cb, 8);
	cb_label_bind(e->cb, table);
	size_t k = 0;
	for (int64_t v = min; v <= max; v++) {
		if (k < n && small_value(c[k].key) == v)
			cb_emit_label_addr(e->cb, c[k++].target);
		else
			cb_emit_label_addr(e->cb, fail);
	}
	return true;
}

static void select_cases(emit_ctx *e, const kb_operand *list, bool arity, cb_label fail)
{
	size_t n = list->val / 2;
	struct sel_case *c = malloc((n ? n : 1) * sizeof *c);
	if (!c) {
		emit_fail(e, "out of memory");
		return;
	}
	const kb_operand *l = e->m->operands + list->aux;
	for (size_t i = 0; i < n; i++) {
		c[i].key = arity ? make_header(l[2 * i].val, SUBTAG_TUPLE) : opnd_const(&l[2 * i]);
		c[i].target = emit_label(e, &l[2 * i + 1]);
	}
	/* boxed keys (bignums, floats): compared exactly by the helper,
	 * with the value kept in rbp across the calls */
	size_t nimm = 0;
	bool saved = false;
	for (size_t i = 0; i < n; i++) {
		if (arity || is_immed(c[i].key)) {
			c[nimm++] = c[i];
			continue;
		}
		if (!saved) {
			x86_mov_rr(e->cb, 64, X86_RBP, X86_RAX);
			saved = true;
		}
		x86_mov_rr(e->cb, 64, X86_RDI, X86_RBP);
		x86_mov_ri(e->cb, 64, X86_RSI, (int64_t)c[i].key);
		emit_call_pure(e, (const void *)rt_eq_exact);
		x86_test_rr(e->cb, 8, X86_RAX, X86_RAX);
		x86_jcc_label(e->cb, X86_CC_NZ, c[i].target);
	}
	if (saved)
		x86_mov_rr(e->cb, 64, X86_RAX, X86_RBP);
	n = nimm;
	qsort(c, n, sizeof *c, cmp_case);
	if (arity || !emit_jump_table(e, c, n, fail))
		emit_search(e, c, n, fail);
	free(c);
}

/* select_val Arg Fail [Value, Label, ...] */
void emit_op_select_val(emit_ctx *e, const kb_operand *a)
{
	load_arg(e, &a[0]);
	select_cases(e, &a[2], false, emit_label(e, &a[1]));
}

/* select_tuple_arity Tuple Fail [Arity, Label, ...]: a tuple is known. */
void emit_op_select_tuple_arity(emit_ctx *e, const kb_operand *a)
{
	cb_label fail = emit_label(e, &a[1]);
	load_arg(e, &a[0]);
	boxed_subtag_check(e, SUBTAG_TUPLE, fail);
	x86_mov_rr(e->cb, 64, X86_RAX, X86_RCX);
	select_cases(e, &a[2], true, fail);
}
