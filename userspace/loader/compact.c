/* Compact term decoding: the operand reader of the Code chunk. */
#include "compact.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/bignum.h"

static const char truncated[] = "truncated operand";

static inline const char *read_value(const uint8_t **pp, const uint8_t *end, compact_value *v)
{
	const uint8_t *p = *pp;
	if (p >= end)
		return truncated;
	uint8_t b = *p++;
	v->tag = b & 7;
	v->nbytes = 0;
	v->bytes = NULL;
	if (!(b & 0x08)) {
		v->value = b >> 4;
		*pp = p;
		return NULL;
	}
	if (!(b & 0x10)) {
		if (p >= end)
			return truncated;
		v->value = ((uint64_t)(b >> 5) << 8) | *p++;
		*pp = p;
		return NULL;
	}
	size_t n = (size_t)(b >> 5) + 2;
	if (n == 9) {
		/* 9 or more bytes: the count less 9 follows as a tag-u value
		 * in one of the short forms */
		if (p >= end)
			return truncated;
		uint8_t lb = *p++;
		if ((lb & 7) != CTAG_U)
			return "bad length prefix of a large number";
		if (!(lb & 0x08)) {
			n = (size_t)(lb >> 4) + 9;
		} else if (!(lb & 0x10)) {
			if (p >= end)
				return truncated;
			n = ((size_t)(lb >> 5) << 8 | *p++) + 9;
		} else {
			size_t ln = (size_t)(lb >> 5) + 2;
			if (ln > 4)
				return "bad length prefix of a large number";
			if ((size_t)(end - p) < ln)
				return truncated;
			size_t len = 0;
			for (size_t i = 0; i < ln; i++)
				len = len << 8 | *p++;
			n = len + 9;
		}
	}
	if ((size_t)(end - p) < n)
		return truncated;
	const uint8_t *bytes = p;
	*pp = p + n;
	if (v->tag != CTAG_I) {
		/* unsigned: leading zero bytes do not count */
		while (n > 8 && *bytes == 0) {
			bytes++;
			n--;
		}
	}
	if (n > 8) {
		v->nbytes = (uint32_t)n;
		v->bytes = bytes;
		v->value = 0;
		return NULL;
	}
	uint64_t x = 0;
	for (size_t i = 0; i < n; i++)
		x = x << 8 | bytes[i];
	if (v->tag == CTAG_I && n < 8 && (bytes[0] & 0x80))
		x |= ~(uint64_t)0 << (8 * n);
	v->value = x;
	return NULL;
}

const char *compact_read(const uint8_t **p, const uint8_t *end, compact_value *v)
{
	return read_value(p, end, v);
}

term compact_integer(kb_heap *heap, const compact_value *v)
{
	if (v->nbytes == 0) {
		int64_t x = (int64_t)v->value;
		return small_fits(x) ? make_small(x) : int_from_i64(heap, x);
	}
	/* two's complement, big-endian -> sign and little-endian magnitude */
	size_t n = v->nbytes;
	uint8_t small_buf[64];
	uint8_t *mag = n <= sizeof small_buf ? small_buf : malloc(n);
	if (!mag)
		return THE_NON_VALUE;
	bool negative = v->bytes[0] & 0x80;
	for (size_t i = 0; i < n; i++)
		mag[i] = v->bytes[n - 1 - i];
	if (negative) {
		unsigned carry = 1;
		for (size_t i = 0; i < n; i++) {
			unsigned d = (uint8_t)~mag[i] + carry;
			mag[i] = (uint8_t)d;
			carry = d >> 8;
		}
	}
	term t = int_from_le_bytes(heap, negative, mag, n);
	if (mag != small_buf)
		free(mag);
	return t;
}

static bool fail(operand_context *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ctx->error, sizeof ctx->error, fmt, ap);
	va_end(ap);
	return false;
}

/* A tag-u number that fits 32 bits, for the parts of extended operands. */
static bool read_u32(operand_context *ctx, const uint8_t **p, const uint8_t *end, const char *what,
                     uint32_t *out)
{
	compact_value v;
	const char *e = read_value(p, end, &v);
	if (e)
		return fail(ctx, "%s: %s", what, e);
	if (v.tag != CTAG_U)
		return fail(ctx, "%s: expected a number (tag u), found tag %u", what, v.tag);
	if (v.nbytes || v.value > UINT32_MAX)
		return fail(ctx, "%s: number too large", what);
	*out = (uint32_t)v.value;
	return true;
}

static bool decode_register(operand_context *ctx, const compact_value *v, kb_operand *out)
{
	uint64_t limit;
	switch (v->tag) {
	case CTAG_X:
		out->kind = OPND_X;
		limit = MAX_X_REG;
		break;
	case CTAG_Y:
		out->kind = OPND_Y;
		limit = MAX_Y_REG;
		break;
	default:
		return fail(ctx, "typed register: expected an x or y register, found tag %u",
		            v->tag);
	}
	if (v->nbytes)
		return fail(ctx, "register number does not fit 64 bits");
	if (v->value >= limit)
		return fail(ctx, "register %c%llu out of range (limit %llu)",
		            v->tag == CTAG_X ? 'x' : 'y', (unsigned long long)v->value,
		            (unsigned long long)limit);
	out->val = v->value;
	out->aux = NO_TYPE;
	return true;
}

static bool decode_alloc_list(operand_context *ctx, const uint8_t **p, const uint8_t *end,
                              kb_operand *out)
{
	uint32_t n;
	if (!read_u32(ctx, p, end, "allocation list length", &n))
		return false;
	if (n > (size_t)(end - *p) / 2)
		return fail(ctx, "allocation list of %u entries is longer than the code", n);
	uint64_t sum[3] = {0, 0, 0};
	for (uint32_t i = 0; i < n; i++) {
		uint32_t kind, count;
		if (!read_u32(ctx, p, end, "allocation list kind", &kind) ||
		    !read_u32(ctx, p, end, "allocation list count", &count))
			return false;
		if (kind > 2)
			return fail(ctx,
			            "allocation list: unknown kind %u (words 0, floats 1, funs 2)",
			            kind);
		sum[kind] += count;
		if (sum[kind] > UINT32_MAX)
			return fail(ctx, "allocation list: count too large");
	}
	if (ctx->nallocs == ctx->allocs_cap) {
		uint32_t cap = ctx->allocs_cap ? ctx->allocs_cap * 2 : 16;
		kb_alloc_list *a = realloc(ctx->allocs, cap * sizeof *a);
		if (!a)
			return fail(ctx, "out of memory");
		ctx->allocs = a;
		ctx->allocs_cap = cap;
	}
	ctx->allocs[ctx->nallocs] = (kb_alloc_list){
	    .words = (uint32_t)sum[0], .floats = (uint32_t)sum[1], .funs = (uint32_t)sum[2]};
	out->kind = OPND_ALLOC;
	out->val = ctx->nallocs++;
	return true;
}

static bool decode_extended(operand_context *ctx, const compact_value *v, const uint8_t **p,
                            const uint8_t *end, bool in_list, kb_operand *out)
{
	uint32_t n;
	compact_value reg;
	const char *e;

	if (v->nbytes)
		return fail(ctx, "unknown extended operand tag");
	switch (v->value) {
	case CEXT_LIST:
		if (in_list)
			return fail(ctx, "a list inside a list");
		if (!read_u32(ctx, p, end, "list length", &n))
			return false;
		if (n > (size_t)(end - *p))
			return fail(ctx, "list of %u elements is longer than the code", n);
		out->kind = OPND_LIST;
		out->val = n;
		return true;
	case CEXT_FR:
		if (!read_u32(ctx, p, end, "float register", &n))
			return false;
		if (n >= MAX_FR_REG)
			return fail(ctx, "float register fr%u out of range (limit %u)", n,
			            MAX_FR_REG);
		out->kind = OPND_FR;
		out->val = n;
		return true;
	case CEXT_ALLOC:
		return decode_alloc_list(ctx, p, end, out);
	case CEXT_LITERAL:
		if (!read_u32(ctx, p, end, "literal index", &n))
			return false;
		if (n >= ctx->nliterals)
			return fail(ctx, "literal index %u out of range (module has %u literals)",
			            n, ctx->nliterals);
		out->kind = OPND_LITERAL;
		out->aux = n;
		out->val = ctx->literals[n];
		return true;
	case CEXT_TYPED:
		e = read_value(p, end, &reg);
		if (e)
			return fail(ctx, "typed register: %s", e);
		if (!decode_register(ctx, &reg, out))
			return false;
		if (!read_u32(ctx, p, end, "type index", &n))
			return false;
		if (n >= ctx->ntypes)
			return fail(ctx, "type index %u out of range (module has %u types)", n,
			            ctx->ntypes);
		out->aux = n;
		return true;
	case CEXT_FLOAT:
		return fail(ctx, "float immediate operand (pre-R16B format) is not supported");
	default:
		return fail(ctx, "unknown extended operand tag %llu", (unsigned long long)v->value);
	}
}

bool operand_decode(operand_context *ctx, const uint8_t **p, const uint8_t *end, bool in_list,
                    kb_operand *out)
{
	compact_value v;
	const char *e = read_value(p, end, &v);
	if (e)
		return fail(ctx, "%s", e);
	out->reserved[0] = out->reserved[1] = out->reserved[2] = 0;
	out->aux = 0;
	switch (v.tag) {
	case CTAG_U:
		if (v.nbytes)
			return fail(ctx, "number does not fit 64 bits");
		out->kind = OPND_U;
		out->val = v.value;
		return true;
	case CTAG_I:
		out->kind = OPND_INT;
		out->val = compact_integer(ctx->heap, &v);
		if (out->val == THE_NON_VALUE)
			return fail(ctx, "out of memory");
		return true;
	case CTAG_A:
		if (v.nbytes)
			return fail(ctx, "atom index does not fit 64 bits");
		if (v.value > ctx->natoms)
			return fail(ctx, "atom index %llu out of range (module has %u atoms)",
			            (unsigned long long)v.value, ctx->natoms);
		if (v.value == 0) {
			out->kind = OPND_NIL;
			out->val = NIL;
		} else {
			out->kind = OPND_ATOM;
			out->aux = (uint32_t)v.value;
			out->val = ctx->atoms[v.value];
		}
		return true;
	case CTAG_X:
	case CTAG_Y:
		return decode_register(ctx, &v, out);
	case CTAG_F:
		if (v.nbytes)
			return fail(ctx, "label does not fit 64 bits");
		if (v.value >= ctx->label_count)
			return fail(ctx, "label %llu out of range (module has %u labels)",
			            (unsigned long long)v.value, ctx->label_count);
		out->kind = OPND_LABEL;
		out->val = v.value;
		return true;
	case CTAG_H:
		return fail(ctx, "character operand (tag h) is not used by OTP 25");
	default:
		return decode_extended(ctx, &v, p, end, in_list, out);
	}
}
