/* Deep copies of terms: what sending a message or spawning a process does
 * with the terms that go to another process.
 *
 * A copy is self-contained: every object reachable from the term is copied,
 * wherever it lives (a process heap, module literals, an arena), so the copy
 * holds no pointer into the source and survives it. What stays shared is
 * global or off-heap: fun and export entries, and the kb_binary storage of
 * refc binaries, which each copy retains once per refc binary it holds and
 * links into the destination heap's off-heap chain (heap_free() or the
 * garbage collector releases it); while a copy holds a writable binary
 * (vm/bits.h), no heap extends it in place any more. Sharing inside the term
 * is not preserved, as in OTP's message copying: a subterm reached twice is
 * copied twice.
 *
 * Bitstrings: a sub binary (or a match context, which stands for the
 * bitstring it was started on, [MS_START, MS_END) of its binary) of at most
 * HEAP_BIN_LIMIT bytes is copied as its bits alone, as bitstring_new() would
 * build them: a heap binary, inside a sub binary at offset 0 when the size
 * is not whole bytes. A larger one is copied as a sub binary over a copy of
 * its original (a refc binary: the storage is shared, not the bytes).
 *
 * Copying is two passes, as OTP's: term_copy_size() counts the words, then
 * term_copy_into() builds the copy in exactly that many. Neither pass uses
 * the C stack for the term's depth: long lists and deep nesting are fine.
 * The size pass remembers the sizes of large subterms it has already
 * counted, so a term whose flattened size is huge because of sharing (a
 * tuple {A, A} thirty levels deep) is measured in time proportional to its
 * distinct objects, and fails fast when too large.
 */
#ifndef KBEAM_VM_COPY_H
#define KBEAM_VM_COPY_H

#include "heap.h"

/* The largest copy attempted, in words: no process heap grows beyond it
 * (OTP's heap size sequence stops below 2^53 bytes). */
#define TERM_COPY_MAX_WORDS ((size_t)1 << 50)

/* Words the copy of t needs: 0 for an immediate; SIZE_MAX when it would
 * exceed TERM_COPY_MAX_WORDS or memory for the count ran out. */
size_t term_copy_size(term t);

/* Builds the copy of t at *hp, which has room for term_copy_size(t) words
 * (from one heap_alloc(), possibly for several terms), and advances *hp by
 * exactly that many; the object the copy points at is the first of them.
 * Refc binaries of the copy are linked into h's off-heap chain: h must be
 * the heap that owns the words at *hp. Cannot fail. */
term term_copy_into(kb_heap *h, term **hp, term t);

/* The copy of t in h (one heap_alloc() of term_copy_size(t) words); t itself
 * when it is an immediate. THE_NON_VALUE when it is too large or memory is
 * exhausted; h is then unchanged. */
term term_copy(kb_heap *h, term t);
/* The same in a new fragment of exactly the copy's size (a message or a
 * timer's message in an arena of its own wastes nothing). */
term term_copy_exact(kb_heap *h, term t);

#endif
