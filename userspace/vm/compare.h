/* Term order and equality, as OTP 25 defines them.
 *
 * The order of types: number < atom < reference < fun < port < pid < tuple
 * < map < [] < list < bitstring. Within a type:
 *   numbers     by value; 1 == 1.0 and 0.0 == -0.0 (so also =:= in OTP 25);
 *               under the exact order every integer sorts before every float
 *   atoms       by their text, code point by code point (UTF-8 byte order)
 *   refs        by node (name, then creation), then by their numbers, the
 *               last number first; missing high numbers count as zero
 *   funs        local funs by module, index, old uniq, number of free
 *               variables, then the free variables; external funs (fun M:F/A)
 *               after every local fun, by module, function, arity
 *   ports       by node, then number
 *   pids        by serial, then number, then node
 *   tuples      by size, then element by element
 *   maps        by size, then their keys in map key order (the exact order),
 *               then their values in key order
 *   lists       element by element; a shorter list first
 *   bitstrings  by their bits, then by length
 * Keys are always compared exactly, even under ==.
 *
 * The functions return -1, 0 or 1 and never fail on terms; they walk long
 * lists and deep nesting with an explicit stack (and abort only when memory
 * for that stack is exhausted).
 */
#ifndef KBEAM_VM_COMPARE_H
#define KBEAM_VM_COMPARE_H

#include "term.h"

/* a < b, a == b: Erlang's arithmetic comparison (1 == 1.0). */
int term_compare(term a, term b);
/* The exact total order (1 < 1.0; equal means =:=). Map keys sort by it. */
int term_compare_exact(term a, term b);
bool term_eq(term a, term b);       /* == */
bool term_eq_exact(term a, term b); /* =:= */

#endif
