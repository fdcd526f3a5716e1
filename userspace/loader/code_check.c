/* Checks on the decoded code. check_instruction() runs on each instruction
 * right after it is decoded (while its operands are in cache): label
 * definitions, table indexes, the operands of select_val, bs_match_string
 * and bs_create_bin. The decoder notes each label used in ld->label_used.
 * check_code() runs at the end: every label used is defined, the code splits into the functions the
 * header announces (func_info, then the entry label), and the export,
 * local and lambda tables point at function entries. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "vm/atom.h"

#define NO_INSTR UINT32_MAX

static bool instr_fail(loader *ld, uint32_t i, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool instr_fail(loader *ld, uint32_t i, const char *fmt, ...)
{
	const opcode_info *info = &opcode_table[ld->m->instrs[i].op];
	char why[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return load_fail(ld, "chunk Code: instruction %u (%s/%u): %s", i, info->name, info->arity,
	                 why);
}

bool check_start(loader *ld)
{
	kb_module *m = ld->m;
	m->on_load = NO_INSTR;
	m->labels = malloc(((size_t)m->label_count + 1) * sizeof *m->labels);
	ld->label_used = calloc((size_t)m->label_count + 1, 1);
	if (!m->labels || !ld->label_used)
		return load_fail(ld, "out of memory");
	for (uint32_t l = 0; l <= m->label_count; l++)
		m->labels[l] = NO_INSTR;
	return true;
}

static bool define_label(loader *ld, uint32_t i, const kb_operand *o)
{
	kb_module *m = ld->m;
	if (o->kind != OPND_U)
		return instr_fail(ld, i, "the label is not a number");
	if (o->val == 0 || o->val >= m->label_count)
		return instr_fail(ld, i, "label %llu out of range (module has %u labels)",
		                  (unsigned long long)o->val, m->label_count);
	if (m->labels[o->val] != NO_INSTR)
		return instr_fail(ld, i, "label %llu defined twice", (unsigned long long)o->val);
	m->labels[o->val] = i;
	return true;
}

/* A `u` operand that indexes one of the module's tables. */
static bool check_index(loader *ld, uint32_t i, const kb_operand *o, const char *table,
                        uint32_t size)
{
	if (o->kind != OPND_U)
		return instr_fail(ld, i, "%s index is not a number", table);
	if (o->val >= size)
		return instr_fail(ld, i, "%s index %llu out of range (%u entries)", table,
		                  (unsigned long long)o->val, size);
	return true;
}

static bool check_special(loader *ld, uint32_t i, const kb_instr *in, const kb_operand *args)
{
	kb_module *m = ld->m;
	const opcode_special *s = &opcode_specials[in->op];
	const kb_operand *o = &args[s->pos];
	switch ((operand_role)s->role) {
	case ROLE_LABEL_DEF:
		return define_label(ld, i, o);
	case ROLE_IMPORT:
		return check_index(ld, i, o, "import", m->nimports);
	case ROLE_LAMBDA:
		/* call_fun2's tag is a lambda index or an atom */
		if (in->op == OP_call_fun2 && o->kind == OPND_ATOM)
			return true;
		return check_index(ld, i, o, "lambda", m->nlambdas);
	case ROLE_LINE:
		return check_index(ld, i, o, "line",
		                   m->lines.present ? m->lines.nitems : UINT32_MAX);
	default:
		return true;
	}
}

/* String table references: bs_match_string's bits and offset, and the
 * string segments of bs_create_bin. */
static bool check_string(loader *ld, uint32_t i, uint64_t offset, uint64_t bytes)
{
	if (offset > ld->m->nstrings || bytes > ld->m->nstrings - offset)
		return instr_fail(ld, i,
		                  "string at offset %llu, %llu bytes, is past the end of StrT",
		                  (unsigned long long)offset, (unsigned long long)bytes);
	return true;
}

static bool check_bs_create_bin(loader *ld, uint32_t i, const kb_operand *list)
{
	kb_module *m = ld->m;
	if (list->kind != OPND_LIST || list->val % 6 != 0)
		return instr_fail(ld, i, "segments are not groups of 6 operands");
	for (uint64_t s = 0; s < list->val; s += 6) {
		const kb_operand *seg = &m->operands[list->aux + s];
		if (seg[0].kind != OPND_ATOM)
			return instr_fail(ld, i, "segment %llu has no type atom",
			                  (unsigned long long)(s / 6));
		size_t len;
		const char *name = atom_name(seg[0].val, &len);
		if (len != 6 || memcmp(name, "string", 6) != 0)
			continue;
		bool size_ok =
		    seg[5].kind == OPND_U || (seg[5].kind == OPND_INT && is_small(seg[5].val) &&
		                              small_value(seg[5].val) >= 0);
		if (seg[4].kind != OPND_U || !size_ok)
			return instr_fail(ld, i, "string segment %llu is malformed",
			                  (unsigned long long)(s / 6));
		uint64_t size =
		    seg[5].kind == OPND_U ? seg[5].val : (uint64_t)small_value(seg[5].val);
		if (!check_string(ld, i, seg[4].val, size))
			return false;
	}
	return true;
}

static bool check_opcode(loader *ld, uint32_t i, const kb_instr *in, const kb_operand *args)
{
	kb_module *m = ld->m;
	switch (in->op) {
	case OP_select_val:
	case OP_select_tuple_arity:
		if (args[2].kind != OPND_LIST || args[2].val % 2 != 0)
			return instr_fail(ld, i, "expected a list of value, label pairs");
		for (uint64_t j = 1; j < args[2].val; j += 2)
			if (m->operands[args[2].aux + j].kind != OPND_LABEL)
				return instr_fail(ld, i, "pair %llu has no label",
				                  (unsigned long long)(j / 2));
		return true;
	case OP_bs_match_string:
		if (args[2].kind != OPND_U || args[3].kind != OPND_U)
			return instr_fail(ld, i, "bits and offset must be numbers");
		return check_string(ld, i, args[3].val, args[2].val / 8 + (args[2].val % 8 != 0));
	case OP_bs_create_bin:
		return check_bs_create_bin(ld, i, &args[5]);
	case OP_func_info:
		if (args[0].kind != OPND_ATOM || args[1].kind != OPND_ATOM ||
		    args[2].kind != OPND_U)
			return instr_fail(ld, i, "expected module, function, arity");
		if (args[0].val != m->name)
			return instr_fail(ld, i, "the module operand is not the module's name");
		if (args[2].val > 255)
			return instr_fail(ld, i, "arity %llu is above 255",
			                  (unsigned long long)args[2].val);
		return true;
	case OP_on_load:
		if (m->on_load != NO_INSTR)
			return instr_fail(ld, i, "on_load appears twice");
		m->on_load = i;
		return true;
	default:
		return true;
	}
}

bool check_instruction(loader *ld, uint32_t i)
{
	const kb_instr *in = &ld->m->instrs[i];
	const kb_operand *args = module_args(ld->m, i);
	return check_special(ld, i, in, args) && check_opcode(ld, i, in, args);
}

/* The first instruction that uses label l, for the error message. */
static uint32_t first_use(const kb_module *m, uint64_t l)
{
	for (uint32_t i = 0; i < m->ninstrs; i++) {
		const kb_operand *a = module_args(m, i);
		for (unsigned k = 0; k < m->instrs[i].arity; k++) {
			if (a[k].kind == OPND_LABEL && a[k].val == l)
				return i;
			if (a[k].kind == OPND_LIST)
				for (uint64_t j = 0; j < a[k].val; j++)
					if (m->operands[a[k].aux + j].kind == OPND_LABEL &&
					    m->operands[a[k].aux + j].val == l)
						return i;
		}
	}
	return 0;
}

static bool check_labels_defined(loader *ld)
{
	kb_module *m = ld->m;
	for (uint32_t l = 1; l < m->label_count; l++)
		if (ld->label_used[l] && m->labels[l] == NO_INSTR)
			return instr_fail(ld, first_use(m, l), "label %u is used but never defined",
			                  l);
	return true;
}

/* Splits the code into functions at func_info: the labels and lines just
 * before a func_info belong to its function, as in beam_disasm. */
static bool find_functions(loader *ld)
{
	kb_module *m = ld->m;
	m->functions = malloc(((size_t)m->function_count + 1) * sizeof *m->functions);
	if (!m->functions)
		return load_fail(ld, "out of memory");
	uint32_t nf = 0, prev_end = 0;
	for (uint32_t i = 0; i < m->ninstrs; i++) {
		if (m->instrs[i].op != OP_func_info)
			continue;
		const kb_operand *a = module_args(m, i);
		if (i + 1 >= m->ninstrs || m->instrs[i + 1].op != OP_label)
			return instr_fail(ld, i, "not followed by the entry label");
		if (nf == m->function_count)
			return instr_fail(ld, i, "more functions than the %u the header says",
			                  m->function_count);
		uint32_t first = i;
		while (first > prev_end &&
		       (m->instrs[first - 1].op == OP_label || m->instrs[first - 1].op == OP_line))
			first--;
		if (nf == 0 && first != 0)
			return instr_fail(ld, 0, "code before the first function");
		if (nf > 0)
			m->functions[nf - 1].end = first;
		m->functions[nf++] = (kb_function){
		    .name = a[1].val,
		    .arity = (uint32_t)a[2].val,
		    .entry_label = (uint32_t)module_args(m, i + 1)[0].val,
		    .func_info = i,
		    .first = first,
		    .end = m->ninstrs - 1, /* up to int_code_end, unless a function follows */
		};
		prev_end = i + 2;
	}
	if (nf == 0 && m->ninstrs > 1)
		return instr_fail(ld, 0, "code outside any function");
	if (nf != m->function_count)
		return load_fail(ld, "chunk Code: the header says %u functions, the code has %u",
		                 m->function_count, nf);
	m->nfunctions = nf;
	return true;
}

/* The function whose entry label is `label`, or UINT32_MAX. */
static uint32_t function_at_entry(const kb_module *m, uint32_t label)
{
	uint32_t at = m->labels[label];
	if (at == NO_INSTR || at == 0 || m->instrs[at - 1].op != OP_func_info)
		return UINT32_MAX;
	uint32_t lo = 0, hi = m->nfunctions;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (m->functions[mid].func_info < at - 1)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->nfunctions && m->functions[lo].func_info == at - 1 ? lo : UINT32_MAX;
}

static bool check_entries(loader *ld, enum chunk_id id, kb_export *t, uint32_t n)
{
	for (uint32_t e = 0; e < n; e++) {
		uint32_t f = function_at_entry(ld->m, t[e].label);
		if (f == UINT32_MAX || ld->m->functions[f].name != t[e].function ||
		    ld->m->functions[f].arity != t[e].arity) {
			size_t len;
			const char *name = atom_name(t[e].function, &len);
			return load_fail(ld,
			                 "chunk %s: entry %u (%.*s/%u): label %u is not the entry "
			                 "of that function",
			                 chunk_names[id], e, (int)len, name, t[e].arity,
			                 t[e].label);
		}
		t[e].function_index = f;
	}
	return true;
}

static bool check_lambdas(loader *ld)
{
	kb_module *m = ld->m;
	for (uint32_t e = 0; e < m->nlambdas; e++) {
		const kb_lambda *l = &m->lambdas[e];
		uint32_t f = function_at_entry(m, l->label);
		if (f == UINT32_MAX || m->functions[f].name != l->function ||
		    m->functions[f].arity != l->arity)
			return load_fail(
			    ld, "chunk FunT: entry %u: label %u is not the entry of its function",
			    e, l->label);
	}
	return true;
}

bool check_code(loader *ld)
{
	kb_module *m = ld->m;
	return check_labels_defined(ld) && find_functions(ld) &&
	       check_entries(ld, CH_EXPT, m->exports, m->nexports) &&
	       check_entries(ld, CH_LOCT, m->locals, m->nlocals) && check_lambdas(ld);
}
