/* A loaded .beam module: everything the loader reads out of the file, in
 * the form the JIT consumes.
 *
 * The code is a flat array of generic instructions (opcodes 1..180 as in
 * OTP 25's genop.tab), each with its operands decoded and checked against
 * the module's tables: every atom, literal, label, import, lambda, line and
 * type index an operand holds is in range, every label used is defined.
 *
 * Operands live in one array per module. Instruction i's operands are
 * operands[instrs[i].args .. + instrs[i].arity), one per operand of the
 * generic instruction, so operand k is always at args + k. An extended list
 * operand (select_val's pairs, put_tuple2's elements ...) has kind
 * OPND_LIST; its elements are stored after the instruction's own operands,
 * at operands[aux .. aux + val).
 *
 * All terms (atoms aside, which are global) live on the module's heap:
 * literals, big integers of `i` operands, attributes, compile info, Meta.
 * module_free() releases everything at once.
 */
#ifndef KBEAM_LOADER_MODULE_H
#define KBEAM_LOADER_MODULE_H

#include "opcodes.h"
#include "vm/fun.h"
#include "vm/heap.h"

typedef enum operand_kind {
	OPND_U, /* unsigned number (tag u): val; see opcode_operand_role() */
	/* integer (tag i): val is the integer term, a small or a bignum on
	 * the module heap */
	OPND_INT,
	OPND_ATOM,    /* atom: val is the atom term, aux its index in atoms[] */
	OPND_NIL,     /* [] (atom index 0): val is NIL */
	OPND_X,       /* x register val; aux is its type index, or NO_TYPE */
	OPND_Y,       /* y register val; aux as for OPND_X */
	OPND_LABEL,   /* label val; 0 means "no label" (fail by raising) */
	OPND_FR,      /* float register val */
	OPND_LITERAL, /* val is the term of literal aux */
	OPND_LIST,    /* extended list of val elements, at operands[aux..] */
	OPND_ALLOC,   /* allocation list: allocs[val] */
} operand_kind;

#define NO_TYPE UINT32_MAX /* register without a type annotation */

/* Limits that a sane module stays within (OTP's own). */
#define MAX_X_REG 1024
#define MAX_Y_REG 1024
#define MAX_FR_REG 1024

typedef struct kb_operand {
	uint8_t kind; /* operand_kind */
	uint8_t reserved[3];
	uint32_t aux;
	uint64_t val;
} kb_operand;

typedef struct kb_instr {
	uint8_t op;    /* opcode, 1..OPCODE_MAX */
	uint8_t arity; /* opcode_table[op].arity */
	uint16_t reserved;
	uint32_t args; /* index of the first operand in operands[] */
} kb_instr;

typedef struct kb_alloc_list {
	uint32_t words, floats, funs;
} kb_alloc_list;

typedef struct kb_import {
	term module, function;
	uint32_t arity;
} kb_import;

/* An ExpT or LocT entry. */
typedef struct kb_export {
	term function;
	uint32_t arity;
	uint32_t label;          /* the function's entry label */
	uint32_t function_index; /* in functions[] */
} kb_export;

typedef struct kb_lambda {
	term function;  /* the local function that implements it */
	uint32_t arity; /* of that function: the fun's arity plus num_free */
	uint32_t label;
	uint32_t index; /* FunT index (NEW_FUN_EXT's Index) */
	uint32_t num_free;
	uint32_t old_uniq;
	fun_entry *entry; /* global entry for (module, md5, index) */
} kb_lambda;

typedef struct kb_function {
	term name;
	uint32_t arity;
	uint32_t entry_label; /* the label right after func_info */
	uint32_t func_info;   /* index of its func_info instruction */
	/* first instruction: the labels and lines before func_info belong
	 * to the function */
	uint32_t first;
	uint32_t end; /* one past its last instruction */
} kb_function;

/* Line table: line instruction operand n refers to items[n]; item 0 is
 * "no location". File 0 is the implicit "Module.erl". */
typedef struct kb_line_item {
	uint32_t file;
	uint32_t line;
} kb_line_item;

typedef struct kb_line_file {
	const char *name; /* UTF-8, not NUL-terminated */
	uint32_t len;
} kb_line_file;

typedef struct kb_line_table {
	bool present;         /* false: no Line chunk (line instructions carry no info) */
	uint32_t instr_count; /* line instructions, as the chunk says */
	uint32_t nitems;      /* including item 0 */
	kb_line_item *items;
	uint32_t nfiles; /* including file 0 */
	kb_line_file *files;
	char *names; /* storage of the file names */
} kb_line_table;

/* Type chunk entries (OTP 25, version 1): the kinds of value a typed
 * register may hold, and for integers possibly a range. */
enum {
	TYPE_ATOM = 1u << 0,
	TYPE_BITSTRING = 1u << 1,
	TYPE_BS_CONTEXT = 1u << 2,
	TYPE_CONS = 1u << 3,
	TYPE_FLOAT = 1u << 4,
	TYPE_FUN = 1u << 5,
	TYPE_INTEGER = 1u << 6,
	TYPE_MAP = 1u << 7,
	TYPE_NIL = 1u << 8,
	TYPE_PID = 1u << 9,
	TYPE_PORT = 1u << 10,
	TYPE_REFERENCE = 1u << 11,
	TYPE_TUPLE = 1u << 12,
	TYPE_ANY = (1u << 13) - 1,
};

typedef struct kb_type {
	uint16_t kinds; /* TYPE_* bits: the value is one of these kinds */
	bool has_range; /* when true, an integer value lies in [min, max] */
	int64_t min, max;
} kb_type;

/* Names of the TYPE_* bits, lowest bit first ("atom", "bitstring", ...). */
extern const char *const type_kind_names[13];

typedef struct kb_module {
	term name;
	uint8_t md5[16]; /* as beam_lib:md5/1 and module_info(md5) */

	/* Code chunk header */
	uint32_t instruction_set;
	uint32_t max_opcode;
	uint32_t label_count;
	uint32_t function_count;

	uint32_t natoms; /* atoms[1..natoms]; atoms[0] is NIL (index 0 is []) */
	term *atoms;
	uint32_t nimports;
	kb_import *imports;
	uint32_t nexports;
	kb_export *exports;
	uint32_t nlocals; /* LocT: 0 when the chunk is absent */
	kb_export *locals;
	uint32_t nlambdas;
	kb_lambda *lambdas;
	uint32_t nliterals;
	term *literals;
	uint32_t nstrings; /* StrT bytes */
	uint8_t *strings;

	uint32_t ninstrs;
	kb_instr *instrs;
	uint32_t noperands;
	kb_operand *operands;
	uint32_t nallocs;
	kb_alloc_list *allocs;
	uint32_t *labels; /* label -> index of its label instruction (label_count entries) */
	uint32_t nfunctions;
	kb_function *functions;
	uint32_t on_load; /* index of the on_load instruction, or UINT32_MAX */

	kb_line_table lines;
	uint32_t ntypes; /* at least 1: entry 0 is "any" */
	kb_type *types;

	term attributes;   /* Attr: the term (a list), or NIL when absent */
	term compile_info; /* CInf: the term (a list), or NIL when absent */
	term meta;         /* Meta: the term, or THE_NON_VALUE when absent */

	kb_heap heap;
} kb_module;

/* Why a load failed: one line of text, without the file name. */
typedef struct kb_load_error {
	char msg[256];
} kb_load_error;

/* Loads a module from a .beam image in memory (optionally gzip-compressed,
 * as OTP accepts). The image is not referenced after the call. Returns NULL
 * and fills *err on any problem. */
kb_module *module_load_memory(const uint8_t *data, size_t size, kb_load_error *err);
/* Reads the file with one read and loads it. */
kb_module *module_load_file(const char *path, kb_load_error *err);
/* Frees a module and everything it owns (fun entries are global and stay). */
void module_free(kb_module *m);

/* The operands of instruction i. */
static inline const kb_operand *module_args(const kb_module *m, uint32_t i)
{
	return m->operands + m->instrs[i].args;
}

#endif
