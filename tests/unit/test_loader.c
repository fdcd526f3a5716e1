/* The .beam loader: compact operands byte by byte, MD5, and chunk parsing
 * on modules built here byte by byte (plus tests/loader/sample.erl as
 * erlc compiled it, from the oracle directory). */
#include <stdint.h>
#include <zlib.h>

#include "loader/compact.h"
#include "loader/md5.h"
#include "loader/module.h"
#include "unit.h"
#include "vm/atom.h"
#include "vm/bignum.h"

/* ---- compact values ---- */

static bool read_one(const uint8_t *bytes, size_t n, compact_value *v)
{
	const uint8_t *p = bytes;
	return compact_read(&p, bytes + n, v) == NULL && p == bytes + n;
}

#define BYTES(...) ((const uint8_t[]){__VA_ARGS__}), sizeof((const uint8_t[]){__VA_ARGS__})

static void compact_short_forms(void)
{
	compact_value v;
	CHECK(read_one(BYTES(0x00), &v) && v.tag == CTAG_U && v.value == 0 && v.nbytes == 0);
	CHECK(read_one(BYTES(0xf0), &v) && v.tag == CTAG_U && v.value == 15);
	CHECK(read_one(BYTES(0x08, 0x10), &v) && v.value == 16);
	CHECK(read_one(BYTES(0x68, 0xe8), &v) && v.value == 1000);
	CHECK(read_one(BYTES(0xe8, 0xff), &v) && v.value == 2047);
	CHECK(read_one(BYTES(0x18, 0x08, 0x00), &v) && v.tag == CTAG_U && v.value == 2048);
	/* the same forms under the other tags */
	CHECK(read_one(BYTES(0x32), &v) && v.tag == CTAG_A && v.value == 3);
	CHECK(read_one(BYTES(0x23), &v) && v.tag == CTAG_X && v.value == 2);
	CHECK(read_one(BYTES(0x6c, 0x01), &v) && v.tag == CTAG_Y && v.value == 769);
	CHECK(read_one(BYTES(0x55), &v) && v.tag == CTAG_F && v.value == 5);
	CHECK(read_one(BYTES(0x17), &v) && v.tag == CTAG_Z && v.value == 1);
}

static void compact_integers(void)
{
	compact_value v;
	CHECK(read_one(BYTES(0x19, 0xff, 0xff), &v) && v.tag == CTAG_I && (int64_t)v.value == -1);
	CHECK(read_one(BYTES(0x09, 0x7f), &v) && (int64_t)v.value == 127);
	CHECK(read_one(BYTES(0x19, 0xff, 0x80), &v) && (int64_t)v.value == -128);
	CHECK(read_one(BYTES(0x19, 0x80, 0x00), &v) && (int64_t)v.value == -32768);
	CHECK(read_one(BYTES(0x39, 0xff, 0x7f, 0xff), &v) && (int64_t)v.value == -32769);
	CHECK(read_one(BYTES(0x79, 0x00, 0xff, 0xff, 0xff, 0xff), &v) &&
	      (int64_t)v.value == 4294967295);
	CHECK(read_one(BYTES(0x79, 0xff, 0x00, 0x00, 0x00, 0x01), &v) &&
	      (int64_t)v.value == -4294967295);
	CHECK(read_one(BYTES(0xd9, 0x80, 0, 0, 0, 0, 0, 0, 0), &v) && v.nbytes == 0 &&
	      v.value == (uint64_t)1 << 63);
	/* an unsigned value of 9 bytes with a leading zero still fits */
	CHECK(
	    read_one(BYTES(0xf8, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), &v) &&
	    v.nbytes == 0 && v.value == UINT64_MAX);
	CHECK(read_one(BYTES(0xf8, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0), &v) && v.nbytes == 9);
}

/* Decodes an i operand and compares it with the decimal text. */
static bool integer_is(kb_heap *h, const uint8_t *bytes, size_t n, const char *decimal)
{
	compact_value v;
	if (!read_one(bytes, n, &v) || v.tag != CTAG_I)
		return false;
	term got = compact_integer(h, &v);
	term want = int_from_text(h, decimal, strlen(decimal), 10);
	return got != THE_NON_VALUE && want != THE_NON_VALUE && int_cmp(got, want) == 0;
}

static void compact_big_integers_are_exact(void)
{
	kb_heap h;
	heap_init(&h);
	/* 2^59 and -2^59-1 are just outside the small range */
	CHECK(integer_is(&h, BYTES(0xd9, 0x08, 0, 0, 0, 0, 0, 0, 0), "576460752303423488"));
	CHECK(integer_is(&h, BYTES(0xd9, 0xf7, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
	                 "-576460752303423489"));
	CHECK(integer_is(&h, BYTES(0xd9, 0x80, 0, 0, 0, 0, 0, 0, 0), "-9223372036854775808"));
	CHECK(integer_is(&h, BYTES(0xf9, 0x00, 0x00, 0x80, 0, 0, 0, 0, 0, 0, 0),
	                 "9223372036854775808"));
	/* 2^100 and -2^100: 13 bytes, the length in a nested u value */
	CHECK(integer_is(&h, BYTES(0xf9, 0x40, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
	                 "1267650600228229401496703205376"));
	CHECK(integer_is(&h, BYTES(0xf9, 0x40, 0xf0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
	                 "-1267650600228229401496703205376"));
	/* 2^1000 - 1: 126 bytes (0x00 then 125 x 0xff), length 117 in the
	 * two-byte u form */
	uint8_t big[3 + 126];
	big[0] = 0xf9;
	big[1] = 0x08;
	big[2] = 117;
	big[3] = 0;
	memset(big + 4, 0xff, 125);
	CHECK(integer_is(
	    &h, big, sizeof big,
	    "10715086071862673209484250490600018105614048117055336074437503883703510511249"
	    "36122493198378815695858127594672917553146825187145285692314043598457757469857"
	    "48039345677748242309854210746050623711418779541821530464749835819412673987675"
	    "59165543946077062914571196477686542167660429831652624386837205668069375"));
	heap_free(&h);
}

static void compact_truncations_are_errors(void)
{
	compact_value v;
	const uint8_t *p;
	static const uint8_t two[] = {0x08};
	static const uint8_t three[] = {0x18, 0x08};
	static const uint8_t nested[] = {0xf9};
	static const uint8_t longer[] = {0xf9, 0x40, 0x10};
	p = two;
	CHECK(compact_read(&p, two + 1, &v) != NULL);
	p = three;
	CHECK(compact_read(&p, three + 2, &v) != NULL);
	p = nested;
	CHECK(compact_read(&p, nested + 1, &v) != NULL);
	p = longer;
	CHECK(compact_read(&p, longer + 3, &v) != NULL);
	p = two;
	CHECK(compact_read(&p, two, &v) != NULL);
	/* a length prefix that is not tag u */
	static const uint8_t badlen[] = {0xf9, 0x41, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
	p = badlen;
	CHECK(compact_read(&p, badlen + sizeof badlen, &v) != NULL);
}

/* ---- operands ---- */

typedef struct operand_fixture {
	kb_heap heap;
	term atoms[4];
	term literals[2];
	operand_context ctx;
} operand_fixture;

static void fixture_init(operand_fixture *f)
{
	heap_init(&f->heap);
	f->atoms[0] = NIL;
	f->atoms[1] = atom_from_cstr("mod");
	f->atoms[2] = atom_from_cstr("ok");
	f->atoms[3] = atom_from_cstr("error");
	f->literals[0] = make_small(7);
	f->literals[1] = atom_from_cstr("lit");
	f->ctx = (operand_context){
	    .heap = &f->heap,
	    .atoms = f->atoms,
	    .natoms = 3,
	    .literals = f->literals,
	    .nliterals = 2,
	    .label_count = 10,
	    .ntypes = 3,
	};
}

static void fixture_free(operand_fixture *f)
{
	free(f->ctx.allocs);
	heap_free(&f->heap);
}

static bool decode(operand_fixture *f, const uint8_t *bytes, size_t n, bool in_list, kb_operand *o)
{
	const uint8_t *p = bytes;
	return operand_decode(&f->ctx, &p, bytes + n, in_list, o) && p == bytes + n;
}

static void operands_basic_forms(void)
{
	operand_fixture f;
	fixture_init(&f);
	kb_operand o;
	CHECK(decode(&f, BYTES(0x50), false, &o) && o.kind == OPND_U && o.val == 5);
	CHECK(decode(&f, BYTES(0x51), false, &o) && o.kind == OPND_INT && o.val == make_small(5));
	CHECK(decode(&f, BYTES(0x19, 0xff, 0xfe), false, &o) && o.val == make_small(-2));
	CHECK(decode(&f, BYTES(0x02), false, &o) && o.kind == OPND_NIL && o.val == NIL);
	CHECK(decode(&f, BYTES(0x22), false, &o) && o.kind == OPND_ATOM && o.aux == 2 &&
	      o.val == atom_from_cstr("ok"));
	CHECK(decode(&f, BYTES(0x43), false, &o) && o.kind == OPND_X && o.val == 4 &&
	      o.aux == NO_TYPE);
	CHECK(decode(&f, BYTES(0x6b, 0xff), false, &o) && o.kind == OPND_X && o.val == 1023);
	CHECK(decode(&f, BYTES(0x14), false, &o) && o.kind == OPND_Y && o.val == 1);
	CHECK(decode(&f, BYTES(0x95), false, &o) && o.kind == OPND_LABEL && o.val == 9);
	CHECK(decode(&f, BYTES(0x05), false, &o) && o.kind == OPND_LABEL && o.val == 0);
	fixture_free(&f);
}

static void operands_out_of_range(void)
{
	operand_fixture f;
	fixture_init(&f);
	kb_operand o;
	CHECK(!decode(&f, BYTES(0x42), false, &o)); /* atom 4 of 3 */
	CHECK(strstr(f.ctx.error, "atom index 4") != NULL);
	CHECK(!decode(&f, BYTES(0xa5), false, &o));                         /* label 10 of 10 */
	CHECK(!decode(&f, BYTES(0x8b, 0x00), false, &o));                   /* x1024 */
	CHECK(!decode(&f, BYTES(0x8c, 0x00), false, &o));                   /* y1024 */
	CHECK(!decode(&f, BYTES(0x16), false, &o));                         /* tag h */
	CHECK(!decode(&f, BYTES(0x07, 0, 0, 0, 0, 0, 0, 0, 0), false, &o)); /* float immediate */
	CHECK(!decode(&f, BYTES(0x67), false, &o));                         /* extended 6 */
	CHECK(!decode(&f, BYTES(0x47, 0x20), false, &o));                   /* literal 2 of 2 */
	CHECK(!decode(&f, BYTES(0x57, 0x03, 0x30), false, &o));             /* type 3 of 3 */
	CHECK(!decode(&f, BYTES(0x57, 0x05, 0x10), false, &o));             /* typed label */
	CHECK(!decode(&f, BYTES(0x27, 0x88, 0x00), false, &o));             /* fr1024 */
	CHECK(!decode(&f, BYTES(0xf8, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0), false,
	              &o)); /* u >= 2^64 */
	fixture_free(&f);
}

static void operands_extended_forms(void)
{
	operand_fixture f;
	fixture_init(&f);
	kb_operand o;
	/* literal 1 */
	CHECK(decode(&f, BYTES(0x47, 0x10), false, &o) && o.kind == OPND_LITERAL && o.aux == 1 &&
	      o.val == atom_from_cstr("lit"));
	/* fr3 */
	CHECK(decode(&f, BYTES(0x27, 0x30), false, &o) && o.kind == OPND_FR && o.val == 3);
	/* typed registers: x5 of type 2, y0 of type 1 */
	CHECK(decode(&f, BYTES(0x57, 0x53, 0x20), false, &o) && o.kind == OPND_X && o.val == 5 &&
	      o.aux == 2);
	CHECK(decode(&f, BYTES(0x57, 0x04, 0x10), false, &o) && o.kind == OPND_Y && o.val == 0 &&
	      o.aux == 1);
	/* allocation list: words 10, funs 1, words 2 */
	CHECK(decode(&f, BYTES(0x37, 0x30, 0x00, 0xa0, 0x20, 0x10, 0x00, 0x20), false, &o) &&
	      o.kind == OPND_ALLOC);
	CHECK(f.ctx.nallocs == 1 && f.ctx.allocs[o.val].words == 12 &&
	      f.ctx.allocs[o.val].funs == 1 && f.ctx.allocs[o.val].floats == 0);
	CHECK(!decode(&f, BYTES(0x37, 0x10, 0x30, 0x10), false, &o)); /* kind 3 */
	/* a list header; the caller reads the elements; lists do not nest */
	static const uint8_t list[] = {0x17, 0x20, 0x01, 0x25};
	const uint8_t *p = list;
	CHECK(operand_decode(&f.ctx, &p, list + sizeof list, false, &o) && o.kind == OPND_LIST &&
	      o.val == 2 && p == list + 2);
	CHECK(operand_decode(&f.ctx, &p, list + sizeof list, true, &o) && o.kind == OPND_INT &&
	      operand_decode(&f.ctx, &p, list + sizeof list, true, &o) && o.kind == OPND_LABEL &&
	      o.val == 2 && p == list + sizeof list);
	CHECK(!decode(&f, BYTES(0x17, 0x00), true, &o));
	CHECK(!decode(&f, BYTES(0x17, 0x50, 0x00), false, &o)); /* longer than the code */
	fixture_free(&f);
}

/* ---- MD5 (RFC 1321 test suite) ---- */

static bool md5_is(const char *text, size_t repeat, const char *hex)
{
	md5_ctx c;
	uint8_t d[16];
	char out[33];
	md5_init(&c);
	for (size_t i = 0; i < repeat; i++)
		md5_update(&c, text, strlen(text));
	md5_final(&c, d);
	for (int i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	return strcmp(out, hex) == 0;
}

static void md5_known_answers(void)
{
	CHECK(md5_is("", 1, "d41d8cd98f00b204e9800998ecf8427e"));
	CHECK(md5_is("a", 1, "0cc175b9c0f1b6a831c399e269772661"));
	CHECK(md5_is("abc", 1, "900150983cd24fb0d6963f7d28e17f72"));
	CHECK(md5_is("message digest", 1, "f96b697d7cb7938d525a2f31aaf161d0"));
	CHECK(md5_is("abcdefghijklmnopqrstuvwxyz", 1, "c3fcd3d76192e4007dfb496cca67e13b"));
	CHECK(md5_is("1234567890", 8, "57edf4a22be3c955ac49da2e2107b67a"));
	CHECK(md5_is("a", 1000000, "7707d6ae4e027c70eea2a935c2296f21"));
}

/* ---- whole modules built byte by byte ---- */

typedef struct buf {
	uint8_t data[4096];
	size_t len;
} buf;

static void put8(buf *b, uint8_t v) { b->data[b->len++] = v; }
static void put32(buf *b, uint32_t v)
{
	for (int i = 3; i >= 0; i--)
		put8(b, (uint8_t)(v >> (8 * i)));
}
static void put64(buf *b, uint64_t v)
{
	put32(b, (uint32_t)(v >> 32));
	put32(b, (uint32_t)v);
}
static void putn(buf *b, const void *p, size_t n)
{
	memcpy(b->data + b->len, p, n);
	b->len += n;
}
static void chunk(buf *file, const char *id, const buf *c)
{
	putn(file, id, 4);
	put32(file, (uint32_t)c->len);
	putn(file, c->data, c->len);
	while (file->len % 4)
		put8(file, 0);
}

/* What to put in the test module. */
typedef struct spec {
	const uint8_t *code; /* after the header */
	size_t code_len;
	uint32_t labels, functions;
	uint32_t export_label;
	bool with_types, with_lines, with_literals;
	enum { ATOMS_UTF8, ATOMS_LATIN1, ATOMS_LONG } atoms; /* AtU8, Atom, AtU8 of OTP 26+ */
} spec;

/* Module m: atoms m, f, ok; one import erlang:ok/0 (never mind); export
 * f/0; a Line chunk with file "src/m.erl" line 10; a Type chunk with any
 * and integer 0..255; one literal {ok,42}. */
static size_t build_module(const spec *s, uint8_t *out)
{
	buf file = {.len = 0}, c = {.len = 0};
	putn(&file, "FOR1\0\0\0\0BEAM", 12);

	c.len = 0;
	if (s->atoms == ATOMS_LONG) {
		/* a negative count: the lengths are compact tag-u values */
		put32(&c, (uint32_t)-3);
		put8(&c, 0x10), putn(&c, "m", 1);
		put8(&c, 0x30), putn(&c, "f\xc3\xa9", 3);
		put8(&c, 0x20), putn(&c, "ok", 2);
	} else {
		put32(&c, 3);
		put8(&c, 1), putn(&c, "m", 1);
		if (s->atoms == ATOMS_LATIN1)
			put8(&c, 2), putn(&c, "f\xe9", 2);
		else
			put8(&c, 1), putn(&c, "f", 1);
		put8(&c, 2), putn(&c, "ok", 2);
	}
	chunk(&file, s->atoms == ATOMS_LATIN1 ? "Atom" : "AtU8", &c);

	c.len = 0;
	put32(&c, 16), put32(&c, 0), put32(&c, OPCODE_MAX), put32(&c, s->labels);
	put32(&c, s->functions);
	putn(&c, s->code, s->code_len);
	chunk(&file, "Code", &c);

	c.len = 0;
	putn(&c, "abc", 3);
	chunk(&file, "StrT", &c);

	c.len = 0;
	put32(&c, 1), put32(&c, 1), put32(&c, 3), put32(&c, 0);
	chunk(&file, "ImpT", &c);

	c.len = 0;
	put32(&c, 1), put32(&c, 2), put32(&c, 0), put32(&c, s->export_label);
	chunk(&file, "ExpT", &c);

	if (s->with_literals) {
		static const uint8_t ext[] = {131, 104, 2, 119, 2, 'o', 'k', 97, 42};
		buf raw = {.len = 0};
		put32(&raw, 1), put32(&raw, sizeof ext), putn(&raw, ext, sizeof ext);
		uLongf zlen = sizeof c.data - 4;
		c.len = 0;
		put32(&c, (uint32_t)raw.len);
		compress(c.data + 4, &zlen, raw.data, raw.len);
		c.len = 4 + zlen;
		chunk(&file, "LitT", &c);
	}
	if (s->with_lines) {
		c.len = 0;
		put32(&c, 0), put32(&c, 0), put32(&c, 1), put32(&c, 1), put32(&c, 1);
		put8(&c, 0x12); /* a1: file 1 */
		put8(&c, 0xa1); /* i10 */
		put8(&c, 0), put8(&c, 9), putn(&c, "src/m.erl", 9);
		chunk(&file, "Line", &c);
	}
	if (s->with_types) {
		c.len = 0;
		put32(&c, 1), put32(&c, 2);
		put8(&c, 0x1f), put8(&c, 0xff), put64(&c, 0), put64(&c, UINT64_MAX);
		put8(&c, 0x00), put8(&c, 0x40), put64(&c, 0), put64(&c, 255);
		chunk(&file, "Type", &c);
	}
	uint32_t form = (uint32_t)file.len - 8;
	for (int i = 0; i < 4; i++)
		file.data[4 + i] = (uint8_t)(form >> (24 - 8 * i));
	memcpy(out, file.data, file.len);
	return file.len;
}

/* label 1; line 1; func_info m f 0; label 2; move literal 0 to x0;
 * move x0::type1 to x1; select_val x1 f1 [0 f2]; return; int_code_end */
// clang-format off
static const uint8_t good_code[] = {
	OP_label, 0x10,
	OP_line, 0x10,
	OP_func_info, 0x12, 0x22, 0x00,
	OP_label, 0x20,
	OP_move, 0x47, 0x00, 0x03,
	OP_move, 0x57, 0x03, 0x10, 0x13,
	OP_select_val, 0x13, 0x15, 0x17, 0x20, 0x01, 0x25,
	OP_return,
	OP_int_code_end,
};
// clang-format on

static spec good_spec(void)
{
	return (spec){.code = good_code,
	              .code_len = sizeof good_code,
	              .labels = 3,
	              .functions = 1,
	              .export_label = 2,
	              .with_types = true,
	              .with_lines = true,
	              .with_literals = true};
}

static kb_module *load_spec(const spec *s, kb_load_error *err)
{
	uint8_t image[4096];
	size_t n = build_module(s, image);
	return module_load_memory(image, n, err);
}

static void module_chunks_are_parsed(void)
{
	spec s = good_spec();
	kb_load_error err;
	kb_module *m = load_spec(&s, &err);
	CHECKF(m != NULL, "load failed: %s", err.msg);
	if (!m)
		return;
	CHECK(m->name == atom_from_cstr("m") && m->natoms == 3);
	CHECK(m->label_count == 3 && m->function_count == 1 && m->max_opcode == OPCODE_MAX);
	CHECK(m->nimports == 1 && m->imports[0].module == atom_from_cstr("m") &&
	      m->imports[0].function == atom_from_cstr("ok") && m->imports[0].arity == 0);
	CHECK(m->nexports == 1 && m->exports[0].function == atom_from_cstr("f") &&
	      m->exports[0].label == 2 && m->exports[0].function_index == 0);
	CHECK(m->nstrings == 3 && memcmp(m->strings, "abc", 3) == 0);
	/* literal {ok,42} */
	CHECK(m->nliterals == 1 && is_tuple(m->literals[0]) && tuple_arity(m->literals[0]) == 2 &&
	      tuple_get(m->literals[0], 1) == atom_from_cstr("ok") &&
	      tuple_get(m->literals[0], 2) == make_small(42));
	/* lines: item 1 is src/m.erl:10; file 0 is m.erl */
	CHECK(m->lines.present && m->lines.nitems == 2 && m->lines.nfiles == 2);
	CHECK(m->lines.items[1].file == 1 && m->lines.items[1].line == 10);
	CHECK(m->lines.files[0].len == 5 && memcmp(m->lines.files[0].name, "m.erl", 5) == 0);
	CHECK(m->lines.files[1].len == 9 && memcmp(m->lines.files[1].name, "src/m.erl", 9) == 0);
	/* types: any, then integer 0..255 */
	CHECK(m->ntypes == 2 && m->types[0].kinds == TYPE_ANY && !m->types[0].has_range);
	CHECK(m->types[1].kinds == TYPE_INTEGER && m->types[1].has_range && m->types[1].min == 0 &&
	      m->types[1].max == 255);
	/* code */
	CHECK(m->ninstrs == 9 && m->instrs[0].op == OP_label && m->instrs[8].op == OP_int_code_end);
	CHECK(m->labels[1] == 0 && m->labels[2] == 3);
	CHECK(m->nfunctions == 1 && m->functions[0].first == 0 && m->functions[0].func_info == 2 &&
	      m->functions[0].entry_label == 2 && m->functions[0].end == 8 &&
	      m->functions[0].name == atom_from_cstr("f") && m->functions[0].arity == 0);
	const kb_operand *mv = module_args(m, 4);
	CHECK(mv[0].kind == OPND_LITERAL && mv[0].val == m->literals[0] && mv[1].kind == OPND_X);
	const kb_operand *typed = module_args(m, 5);
	CHECK(typed[0].kind == OPND_X && typed[0].val == 0 && typed[0].aux == 1);
	const kb_operand *sel = module_args(m, 6);
	CHECK(sel[2].kind == OPND_LIST && sel[2].val == 2);
	CHECK(m->operands[sel[2].aux].kind == OPND_INT &&
	      m->operands[sel[2].aux + 1].kind == OPND_LABEL &&
	      m->operands[sel[2].aux + 1].val == 2);
	CHECK(m->attributes == NIL && m->compile_info == NIL && m->meta == THE_NON_VALUE);
	module_free(m);
}

/* The variant fails, with a message that contains `why`. */
static bool refused(const spec *s, const char *why)
{
	kb_load_error err;
	kb_module *m = load_spec(s, &err);
	if (m) {
		module_free(m);
		return false;
	}
	return strstr(err.msg, why) != NULL;
}

static void module_code_errors(void)
{
	spec s = good_spec();
	uint8_t code[sizeof good_code];

	memcpy(code, good_code, sizeof code);
	s.code = code;
	code[sizeof code - 3] = 0x35; /* select_val to f3: out of range */
	CHECK(refused(&s, "label 3 out of range"));

	memcpy(code, good_code, sizeof code);
	s.labels = 4;
	code[sizeof code - 3] = 0x35; /* f3 in range but never defined */
	CHECK(refused(&s, "label 3 is used but never defined"));
	s.labels = 3;

	memcpy(code, good_code, sizeof code);
	code[17] = 0x20; /* type index 2 of 2 */
	CHECK(refused(&s, "type index 2 out of range"));

	s.with_types = false; /* without a Type chunk only type 0 exists */
	memcpy(code, good_code, sizeof code);
	CHECK(refused(&s, "type index 1 out of range"));
	s.with_types = true;

	s.with_literals = false;
	CHECK(refused(&s, "literal index 0 out of range"));
	s.with_literals = true;

	code[3] = 0x20; /* line 2 of 1 item */
	CHECK(refused(&s, "line index 2 out of range"));
	memcpy(code, good_code, sizeof code);

	s.functions = 2;
	CHECK(refused(&s, "the header says 2 functions"));
	s.functions = 1;

	s.export_label = 1; /* the func_info label, not the entry */
	CHECK(refused(&s, "not the entry of that function"));
	s.export_label = 2;

	code[10] = 14; /* allocate_zero: obsolete */
	CHECK(refused(&s, "allocate_zero/2) is obsolete"));
	code[10] = 181;
	CHECK(refused(&s, "unknown opcode 181"));
	memcpy(code, good_code, sizeof code);

	s.code_len = sizeof code - 1; /* no int_code_end */
	CHECK(refused(&s, "does not end with int_code_end"));
	s.code_len = sizeof code;

	/* the same file loads again after all that */
	kb_load_error err;
	kb_module *m = load_spec(&s, &err);
	CHECKF(m != NULL, "%s", err.msg);
	module_free(m);
}

static void module_atom_chunk_forms(void)
{
	spec s = good_spec();
	kb_load_error err;
	term fe;
	CHECK(atom_put("f\xc3\xa9", 3, &fe) == ATOM_OK);
	s.atoms = ATOMS_LATIN1; /* before OTP 21: Latin-1 names */
	kb_module *m = load_spec(&s, &err);
	CHECKF(m != NULL, "%s", err.msg);
	if (m) {
		CHECK(m->atoms[2] == fe && m->functions[0].name == fe &&
		      m->exports[0].function == fe);
		module_free(m);
	}
	s.atoms = ATOMS_LONG;
	m = load_spec(&s, &err);
	CHECKF(m != NULL, "%s", err.msg);
	if (m) {
		CHECK(m->natoms == 3 && m->atoms[2] == fe && m->atoms[3] == atom_from_cstr("ok"));
		module_free(m);
	}
}

/* tests/loader/sample.erl as OTP's erlc compiled it (oracle data). */
static void sample_module_loads(void)
{
	const char *dir = getenv("KBEAM_ORACLE_DIR");
	char path[1024];
	snprintf(path, sizeof path, "%s/beam_corrupt/good-intact.beam", dir ? dir : "build/oracle");
	kb_load_error err;
	kb_module *m = module_load_file(path, &err);
	CHECKF(m != NULL, "sample.beam: %s", err.msg);
	if (!m)
		return;
	CHECK(m->name == atom_from_cstr("sample"));
	CHECK(m->nexports == 14 && m->nfunctions == 18 && m->nlambdas == 2);
	for (uint32_t i = 0; i < m->nlambdas; i++)
		CHECK(m->lambdas[i].entry != NULL && m->lambdas[i].entry->module == m->name &&
		      memcmp(m->lambdas[i].entry->md5, m->md5, 16) == 0);
	CHECK(m->on_load != UINT32_MAX && m->instrs[m->on_load].op == OP_on_load);
	CHECK(m->lines.present && m->ntypes > 1 && m->nliterals > 0);
	CHECK(is_list(m->attributes) && is_list(m->compile_info) && m->meta != THE_NON_VALUE);
	bool saw_fr = false, saw_alloc = false, saw_typed = false;
	for (uint32_t i = 0; i < m->noperands; i++) {
		saw_fr |= m->operands[i].kind == OPND_FR;
		saw_alloc |= m->operands[i].kind == OPND_ALLOC;
		saw_typed |= (m->operands[i].kind == OPND_X || m->operands[i].kind == OPND_Y) &&
		             m->operands[i].aux != NO_TYPE;
	}
	CHECK(saw_fr && saw_alloc && saw_typed);
	module_free(m);
}

int main(void)
{
	atom_table_init();
	RUN(compact_short_forms);
	RUN(compact_integers);
	RUN(compact_big_integers_are_exact);
	RUN(compact_truncations_are_errors);
	RUN(operands_basic_forms);
	RUN(operands_out_of_range);
	RUN(operands_extended_forms);
	RUN(md5_known_answers);
	RUN(module_chunks_are_parsed);
	RUN(module_code_errors);
	RUN(module_atom_chunk_forms);
	RUN(sample_module_loads);
	return unit_exit();
}
