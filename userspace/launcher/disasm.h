/* kbeam --disasm: a module printed readably, and opcode statistics. */
#ifndef KBEAM_LAUNCHER_DISASM_H
#define KBEAM_LAUNCHER_DISASM_H

#include <stdio.h>

#include "loader/module.h"

/* Prints the module: name, checksum, exports, attributes, compile info,
 * then every function's instructions with their operands decoded. Returns
 * false when out of memory or when writing fails. */
bool disasm_module(FILE *out, const kb_module *m);

/* Instruction counts by opcode, summed over modules. */
typedef struct opcode_stats {
	uint64_t count[OPCODE_MAX + 1];
} opcode_stats;

void stats_add(opcode_stats *s, const kb_module *m);
/* One line per opcode that occurs, "name count", sorted by name. */
void stats_print(FILE *out, const opcode_stats *s);

#endif
