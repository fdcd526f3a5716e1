/* Global tables of generated code: the code ranges of compiled modules
 * (to map a code address to its module, function and line) and the catch
 * table (catch markers on the stack name entries of it). */
#ifndef KBEAM_JIT_CODE_TABLE_H
#define KBEAM_JIT_CODE_TABLE_H

#include "jit.h"

void code_table_add(const jit_code *code);

/* Reserves n consecutive catch indexes; false when out of memory. */
bool catch_table_reserve(uint32_t n, uint32_t *first);
void catch_table_set(uint32_t index, uintptr_t handler, uint32_t y);
/* The handler and y register of a catch marker's index. */
bool catch_table_get(uint32_t index, uintptr_t *handler, uint32_t *y);

#endif
