/* The generic BEAM instruction set of OTP 25: opcode numbers, names,
 * arities, and the operands whose numbers index one of the module's tables.
 */
#ifndef KBEAM_LOADER_OPCODES_H
#define KBEAM_LOADER_OPCODES_H

#include <stdbool.h>
#include <stdint.h>

enum kb_opcode {
#define X(num, name, arity, emitted) OP_##name = num,
#include "opcodes.def"
#undef X
};

#define OPCODE_MAX 180 /* highest opcode OTP 25 knows */

typedef struct opcode_info {
	const char *name; /* generic name without the arity: "move" */
	uint8_t arity;    /* number of operands (an extended list counts as one) */
	bool emitted;     /* produced by OTP 25's erlc; false: obsolete, refused */
} opcode_info;

/* Indexed by opcode; entry 0 has a NULL name. */
extern const opcode_info opcode_table[OPCODE_MAX + 1];

/* What a `u` operand number means when it is not a plain count. */
typedef enum operand_role {
	ROLE_PLAIN,     /* a number */
	ROLE_IMPORT,    /* index in the import table (ImpT) */
	ROLE_LAMBDA,    /* index in the lambda table (FunT) */
	ROLE_LINE,      /* index in the line table (Line) */
	ROLE_LABEL_DEF, /* the label that the `label` instruction defines */
} operand_role;

/* Each opcode has at most one such operand: its role and position. */
typedef struct opcode_special {
	uint8_t role; /* operand_role */
	uint8_t pos;
} opcode_special;

extern const opcode_special opcode_specials[OPCODE_MAX + 1];

static inline operand_role opcode_operand_role(unsigned op, unsigned pos)
{
	const opcode_special *s = &opcode_specials[op];
	return s->role != ROLE_PLAIN && s->pos == pos ? (operand_role)s->role : ROLE_PLAIN;
}

static inline bool opcode_known(unsigned op) { return op >= 1 && op <= OPCODE_MAX; }

#endif
