/* Terms as erlang:display/1 prints them in OTP 25 (the emulator's own
 * printer, erl_printf_term.c), byte for byte, without the line end.
 *
 * That printer differs from io_lib's ~w throughout:
 *   - floats are printf's %.6e (1.500000e+00);
 *   - a non-empty proper list of Latin-1 printable bytes (32..126, 160..255,
 *     and \t \n \r) prints as a string in double quotes, its bytes raw
 *     except \n (as \n) and " (as \"), so the text need not be UTF-8;
 *   - a non-empty binary of printable ASCII prints as <<"...">>, escaping
 *     only ", else as <<1,2,3>> or <<1,2:3>>;
 *   - atoms are quoted unless they start with a Latin-1 lower-case letter
 *     followed by Latin-1 letters, digits and _ (reserved words are not
 *     quoted); ' \ and the C escapes are escaped, other control characters
 *     (0..31, 128..159) printed as \ooo, everything else as its UTF-8;
 *   - maps of up to 32 keys print as #{K=>V,...} in key order, larger ones
 *     as their HAMT: #<bitmap>{child,...} for the head, <bitmap>{...} for
 *     inner nodes (bitmaps in lower-case hex), and each leaf as the cons
 *     cell [K|V] it is, printed as any list;
 *   - local funs print #Fun<Module.Index.OldUniq> with the module name's
 *     bytes unquoted, external funs fun M:F/A with atoms quoted as above;
 *   - pids <0.N.S>, ports #Port<0.N>, refs #Ref<0.C.B.A> (at least three
 *     numbers, the last id first). An external pid, port or ref puts its
 *     node's atom index where OTP puts its node's channel number (OTP uses
 *     its own atom index there).
 */
#ifndef KBEAM_VM_DISPLAY_H
#define KBEAM_VM_DISPLAY_H

#include "term.h"

/* The display text of t, malloc'd and NUL-terminated, its length in *len
 * (if not NULL); NULL when out of memory. The text never holds a NUL byte,
 * but it is bytes as the emulator writes them, not always UTF-8: a string
 * element 160..255 is one raw byte. */
char *term_display_text(term t, size_t *len);

#endif
