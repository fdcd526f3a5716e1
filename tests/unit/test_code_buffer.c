/* The code buffer and executable memory: label fixups and their errors,
 * growth and limits, W^X mappings, and small generated functions run
 * through both kinds of executable memory (loops, recursion, calls into C,
 * jump tables, RIP-relative constants, SSE2, atomics, long jumps). */
#include <inttypes.h>
#include <unistd.h>

#include "unit.h"
#include "jit/exec_mem.h"
#include "jit/x86_encode.h"

/* ---- labels and fixups, without running anything ---- */

/* Where the jump at `at` goes: rel8 (EB, 7x) or rel32 (E9, E8, 0F 8x). */
static int64_t jump_target(const code_buffer *cb, size_t at)
{
	const uint8_t *p = cb->bytes + at;
	if (p[0] == 0xeb || (p[0] & 0xf0) == 0x70)
		return (int64_t)at + 2 + (int8_t)p[1];
	size_t op = p[0] == 0x0f ? 2 : 1;
	int32_t rel;
	memcpy(&rel, p + op, 4);
	return (int64_t)(at + op + 4) + rel;
}

static void jumps_reach_their_labels(void)
{
	code_buffer cb;
	cb_init(&cb);
	cb_label back = cb_label_new(&cb), fwd = cb_label_new(&cb), far = cb_label_new(&cb);
	cb_label_bind(&cb, back);
	x86_nop(&cb, 10);
	size_t j1 = cb_offset(&cb);
	x86_jmp_label(&cb, back); /* bound and near: rel8 */
	size_t j2 = cb_offset(&cb);
	x86_jcc_label(&cb, X86_CC_NE, fwd); /* unbound: rel32 */
	size_t j3 = cb_offset(&cb);
	x86_jcc_label_short(&cb, X86_CC_L, fwd);
	size_t j4 = cb_offset(&cb);
	x86_call_label(&cb, far);
	x86_nop(&cb, 50);
	cb_label_bind(&cb, fwd);
	x86_nop(&cb, 300);
	size_t j5 = cb_offset(&cb);
	x86_jmp_label(&cb, back); /* bound but far: rel32 */
	cb_label_bind(&cb, far);
	CHECK(cb_link(&cb) == CB_OK);
	CHECK(j2 - j1 == 2 && j3 - j2 == 6 && j4 - j3 == 2 && cb_offset(&cb) - j5 == 5);
	CHECK(jump_target(&cb, j1) == cb_label_offset(&cb, back));
	CHECK(jump_target(&cb, j2) == cb_label_offset(&cb, fwd));
	CHECK(jump_target(&cb, j3) == cb_label_offset(&cb, fwd));
	CHECK(jump_target(&cb, j4) == cb_label_offset(&cb, far));
	CHECK(jump_target(&cb, j5) == cb_label_offset(&cb, back));
	CHECK(cb_label_offset(&cb, far) == (int64_t)cb_offset(&cb));
	cb_free(&cb);
}

/* rel8 reaches -128..127 from the end of the 2-byte jump, both ways. */
static void rel8_limits_are_exact(void)
{
	for (int gap = 120; gap <= 135; gap++) {
		code_buffer cb;
		cb_init(&cb);
		cb_label l = cb_label_new(&cb);
		cb_label_bind(&cb, l);
		x86_nop(&cb, (unsigned)gap);
		size_t at = cb_offset(&cb);
		x86_jmp_label(&cb, l);
		bool short_form = cb_offset(&cb) - at == 2;
		CHECKF(short_form == (gap + 2 <= 128), "backward gap %d", gap);
		CHECK(cb_link(&cb) == CB_OK && jump_target(&cb, at) == 0);
		cb_free(&cb);

		cb_init(&cb);
		l = cb_label_new(&cb);
		x86_jmp_label_short(&cb, l);
		x86_nop(&cb, (unsigned)gap);
		cb_label_bind(&cb, l);
		int err = cb_link(&cb);
		CHECKF(err == (gap <= 127 ? CB_OK : CB_ERR_RANGE), "forward gap %d: %s", gap,
		       cb_error_name(err));
		if (err == CB_OK)
			CHECK(jump_target(&cb, 0) == gap + 2);
		cb_free(&cb);
	}
}

static void label_misuse_is_reported(void)
{
	code_buffer cb;
	cb_init(&cb);
	cb_label l = cb_label_new(&cb);
	x86_jmp_label(&cb, l);
	CHECK(cb_link(&cb) == CB_ERR_UNBOUND && cb.error_at == 1);
	cb_free(&cb);

	cb_init(&cb);
	l = cb_label_new(&cb);
	cb_label_bind(&cb, l);
	cb_label_bind(&cb, l);
	CHECK(cb_error(&cb) == CB_ERR_LABEL);
	cb_free(&cb);

	cb_init(&cb);
	l = cb_label_new(&cb);
	cb_label_bind(&cb, l);
	x86_nop(&cb, 200);
	x86_jcc_label_short(&cb, X86_CC_E, l); /* bound and too far: at once */
	CHECK(cb_error(&cb) == CB_ERR_RANGE);
	cb_free(&cb);

	cb_init(&cb);
	l = cb_label_new(&cb);
	cb_emit_label_addr(&cb, l);
	uint8_t out[16];
	CHECK(cb_finalise(&cb, out, sizeof out, (uintptr_t)out) == CB_ERR_UNBOUND);
	cb_free(&cb);

	cb_init(&cb);
	cb_label_bind(&cb, 3);
	CHECK(cb_error(&cb) == CB_ERR_LABEL);
	CHECK(!cb_label_is_bound(&cb, 3) && cb_label_offset(&cb, 3) == -1);
	cb_free(&cb);
}

static void buffer_grows_up_to_its_limit(void)
{
	code_buffer cb;
	cb_init(&cb);
	for (int i = 0; i < 100000; i++)
		x86_alu_ri(&cb, X86_ADD, 64, X86_R9, i); /* 4 or 7 bytes */
	CHECK(cb_error(&cb) == CB_OK && cb_offset(&cb) > 400000);
	CHECK(cb.bytes[0] == 0x49 && cb.bytes[1] == 0x83 && cb.bytes[2] == 0xc1 &&
	      cb.bytes[3] == 0);
	cb_free(&cb);

	cb_init(&cb);
	cb.max = 100;
	for (int i = 0; i < 30; i++)
		x86_mov_ri(&cb, 64, X86_RAX, INT64_MIN);
	CHECK(cb_error(&cb) == CB_ERR_TOO_BIG && cb_offset(&cb) <= 100);
	cb_free(&cb);
}

static void finalise_checks_destination_and_placement(void)
{
	code_buffer cb;
	cb_init(&cb);
	x86_nop(&cb, 20);
	uint8_t out[32];
	CHECK(cb_finalise(&cb, out, 10, (uintptr_t)out) == CB_ERR_TOO_BIG);
	cb_free(&cb);

	cb_init(&cb);
	cb_place(&cb, 0x10000, 0x20000);
	x86_ret(&cb);
	CHECK(cb_finalise(&cb, out, sizeof out, 0x30000) == CB_ERR_RANGE);
	cb_free(&cb);

	/* a rel32 to an absolute target, patched for the final address */
	cb_init(&cb);
	cb_place(&cb, 0x10000, 0x20000);
	CHECK(cb_reaches(&cb, 0x7fff0000) && !cb_reaches(&cb, 0x90000000));
	x86_call_abs(&cb, 0x40000000);
	CHECK(cb_offset(&cb) == 5 && cb.bytes[0] == 0xe8);
	CHECK(cb_finalise(&cb, out, sizeof out, 0x18000) == CB_OK);
	int32_t rel;
	memcpy(&rel, out + 1, 4);
	CHECK(0x18000 + 5 + (int64_t)rel == 0x40000000);
	cb_free(&cb);
}

/* ---- running generated code ---- */

static const char *mode_name(enum exec_wx mode)
{
	return mode == EXEC_DUAL_MAP ? "dual mapping" : "mprotect";
}

struct jit {
	struct exec_mem mem;
	code_buffer cb;
	cb_label entry;
};

/* Executable memory near this test's code (so calls into C can be rel32),
 * and a buffer placed there. */
static bool jit_begin(struct jit *j, enum exec_wx mode)
{
	int err = exec_mem_alloc(&j->mem, 1 << 16, mode, (const void *)&jit_begin);
	CHECKF(err == 0, "exec_mem_alloc(%s): %d", mode_name(mode), err);
	if (err)
		return false;
	cb_init(&j->cb);
	cb_place(&j->cb, (uintptr_t)j->mem.exec, (uintptr_t)j->mem.exec + j->mem.size);
	j->entry = cb_label_new(&j->cb);
	cb_label_bind(&j->cb, j->entry);
	return true;
}

/* Finalises into the executable memory; the entry point, or NULL. */
static void *jit_end(struct jit *j)
{
	int err = cb_finalise(&j->cb, j->mem.write, j->mem.size, (uintptr_t)j->mem.exec);
	CHECKF(err == CB_OK, "cb_finalise: %s", cb_error_name(err));
	int xerr = exec_mem_finalise(&j->mem);
	CHECKF(xerr == 0, "exec_mem_finalise: %d", xerr);
	if (err || xerr)
		return NULL;
	return j->mem.exec + cb_label_offset(&j->cb, j->entry);
}

static void jit_free(struct jit *j)
{
	cb_free(&j->cb);
	exec_mem_free(&j->mem);
}

typedef long (*fn_l_l)(long);

/* sum 1..n with a loop: a forward rel32 exit and a backward rel8 loop */
static void run_sum_loop(enum exec_wx mode)
{
	struct jit j;
	if (!jit_begin(&j, mode))
		return;
	code_buffer *cb = &j.cb;
	cb_label top = cb_label_new(cb), done = cb_label_new(cb);
	x86_alu_rr(cb, X86_XOR, 32, X86_RAX, X86_RAX);
	cb_label_bind(cb, top);
	x86_test_rr(cb, 64, X86_RDI, X86_RDI);
	x86_jcc_label(cb, X86_CC_Z, done);
	x86_alu_rr(cb, X86_ADD, 64, X86_RAX, X86_RDI);
	x86_unop_r(cb, X86_DEC, 64, X86_RDI);
	x86_jmp_label(cb, top);
	cb_label_bind(cb, done);
	x86_ret(cb);
	fn_l_l f = (fn_l_l)jit_end(&j);
	if (f) {
		CHECKF(f(100) == 5050, "%s: %ld", mode_name(mode), f(100));
		CHECK(f(0) == 0 && f(100000) == 5000050000L);
	}
	jit_free(&j);
}

/* recursive fib with call_label, callee-saved registers and the stack */
static void run_fib(enum exec_wx mode)
{
	struct jit j;
	if (!jit_begin(&j, mode))
		return;
	code_buffer *cb = &j.cb;
	cb_label base = cb_label_new(cb);
	x86_alu_ri(cb, X86_CMP, 64, X86_RDI, 2);
	x86_jcc_label(cb, X86_CC_L, base);
	x86_push_r(cb, X86_RBX);
	x86_push_r(cb, X86_R12);
	x86_alu_ri(cb, X86_SUB, 64, X86_RSP, 8);
	x86_mov_rr(cb, 64, X86_RBX, X86_RDI);
	x86_lea(cb, 64, X86_RDI, x86_mem_base(X86_RBX, -1));
	x86_call_label(cb, j.entry);
	x86_mov_rr(cb, 64, X86_R12, X86_RAX);
	x86_lea(cb, 64, X86_RDI, x86_mem_base(X86_RBX, -2));
	x86_call_label(cb, j.entry);
	x86_alu_rr(cb, X86_ADD, 64, X86_RAX, X86_R12);
	x86_alu_ri(cb, X86_ADD, 64, X86_RSP, 8);
	x86_pop_r(cb, X86_R12);
	x86_pop_r(cb, X86_RBX);
	x86_ret(cb);
	cb_label_bind(cb, base);
	x86_mov_rr(cb, 64, X86_RAX, X86_RDI);
	x86_ret(cb);
	fn_l_l f = (fn_l_l)jit_end(&j);
	if (f)
		CHECKF(f(20) == 6765 && f(1) == 1 && f(25) == 75025, "%s", mode_name(mode));
	jit_free(&j);
}

static long c_helper_calls;
static long c_helper(long x)
{
	c_helper_calls++;
	return x * 7 + 5;
}

/* helper(3x) + 1 through x86_call_abs: rel32 when the placement reaches
 * the helper, mov r11 + call r11 when no placement is declared */
static void run_call_into_c(enum exec_wx mode, bool declared)
{
	struct jit j;
	if (!jit_begin(&j, mode))
		return;
	code_buffer *cb = &j.cb;
	if (!declared)
		cb_place(cb, 0, 0);
	uint64_t target = (uint64_t)(uintptr_t)&c_helper;
	bool near = cb_reaches(cb, target);
	CHECKF(near == declared, "%s: helper at %p, code at %p", mode_name(mode), (void *)&c_helper,
	       (void *)j.mem.exec);
	x86_push_r(cb, X86_RBX); /* realigns the stack to 16 for the call */
	x86_imul_rri(cb, 64, X86_RDI, X86_RDI, 3);
	size_t at = cb_offset(cb);
	x86_call_abs(cb, target);
	size_t call_len = cb_offset(cb) - at;
	x86_alu_ri(cb, X86_ADD, 64, X86_RAX, 1);
	x86_pop_r(cb, X86_RBX);
	x86_ret(cb);
	CHECKF(call_len == (near                             ? 5u
	                    : x86_is_uimm32((int64_t)target) ? 9u
	                                                     : 13u),
	       "call is %zu bytes", call_len);
	fn_l_l f = (fn_l_l)jit_end(&j);
	if (f) {
		c_helper_calls = 0;
		CHECK(f(2) == 2 * 3 * 7 + 5 + 1 && f(-10) == -30 * 7 + 5 + 1);
		CHECK(c_helper_calls == 2);
	}
	jit_free(&j);
}

/* a jump table of 64-bit label addresses, indexed through r11 */
static void run_jump_table(enum exec_wx mode)
{
	struct jit j;
	if (!jit_begin(&j, mode))
		return;
	code_buffer *cb = &j.cb;
	cb_label table = cb_label_new(cb), deflt = cb_label_new(cb), cases[4];
	x86_alu_ri(cb, X86_CMP, 64, X86_RDI, 3);
	x86_jcc_label(cb, X86_CC_A, deflt); /* unsigned: negatives too */
	x86_lea_label(cb, X86_R11, table);
	x86_jmp_m(cb, x86_mem(X86_R11, X86_RDI, 8, 0));
	for (int i = 0; i < 4; i++) {
		cases[i] = cb_label_new(cb);
		cb_label_bind(cb, cases[i]);
		x86_mov_ri(cb, 64, X86_RAX, (i + 1) * 100);
		x86_ret(cb);
	}
	cb_label_bind(cb, deflt);
	x86_mov_ri(cb, 64, X86_RAX, -1);
	x86_ret(cb);
	x86_align(cb, 8);
	cb_label_bind(cb, table);
	for (int i = 3; i >= 0; i--) /* reversed: entry k leads to case 3-k */
		cb_emit_label_addr(cb, cases[i]);
	fn_l_l f = (fn_l_l)jit_end(&j);
	if (f)
		CHECK(f(0) == 400 && f(1) == 300 && f(2) == 200 && f(3) == 100 && f(4) == -1 &&
		      f(-1) == -1);
	jit_free(&j);
}

static void put_double(code_buffer *cb, double d)
{
	uint64_t bits;
	memcpy(&bits, &d, sizeof bits);
	cb_put_le(cb, bits, 8);
}

typedef double (*fn_d_dd)(double, double);
typedef long (*fn_l_dd)(double, double);
typedef double (*fn_d_l)(long);

/* SSE2: sqrt(a*a + b*b) + 0.5 with the constant RIP-relative after the
 * code; int <-> double conversions; comparisons; moves to and from GPRs */
static void run_sse(enum exec_wx mode)
{
	struct jit j;
	if (!jit_begin(&j, mode))
		return;
	code_buffer *cb = &j.cb;
	cb_label half = cb_label_new(cb), k = cb_label_new(cb);
	cb_label scale = cb_label_new(cb), less = cb_label_new(cb), bits = cb_label_new(cb);
	cb_label absval = cb_label_new(cb), mask = cb_label_new(cb);
	x86_sse_xx(cb, X86_MULSD, X86_XMM0, X86_XMM0);
	x86_sse_xx(cb, X86_MULSD, X86_XMM1, X86_XMM1);
	x86_sse_xx(cb, X86_ADDSD, X86_XMM0, X86_XMM1);
	x86_sse_xx(cb, X86_SQRTSD, X86_XMM0, X86_XMM0);
	x86_sse_xm(cb, X86_ADDSD, X86_XMM0, x86_mem_label(half, 0));
	x86_ret(cb);

	/* (long)(x * 2.5) via a constant loaded into xmm9 */
	cb_label_bind(cb, scale);
	x86_cvtsi2sd_xr(cb, X86_XMM8, X86_RDI);
	x86_movsd_xm(cb, X86_XMM9, x86_mem_label(k, 0));
	x86_sse_xx(cb, X86_MULSD, X86_XMM8, X86_XMM9);
	x86_cvttsd2si_rx(cb, X86_RAX, X86_XMM8);
	x86_ret(cb);

	/* a < b, via ucomisd and seta */
	cb_label_bind(cb, less);
	x86_alu_rr(cb, X86_XOR, 32, X86_RAX, X86_RAX);
	x86_sse_xx(cb, X86_UCOMISD, X86_XMM1, X86_XMM0);
	x86_setcc_r(cb, X86_CC_A, X86_RAX);
	x86_ret(cb);

	/* bits -> double -> negated through a GPR and xorpd */
	cb_label_bind(cb, bits);
	x86_movq_xr(cb, X86_XMM2, X86_RDI);
	x86_movq_rx(cb, X86_R10, X86_XMM2);
	x86_movq_xr(cb, X86_XMM0, X86_R10);
	x86_sse_xx(cb, X86_XORPD, X86_XMM3, X86_XMM3);
	x86_sse_xx(cb, X86_SUBSD, X86_XMM3, X86_XMM0);
	x86_movsd_xx(cb, X86_XMM0, X86_XMM3);
	x86_ret(cb);

	/* |x| by clearing the sign bit with a 16-byte mask */
	cb_label_bind(cb, absval);
	x86_sse_xm(cb, X86_ANDPD, X86_XMM0, x86_mem_label(mask, 0));
	x86_ret(cb);

	x86_align(cb, 16);
	cb_label_bind(cb, mask);
	cb_put_le(cb, INT64_MAX, 8);
	cb_put_le(cb, INT64_MAX, 8);
	cb_label_bind(cb, half);
	put_double(cb, 0.5);
	cb_label_bind(cb, k);
	put_double(cb, 2.5);
	uint8_t *entry = jit_end(&j);
	if (entry) {
		fn_d_dd hyp = (fn_d_dd)entry;
		fn_l_l scaled = (fn_l_l)(j.mem.exec + cb_label_offset(cb, scale));
		fn_l_dd lt = (fn_l_dd)(j.mem.exec + cb_label_offset(cb, less));
		fn_d_l neg = (fn_d_l)(j.mem.exec + cb_label_offset(cb, bits));
		fn_d_dd fabs_ = (fn_d_dd)(j.mem.exec + cb_label_offset(cb, absval));
		CHECK(hyp(3, 4) == 5.5 && hyp(0, 0) == 0.5);
		CHECK(scaled(3) == 7 && scaled(-3) == -7 && scaled(1000000) == 2500000);
		CHECK(lt(1, 2) == 1 && lt(2, 1) == 0 && lt(2, 2) == 0 && lt(-1e300, 1e300) == 1);
		double d = 1.25;
		long b;
		memcpy(&b, &d, sizeof b);
		CHECK(neg(b) == -1.25);
		CHECK(fabs_(-2.5, 0) == 2.5 && fabs_(3.0, 0) == 3.0);
	}
	jit_free(&j);
}

typedef long (*fn_l_pl)(long *, long);
typedef long (*fn_l_pll)(long *, long, long);

static void run_atomics(enum exec_wx mode)
{
	struct jit j;
	if (!jit_begin(&j, mode))
		return;
	code_buffer *cb = &j.cb;
	cb_label cas = cb_label_new(cb);
	x86_lock_xadd_mr(cb, 64, x86_mem_base(X86_RDI, 0), X86_RSI);
	x86_mov_rr(cb, 64, X86_RAX, X86_RSI);
	x86_ret(cb);
	cb_label_bind(cb, cas);
	x86_mov_rr(cb, 64, X86_RAX, X86_RSI);
	x86_lock_cmpxchg_mr(cb, 64, x86_mem_base(X86_RDI, 0), X86_RDX);
	x86_ret(cb);
	uint8_t *entry = jit_end(&j);
	if (entry) {
		fn_l_pl xadd = (fn_l_pl)entry;
		fn_l_pll cmpxchg = (fn_l_pll)(j.mem.exec + cb_label_offset(cb, cas));
		long v = 40;
		CHECK(xadd(&v, 2) == 40 && v == 42);
		CHECK(cmpxchg(&v, 41, 7) == 42 && v == 42);
		CHECK(cmpxchg(&v, 42, 7) == 42 && v == 7);
	}
	jit_free(&j);
}

/* A loop whose body is longer than rel8 reaches, and a forward jump over
 * a trap: both rel32. */
static void run_long_jumps(enum exec_wx mode)
{
	struct jit j;
	if (!jit_begin(&j, mode))
		return;
	code_buffer *cb = &j.cb;
	cb_label top = cb_label_new(cb), over = cb_label_new(cb);
	x86_alu_rr(cb, X86_XOR, 32, X86_RAX, X86_RAX);
	cb_label_bind(cb, top);
	x86_alu_ri(cb, X86_ADD, 64, X86_RAX, 3);
	x86_nop(cb, 200);
	x86_unop_r(cb, X86_DEC, 64, X86_RDI);
	size_t at = cb_offset(cb);
	x86_jcc_label(cb, X86_CC_NZ, top);
	CHECK(cb_offset(cb) - at == 6);
	x86_jmp_label(cb, over);
	for (int i = 0; i < 300; i++)
		x86_ud2(cb);
	cb_label_bind(cb, over);
	x86_ret(cb);
	fn_l_l f = (fn_l_l)jit_end(&j);
	if (f)
		CHECK(f(10) == 30 && f(1) == 3);
	jit_free(&j);
}

/* shifts, bit scans, imul, cmov and movzx against the same in C */
static void run_bit_arith(enum exec_wx mode)
{
	struct jit j;
	if (!jit_begin(&j, mode))
		return;
	code_buffer *cb = &j.cb;
	/* rax = ((a << 3) ^ (b >> 2 arithmetic)) * 5 + bsr(b | 1) + (uint8_t)a,
	 * then max(rax, b) */
	x86_mov_rr(cb, 64, X86_RAX, X86_RDI);
	x86_shift_ri(cb, X86_SHL, 64, X86_RAX, 3);
	x86_mov_rr(cb, 64, X86_R8, X86_RSI);
	x86_shift_ri(cb, X86_SAR, 64, X86_R8, 2);
	x86_alu_rr(cb, X86_XOR, 64, X86_RAX, X86_R8);
	x86_imul_rri(cb, 64, X86_RAX, X86_RAX, 5);
	x86_mov_rr(cb, 64, X86_R9, X86_RSI);
	x86_alu_ri(cb, X86_OR, 64, X86_R9, 1);
	x86_bitcount_rr(cb, X86_BSR, 64, X86_R9, X86_R9);
	x86_alu_rr(cb, X86_ADD, 64, X86_RAX, X86_R9);
	x86_movzx_rr(cb, 32, X86_R10, 8, X86_RDI);
	x86_alu_rr(cb, X86_ADD, 64, X86_RAX, X86_R10);
	x86_alu_rr(cb, X86_CMP, 64, X86_RAX, X86_RSI);
	x86_cmov_rr(cb, X86_CC_L, 64, X86_RAX, X86_RSI);
	x86_ret(cb);
	long (*f)(long, long) = (long (*)(long, long))jit_end(&j);
	if (f) {
		static const long as[] = {0, 1, -1, 12345, -987654321, 0x7fffffffffff};
		static const long bs[] = {0, 5, -8, 1L << 40, 123456789, -1};
		for (int x = 0; x < 6; x++)
			for (int y = 0; y < 6; y++) {
				long a = as[x], b = bs[y];
				unsigned long ub = (unsigned long)(b | 1);
				unsigned long w = ((unsigned long)a << 3) ^ (unsigned long)(b >> 2);
				w = w * 5 + (unsigned long)(63 - __builtin_clzl(ub)) + (uint8_t)a;
				long want = (long)w;
				if (want < b)
					want = b;
				CHECKF(f(a, b) == want, "%ld %ld: %ld, want %ld", a, b, f(a, b),
				       want);
			}
	}
	jit_free(&j);
}

static void generated_code_runs(void)
{
	static const enum exec_wx modes[] = {EXEC_DUAL_MAP, EXEC_MPROTECT};
	for (int m = 0; m < 2; m++) {
		run_sum_loop(modes[m]);
		run_fib(modes[m]);
		run_call_into_c(modes[m], true);
		run_call_into_c(modes[m], false);
		run_jump_table(modes[m]);
		run_sse(modes[m]);
		run_atomics(modes[m]);
		run_long_jumps(modes[m]);
		run_bit_arith(modes[m]);
	}
}

/* ---- W^X, as the kernel sees the mappings ---- */

/* The permissions ("r-xp") of the mapping holding addr, into perms. */
static bool perms_at(const void *addr, char perms[5])
{
	FILE *f = fopen("/proc/self/maps", "r");
	if (!f)
		return false;
	char line[512];
	bool found = false;
	while (!found && fgets(line, sizeof line, f)) {
		uintptr_t lo, hi;
		char p[5];
		if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR " %4s", &lo, &hi, p) == 3 &&
		    (uintptr_t)addr >= lo && (uintptr_t)addr < hi) {
			memcpy(perms, p, 5);
			found = true;
		}
	}
	fclose(f);
	return found;
}

/* Whether any mapping of the JIT's memfd is writable. */
static bool memfd_writable(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	if (!f)
		return true;
	char line[512];
	bool w = false;
	while (fgets(line, sizeof line, f)) {
		char p[5];
		if (strstr(line, "kbeam-jit") && sscanf(line, "%*s %4s", p) == 1 && p[1] == 'w')
			w = true;
	}
	fclose(f);
	return w;
}

static void memory_is_never_writable_and_executable(void)
{
	struct exec_mem m;
	char p[5] = "";
	CHECK(exec_mem_alloc(&m, 100, EXEC_DUAL_MAP, NULL) == 0);
	if (m.exec) {
		CHECK(m.size == (size_t)sysconf(_SC_PAGESIZE) && m.write != m.exec);
		CHECK(perms_at(m.exec, p) && strcmp(p, "r-xs") == 0);
		CHECK(perms_at(m.write, p) && strcmp(p, "rw-s") == 0);
		m.write[0] = 0xc3; /* seen through the other view */
		CHECK(m.exec[0] == 0xc3);
		CHECK(memfd_writable());
		CHECK(exec_mem_finalise(&m) == 0 && m.write == NULL);
		CHECK(perms_at(m.exec, p) && strcmp(p, "r-xs") == 0);
		CHECK(!memfd_writable());
		CHECK(exec_mem_finalise(&m) == 0);
		exec_mem_free(&m);
	}
	CHECK(exec_mem_alloc(&m, 5000, EXEC_MPROTECT, NULL) == 0);
	if (m.exec) {
		CHECK(m.size == 2 * (size_t)sysconf(_SC_PAGESIZE) && m.write == m.exec);
		CHECK(perms_at(m.exec, p) && strcmp(p, "rw-p") == 0);
		CHECK(exec_mem_finalise(&m) == 0 && m.write == NULL);
		CHECK(perms_at(m.exec, p) && strcmp(p, "r-xp") == 0);
		CHECK(perms_at(m.exec + m.size - 1, p) && strcmp(p, "r-xp") == 0);
		exec_mem_free(&m);
	}
	CHECK(exec_mem_alloc(&m, 0, EXEC_MPROTECT, NULL) < 0);
	CHECK(exec_mem_alloc(&m, 4096, (enum exec_wx)7, NULL) < 0);
}

/* Placement near a given address lands within rel32 reach of it. */
static void memory_lands_near_the_hint(void)
{
	static const enum exec_wx modes[] = {EXEC_DUAL_MAP, EXEC_MPROTECT};
	for (int i = 0; i < 2; i++) {
		struct exec_mem m;
		const void *near = (const void *)&c_helper;
		CHECK(exec_mem_alloc(&m, 1 << 20, modes[i], near) == 0);
		if (!m.exec)
			continue;
		int64_t d1 = (int64_t)(uintptr_t)m.exec - (int64_t)(uintptr_t)near;
		int64_t d2 = d1 + (int64_t)m.size;
		CHECKF(d1 > -(1LL << 31) && d2 < (1LL << 31), "%s: %p vs %p", mode_name(modes[i]),
		       (void *)m.exec, near);
		exec_mem_free(&m);
	}
}

int main(void)
{
	RUN(jumps_reach_their_labels);
	RUN(rel8_limits_are_exact);
	RUN(label_misuse_is_reported);
	RUN(buffer_grows_up_to_its_limit);
	RUN(finalise_checks_destination_and_placement);
	RUN(memory_is_never_writable_and_executable);
	RUN(memory_lands_near_the_hint);
	RUN(generated_code_runs);
	return unit_exit();
}
