/* BEAM's compact term encoding: how the Code chunk (and the Line chunk)
 * write operands.
 *
 * The low 3 bits of the first byte are the tag. The value follows:
 *   vvvv0ttt                  value < 16 in the high nibble
 *   vvv01ttt vvvvvvvv         value < 2048: 3 high bits, then a byte
 *   nnn11ttt bytes...         n + 2 (2..8) big-endian bytes
 *   11111ttt <u length-9> bytes...   9 or more bytes
 * Tag i reads its bytes as a two's complement number of any size; the other
 * tags as an unsigned number. Tag z (extended) selects by its value: 1 list,
 * 2 float register, 3 allocation list, 4 literal, 5 typed register (0, a
 * float immediate, predates R16B and is refused).
 */
#ifndef KBEAM_LOADER_COMPACT_H
#define KBEAM_LOADER_COMPACT_H

#include "module.h"

enum compact_tag {
	CTAG_U = 0, /* unsigned number */
	CTAG_I = 1, /* integer */
	CTAG_A = 2, /* atom (0: []) */
	CTAG_X = 3,
	CTAG_Y = 4,
	CTAG_F = 5, /* label */
	CTAG_H = 6, /* character: not produced since long ago, refused */
	CTAG_Z = 7, /* extended */
};

enum compact_ext {
	CEXT_FLOAT = 0,
	CEXT_LIST = 1,
	CEXT_FR = 2,
	CEXT_ALLOC = 3,
	CEXT_LITERAL = 4,
	CEXT_TYPED = 5,
};

typedef struct compact_value {
	uint8_t tag;
	/* 0 when the number is in `value`; else it did not fit 64 bits (tag i:
	 * a signed 64-bit value; other tags: unsigned) and `bytes` holds its
	 * nbytes big-endian bytes. */
	uint32_t nbytes;
	const uint8_t *bytes;
	uint64_t value; /* tag i: an int64_t in two's complement */
} compact_value;

/* Reads one compact value at *p (not past end), advancing *p. Returns NULL
 * or a static message ("truncated operand"). */
const char *compact_read(const uint8_t **p, const uint8_t *end, compact_value *v);

/* What operands are checked against. */
typedef struct operand_context {
	kb_heap *heap;     /* where big integers are built */
	const term *atoms; /* atoms[1..natoms] */
	uint32_t natoms;
	const term *literals;
	uint32_t nliterals;
	uint32_t label_count; /* labels are 0..label_count-1 */
	uint32_t ntypes;
	/* allocation lists are appended here (grown with realloc) */
	kb_alloc_list *allocs;
	uint32_t nallocs, allocs_cap;
	char error[160]; /* set when a decode fails */
} operand_context;

/* Decodes one operand. An extended list yields kind OPND_LIST with val =
 * the element count; the caller then decodes that many elements with
 * in_list = true (lists do not nest). Returns false with ctx->error set. */
bool operand_decode(operand_context *ctx, const uint8_t **p, const uint8_t *end, bool in_list,
                    kb_operand *out);

/* operand_decode() with the common case inline: a one-byte operand (value
 * below 16) of tag u, i, a, x, y or f. */
static inline bool operand_decode_fast(operand_context *ctx, const uint8_t **p, const uint8_t *end,
                                       bool in_list, kb_operand *out)
{
	if (*p < end) {
		uint8_t b = **p;
		uint32_t v = b >> 4;
		if (!(b & 0x08)) {
			out->reserved[0] = out->reserved[1] = out->reserved[2] = 0;
			out->aux = 0;
			out->val = v;
			switch (b & 7) {
			case CTAG_U:
				out->kind = OPND_U;
				++*p;
				return true;
			case CTAG_I:
				out->kind = OPND_INT;
				out->val = make_small(v);
				++*p;
				return true;
			case CTAG_X:
				out->kind = OPND_X;
				out->aux = NO_TYPE;
				++*p;
				return true;
			case CTAG_Y:
				out->kind = OPND_Y;
				out->aux = NO_TYPE;
				++*p;
				return true;
			case CTAG_A:
				if (v == 0 || v > ctx->natoms)
					break;
				out->kind = OPND_ATOM;
				out->aux = v;
				out->val = ctx->atoms[v];
				++*p;
				return true;
			case CTAG_F:
				if (v >= ctx->label_count)
					break;
				out->kind = OPND_LABEL;
				++*p;
				return true;
			default:
				break;
			}
		}
	}
	return operand_decode(ctx, p, end, in_list, out);
}

/* The integer term of a tag-i value (small or a bignum on heap); THE_NON_VALUE
 * when out of memory. */
term compact_integer(kb_heap *heap, const compact_value *v);

#endif
