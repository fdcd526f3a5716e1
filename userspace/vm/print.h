/* Terms as text, exactly as OTP 25's io_lib:format("~w", [Term]) writes
 * them, in UTF-8.
 *
 * ~w prints lists as lists (never as strings), atoms quoted where io_lib
 * quotes them (with \x{...} for characters above 255), maps in
 * maps:iterator order (map.h), bitstrings as <<1,2:4>>, floats in their
 * shortest round-trip form (float_to_list(F, [short])), and pids, ports,
 * refs and funs as the erlang:*_to_list BIFs do: <0.N.S>, #Port<0.N>,
 * #Ref<0.A.B.C>, #Fun<Module.Index.Uniq>, fun M:F/A. Those BIFs write bytes,
 * which ~w passes on as characters: a non-ASCII module or function name in a
 * fun comes out as its UTF-8 bytes, each taken as a Latin-1 character, just
 * as OTP prints it. An external pid, port or ref names its node by the node
 * name's atom index where OTP puts its channel number (OTP also uses that
 * atom's index there).
 */
#ifndef KBEAM_VM_PRINT_H
#define KBEAM_VM_PRINT_H

#include "term.h"

/* A growable text buffer. After a failed allocation it keeps what it had,
 * stops growing and sets failed. */
typedef struct print_buf {
	char *data; /* NUL-terminated while not failed */
	size_t len;
	size_t cap;
	bool failed;
} print_buf;

void print_buf_init(print_buf *b);
void print_buf_free(print_buf *b);
void print_buf_append(print_buf *b, const char *s, size_t n);
static inline void print_buf_puts(print_buf *b, const char *s)
{
	print_buf_append(b, s, strlen(s));
}

/* Appends ~w text of t; false when memory ran out. */
bool print_term(print_buf *b, term t);
/* Appends an atom as ~w writes it (quoted when needed). */
bool print_atom(print_buf *b, term atom);

/* The ~w text of t, malloc'd and NUL-terminated, its length in *len (if
 * not NULL); NULL when out of memory. */
char *term_to_text(term t, size_t *len);

/* float_to_list(D, [short]) of a finite double into out (at least
 * FLOAT_SHORT_MAX bytes), NUL-terminated; returns the length. */
#define FLOAT_SHORT_MAX 32
size_t float_to_short_text(double d, char *out);

/* The text printer(b, t) writes of t, malloc'd and NUL-terminated, its
 * length in *len (if not NULL); NULL when out of memory. */
char *print_text(term t, size_t *len, bool (*printer)(print_buf *b, term t));

/* Shared by print*.c and display.c. One character as UTF-8. An atom as the
 * emulator's own printer quotes it (display, fun M:F/A), its bytes written
 * as they are (raw) or each as a Latin-1 character (as ~w shows the text
 * of fun_to_list). Decimal numbers; the leaves both printers write alike
 * (print_leaves.c); a fun as fun_to_list writes it, the bytes of its atoms
 * raw or as characters. */
void print_codepoint(print_buf *b, uint32_t c);
void print_atom_erts(print_buf *b, term atom, bool raw);
void print_u64(print_buf *b, uint64_t v);
void print_i64(print_buf *b, int64_t v);
void print_integer(print_buf *b, term t);
void print_bitstring(print_buf *b, term t); /* <<1,2:4>>, never as text */
void print_pid(print_buf *b, term t);
void print_port(print_buf *b, term t);
void print_ref(print_buf *b, term t);
void print_fun(print_buf *b, term t, bool raw);

#endif
