/* libFuzzer target: the .beam loader on arbitrary bytes. Loads a module
 * from memory, checks the invariants the JIT relies on (every index an
 * instruction, operand or table holds is in range), then frees it. */
#include <stdlib.h>

#include "loader/module.h"
#include "vm/atom.h"

#define REQUIRE(cond)                                                                              \
	do {                                                                                       \
		if (!(cond))                                                                       \
			__builtin_trap();                                                          \
	} while (0)

static void check_operand(const kb_module *m, const kb_operand *o, bool in_list)
{
	switch (o->kind) {
	case OPND_ATOM:
		REQUIRE(o->aux >= 1 && o->aux <= m->natoms && m->atoms[o->aux] == o->val);
		break;
	case OPND_X:
	case OPND_Y:
		REQUIRE(o->val < (o->kind == OPND_X ? MAX_X_REG : MAX_Y_REG));
		REQUIRE(o->aux == NO_TYPE || o->aux < m->ntypes);
		break;
	case OPND_LABEL:
		REQUIRE(o->val < m->label_count && (o->val == 0 || m->labels[o->val] < m->ninstrs));
		break;
	case OPND_LITERAL:
		REQUIRE(o->aux < m->nliterals && m->literals[o->aux] == o->val);
		break;
	case OPND_LIST:
		REQUIRE(!in_list && o->aux <= m->noperands && o->val <= m->noperands - o->aux);
		for (uint64_t j = 0; j < o->val; j++)
			check_operand(m, &m->operands[o->aux + j], true);
		break;
	case OPND_ALLOC:
		REQUIRE(o->val < m->nallocs);
		break;
	case OPND_U:
	case OPND_INT:
	case OPND_NIL:
	case OPND_FR:
		break;
	default:
		REQUIRE(0);
	}
}

static void check_module(const kb_module *m)
{
	REQUIRE(m->ninstrs > 0 && m->instrs[m->ninstrs - 1].op == OP_int_code_end);
	for (uint32_t i = 0; i < m->ninstrs; i++) {
		const kb_instr *in = &m->instrs[i];
		REQUIRE(opcode_known(in->op) && in->arity == opcode_table[in->op].arity);
		REQUIRE(in->args <= m->noperands && in->arity <= m->noperands - in->args);
		for (unsigned k = 0; k < in->arity; k++)
			check_operand(m, &m->operands[in->args + k], false);
	}
	for (uint32_t f = 0; f < m->nfunctions; f++) {
		const kb_function *fn = &m->functions[f];
		REQUIRE(fn->first <= fn->func_info && fn->func_info < fn->end &&
		        fn->end < m->ninstrs);
		REQUIRE(m->labels[fn->entry_label] == fn->func_info + 1);
	}
	for (uint32_t e = 0; e < m->nexports; e++)
		REQUIRE(m->exports[e].function_index < m->nfunctions);
	for (uint32_t l = 0; l < m->nlambdas; l++)
		REQUIRE(m->lambdas[l].entry != NULL);
	for (uint32_t i = 0; i < m->lines.nitems; i++)
		REQUIRE(m->lines.items[i].file < m->lines.nfiles);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	if (!ready) {
		atom_table_init();
		ready = true;
	}
	kb_load_error err;
	kb_module *m = module_load_memory(data, size, &err);
	if (m) {
		check_module(m);
		module_free(m);
	} else {
		REQUIRE(err.msg[0] != 0);
	}
	return 0;
}
