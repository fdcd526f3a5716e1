/* The Code chunk: its header, then the instructions, each an opcode byte
 * followed by as many compact operands as the opcode's arity. */
#include <stdlib.h>

#include "compact.h"
#include "load.h"

#define CODE_HEADER_MIN 16 /* instruction set, max opcode, labels, functions */

bool load_code_header(loader *ld)
{
	kb_module *m = ld->m;
	const beam_chunk *c = &ld->chunks[CH_CODE];
	if (c->size < 4 + CODE_HEADER_MIN)
		return load_fail(ld, "chunk Code: too short for its header");
	uint32_t sub = be32(c->data);
	if (sub < CODE_HEADER_MIN || sub > c->size - 4)
		return load_fail(ld, "chunk Code: bad header size %u", sub);
	m->instruction_set = be32(c->data + 4);
	m->max_opcode = be32(c->data + 8);
	m->label_count = be32(c->data + 12);
	m->function_count = be32(c->data + 16);
	ld->code = c->data + 4 + sub;
	ld->code_size = c->size - 4 - sub;
	if (m->instruction_set != 0)
		return load_fail(ld, "chunk Code: instruction set %u is not BEAM's (0)",
		                 m->instruction_set);
	if (m->max_opcode > OPCODE_MAX)
		return load_fail(ld,
		                 "chunk Code: uses opcodes up to %u, kbeam knows 1..%u (OTP 25)",
		                 m->max_opcode, OPCODE_MAX);
	/* every label and function takes at least two bytes of code */
	if (m->label_count > ld->code_size / 2 + 1)
		return load_fail(ld, "chunk Code: %u labels cannot fit in %u bytes of code",
		                 m->label_count, ld->code_size);
	if (m->function_count > ld->code_size / 2)
		return load_fail(ld, "chunk Code: %u functions cannot fit in %u bytes of code",
		                 m->function_count, ld->code_size);
	return true;
}

/* Decodes an instruction's operands into operands[*no ..] and any list
 * elements after them, noting the labels used; on failure *bad is the
 * failing operand. */
static bool decode_operands(operand_context *ctx, kb_module *m, uint8_t *label_used,
                            const uint8_t **p, const uint8_t *end, unsigned arity, uint32_t *no,
                            unsigned *bad)
{
	uint32_t first = *no;
	*no += arity;
	for (unsigned k = 0; k < arity; k++) {
		kb_operand *o = &m->operands[first + k];
		*bad = k;
		if (!operand_decode_fast(ctx, p, end, false, o))
			return false;
		if (o->kind == OPND_LABEL) {
			label_used[o->val] = 1;
			continue;
		}
		if (o->kind != OPND_LIST)
			continue;
		o->aux = *no;
		for (uint64_t j = 0; j < o->val; j++) {
			kb_operand *e = &m->operands[(*no)++];
			if (!operand_decode_fast(ctx, p, end, true, e))
				return false;
			if (e->kind == OPND_LABEL)
				label_used[e->val] = 1;
		}
	}
	return true;
}

bool load_code(loader *ld)
{
	kb_module *m = ld->m;
	const uint8_t *p = ld->code, *end = ld->code + ld->code_size;
	/* Each instruction and each operand takes at least one byte, so the
	 * code size bounds both arrays (plus one instruction's worth of
	 * operand slots, reserved before they are read). Untouched pages cost
	 * nothing; the arrays are trimmed at the end. */
	size_t cap = (size_t)ld->code_size + 256;
	m->instrs = malloc(cap * sizeof *m->instrs);
	m->operands = malloc(cap * sizeof *m->operands);
	if (!m->instrs || !m->operands)
		return load_fail(ld, "out of memory");
	if (!check_start(ld))
		return false;

	operand_context ctx = {
	    .heap = &m->heap,
	    .atoms = m->atoms,
	    .natoms = m->natoms,
	    .literals = m->literals,
	    .nliterals = m->nliterals,
	    .label_count = m->label_count,
	    .ntypes = m->ntypes,
	};
	uint32_t ni = 0, no = 0;
	bool ended = false;
	bool ok = false;
	while (p < end) {
		size_t offset = (size_t)(p - ld->code);
		unsigned op = *p++;
		if (!opcode_known(op)) {
			load_fail(ld, "chunk Code: instruction %u (offset %zu): unknown opcode %u",
			          ni, offset, op);
			goto out;
		}
		const opcode_info *info = &opcode_table[op];
		if (!info->emitted) {
			load_fail(ld,
			          "chunk Code: instruction %u: opcode %u (%s/%u) is obsolete: "
			          "OTP 25 compilers never emit it",
			          ni, op, info->name, info->arity);
			goto out;
		}
		if (op > m->max_opcode) {
			load_fail(ld,
			          "chunk Code: instruction %u: opcode %u (%s/%u) is above the "
			          "header's highest opcode %u",
			          ni, op, info->name, info->arity, m->max_opcode);
			goto out;
		}
		kb_instr *in = &m->instrs[ni];
		in->op = (uint8_t)op;
		in->arity = info->arity;
		in->reserved = 0;
		in->args = no;
		unsigned bad;
		if (!decode_operands(&ctx, m, ld->label_used, &p, end, info->arity, &no, &bad)) {
			load_fail(ld, "chunk Code: instruction %u (%s/%u): operand %u: %s", ni,
			          info->name, info->arity, bad + 1, ctx.error);
			goto out;
		}
		m->ninstrs = ++ni;
		if (!check_instruction(ld, ni - 1))
			goto out;
		if (op == OP_int_code_end) {
			ended = true;
			break;
		}
	}
	if (!ended) {
		load_fail(ld, "chunk Code: the code does not end with int_code_end");
		goto out;
	}
	if (p != end) {
		load_fail(ld, "chunk Code: %zu bytes after int_code_end", (size_t)(end - p));
		goto out;
	}
	ok = true;
out:
	m->ninstrs = ni;
	m->noperands = no;
	m->allocs = ctx.allocs;
	m->nallocs = ctx.nallocs;
	if (ok) {
		kb_instr *i2 = realloc(m->instrs, (ni ? ni : 1) * sizeof *m->instrs);
		kb_operand *o2 = realloc(m->operands, (no ? no : 1) * sizeof *m->operands);
		if (i2)
			m->instrs = i2;
		if (o2)
			m->operands = o2;
	}
	return ok;
}
