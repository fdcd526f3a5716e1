/* The global atom table: created once, never garbage collected.
 *
 * An atom's name is UTF-8 text of at most 255 characters; the table holds at
 * most ATOM_LIMIT atoms (OTP's default), after which atom_put() fails and the
 * caller raises system_limit. Lookups by index are lock-free; inserting
 * takes a lock, so the table is safe to share between schedulers.
 */
#ifndef KBEAM_VM_ATOM_H
#define KBEAM_VM_ATOM_H

#include "term.h"

#define ATOM_LIMIT (1u << 20) /* 1,048,576 */
#define ATOM_MAX_CHARS 255

enum {
#define X(id, name) ATOM_INDEX_##id,
#include "atoms.def"
#undef X
	ATOM_INDEX_PREDEFINED_COUNT
};
#define ATOM(id) make_atom(ATOM_INDEX_##id)

typedef enum atom_status {
	ATOM_OK = 0,
	ATOM_TOO_LONG,   /* more than 255 characters */
	ATOM_BAD_UTF8,   /* name is not valid UTF-8 */
	ATOM_TABLE_FULL, /* ATOM_LIMIT reached: system_limit */
	ATOM_NOT_FOUND,  /* atom_lookup only */
	ATOM_NO_MEMORY,
} atom_status;

/* Idempotent; creates the predefined atoms. Called before any other use. */
void atom_table_init(void);
/* Interns a UTF-8 name. */
atom_status atom_put(const char *utf8, size_t len, term *out);
/* Interns a Latin-1 name (ATOM_EXT and friends), converting it to UTF-8. */
atom_status atom_put_latin1(const uint8_t *latin1, size_t len, term *out);
/* Finds an existing atom only (list_to_existing_atom). */
atom_status atom_lookup(const char *utf8, size_t len, term *out);
/* Convenience for C string literals; aborts on failure (startup use only). */
term atom_from_cstr(const char *name);
/* Name of an atom: UTF-8 bytes (not NUL-terminated) and their length. */
const char *atom_name(term atom, size_t *len);
/* Number of characters (code points) in the atom's name. */
size_t atom_chars(term atom);
/* True when every character of the name is below 256 (ATOM_EXT encodable). */
bool atom_is_latin1(term atom);
size_t atom_count(void);
const char *atom_status_text(atom_status s);

#endif
