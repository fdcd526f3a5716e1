/* Inside the loader: the state of one load, and the steps module.c runs.
 * Each step reads one chunk into the module and returns false after
 * load_fail() has described the problem. */
#ifndef KBEAM_LOADER_LOAD_H
#define KBEAM_LOADER_LOAD_H

#include "module.h"

enum chunk_id {
	CH_ATU8,
	CH_ATOM, /* Latin-1 atoms, before OTP 21 */
	CH_CODE,
	CH_STRT,
	CH_IMPT,
	CH_EXPT,
	CH_LOCT,
	CH_FUNT,
	CH_LITT,
	CH_LINE,
	CH_ATTR,
	CH_CINF,
	CH_TYPE,
	CH_META,
	CH_COUNT
};

extern const char chunk_names[CH_COUNT][5];

typedef struct beam_chunk {
	const uint8_t *data;
	uint32_t size;
	bool present;
} beam_chunk;

typedef struct loader {
	kb_module *m;
	kb_load_error *err;
	beam_chunk chunks[CH_COUNT];
	const uint8_t *code; /* the instructions, after the Code header */
	uint32_t code_size;
	uint8_t *label_used; /* label_count flags: the code refers to the label */
} loader;

bool load_fail(loader *ld, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static inline uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

bool iff_read(loader *ld, const uint8_t *data, size_t size); /* iff.c */
bool load_code_header(loader *ld);                           /* code.c */
bool load_code(loader *ld);
bool load_atoms(loader *ld); /* tables.c */
bool load_imports(loader *ld);
bool load_exports(loader *ld, enum chunk_id id);
bool load_lambdas(loader *ld);
bool load_fun_entries(loader *ld);
void load_md5(loader *ld);      /* module.c */
bool load_literals(loader *ld); /* literals.c */
bool load_term_chunk(loader *ld, enum chunk_id id, term *out);
bool load_lines(loader *ld);  /* lines.c */
bool load_types(loader *ld);  /* types.c */
bool check_start(loader *ld); /* code_check.c */
bool check_instruction(loader *ld, uint32_t i);
bool check_code(loader *ld);

#endif
