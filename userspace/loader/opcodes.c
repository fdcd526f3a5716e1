#include "opcodes.h"

const opcode_info opcode_table[OPCODE_MAX + 1] = {
#define X(num, nm, ar, em) [num] = {.name = #nm, .arity = ar, .emitted = em},
#include "opcodes.def"
#undef X
};

// clang-format off
const opcode_special opcode_specials[OPCODE_MAX + 1] = {
	[OP_label] = {ROLE_LABEL_DEF, 0},
	[OP_line] = {ROLE_LINE, 0},
	[OP_call_ext] = {ROLE_IMPORT, 1},
	[OP_call_ext_last] = {ROLE_IMPORT, 1},
	[OP_call_ext_only] = {ROLE_IMPORT, 1},
	[OP_bif0] = {ROLE_IMPORT, 0},
	[OP_bif1] = {ROLE_IMPORT, 1},
	[OP_bif2] = {ROLE_IMPORT, 1},
	[OP_gc_bif1] = {ROLE_IMPORT, 2},
	[OP_gc_bif2] = {ROLE_IMPORT, 2},
	[OP_gc_bif3] = {ROLE_IMPORT, 2},
	[OP_make_fun3] = {ROLE_LAMBDA, 0},
	[OP_call_fun2] = {ROLE_LAMBDA, 0}, /* when the tag is a number, not safe/unsafe */
};
// clang-format on
