/* kbeam --disasm: prints a loaded module the way a reader wants it.
 *
 *   module hello
 *   md5 0f3c...
 *   exports [fib/1, main/0, ...]
 *   ...
 *   function fib/1 (entry f5, exported)
 *       label f4
 *       line hello.erl:14
 *       func_info hello fib 1
 *       label f5
 *       is_integer f4 x0
 *       ...
 *
 * Registers print as x0, y1, fr2 (a typed register adds its type:
 * x0::integer(0..255)), labels as f5, atoms as Erlang writes them,
 * literals as terms, extended lists in brackets; import, lambda and line
 * operands print what they refer to. */
#include <stdlib.h>
#include <string.h>

#include "disasm.h"
#include "vm/atom.h"
#include "vm/bignum.h"
#include "vm/print.h"

/* Writes a term as Erlang prints it; false when out of memory. */
static bool put_term(FILE *out, term t)
{
	size_t len;
	char *s = term_to_text(t, &len);
	if (!s)
		return false;
	fwrite(s, 1, len, out);
	free(s);
	return true;
}

static bool put_mfa(FILE *out, term module, term function, uint32_t arity)
{
	if (module != THE_NON_VALUE) {
		if (!put_term(out, module))
			return false;
		fputc(':', out);
	}
	if (!put_term(out, function))
		return false;
	fprintf(out, "/%u", arity);
	return true;
}

static void put_type(FILE *out, const kb_type *t)
{
	if (t->kinds == TYPE_ANY) {
		fputs("any", out);
		return;
	}
	if (t->kinds == 0) {
		fputs("none", out);
		return;
	}
	const char *sep = "";
	for (unsigned b = 0; b < 13; b++) {
		if (!(t->kinds & (1u << b)))
			continue;
		fprintf(out, "%s%s", sep, type_kind_names[b]);
		if ((1u << b) == TYPE_INTEGER && t->has_range)
			fprintf(out, "(%lld..%lld)", (long long)t->min, (long long)t->max);
		sep = "|";
	}
}

static void put_line(FILE *out, const kb_module *m, uint64_t index)
{
	if (!m->lines.present) {
		fprintf(out, "%llu", (unsigned long long)index);
		return;
	}
	const kb_line_item *it = &m->lines.items[index];
	if (index == 0) {
		fputs("none", out);
		return;
	}
	const kb_line_file *f = &m->lines.files[it->file];
	fprintf(out, "%.*s:%u", (int)f->len, f->name, it->line);
}

static bool put_operand(FILE *out, const kb_module *m, const kb_operand *o, operand_role role);

static bool put_list(FILE *out, const kb_module *m, const kb_operand *o)
{
	fputc('[', out);
	for (uint64_t j = 0; j < o->val; j++) {
		if (j)
			fputs(", ", out);
		if (!put_operand(out, m, &m->operands[o->aux + j], ROLE_PLAIN))
			return false;
	}
	fputc(']', out);
	return true;
}

static bool put_operand(FILE *out, const kb_module *m, const kb_operand *o, operand_role role)
{
	switch (o->kind) {
	case OPND_U:
		if (role == ROLE_IMPORT) {
			const kb_import *imp = &m->imports[o->val];
			return put_mfa(out, imp->module, imp->function, imp->arity);
		}
		if (role == ROLE_LAMBDA) {
			const kb_lambda *l = &m->lambdas[o->val];
			fprintf(out, "fun#%llu(", (unsigned long long)o->val);
			if (!put_mfa(out, THE_NON_VALUE, l->function, l->arity))
				return false;
			fputc(')', out);
			return true;
		}
		if (role == ROLE_LINE) {
			put_line(out, m, o->val);
			return true;
		}
		if (role == ROLE_LABEL_DEF) {
			fprintf(out, "f%llu", (unsigned long long)o->val);
			return true;
		}
		fprintf(out, "%llu", (unsigned long long)o->val);
		return true;
	case OPND_INT:
		if (is_small(o->val)) {
			fprintf(out, "%lld", (long long)small_value(o->val));
		} else {
			size_t len;
			char *s = int_to_text(o->val, 10, &len);
			if (!s)
				return false;
			fwrite(s, 1, len, out);
			free(s);
		}
		return true;
	case OPND_ATOM:
	case OPND_NIL:
	case OPND_LITERAL:
		return put_term(out, o->val);
	case OPND_X:
	case OPND_Y:
		fprintf(out, "%c%llu", o->kind == OPND_X ? 'x' : 'y', (unsigned long long)o->val);
		if (o->aux != NO_TYPE) {
			fputs("::", out);
			put_type(out, &m->types[o->aux]);
		}
		return true;
	case OPND_LABEL:
		fprintf(out, "f%llu", (unsigned long long)o->val);
		return true;
	case OPND_FR:
		fprintf(out, "fr%llu", (unsigned long long)o->val);
		return true;
	case OPND_LIST:
		return put_list(out, m, o);
	case OPND_ALLOC: {
		const kb_alloc_list *a = &m->allocs[o->val];
		fprintf(out, "{alloc,[{words,%u},{floats,%u},{funs,%u}]}", a->words, a->floats,
		        a->funs);
		return true;
	}
	default:
		fputs("?", out);
		return true;
	}
}

static bool put_instr(FILE *out, const kb_module *m, uint32_t i)
{
	const kb_instr *in = &m->instrs[i];
	const kb_operand *args = module_args(m, i);
	fprintf(out, "    %s", opcode_table[in->op].name);
	for (unsigned k = 0; k < in->arity; k++) {
		fputc(' ', out);
		if (!put_operand(out, m, &args[k], opcode_operand_role(in->op, k)))
			return false;
	}
	fputc('\n', out);
	return true;
}

static bool is_exported(const kb_module *m, uint32_t f)
{
	for (uint32_t e = 0; e < m->nexports; e++)
		if (m->exports[e].function_index == f)
			return true;
	return false;
}

static bool put_header(FILE *out, const kb_module *m)
{
	fputs("module ", out);
	if (!put_term(out, m->name))
		return false;
	fputs("\nmd5 ", out);
	for (int i = 0; i < 16; i++)
		fprintf(out, "%02x", m->md5[i]);
	fputs("\nexports [", out);
	for (uint32_t e = 0; e < m->nexports; e++) {
		if (e)
			fputs(", ", out);
		if (!put_mfa(out, THE_NON_VALUE, m->exports[e].function, m->exports[e].arity))
			return false;
	}
	fputs("]\nattributes ", out);
	if (!put_term(out, m->attributes))
		return false;
	fputs("\ncompile_info ", out);
	if (!put_term(out, m->compile_info))
		return false;
	if (m->meta != THE_NON_VALUE) {
		fputs("\nmeta ", out);
		if (!put_term(out, m->meta))
			return false;
	}
	fprintf(out, "\nlabels %u, functions %u, instructions %u, literals %u, types %u\n",
	        m->label_count, m->nfunctions, m->ninstrs, m->nliterals, m->ntypes);
	return true;
}

bool disasm_module(FILE *out, const kb_module *m)
{
	if (!put_header(out, m))
		return false;
	for (uint32_t f = 0; f < m->nfunctions; f++) {
		const kb_function *fn = &m->functions[f];
		fputs("\nfunction ", out);
		if (!put_mfa(out, THE_NON_VALUE, fn->name, fn->arity))
			return false;
		fprintf(out, " (entry f%u%s)\n", fn->entry_label,
		        is_exported(m, f) ? ", exported" : "");
		for (uint32_t i = fn->first; i < fn->end; i++)
			if (!put_instr(out, m, i))
				return false;
	}
	for (uint32_t i = m->nfunctions ? m->functions[m->nfunctions - 1].end : 0; i < m->ninstrs;
	     i++)
		if (!put_instr(out, m, i))
			return false;
	return !ferror(out);
}
