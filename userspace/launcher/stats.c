/* kbeam --disasm --stats: how often each generic opcode occurs. */
#include <stdlib.h>
#include <string.h>

#include "disasm.h"

void stats_add(opcode_stats *s, const kb_module *m)
{
	for (uint32_t i = 0; i < m->ninstrs; i++)
		s->count[m->instrs[i].op]++;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(opcode_table[*(const unsigned *)a].name,
	              opcode_table[*(const unsigned *)b].name);
}

void stats_print(FILE *out, const opcode_stats *s)
{
	unsigned order[OPCODE_MAX];
	unsigned n = 0;
	for (unsigned op = 1; op <= OPCODE_MAX; op++)
		if (s->count[op])
			order[n++] = op;
	qsort(order, n, sizeof order[0], by_name);
	for (unsigned i = 0; i < n; i++)
		fprintf(out, "%s %llu\n", opcode_table[order[i]].name,
		        (unsigned long long)s->count[order[i]]);
}
