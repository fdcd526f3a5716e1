/* The x86-64 encoder against the GNU assembler.
 *
 * Every case is one encoder call plus the assembler text that means the same
 * instruction. All cases go into one buffer and one .s file (Intel syntax);
 * `as` assembles the file, and a second section records where each case
 * starts, so the comparison is exact and per instruction. The cases are
 * generated: every register pair for the core operations, every operand size,
 * immediates on both sides of the imm8/imm32 limits, memory operands of
 * every shape (rsp/rbp/r12/r13 bases, SIB, no base, RIP-relative, labels),
 * all sixteen conditions, and jumps to labels near and far. Results are one
 * PASS/FAIL line per instruction family, naming the first mismatch.
 *
 * A second group checks what the encoder refuses: operands x86-64 cannot
 * encode must leave an error and no bytes.
 */
#include <stdarg.h>
#include <unistd.h>

#include "unit.h"
#include "jit/x86_encode.h"

/* ---- names, as the assembler spells them ---- */

static const char *const gpr64[16] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                      "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};
static const char *const gpr32[16] = {"eax", "ecx", "edx",  "ebx",  "esp",  "ebp",  "esi",  "edi",
                                      "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
static const char *const gpr16[16] = {"ax",  "cx",  "dx",   "bx",   "sp",   "bp",   "si",   "di",
                                      "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"};
static const char *const gpr8[16] = {"al",  "cl",  "dl",   "bl",   "spl",  "bpl",  "sil",  "dil",
                                     "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"};
static const char *const cc_names[16] = {"o", "no", "b", "ae", "e", "ne", "be", "a",
                                         "s", "ns", "p", "np", "l", "ge", "le", "g"};
static const char *const alu_names[8] = {"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"};
static const enum x86_shift shifts[] = {X86_ROL, X86_ROR, X86_RCL, X86_RCR,
                                        X86_SHL, X86_SHR, X86_SAR};
static const char *const shift_names[8] = {"rol", "ror", "rcl", "rcr", "shl", "shr", "", "sar"};
static const enum x86_unop unops[] = {X86_INC, X86_DEC,  X86_NOT, X86_NEG,
                                      X86_MUL, X86_IMUL, X86_DIV, X86_IDIV};
static const char *const bitop_names[8] = {"", "", "", "", "bt", "bts", "btr", "btc"};
static const char *const bitcount_names[] = {"bsf", "bsr", "tzcnt", "lzcnt", "popcnt"};
static const int sizes[] = {8, 16, 32, 64};
static const int wide_sizes[] = {16, 32, 64};

static const char *unop_name(enum x86_unop op)
{
	switch (op) {
	case X86_INC:
		return "inc";
	case X86_DEC:
		return "dec";
	case X86_NOT:
		return "not";
	case X86_NEG:
		return "neg";
	case X86_MUL:
		return "mul";
	case X86_IMUL:
		return "imul";
	case X86_DIV:
		return "div";
	case X86_IDIV:
		return "idiv";
	}
	return "?";
}

static const char *reg(int size, int r)
{
	switch (size) {
	case 8:
		return gpr8[r];
	case 16:
		return gpr16[r];
	case 32:
		return gpr32[r];
	}
	return gpr64[r];
}

static const char *ptr(int size)
{
	switch (size) {
	case 8:
		return "BYTE PTR ";
	case 16:
		return "WORD PTR ";
	case 32:
		return "DWORD PTR ";
	case 128:
		return "XMMWORD PTR ";
	}
	return "QWORD PTR ";
}

/* "[rbx+r12*4-0x80]", "[rip+.LL3+8]", "[0x1000]" into one of a few rotating
 * buffers, so a format can take two. */
static const char *mem(struct x86_mem m)
{
	static char bufs[4][96];
	static int next;
	char *b = bufs[next++ % 4];
	int n = 0;
	const size_t cap = sizeof bufs[0];
	n += snprintf(b + n, cap - (size_t)n, "[");
	bool any = false;
	if (m.base == X86_RIP) {
		n += snprintf(b + n, cap - (size_t)n, "rip");
		any = true;
	} else if (m.base != X86_NOREG) {
		n += snprintf(b + n, cap - (size_t)n, "%s", gpr64[m.base]);
		any = true;
	}
	if (m.index != X86_NOREG) {
		n += snprintf(b + n, cap - (size_t)n, "%s%s*%d", any ? "+" : "", gpr64[m.index],
		              m.scale);
		any = true;
	}
	if (m.label != CB_NO_LABEL)
		n += snprintf(b + n, cap - (size_t)n, "+.LL%u", m.label);
	if (m.disp || !any) {
		long long d = m.disp;
		if (any)
			n += snprintf(b + n, cap - (size_t)n, "%c0x%llx", d < 0 ? '-' : '+',
			              d < 0 ? -d : d);
		else
			n += snprintf(b + n, cap - (size_t)n, "%s0x%llx", d < 0 ? "-" : "",
			              d < 0 ? -d : d);
	}
	snprintf(b + n, cap - (size_t)n, "]");
	return b;
}

/* ---- the suite: cases, their text, and the comparison ---- */

#define MAX_FAMILIES 64

struct tcase {
	uint32_t at, len; /* bytes in the code buffer */
	uint32_t text;    /* offset of the assembler text */
	uint32_t line;    /* its first line in the .s file */
	uint8_t family;
	uint8_t enc_error; /* the encoder refused it */
};

static struct {
	code_buffer cb;
	struct tcase *cases;
	size_t ncases, cap;
	char *text;
	size_t text_len, text_cap;
	const char *families[MAX_FAMILIES];
	size_t family_cases[MAX_FAMILIES];
	int nfamilies, family;
	bool oom;
} S;

static void family(const char *name)
{
	for (int i = 0; i < S.nfamilies; i++)
		if (strcmp(S.families[i], name) == 0) {
			S.family = i;
			return;
		}
	if (S.nfamilies == MAX_FAMILIES) {
		S.oom = true;
		return;
	}
	S.families[S.nfamilies] = name;
	S.family = S.nfamilies++;
}

static void add_text(const char *fmt, va_list ap)
{
	for (;;) {
		if (S.text) {
			size_t room = S.text_cap - S.text_len;
			va_list aq;
			va_copy(aq, ap);
			int n = vsnprintf(S.text + S.text_len, room, fmt, aq);
			va_end(aq);
			if (n >= 0 && (size_t)n + 1 < room) {
				S.text_len += (size_t)n + 1; /* keep the NUL as a separator */
				return;
			}
		}
		size_t cap = S.text_cap ? S.text_cap * 2 : 1 << 20;
		char *t = realloc(S.text, cap);
		if (!t) {
			S.oom = true;
			return;
		}
		S.text = t;
		S.text_cap = cap;
	}
}

/* Records the bytes emitted since `at` as one case whose text is fmt. */
static void add_case(size_t at, const char *fmt, ...)
{
	if (S.ncases == S.cap) {
		size_t cap = S.cap ? S.cap * 2 : 4096;
		struct tcase *c = realloc(S.cases, cap * sizeof *c);
		if (!c) {
			S.oom = true;
			return;
		}
		S.cases = c;
		S.cap = cap;
	}
	struct tcase *c = &S.cases[S.ncases++];
	c->at = (uint32_t)at;
	c->len = (uint32_t)(cb_offset(&S.cb) - at);
	c->text = (uint32_t)S.text_len;
	c->family = (uint8_t)S.family;
	c->enc_error = S.cb.error != CB_OK;
	S.cb.error = CB_OK; /* keep one refusal from spoiling the other cases */
	S.family_cases[S.family]++;
	va_list ap;
	va_start(ap, fmt);
	add_text(fmt, ap);
	va_end(ap);
}

#define CASE(call, ...)                                                                            \
	do {                                                                                       \
		size_t at_ = cb_offset(&S.cb);                                                     \
		call;                                                                              \
		add_case(at_, __VA_ARGS__);                                                        \
	} while (0)

/* ---- memory operand shapes ---- */

static struct x86_mem shapes[160];
static int nshapes;

static void make_shapes(void)
{
	/* every base with no displacement, disp8 on both ends, and disp32 */
	static const int32_t disps[] = {0, 0x10, -0x80, 0x7f, 0x80, -0x81, 0x12345678};
	for (int b = 0; b < 16; b++)
		for (size_t d = 0; d < sizeof disps / sizeof disps[0]; d++)
			shapes[nshapes++] = x86_mem_base((x86_reg)b, disps[d]);
	static const struct {
		x86_reg base, index;
		int scale;
		int32_t disp;
	} sib[] = {
	    {X86_RBX, X86_R12, 8, 1},           {X86_R13, X86_RBP, 2, 0},
	    {X86_RSP, X86_RAX, 1, -1},          {X86_R12, X86_R13, 4, 0x12345678},
	    {X86_RBP, X86_R15, 1, 0},           {X86_RAX, X86_RCX, 2, -128},
	    {X86_R8, X86_R9, 4, 127},           {X86_RDI, X86_RSI, 8, 128},
	    {X86_RSP, X86_R12, 1, 0},           {X86_R13, X86_R13, 8, 0},
	    {X86_R12, X86_RBX, 2, -0x12345678}, {X86_R11, X86_R14, 8, 0x40},
	    {X86_NOREG, X86_RAX, 2, 0x10},      {X86_NOREG, X86_R12, 8, -4},
	    {X86_NOREG, X86_RBP, 1, 0},         {X86_NOREG, X86_R13, 4, 0x7fffffff},
	    {X86_NOREG, X86_NOREG, 1, 0x1000},  {X86_NOREG, X86_NOREG, 1, -0x80},
	    {X86_NOREG, X86_NOREG, 1, 0},
	};
	for (size_t i = 0; i < sizeof sib / sizeof sib[0]; i++)
		shapes[nshapes++] = x86_mem(sib[i].base, sib[i].index, sib[i].scale, sib[i].disp);
	shapes[nshapes++] = x86_mem_rip(0x10);
	shapes[nshapes++] = x86_mem_rip(-0x100);
	shapes[nshapes++] = x86_mem_rip(0);
}

/* A register for the k-th case of a loop, so that loops over shapes or
 * immediates still meet all sixteen registers. */
static int rot(int k) { return (k * 5 + 3) & 15; }

/* ---- families ---- */

static void gen_moves(void)
{
	family("mov_rr");
	for (int s = 0; s < 4; s++)
		for (int d = 0; d < 16; d++)
			for (int r = 0; r < 16; r++)
				CASE(x86_mov_rr(&S.cb, sizes[s], d, r), "mov %s, %s",
				     reg(sizes[s], d), reg(sizes[s], r));

	family("mov_ri");
	static const int64_t imm64[] = {0,
	                                1,
	                                127,
	                                128,
	                                -1,
	                                -128,
	                                -129,
	                                INT32_MAX,
	                                (int64_t)INT32_MAX + 1,
	                                UINT32_MAX,
	                                (int64_t)UINT32_MAX + 1,
	                                INT32_MIN,
	                                (int64_t)INT32_MIN - 1,
	                                INT64_MAX,
	                                INT64_MIN,
	                                0x123456789abcdef0};
	for (int d = 0; d < 16; d++)
		for (size_t i = 0; i < sizeof imm64 / sizeof imm64[0]; i++) {
			int64_t v = imm64[i];
			/* the shortest form: zero-extending 32-bit mov, sign-extended
			 * imm32, else the full 64-bit immediate */
			if (x86_is_uimm32(v))
				CASE(x86_mov_ri(&S.cb, 64, d, v), "mov %s, %lld", gpr32[d],
				     (long long)v);
			else if (x86_is_imm32(v))
				CASE(x86_mov_ri(&S.cb, 64, d, v), "mov %s, %lld", gpr64[d],
				     (long long)v);
			else
				CASE(x86_mov_ri(&S.cb, 64, d, v), "movabs %s, %lld", gpr64[d],
				     (long long)v);
		}
	static const int64_t imm32[] = {0, 1, -1, 127, 128, INT32_MAX, INT32_MIN, UINT32_MAX};
	static const int64_t imm16[] = {0, -1, 0x7f, 0x80, 0xffff, -32768};
	static const int64_t imm8[] = {0, -1, 0x7f, 0x80, 0xff, -128};
	for (int d = 0; d < 16; d++) {
		for (size_t i = 0; i < sizeof imm32 / sizeof imm32[0]; i++)
			CASE(x86_mov_ri(&S.cb, 32, d, imm32[i]), "mov %s, %lld", gpr32[d],
			     (long long)imm32[i]);
		for (size_t i = 0; i < sizeof imm16 / sizeof imm16[0]; i++)
			CASE(x86_mov_ri(&S.cb, 16, d, imm16[i]), "mov %s, %lld", gpr16[d],
			     (long long)imm16[i]);
		for (size_t i = 0; i < sizeof imm8 / sizeof imm8[0]; i++)
			CASE(x86_mov_ri(&S.cb, 8, d, imm8[i]), "mov %s, %lld", gpr8[d],
			     (long long)imm8[i]);
	}

	family("mov_rm_mr");
	for (int s = 0; s < 4; s++)
		for (int k = 0; k < nshapes; k++) {
			int size = sizes[s], r = rot(k + s);
			CASE(x86_mov_rm(&S.cb, size, r, shapes[k]), "mov %s, %s%s", reg(size, r),
			     ptr(size), mem(shapes[k]));
			CASE(x86_mov_mr(&S.cb, size, shapes[k], r), "mov %s%s, %s", ptr(size),
			     mem(shapes[k]), reg(size, r));
		}
	/* every register against a few shapes, for the REX.R cases */
	for (int r = 0; r < 16; r++)
		for (int k = 0; k < nshapes; k += 13)
			CASE(x86_mov_rm(&S.cb, 64, r, shapes[k]), "mov %s, QWORD PTR %s", gpr64[r],
			     mem(shapes[k]));

	family("mov_mi");
	for (int s = 0; s < 4; s++) {
		static const int64_t imms[] = {0, -1, 127, 0x1234, -0x81};
		for (int k = 0; k < nshapes; k++) {
			int size = sizes[s];
			int64_t v = imms[k % 5];
			if (size == 8)
				v = (int8_t)v;
			CASE(x86_mov_mi(&S.cb, size, shapes[k], v), "mov %s%s, %lld", ptr(size),
			     mem(shapes[k]), (long long)v);
		}
	}
	CASE(x86_mov_mi(&S.cb, 32, x86_mem_base(X86_RAX, 0), UINT32_MAX),
	     "mov DWORD PTR [rax], 4294967295");
	CASE(x86_mov_mi(&S.cb, 64, x86_mem_base(X86_RAX, 0), INT32_MIN),
	     "mov QWORD PTR [rax], -2147483648");

	family("lea_all_shapes");
	/* the full product of bases, indexes, scales and displacement widths */
	static const int32_t ldisp[] = {0, 1, -1, 127, -128, 128, -129, INT32_MAX, INT32_MIN};
	int k = 0;
	for (int b = -1; b <= 16; b++)
		for (int i = -1; i < 16; i++) {
			if (i == X86_RSP || (b == X86_RIP && i != X86_NOREG))
				continue;
			for (int sc = 1; sc <= 8; sc *= 2) {
				if (i == X86_NOREG && sc > 1)
					continue;
				for (size_t d = 0; d < sizeof ldisp / sizeof ldisp[0]; d++) {
					struct x86_mem m = x86_mem(b, i, sc, ldisp[d]);
					int r = rot(k++);
					int size = k % 7 ? 64 : 32;
					CASE(x86_lea(&S.cb, size, r, m), "lea %s, %s", reg(size, r),
					     mem(m));
				}
			}
		}

	family("movzx_movsx");
	static const int pairs[][2] = {{16, 8}, {32, 8}, {64, 8}, {32, 16}, {64, 16}, {64, 32}};
	for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
		int ds = pairs[p][0], ss = pairs[p][1];
		for (int d = 0; d < 16; d++)
			for (int r = 0; r < 16; r++) {
				if (ss == 32) /* zero extension from 32 bits is mov r32 */
					CASE(x86_movzx_rr(&S.cb, ds, d, ss, r), "mov %s, %s",
					     gpr32[d], gpr32[r]);
				else
					CASE(x86_movzx_rr(&S.cb, ds, d, ss, r), "movzx %s, %s",
					     reg(ds, d), reg(ss, r));
				CASE(x86_movsx_rr(&S.cb, ds, d, ss, r), "%s %s, %s",
				     ss == 32 ? "movsxd" : "movsx", reg(ds, d), reg(ss, r));
			}
		for (int k2 = 0; k2 < nshapes; k2 += 3) {
			int d = rot(k2);
			if (ss == 32)
				CASE(x86_movzx_rm(&S.cb, ds, d, ss, shapes[k2]),
				     "mov %s, DWORD PTR %s", gpr32[d], mem(shapes[k2]));
			else
				CASE(x86_movzx_rm(&S.cb, ds, d, ss, shapes[k2]), "movzx %s, %s%s",
				     reg(ds, d), ptr(ss), mem(shapes[k2]));
			CASE(x86_movsx_rm(&S.cb, ds, d, ss, shapes[k2]), "%s %s, %s%s",
			     ss == 32 ? "movsxd" : "movsx", reg(ds, d), ptr(ss), mem(shapes[k2]));
		}
	}

	family("xchg_cmpxchg_xadd");
	for (int s = 0; s < 4; s++) {
		int size = sizes[s];
		for (int a = 0; a < 16; a++)
			for (int b = 0; b < 16; b++)
				CASE(x86_xchg_rr(&S.cb, size, a, b), "xchg %s, %s", reg(size, a),
				     reg(size, b));
		for (int k2 = 0; k2 < nshapes; k2 += 2) {
			int r = rot(k2 + s);
			CASE(x86_xchg_mr(&S.cb, size, shapes[k2], r), "xchg %s%s, %s", ptr(size),
			     mem(shapes[k2]), reg(size, r));
			CASE(x86_lock_cmpxchg_mr(&S.cb, size, shapes[k2], r),
			     "lock cmpxchg %s%s, %s", ptr(size), mem(shapes[k2]), reg(size, r));
			CASE(x86_lock_xadd_mr(&S.cb, size, shapes[k2], r), "lock xadd %s%s, %s",
			     ptr(size), mem(shapes[k2]), reg(size, r));
		}
	}

	family("push_pop");
	for (int r = 0; r < 16; r++) {
		CASE(x86_push_r(&S.cb, r), "push %s", gpr64[r]);
		CASE(x86_pop_r(&S.cb, r), "pop %s", gpr64[r]);
	}

	family("cmov_setcc");
	for (int cc = 0; cc < 16; cc++) {
		for (int s = 0; s < 3; s++)
			for (int d = 0; d < 16; d++)
				for (int r = 0; r < 16; r += 3) {
					int size = wide_sizes[s], src = (r + d + cc) & 15;
					CASE(x86_cmov_rr(&S.cb, cc, size, d, src), "cmov%s %s, %s",
					     cc_names[cc], reg(size, d), reg(size, src));
				}
		for (int k2 = cc; k2 < nshapes; k2 += 5) {
			int size = wide_sizes[k2 % 3];
			CASE(x86_cmov_rm(&S.cb, cc, size, rot(k2), shapes[k2]), "cmov%s %s, %s%s",
			     cc_names[cc], reg(size, rot(k2)), ptr(size), mem(shapes[k2]));
			CASE(x86_setcc_m(&S.cb, cc, shapes[k2]), "set%s BYTE PTR %s", cc_names[cc],
			     mem(shapes[k2]));
		}
		for (int d = 0; d < 16; d++)
			CASE(x86_setcc_r(&S.cb, cc, d), "set%s %s", cc_names[cc], gpr8[d]);
	}
}

/* Immediates on both sides of each field's limits, per operand size. */
static size_t alu_imms(int size, const int64_t **out)
{
	static const int64_t i8[] = {0, 1, -1, 127, -128, 128, 255};
	static const int64_t i16[] = {0, 1, -1, 127, 128, -128, -129, 32767, -32768, 65535, 0x1234};
	static const int64_t i32[] = {0,         1,          -1,         127,
	                              128,       -128,       -129,       INT32_MAX,
	                              INT32_MIN, UINT32_MAX, 0x80000000, 0x12345678};
	static const int64_t i64[] = {0,    1,    -1,        127,       128,
	                              -128, -129, INT32_MAX, INT32_MIN, 0x12345678};
	switch (size) {
	case 8:
		*out = i8;
		return sizeof i8 / sizeof i8[0];
	case 16:
		*out = i16;
		return sizeof i16 / sizeof i16[0];
	case 32:
		*out = i32;
		return sizeof i32 / sizeof i32[0];
	}
	*out = i64;
	return sizeof i64 / sizeof i64[0];
}

static void gen_alu(void)
{
	family("alu_rr");
	for (int op = 0; op < 8; op++)
		for (int s = 0; s < 4; s++)
			for (int d = 0; d < 16; d++)
				for (int r = 0; r < 16; r++)
					CASE(x86_alu_rr(&S.cb, op, sizes[s], d, r), "%s %s, %s",
					     alu_names[op], reg(sizes[s], d), reg(sizes[s], r));

	family("alu_ri");
	for (int op = 0; op < 8; op++)
		for (int s = 0; s < 4; s++) {
			const int64_t *imms;
			size_t n = alu_imms(sizes[s], &imms);
			for (int d = 0; d < 16; d++)
				for (size_t i = 0; i < n; i++)
					CASE(x86_alu_ri(&S.cb, op, sizes[s], d, imms[i]),
					     "%s %s, %lld", alu_names[op], reg(sizes[s], d),
					     (long long)imms[i]);
		}

	family("alu_rm_mr");
	for (int op = 0; op < 8; op++)
		for (int s = 0; s < 4; s++)
			for (int k = 0; k < nshapes; k++) {
				int size = sizes[s], r = rot(k + op);
				CASE(x86_alu_rm(&S.cb, op, size, r, shapes[k]), "%s %s, %s%s",
				     alu_names[op], reg(size, r), ptr(size), mem(shapes[k]));
				CASE(x86_alu_mr(&S.cb, op, size, shapes[k], r), "%s %s%s, %s",
				     alu_names[op], ptr(size), mem(shapes[k]), reg(size, r));
			}

	family("alu_mi");
	for (int op = 0; op < 8; op++)
		for (int s = 0; s < 4; s++) {
			const int64_t *imms;
			size_t n = alu_imms(sizes[s], &imms);
			for (int k = 0; k < nshapes; k++) {
				int64_t v = imms[(size_t)(k + op) % n];
				CASE(x86_alu_mi(&S.cb, op, sizes[s], shapes[k], v), "%s %s%s, %lld",
				     alu_names[op], ptr(sizes[s]), mem(shapes[k]), (long long)v);
			}
		}

	family("test");
	for (int s = 0; s < 4; s++) {
		int size = sizes[s];
		const int64_t *imms;
		size_t n = alu_imms(size, &imms);
		for (int a = 0; a < 16; a++) {
			for (int b = 0; b < 16; b++)
				CASE(x86_test_rr(&S.cb, size, a, b), "test %s, %s", reg(size, a),
				     reg(size, b));
			for (size_t i = 0; i < n; i++)
				CASE(x86_test_ri(&S.cb, size, a, imms[i]), "test %s, %lld",
				     reg(size, a), (long long)imms[i]);
		}
		for (int k = 0; k < nshapes; k++) {
			int r = rot(k + s);
			int64_t v = imms[(size_t)k % n];
			CASE(x86_test_mr(&S.cb, size, shapes[k], r), "test %s%s, %s", ptr(size),
			     mem(shapes[k]), reg(size, r));
			CASE(x86_test_rm(&S.cb, size, r, shapes[k]), "test %s, %s%s", reg(size, r),
			     ptr(size), mem(shapes[k]));
			CASE(x86_test_mi(&S.cb, size, shapes[k], v), "test %s%s, %lld", ptr(size),
			     mem(shapes[k]), (long long)v);
		}
	}
}

static void gen_shifts_and_arith(void)
{
	family("shift");
	static const unsigned counts[] = {0, 1, 2, 7, 8, 31, 63};
	for (size_t o = 0; o < sizeof shifts / sizeof shifts[0]; o++) {
		enum x86_shift op = shifts[o];
		for (int s = 0; s < 4; s++) {
			int size = sizes[s];
			for (int r = 0; r < 16; r++) {
				for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++)
					if (counts[c] < (size == 64 ? 64u : 32u))
						CASE(x86_shift_ri(&S.cb, op, size, r, counts[c]),
						     "%s %s, %u", shift_names[op], reg(size, r),
						     counts[c]);
				CASE(x86_shift_rcl(&S.cb, op, size, r), "%s %s, cl",
				     shift_names[op], reg(size, r));
			}
			for (int k = (int)o; k < nshapes; k += 4) {
				unsigned c = counts[(size_t)k % 6];
				CASE(x86_shift_mi(&S.cb, op, size, shapes[k], c), "%s %s%s, %u",
				     shift_names[op], ptr(size), mem(shapes[k]), c);
				CASE(x86_shift_mcl(&S.cb, op, size, shapes[k]), "%s %s%s, cl",
				     shift_names[op], ptr(size), mem(shapes[k]));
			}
		}
	}

	family("unary");
	for (size_t o = 0; o < sizeof unops / sizeof unops[0]; o++) {
		enum x86_unop op = unops[o];
		for (int s = 0; s < 4; s++) {
			int size = sizes[s];
			for (int r = 0; r < 16; r++)
				CASE(x86_unop_r(&S.cb, op, size, r), "%s %s", unop_name(op),
				     reg(size, r));
			for (int k = (int)o; k < nshapes; k += 3)
				CASE(x86_unop_m(&S.cb, op, size, shapes[k]), "%s %s%s",
				     unop_name(op), ptr(size), mem(shapes[k]));
		}
	}

	family("imul");
	static const int64_t imul_imms[] = {0, 1, -1, 127, -128, 128, -129, 300, 0x7fff};
	for (int s = 0; s < 3; s++) {
		int size = wide_sizes[s];
		for (int d = 0; d < 16; d++) {
			for (int r = 0; r < 16; r++) {
				CASE(x86_imul_rr(&S.cb, size, d, r), "imul %s, %s", reg(size, d),
				     reg(size, r));
				int64_t v = imul_imms[(size_t)(d + r) % 9];
				CASE(x86_imul_rri(&S.cb, size, d, r, v), "imul %s, %s, %lld",
				     reg(size, d), reg(size, r), (long long)v);
			}
		}
		for (int k = 0; k < nshapes; k++) {
			int d = rot(k + s);
			int64_t v = imul_imms[(size_t)k % 9];
			CASE(x86_imul_rm(&S.cb, size, d, shapes[k]), "imul %s, %s%s", reg(size, d),
			     ptr(size), mem(shapes[k]));
			CASE(x86_imul_rmi(&S.cb, size, d, shapes[k], v), "imul %s, %s%s, %lld",
			     reg(size, d), ptr(size), mem(shapes[k]), (long long)v);
		}
	}
	CASE(x86_imul_rri(&S.cb, 64, X86_RAX, X86_RBX, INT32_MIN), "imul rax, rbx, -2147483648");
	CASE(x86_imul_rri(&S.cb, 32, X86_R9, X86_R10, UINT32_MAX), "imul r9d, r10d, 4294967295");
	CASE(x86_cqo(&S.cb), "cqo");
	CASE(x86_cdq(&S.cb), "cdq");

	family("bt");
	for (int op = X86_BT; op <= X86_BTC; op++)
		for (int s = 0; s < 3; s++) {
			int size = wide_sizes[s];
			for (int r = 0; r < 16; r++) {
				static const unsigned bits[] = {0, 1, 15, 31, 63};
				for (size_t b = 0; b < 5; b++)
					if (bits[b] < (unsigned)size)
						CASE(x86_bt_ri(&S.cb, op, size, r, bits[b]),
						     "%s %s, %u", bitop_names[op], reg(size, r),
						     bits[b]);
				for (int b = 0; b < 16; b++)
					CASE(x86_bt_rr(&S.cb, op, size, r, b), "%s %s, %s",
					     bitop_names[op], reg(size, r), reg(size, b));
			}
			for (int k = op; k < nshapes; k += 4) {
				CASE(x86_bt_mi(&S.cb, op, size, shapes[k], 5), "%s %s%s, 5",
				     bitop_names[op], ptr(size), mem(shapes[k]));
				CASE(x86_bt_mr(&S.cb, op, size, shapes[k], rot(k)), "%s %s%s, %s",
				     bitop_names[op], ptr(size), mem(shapes[k]), reg(size, rot(k)));
			}
		}

	family("bitcount");
	for (int op = X86_BSF; op <= X86_POPCNT; op++)
		for (int s = 0; s < 3; s++) {
			int size = wide_sizes[s];
			for (int d = 0; d < 16; d++)
				for (int r = 0; r < 16; r++)
					CASE(x86_bitcount_rr(&S.cb, op, size, d, r), "%s %s, %s",
					     bitcount_names[op], reg(size, d), reg(size, r));
			for (int k = op; k < nshapes; k += 3)
				CASE(x86_bitcount_rm(&S.cb, op, size, rot(k), shapes[k]),
				     "%s %s, %s%s", bitcount_names[op], reg(size, rot(k)),
				     ptr(size), mem(shapes[k]));
		}
}

static const char *const nop_text[X86_MAX_NOP] = {
    "nop",
    "xchg ax, ax",
    "nop DWORD PTR [rax]",
    "{disp8} nop DWORD PTR [rax]",
    "{disp8} nop DWORD PTR [rax+rax*1]",
    "{disp8} nop WORD PTR [rax+rax*1]",
    "{disp32} nop DWORD PTR [rax]",
    "{disp32} nop DWORD PTR [rax+rax*1]",
    "{disp32} nop WORD PTR [rax+rax*1]",
};

static void gen_control(void)
{
	family("jmp_call_indirect");
	for (int r = 0; r < 16; r++) {
		CASE(x86_jmp_r(&S.cb, r), "jmp %s", gpr64[r]);
		CASE(x86_call_r(&S.cb, r), "call %s", gpr64[r]);
	}
	for (int k = 0; k < nshapes; k++) {
		CASE(x86_jmp_m(&S.cb, shapes[k]), "jmp QWORD PTR %s", mem(shapes[k]));
		CASE(x86_call_m(&S.cb, shapes[k]), "call QWORD PTR %s", mem(shapes[k]));
	}
	/* with no declared placement, absolute targets go through r11 */
	static const uint64_t targets[] = {0x1000,         0x7fffffff,     0xffffffff,
	                                   0x555555554000, 0x7f0012345678, 0xffffffff80001000};
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
		uint64_t t = targets[i];
		const char *movt = x86_is_uimm32((int64_t)t)  ? "mov r11d, %lld\n"
		                   : x86_is_imm32((int64_t)t) ? "mov r11, %lld\n"
		                                              : "movabs r11, %lld\n";
		char fmt[64];
		snprintf(fmt, sizeof fmt, "%scall r11", movt);
		CASE(x86_call_abs(&S.cb, t), fmt, (long long)t);
		snprintf(fmt, sizeof fmt, "%sjmp r11", movt);
		CASE(x86_jmp_abs(&S.cb, t), fmt, (long long)t);
	}

	family("ret_int3_ud2_nop");
	CASE(x86_ret(&S.cb), "ret");
	CASE(x86_int3(&S.cb), "int3");
	CASE(x86_ud2(&S.cb), "ud2");
	for (unsigned n = 0; n <= 40; n++) {
		char text[1024] = "";
		size_t len = 0;
		for (unsigned left = n; left > 0;) {
			unsigned k = left < X86_MAX_NOP ? left : X86_MAX_NOP;
			len += (size_t)snprintf(text + len, sizeof text - len, "%s%s",
			                        len ? "\n" : "", nop_text[k - 1]);
			left -= k;
		}
		CASE(x86_nop(&S.cb, n), "%s", text);
	}
}

static void gen_sse(void)
{
	static const struct {
		enum x86_sse op;
		const char *name;
		int mem_size;
	} ops[] = {
	    {X86_ADDSD, "addsd", 64},   {X86_SUBSD, "subsd", 64},   {X86_MULSD, "mulsd", 64},
	    {X86_DIVSD, "divsd", 64},   {X86_SQRTSD, "sqrtsd", 64}, {X86_UCOMISD, "ucomisd", 64},
	    {X86_COMISD, "comisd", 64}, {X86_XORPD, "xorpd", 128},  {X86_ANDPD, "andpd", 128},
	};
	family("sse_arith");
	for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++) {
		for (int d = 0; d < 16; d++)
			for (int s = 0; s < 16; s++)
				CASE(x86_sse_xx(&S.cb, ops[o].op, d, s), "%s xmm%d, xmm%d",
				     ops[o].name, d, s);
		for (int k = (int)o; k < nshapes; k += 2)
			CASE(x86_sse_xm(&S.cb, ops[o].op, rot(k), shapes[k]), "%s xmm%d, %s%s",
			     ops[o].name, rot(k), ptr(ops[o].mem_size), mem(shapes[k]));
	}

	family("sse_moves_conversions");
	for (int d = 0; d < 16; d++)
		for (int s = 0; s < 16; s++) {
			CASE(x86_movsd_xx(&S.cb, d, s), "movsd xmm%d, xmm%d", d, s);
			CASE(x86_movq_xr(&S.cb, d, s), "movq xmm%d, %s", d, gpr64[s]);
			CASE(x86_movq_rx(&S.cb, d, s), "movq %s, xmm%d", gpr64[d], s);
			CASE(x86_cvtsi2sd_xr(&S.cb, d, s), "cvtsi2sd xmm%d, %s", d, gpr64[s]);
			CASE(x86_cvttsd2si_rx(&S.cb, d, s), "cvttsd2si %s, xmm%d", gpr64[d], s);
		}
	for (int k = 0; k < nshapes; k++) {
		int x = rot(k);
		CASE(x86_movsd_xm(&S.cb, x, shapes[k]), "movsd xmm%d, QWORD PTR %s", x,
		     mem(shapes[k]));
		CASE(x86_movsd_mx(&S.cb, shapes[k], x), "movsd QWORD PTR %s, xmm%d", mem(shapes[k]),
		     x);
		CASE(x86_cvtsi2sd_xm(&S.cb, x, shapes[k]), "cvtsi2sd xmm%d, QWORD PTR %s", x,
		     mem(shapes[k]));
		CASE(x86_cvttsd2si_rm(&S.cb, x, shapes[k]), "cvttsd2si %s, QWORD PTR %s", gpr64[x],
		     mem(shapes[k]));
	}
}

/* ---- labels: a generated program of jumps in both directions ---- */

static uint64_t rng_state = 0x2545f4914f6cdd1du;

static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 11);
}

#define NLABELS 400

/* Text for a jump the encoder emitted at `at`: backward jumps leave the form
 * to the assembler (it too takes rel8 when the distance fits, so the choice
 * is checked); forward ones say what the encoder chose, since it cannot
 * know the distance yet and `as` relaxes forward jumps after the fact. */
static void jump_case(size_t at, const char *mnemonic, cb_label l, bool forward)
{
	bool rel8 = cb_offset(&S.cb) - at == 2;
	add_case(at, "%s%s .LL%u", forward ? (rel8 ? "{disp8} " : "{disp32} ") : "", mnemonic, l);
}

/* Every condition (and jmp, as cc -1) in all four shapes: rel8 and rel32
 * backward (the assembler picks the form too), rel32 forward, and forced
 * rel8 forward. */
static void gen_branch_forms(void)
{
	family("jcc_jmp_rel8_rel32");
	for (int cc = -1; cc < 16; cc++) {
		char mn[8];
		snprintf(mn, sizeof mn, "j%s", cc < 0 ? "mp" : cc_names[cc]);
		cb_label back = cb_label_new(&S.cb), fwd = cb_label_new(&S.cb);
		size_t at = cb_offset(&S.cb);
		cb_label_bind(&S.cb, back);
		add_case(at, ".LL%u:", back);
		for (int far = 0; far < 2; far++) {
			at = cb_offset(&S.cb);
			for (int i = 0; i < far * 130; i++)
				x86_int3(&S.cb);
			add_case(at, ".fill %d, 1, 0xcc", far * 130);
			at = cb_offset(&S.cb);
			if (cc < 0)
				x86_jmp_label(&S.cb, back);
			else
				x86_jcc_label(&S.cb, cc, back);
			jump_case(at, mn, back, false);
		}
		at = cb_offset(&S.cb);
		if (cc < 0)
			x86_jmp_label(&S.cb, fwd);
		else
			x86_jcc_label(&S.cb, cc, fwd);
		jump_case(at, mn, fwd, true);
		at = cb_offset(&S.cb);
		if (cc < 0)
			x86_jmp_label_short(&S.cb, fwd);
		else
			x86_jcc_label_short(&S.cb, cc, fwd);
		jump_case(at, mn, fwd, true);
		at = cb_offset(&S.cb);
		cb_label_bind(&S.cb, fwd);
		add_case(at, ".LL%u:", fwd);
	}
}

static void gen_labels(void)
{
	family("labels_jumps");
	cb_label labels[NLABELS];
	for (int i = 0; i < NLABELS; i++)
		labels[i] = cb_label_new(&S.cb);
	int bound = 0;
	while (bound < NLABELS) {
		uint32_t what = rng() % 16;
		/* a target near the next unbound label, or anywhere */
		int lo = bound > 8 ? bound - 8 : 0, hi = bound + 8 < NLABELS ? bound + 8 : NLABELS;
		int t =
		    rng() % 4 ? lo + (int)(rng() % (uint32_t)(hi - lo)) : (int)(rng() % NLABELS);
		cb_label l = labels[t];
		bool forward = t >= bound;
		size_t at = cb_offset(&S.cb);
		char mn[16];
		if (what < 3) {
			size_t a2 = cb_offset(&S.cb);
			cb_label_bind(&S.cb, labels[bound]);
			add_case(a2, ".LL%u:", labels[bound]);
			bound++;
		} else if (what < 7) {
			x86_jmp_label(&S.cb, l);
			jump_case(at, "jmp", l, forward);
		} else if (what < 11) {
			int cc = (int)(rng() % 16);
			x86_jcc_label(&S.cb, cc, l);
			snprintf(mn, sizeof mn, "j%s", cc_names[cc]);
			jump_case(at, mn, l, forward);
		} else if (what == 11) {
			x86_call_label(&S.cb, l);
			add_case(at, "call .LL%u", l);
		} else if (what == 12) {
			int r = (int)(rng() % 16);
			x86_lea_label(&S.cb, r, l);
			add_case(at, "lea %s, [rip+.LL%u]", gpr64[r], l);
		} else if (what == 13) {
			/* a RIP-relative operand followed by an immediate */
			int32_t d = (int32_t)(rng() % 64) - 32;
			int64_t v = rng() % 2 ? 5 : 100000;
			struct x86_mem m = x86_mem_label(l, d);
			x86_alu_mi(&S.cb, X86_CMP, 64, m, v);
			add_case(at, "cmp QWORD PTR %s, %lld", mem(m), (long long)v);
		} else if (what == 14 && bound < NLABELS) {
			/* a forced short jump over a short stretch to a fresh label */
			cb_label f = labels[bound];
			x86_jmp_label_short(&S.cb, f);
			add_case(at, "jmp .LL%u", f);
			unsigned n = rng() % 120;
			size_t a2 = cb_offset(&S.cb);
			for (unsigned i = 0; i < n; i++)
				x86_int3(&S.cb);
			add_case(a2, ".fill %u, 1, 0xcc", n);
			a2 = cb_offset(&S.cb);
			cb_label_bind(&S.cb, f);
			add_case(a2, ".LL%u:", f);
			bound++;
		} else {
			/* filler of various sizes, sometimes past rel8 reach */
			unsigned n = rng() % 4 ? rng() % 40 : 100 + rng() % 200;
			for (unsigned i = 0; i < n; i++)
				x86_int3(&S.cb);
			add_case(at, ".fill %u, 1, 0xcc", n);
		}
	}
	int err = cb_link(&S.cb);
	if (err)
		fprintf(stderr, "cb_link: %s\n", cb_error_name(err));
}

/* ---- assembling and comparing ---- */

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 1 << 16;
			unsigned char *b = realloc(buf, cap);
			if (!b)
				break;
			buf = b;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	*len = n;
	return buf;
}

static void hex(char *out, size_t cap, const uint8_t *p, size_t n)
{
	size_t o = 0;
	out[0] = 0;
	for (size_t i = 0; i < n && o + 4 < cap; i++)
		o += (size_t)snprintf(out + o, cap - o, "%02x ", p[i]);
	if (n == 0)
		snprintf(out, cap, "(nothing)");
}

/* The .s file: each case after a label, and that label's offset appended to
 * the .lens section. */
static bool write_source(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return false;
	uint32_t line = 1;
	fprintf(f, ".intel_syntax noprefix\n.text\n.Lbase:\n");
	line += 3;
	for (size_t i = 0; i < S.ncases; i++) {
		const char *t = S.text + S.cases[i].text;
		fprintf(f, ".Lc%zu:\n", i);
		line++;
		S.cases[i].line = line;
		fprintf(f, "%s\n", t);
		for (const char *p = t; *p; p++)
			line += *p == '\n';
		line++;
		fprintf(f, ".pushsection .lens,\"a\"\n.long .Lc%zu-.Lbase\n.popsection\n", i);
		line += 3;
	}
	fprintf(f, ".Lc%zu:\n.pushsection .lens,\"a\"\n.long .Lc%zu-.Lbase\n.popsection\n",
	        S.ncases, S.ncases);
	return fclose(f) == 0;
}

/* The case whose text holds a line of the .s file, for assembler errors. */
static const char *case_at_line(unsigned line)
{
	const char *found = "?";
	for (size_t i = 0; i < S.ncases && S.cases[i].line <= line; i++)
		found = S.text + S.cases[i].text;
	return found;
}

static void compare_with_as(void)
{
	char dir[] = "/tmp/kbeam-x86-XXXXXX";
	if (!mkdtemp(dir)) {
		unit_result("x86_assembler", 0, "mkdtemp failed");
		return;
	}
	char src[64], obj[64], err[64], text[64], lens[64], cmd[1024];
	snprintf(src, sizeof src, "%s/t.s", dir);
	snprintf(obj, sizeof obj, "%s/t.o", dir);
	snprintf(err, sizeof err, "%s/t.err", dir);
	snprintf(text, sizeof text, "%s/t.text", dir);
	snprintf(lens, sizeof lens, "%s/t.lens", dir);
	snprintf(cmd, sizeof cmd,
	         "as --64 -o %s %s 2>%s && objcopy -O binary -j .text %s %s 2>>%s && "
	         "objcopy -O binary -j .lens %s %s 2>>%s",
	         obj, src, err, obj, text, err, obj, lens, err);
	bool ok = write_source(src);
	int rc = ok ? system(cmd) : -1;
	size_t tlen = 0, llen = 0, elen = 0;
	unsigned char *code = rc == 0 ? slurp(text, &tlen) : NULL;
	unsigned char *offs = rc == 0 ? slurp(lens, &llen) : NULL;
	char *msg = (char *)slurp(err, &elen);
	char why[1024];
	if (!ok || rc != 0 || !code || !offs || llen != 4 * (S.ncases + 1)) {
		unsigned line = 0;
		const char *colon = msg ? strstr((char *)msg, ".s:") : NULL;
		if (colon)
			line = (unsigned)strtoul(colon + 3, NULL, 10);
		snprintf(why, sizeof why, "as/objcopy failed (rc %d): %.300s [case: %s]", rc,
		         msg && elen ? msg : "(no message)", line ? case_at_line(line) : "-");
		unit_result("x86_assembler", 0, why);
	} else {
		unit_result("x86_assembler", 1, NULL);
		size_t fails[MAX_FAMILIES] = {0};
		char first[MAX_FAMILIES][600];
		for (size_t i = 0; i < S.ncases; i++) {
			const struct tcase *c = &S.cases[i];
			uint32_t a, b;
			memcpy(&a, offs + 4 * i, 4);
			memcpy(&b, offs + 4 * (i + 1), 4);
			bool same = !c->enc_error && b >= a && b <= tlen && b - a == c->len &&
			            memcmp(code + a, S.cb.bytes + c->at, c->len) == 0;
			if (same || fails[c->family]++)
				continue;
			char want[128], got[128];
			hex(want, sizeof want, b >= a && b <= tlen ? code + a : code,
			    b >= a ? b - a : 0);
			hex(got, sizeof got, S.cb.bytes + c->at, c->len);
			snprintf(first[c->family], sizeof first[0], "`%s`: as %s, encoder %s%s",
			         S.text + c->text, want, got,
			         c->enc_error ? " (encoder refused it)" : "");
		}
		for (int f = 0; f < S.nfamilies; f++) {
			char name[128];
			snprintf(name, sizeof name, "x86_%s (%zu cases)", S.families[f],
			         S.family_cases[f]);
			if (fails[f])
				snprintf(why, sizeof why, "%zu differ; first %s", fails[f],
				         first[f]);
			unit_result(name, fails[f] == 0, why);
		}
	}
	free(code);
	free(offs);
	free(msg);
	unlink(src);
	unlink(obj);
	unlink(err);
	unlink(text);
	unlink(lens);
	rmdir(dir);
}

/* ---- what the encoder refuses ---- */

#define REFUSED(call, err)                                                                         \
	do {                                                                                       \
		code_buffer cb_;                                                                   \
		cb_init(&cb_);                                                                     \
		code_buffer *cb = &cb_;                                                            \
		call;                                                                              \
		CHECKF(cb_error(cb) == (err) && cb_offset(cb) == 0, "%s: error %d, %zu bytes",     \
		       #call, cb_error(cb), cb_offset(cb));                                        \
		cb_free(cb);                                                                       \
	} while (0)

static void bad_operands_are_refused(void)
{
	struct x86_mem rsp_index = x86_mem(X86_RAX, X86_RSP, 1, 0);
	REFUSED(x86_mov_rm(cb, 64, X86_RAX, rsp_index), CB_ERR_OPERAND);
	REFUSED(x86_mov_rm(cb, 64, X86_RAX, x86_mem(X86_RAX, X86_RBX, 3, 0)), CB_ERR_OPERAND);
	REFUSED(x86_mov_rm(cb, 64, X86_RAX, x86_mem(X86_RIP, X86_RBX, 1, 0)), CB_ERR_OPERAND);
	REFUSED(x86_mov_rm(cb, 64, X86_RAX, x86_mem(17, X86_NOREG, 1, 0)), CB_ERR_OPERAND);
	REFUSED(x86_mov_rr(cb, 64, 16, X86_RAX), CB_ERR_OPERAND);
	REFUSED(x86_mov_rr(cb, 64, X86_RAX, X86_NOREG), CB_ERR_OPERAND);
	REFUSED(x86_mov_rr(cb, 12, X86_RAX, X86_RBX), CB_ERR_OPERAND);
	REFUSED(x86_push_r(cb, X86_RIP), CB_ERR_OPERAND);
	REFUSED(x86_mov_ri(cb, 32, X86_RAX, (int64_t)UINT32_MAX + 1), CB_ERR_OPERAND);
	REFUSED(x86_mov_ri(cb, 8, X86_RAX, 256), CB_ERR_OPERAND);
	REFUSED(x86_mov_mi(cb, 64, x86_mem_base(X86_RAX, 0), 0x80000000), CB_ERR_OPERAND);
	REFUSED(x86_alu_ri(cb, X86_ADD, 64, X86_RAX, 0x80000000), CB_ERR_OPERAND);
	REFUSED(x86_alu_ri(cb, X86_ADD, 16, X86_RAX, 65536), CB_ERR_OPERAND);
	REFUSED(x86_alu_ri(cb, X86_ADD, 8, X86_RAX, -129), CB_ERR_OPERAND);
	REFUSED(x86_alu_rr(cb, (enum x86_alu)8, 64, X86_RAX, X86_RBX), CB_ERR_OPERAND);
	REFUSED(x86_test_ri(cb, 64, X86_RBX, 0x80000000), CB_ERR_OPERAND);
	REFUSED(x86_shift_ri(cb, X86_SHL, 64, X86_RAX, 64), CB_ERR_OPERAND);
	REFUSED(x86_shift_ri(cb, X86_SHL, 32, X86_RAX, 32), CB_ERR_OPERAND);
	REFUSED(x86_shift_ri(cb, (enum x86_shift)6, 32, X86_RAX, 3), CB_ERR_OPERAND);
	REFUSED(x86_unop_r(cb, (enum x86_unop)0x02, 64, X86_RAX), CB_ERR_OPERAND);
	REFUSED(x86_unop_r(cb, (enum x86_unop)0x11, 64, X86_RAX), CB_ERR_OPERAND);
	REFUSED(x86_unop_r(cb, (enum x86_unop)0x33, 64, X86_RAX), CB_ERR_OPERAND);
	REFUSED(x86_bt_ri(cb, X86_BT, 8, X86_RAX, 1), CB_ERR_OPERAND);
	REFUSED(x86_bt_ri(cb, X86_BT, 32, X86_RAX, 32), CB_ERR_OPERAND);
	REFUSED(x86_bt_rr(cb, (enum x86_bitop)3, 32, X86_RAX, X86_RBX), CB_ERR_OPERAND);
	REFUSED(x86_bitcount_rr(cb, X86_POPCNT, 8, X86_RAX, X86_RBX), CB_ERR_OPERAND);
	REFUSED(x86_bitcount_rr(cb, (enum x86_bitcount)9, 64, X86_RAX, X86_RBX), CB_ERR_OPERAND);
	REFUSED(x86_imul_rr(cb, 8, X86_RAX, X86_RBX), CB_ERR_OPERAND);
	REFUSED(x86_lea(cb, 16, X86_RAX, x86_mem_base(X86_RBX, 0)), CB_ERR_OPERAND);
	REFUSED(x86_movzx_rr(cb, 16, X86_RAX, 16, X86_RBX), CB_ERR_OPERAND);
	REFUSED(x86_movsx_rr(cb, 32, X86_RAX, 32, X86_RBX), CB_ERR_OPERAND);
	REFUSED(x86_movzx_rr(cb, 8, X86_RAX, 8, X86_RBX), CB_ERR_OPERAND);
	REFUSED(x86_cmov_rr(cb, (x86_cc)16, 64, X86_RAX, X86_RBX), CB_ERR_OPERAND);
	REFUSED(x86_cmov_rr(cb, X86_CC_E, 8, X86_RAX, X86_RBX), CB_ERR_OPERAND);
	REFUSED(x86_setcc_r(cb, (x86_cc)-1, X86_RAX), CB_ERR_OPERAND);
	REFUSED(x86_sse_xx(cb, (enum x86_sse)0xf211, X86_XMM0, X86_XMM1), CB_ERR_OPERAND);
	REFUSED(x86_movsd_xx(cb, X86_XMM0, (x86_xmm)16), CB_ERR_OPERAND);
	REFUSED(x86_align(cb, 3), CB_ERR_OPERAND);
	REFUSED(x86_align(cb, 8192), CB_ERR_OPERAND);
	REFUSED(x86_jmp_label(cb, 0), CB_ERR_LABEL);
	REFUSED(x86_jcc_label(cb, X86_CC_E, 5), CB_ERR_LABEL);
	REFUSED(x86_lea_label(cb, X86_RAX, 0), CB_ERR_LABEL);
	REFUSED(x86_call_label(cb, CB_NO_LABEL), CB_ERR_LABEL);
	REFUSED(x86_jcc_label(cb, (x86_cc)16, cb_label_new(cb)), CB_ERR_OPERAND);
}

/* The first error sticks; later instructions still emit. */
static void errors_are_sticky(void)
{
	code_buffer cb;
	cb_init(&cb);
	x86_ret(&cb);
	x86_mov_ri(&cb, 8, X86_RAX, 1000);
	x86_jmp_label(&cb, 7);
	x86_ret(&cb);
	CHECK(cb_error(&cb) == CB_ERR_OPERAND && cb.error_at == 1);
	CHECK(cb_offset(&cb) == 2);
	uint8_t out[8];
	CHECK(cb_finalise(&cb, out, sizeof out, (uintptr_t)out) == CB_ERR_OPERAND);
	CHECK(strcmp(cb_error_name(CB_ERR_OPERAND), "operands cannot be encoded") == 0);
	cb_free(&cb);
}

/* x86_align pads with the same nops x86_nop emits, to the next multiple. */
static void align_pads_to_multiples(void)
{
	for (unsigned start = 0; start < 70; start++) {
		for (unsigned align = 1; align <= 64; align *= 2) {
			code_buffer a, b;
			cb_init(&a);
			cb_init(&b);
			for (unsigned i = 0; i < start; i++) {
				x86_int3(&a);
				x86_int3(&b);
			}
			x86_align(&a, align);
			unsigned pad = (align - start % align) % align;
			x86_nop(&b, pad);
			CHECKF(cb_offset(&a) % align == 0 && cb_offset(&a) == start + pad &&
			           cb_offset(&b) == cb_offset(&a) &&
			           (cb_offset(&a) == 0 ||
			            memcmp(a.bytes, b.bytes, cb_offset(&a)) == 0),
			       "align %u from %u", align, start);
			cb_free(&a);
			cb_free(&b);
		}
	}
}

static void immediate_ranges_and_conditions(void)
{
	CHECK(x86_is_imm8(127) && x86_is_imm8(-128) && !x86_is_imm8(128) && !x86_is_imm8(-129));
	CHECK(x86_is_imm32(INT32_MAX) && x86_is_imm32(INT32_MIN));
	CHECK(!x86_is_imm32((int64_t)INT32_MAX + 1) && !x86_is_imm32((int64_t)INT32_MIN - 1));
	CHECK(x86_is_uimm32(0) && x86_is_uimm32(UINT32_MAX) && !x86_is_uimm32(-1));
	CHECK(!x86_is_uimm32((int64_t)UINT32_MAX + 1));
	static const char *const opposite[16] = {"no", "o", "ae", "b", "ne", "e", "a", "be",
	                                         "ns", "s", "np", "p", "ge", "l", "g", "le"};
	for (int cc = 0; cc < 16; cc++)
		CHECKF(strcmp(cc_names[x86_cc_not((x86_cc)cc)], opposite[cc]) == 0, "cc %d", cc);
	CHECK(X86_CC_Z == X86_CC_E && X86_CC_C == X86_CC_B && X86_CC_NC == X86_CC_AE);
}

int main(void)
{
	cb_init(&S.cb);
	make_shapes();
	gen_moves();
	gen_alu();
	gen_shifts_and_arith();
	gen_control();
	gen_sse();
	gen_branch_forms();
	gen_labels();
	if (S.oom || cb_error(&S.cb))
		unit_result("x86_generate_cases", 0, cb_error_name(cb_error(&S.cb)));
	else
		compare_with_as();
	printf("# %zu cases, %zu bytes\n", S.ncases, cb_offset(&S.cb));
	cb_free(&S.cb);
	free(S.cases);
	free(S.text);

	RUN(bad_operands_are_refused);
	RUN(errors_are_sticky);
	RUN(align_pads_to_multiples);
	RUN(immediate_ranges_and_conditions);
	return unit_exit();
}
