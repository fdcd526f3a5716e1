/* Chardata between any two encodings, step for step as OTP 25's
 * unicode:characters_to_binary_int/3 and its ml_map/3 walk it (see
 * unicode_transcode.h).
 *
 * The walk keeps the list it is in as OTP's recursion sees it: the term
 * list left to walk, in front of which OTP may have put pieces of binaries
 * of its own (a binary cut into 8192 bytes and the rest; a cut-short
 * character completed from the next binary, and that binary's rest). Those
 * pieces are kept here as byte ranges, on a small stack whose top is the
 * list's head, and become binaries only when an error's rest shows them.
 * The tails of the enclosing lists wait on another stack: an error's rest
 * is [Rest | Tail] for each of them, innermost first.
 */
#include <stdlib.h>
#include <string.h>

#include "unicode_transcode.h"
#include "vm/binary.h"

/* The largest binary OTP converts in one go. */
#define PIECE_BYTES 8192
/* Pieces in front of a list: OTP puts two there only in place of one it
 * takes off, and never while two are there, so two is the most there can
 * be. */
#define MAX_PIECES 2
/* Elements, binaries or 64 bytes converted per reduction charged. */
#define WORK_PER_REDUCTION 16

typedef struct piece {
	const uint8_t *data; /* NULL: the bytes are in own */
	size_t len;
	uint8_t own[UNI_MAX_CHAR_BYTES];
} piece;

typedef struct walker {
	process *p;
	uni_encoding in, out;
	bool to_latin1;
	int64_t limit; /* the largest integer element converted */

	uint8_t *buf; /* the output so far */
	size_t len, cap;

	/* A character cut short by the end of a binary, and how many bytes
	 * it still lacks (0: none pending). */
	uint8_t cut[UNI_MAX_CHAR_BYTES];
	size_t ncut, missing;

	piece pieces[MAX_PIECES]; /* in front of list; the top is the head */
	int npieces;
	term list;        /* the rest of the list being walked */
	term_stack outer; /* the tails of the enclosing lists */

	uint8_t **copies; /* bytes of unaligned binaries, freed at the end */
	size_t ncopies, capcopies;
	uint64_t work;
	bool no_memory;
} walker;

typedef enum step {
	STEP_ON,
	STEP_CUT, /* the binary ended inside a character: now pending */
	STEP_ERROR,
	STEP_BADARG,
} step;

static const uint8_t *piece_bytes(const piece *pc) { return pc->data ? pc->data : pc->own; }

static bool reserve(walker *w, size_t more)
{
	if (w->cap - w->len >= more)
		return true;
	size_t cap = w->cap ? w->cap : 256;
	while (cap - w->len < more)
		cap *= 2;
	uint8_t *buf = realloc(w->buf, cap);
	if (!buf) {
		w->no_memory = true;
		return false;
	}
	w->buf = buf;
	w->cap = cap;
	return true;
}

static bool emit(walker *w, uint32_t cp)
{
	if (!reserve(w, UNI_MAX_CHAR_BYTES))
		return false;
	w->len += (size_t)uni_encode(w->out, cp, w->buf + w->len);
	return true;
}

/* The bytes of binary bin, copied when it does not start on a byte. */
static const uint8_t *binary_bytes(walker *w, term bin, size_t *n)
{
	bitstring_view v;
	bitstring_get(bin, &v);
	*n = v.bitsize / 8;
	static const uint8_t empty[1];
	if (!*n)
		return empty;
	const uint8_t *s = bitstring_aligned_bytes(bin);
	if (s)
		return s;
	if (w->ncopies == w->capcopies) {
		size_t cap = w->capcopies ? 2 * w->capcopies : 8;
		uint8_t **copies = realloc(w->copies, cap * sizeof(*copies));
		if (!copies)
			goto no_memory;
		w->copies = copies;
		w->capcopies = cap;
	}
	uint8_t *copy = malloc(*n);
	if (!copy)
		goto no_memory;
	bits_copy(copy, v.base, v.bitoffs, v.bitsize);
	w->copies[w->ncopies++] = copy;
	return copy;
no_memory:
	w->no_memory = true;
	return NULL;
}

/* Puts data[0..len) in front of the list. data must outlive the piece
 * unless it is short enough to be copied (stable false). */
static void push_piece(walker *w, const uint8_t *data, size_t len, bool stable)
{
	piece *pc = &w->pieces[w->npieces++];
	pc->len = len;
	if (stable) {
		pc->data = data;
	} else {
		pc->data = NULL;
		memcpy(pc->own, data, len);
	}
}

/* Puts the pending bytes with b[0..nb) after them in front of the list. */
static void push_completed_piece(walker *w, const uint8_t *b, size_t nb)
{
	piece *pc = &w->pieces[w->npieces++];
	pc->data = NULL;
	pc->len = w->ncut + nb;
	memcpy(pc->own, w->cut, w->ncut);
	memcpy(pc->own + w->ncut, b, nb);
	w->missing = 0;
}

/* OTP's conversion of one binary of at most PIECE_BYTES: the characters up
 * to the first that is invalid, or not latin1 when converting to latin1.
 * A character cut short by the end becomes pending; *at is where the
 * conversion stopped. */
static step convert_piece(walker *w, const uint8_t *s, size_t n, size_t *at)
{
	size_t i = 0, count = 0;
	w->work += 1 + n / 64;
	while (i < n) {
		uint32_t cp;
		int len = uni_decode(w->in, s + i, n - i, &cp);
		if (!len)
			break;
		if (w->to_latin1 && cp > 255) {
			*at = i;
			return STEP_ERROR;
		}
		if (!emit(w, cp))
			return STEP_BADARG;
		i += (size_t)len;
		count++;
	}
	*at = i;
	if (i == n)
		return STEP_ON;
	int missing = uni_missing(w->in, s + i, n - i);
	if (!missing)
		return STEP_ERROR;
	/* OTP's latin1-only UTF-32 decoders do not expect a cut-short
	 * character after a converted one, and fail on a case_clause. */
	if (w->to_latin1 && (w->in == UNI_UTF32_BIG || w->in == UNI_UTF32_LITTLE) && count)
		return STEP_BADARG;
	memcpy(w->cut, s + i, n - i);
	w->ncut = n - i;
	w->missing = (size_t)missing;
	return STEP_CUT;
}

static term cons(walker *w, term head, term tail)
{
	if (tail == THE_NON_VALUE)
		return tail;
	term *cell = heap_alloc(&w->p->heap, 2);
	if (!cell) {
		w->no_memory = true;
		return THE_NON_VALUE;
	}
	cell[0] = head;
	cell[1] = tail;
	return make_list(cell);
}

static term new_binary(walker *w, const uint8_t *s, size_t n)
{
	term bin = binary_new(&w->p->heap, s, n);
	if (bin == THE_NON_VALUE)
		w->no_memory = true;
	return bin;
}

/* The rest of the list being walked, its pieces made binaries. */
static term current_list(walker *w)
{
	term l = w->list;
	for (int i = 0; i < w->npieces && l != THE_NON_VALUE; i++) {
		const piece *pc = &w->pieces[i];
		term bin = new_binary(w, piece_bytes(pc), pc->len);
		l = bin == THE_NON_VALUE ? bin : cons(w, bin, l);
	}
	return l;
}

/* [head | the rest of the list being walked]. */
static term rest_in_list(walker *w, term head)
{
	if (head == THE_NON_VALUE)
		return head;
	return cons(w, head, current_list(w));
}

/* A binary element of a list, taken off it: completes a pending
 * character, or is cut into pieces, or is converted. stable: s outlives
 * this step (else it is at most a character long). */
static step list_binary(walker *w, const uint8_t *s, size_t n, bool stable, term *rest)
{
	size_t at;
	if (w->missing) {
		if (n < w->missing) {
			memcpy(w->cut + w->ncut, s, n);
			w->ncut += n;
			w->missing -= n;
			return STEP_ON;
		}
		push_piece(w, s + w->missing, n - w->missing, stable);
		push_completed_piece(w, s, w->missing);
		return STEP_ON;
	}
	if (n > PIECE_BYTES) {
		push_piece(w, s + PIECE_BYTES, n - PIECE_BYTES, true);
		push_piece(w, s, PIECE_BYTES, true);
		return STEP_ON;
	}
	step st = convert_piece(w, s, n, &at);
	if (st == STEP_ERROR)
		*rest = rest_in_list(w, new_binary(w, s + at, n - at));
	return st;
}

/* A binary ending the list being walked (or all of the data). */
static step tail_binary(walker *w, const uint8_t *s, size_t n, term *rest)
{
	size_t at;
	w->list = NIL;
	if (w->missing) {
		if (n < w->missing) {
			memcpy(w->cut + w->ncut, s, n);
			w->ncut += n;
			w->missing -= n;
			return STEP_ON;
		}
		/* OTP walks [Pending, Binary] here. */
		push_piece(w, s, n, true);
		push_completed_piece(w, s, 0);
		return STEP_ON;
	}
	if (n > PIECE_BYTES) {
		push_piece(w, s + PIECE_BYTES, n - PIECE_BYTES, true);
		push_piece(w, s, PIECE_BYTES, true);
		return STEP_ON;
	}
	step st = convert_piece(w, s, n, &at);
	if (st == STEP_ERROR)
		*rest = new_binary(w, s + at, n - at);
	return st;
}

/* An integer element, still on the list: w->list is [x | ...]. */
static step list_integer(walker *w, term x, term *rest)
{
	if (w->missing) {
		/* [Pending | the list from this element]. */
		*rest = rest_in_list(w, new_binary(w, w->cut, w->ncut));
		return STEP_ERROR;
	}
	w->list = list_tail(w->list);
	bool negative = is_small(x) ? small_value(x) < 0 : big_is_negative(x);
	bool in_limit = negative || (is_small(x) && small_value(x) <= w->limit);
	if (in_limit && w->to_latin1) {
		/* Made a byte by list_to_binary/1, which refuses negatives. */
		if (negative)
			return STEP_BADARG;
		return emit(w, (uint32_t)small_value(x)) ? STEP_ON : STEP_BADARG;
	}
	if (in_limit && is_small(x) && uni_is_scalar(small_value(x)))
		return emit(w, (uint32_t)small_value(x)) ? STEP_ON : STEP_BADARG;
	*rest = rest_in_list(w, cons(w, x, NIL));
	return STEP_ERROR;
}

/* One step of the walk: the head of the list being walked, or its end. */
static step walk_step(walker *w, term *rest, bool *done)
{
	w->work++;
	if (w->npieces) {
		piece pc = w->pieces[--w->npieces];
		return list_binary(w, piece_bytes(&pc), pc.len, pc.data != NULL, rest);
	}
	term l = w->list;
	if (is_list(l)) {
		term h = list_head(l);
		if (is_integer(h))
			return list_integer(w, h, rest);
		if (is_list(h) || is_nil(h)) {
			if (!term_stack_push(&w->outer, list_tail(l))) {
				w->no_memory = true;
				return STEP_BADARG;
			}
			w->list = h;
			return STEP_ON;
		}
		if (!is_binary(h))
			return STEP_BADARG;
		size_t n;
		const uint8_t *s = binary_bytes(w, h, &n);
		if (w->no_memory)
			return STEP_BADARG;
		w->list = list_tail(l);
		return list_binary(w, s, n, true, rest);
	}
	if (is_nil(l)) {
		if (w->outer.n)
			w->list = w->outer.items[--w->outer.n];
		else
			*done = true;
		return STEP_ON;
	}
	if (!is_binary(l))
		return STEP_BADARG;
	size_t n;
	const uint8_t *s = binary_bytes(w, l, &n);
	if (w->no_memory)
		return STEP_BADARG;
	return tail_binary(w, s, n, rest);
}

/* An error's rest, once for each enclosing list: [Rest | Tail]. */
static term wrap_in_outer(walker *w, term rest)
{
	while (w->outer.n && rest != THE_NON_VALUE)
		rest = cons(w, rest, w->outer.items[--w->outer.n]);
	return rest;
}

static chardata_status walk(walker *w, term data, term *rest)
{
	bool done = false;
	w->list = data;
	while (!done) {
		step st = walk_step(w, rest, &done);
		if (w->no_memory)
			return CHARDATA_NO_MEMORY;
		if (st == STEP_BADARG)
			return CHARDATA_BADARG;
		if (st == STEP_ERROR) {
			*rest = wrap_in_outer(w, *rest);
			return w->no_memory ? CHARDATA_NO_MEMORY : CHARDATA_ERROR;
		}
	}
	if (!w->missing)
		return CHARDATA_OK;
	*rest = new_binary(w, w->cut, w->ncut);
	return w->no_memory ? CHARDATA_NO_MEMORY : CHARDATA_INCOMPLETE;
}

chardata_status chardata_transcode(process *p, term data, uni_encoding in, uni_encoding out,
                                   chardata_result *r)
{
	walker w = {
	    .p = p,
	    .in = in,
	    .out = out,
	    .to_latin1 = out == UNI_LATIN1,
	    .limit = in == UNI_LATIN1 || out == UNI_LATIN1 ? 255 : 0x10FFFF,
	};
	term rest = NIL;
	chardata_status st = walk(&w, data, &rest);
	p->reds -= (int64_t)(w.work / WORK_PER_REDUCTION);
	free(w.outer.items);
	for (size_t i = 0; i < w.ncopies; i++)
		free(w.copies[i]);
	free(w.copies);
	r->utf8 = NULL;
	r->len = 0;
	r->rest = NIL;
	if (st == CHARDATA_BADARG || st == CHARDATA_NO_MEMORY) {
		free(w.buf);
		return st;
	}
	if (!w.buf && !reserve(&w, 1))
		return CHARDATA_NO_MEMORY;
	r->utf8 = w.buf;
	r->len = w.len;
	r->rest = rest;
	return st;
}
