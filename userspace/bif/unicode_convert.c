/* Chardata to UTF-8 (see unicode_convert.h).
 *
 * Two passes, as in OTP: the first checks that the whole term is chardata
 * (badarg wins over any conversion error, wherever it sits) and sizes the
 * output; the second converts. The rest of an error is rebuilt from the
 * stack of pending list tails: [Where | Tail] for each level left open,
 * innermost first, and the bytes of a sequence left pending from earlier
 * binaries, if any, in front as [Pending, Rest].
 */
#include <stdlib.h>
#include <string.h>

#include "unicode_codec.h"
#include "unicode_convert.h"
#include "vm/binary.h"

/* Elements or binaries visited per reduction charged. */
#define WORK_PER_REDUCTION 16

bool term_stack_push(term_stack *s, term t)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 32;
		term *items = realloc(s->items, cap * sizeof(term));
		if (!items)
			return false;
		s->items = items;
		s->cap = cap;
	}
	s->items[s->n++] = t;
	return true;
}

typedef struct converter {
	process *p;
	bool latin1;
	uint8_t *out;
	size_t pos;
	uint8_t pending[4]; /* start of a sequence split over binaries */
	int npending;
	bool failed; /* an invalid character was met */
	bool no_memory;
	uint64_t work;
} converter;

/* Bytes the UTF-8 encoding of small integer element t takes at most (the
 * second pass rejects what is not a character). */
static uint64_t char_need(term t)
{
	if (!is_small(t))
		return 0;
	uint64_t x = (uint64_t)small_value(t);
	return x < 0x80 ? 1 : x < 0x800 ? 2 : x < 0x10000 ? 3 : 4;
}

static void binary_need(term bin, bool latin1, uint64_t *need)
{
	bitstring_view v;
	bitstring_get(bin, &v);
	uint64_t n = v.bitsize / 8;
	if (!latin1) {
		*need += n;
		return;
	}
	for (uint64_t i = 0; i < n; i++) {
		uint8_t b;
		bits_copy(&b, v.base, v.bitoffs + 8 * i, 8);
		*need += b & 0x80 ? 2 : 1;
	}
}

/* First pass: is data chardata, and how many output bytes at most. */
static chardata_status chardata_need(term data, bool latin1, uint64_t *need, uint64_t *work)
{
	*need = 0;
	if (is_nil(data))
		return CHARDATA_OK;
	if (is_bitstring(data)) {
		if (!is_binary(data))
			return CHARDATA_BADARG;
		++*work;
		binary_need(data, latin1, need);
		return CHARDATA_OK;
	}
	if (!is_list(data))
		return CHARDATA_BADARG;
	term_stack st = {0};
	chardata_status ret = CHARDATA_OK;
	if (!term_stack_push(&st, data))
		return CHARDATA_NO_MEMORY;
	while (st.n && ret == CHARDATA_OK) {
		term t = st.items[--st.n];
		while (is_list(t)) {
			term h = list_head(t);
			++*work;
			if (is_integer(h)) {
				*need += char_need(h);
			} else if (is_list(h)) {
				if (!term_stack_push(&st, list_tail(t))) {
					ret = CHARDATA_NO_MEMORY;
					break;
				}
				t = h;
				continue;
			} else if (is_binary(h)) {
				binary_need(h, latin1, need);
			} else if (!is_nil(h)) {
				ret = CHARDATA_BADARG;
				break;
			}
			t = list_tail(t);
		}
		if (ret != CHARDATA_OK || is_list(t) || is_nil(t))
			continue;
		if (is_binary(t))
			binary_need(t, latin1, need);
		else
			ret = CHARDATA_BADARG;
	}
	free(st.items);
	return ret;
}

static int utf8_seq_len(uint8_t lead)
{
	if (lead < 0x80)
		return 1;
	if ((lead & 0xE0) == 0xC0)
		return 2;
	if ((lead & 0xF0) == 0xE0)
		return 3;
	if ((lead & 0xF8) == 0xF0)
		return 4;
	return -1;
}

static bool is_cont(uint8_t b) { return (b & 0xC0) == 0x80; }

/* Whether s[0..len), len the length its lead byte announces, is one valid
 * character: no overlong forms, no surrogates, nothing above 0x10FFFF. */
static bool utf8_seq_valid(const uint8_t *s, int len)
{
	uint32_t cp;
	return uni_decode(UNI_UTF8, s, (size_t)len, &cp) == len;
}

/* For a sequence cut short by the end of input: whether what is there could
 * still begin a character (incomplete) or already cannot (error). Like OTP,
 * only the continuation bytes are looked at. */
static bool pending_could_complete(const uint8_t *s, int n)
{
	switch (utf8_seq_len(s[0])) {
	case 2:
		return true;
	case 3:
		return n < 2 || is_cont(s[1]);
	case 4:
		return n < 2 || (is_cont(s[1]) && (n < 3 || is_cont(s[2])));
	}
	return false;
}

static void emit_utf8(converter *c, uint32_t x)
{
	c->pos += (size_t)uni_encode(UNI_UTF8, x, c->out + c->pos);
}

/* One integer element; false when it is not a character of the input
 * encoding (bignums never are). */
static bool convert_char(converter *c, term t)
{
	if (!is_small(t))
		return false;
	uint64_t x = (uint64_t)small_value(t);
	if (c->latin1 && x > 255)
		return false;
	if ((x >= 0xD800 && x <= 0xDFFF) || x >= 0x110000)
		return false;
	emit_utf8(c, (uint32_t)x);
	return true;
}

/* UTF-8 bytes s[0..n): copies the valid characters, keeps a sequence cut
 * by the end in c->pending. Returns the offset of the first invalid
 * sequence, or n. An invalid sequence completing earlier pending bytes
 * reports offset 0 and leaves them pending. */
static size_t convert_utf8(converter *c, const uint8_t *s, size_t n)
{
	size_t i = 0;
	if (c->npending) {
		int len = utf8_seq_len(c->pending[0]);
		size_t missing = (size_t)(len - c->npending);
		if (n < missing) {
			memcpy(c->pending + c->npending, s, n);
			c->npending += (int)n;
			return n;
		}
		memcpy(c->pending + c->npending, s, missing);
		if (!utf8_seq_valid(c->pending, len))
			return 0;
		memcpy(c->out + c->pos, c->pending, (size_t)len);
		c->pos += (size_t)len;
		c->npending = 0;
		i = missing;
	}
	while (i < n) {
		int len = utf8_seq_len(s[i]);
		if (len < 0)
			return i;
		if (n - i < (size_t)len) {
			memcpy(c->pending, s + i, n - i);
			c->npending = (int)(n - i);
			return n;
		}
		if (!utf8_seq_valid(s + i, len))
			return i;
		memcpy(c->out + c->pos, s + i, (size_t)len);
		c->pos += (size_t)len;
		i += (size_t)len;
	}
	return n;
}

/* One binary. Returns NIL, or on an invalid character (c->failed) the
 * binary of the bytes from it on. THE_NON_VALUE when out of memory. */
static term convert_binary(converter *c, term bin)
{
	bitstring_view v;
	bitstring_get(bin, &v);
	size_t n = v.bitsize / 8;
	const uint8_t *s = bitstring_aligned_bytes(bin);
	uint8_t *copy = NULL;
	++c->work;
	if (!s && n) {
		copy = malloc(n);
		if (!copy)
			goto no_memory;
		bits_copy(copy, v.base, v.bitoffs, 8 * n);
		s = copy;
	}
	term rest = NIL;
	if (c->latin1) {
		for (size_t i = 0; i < n; i++)
			emit_utf8(c, s[i]);
	} else {
		size_t at = convert_utf8(c, s, n);
		if (at < n) {
			c->failed = true;
			rest = binary_new(&c->p->heap, s + at, n - at);
			if (rest == THE_NON_VALUE) {
				free(copy);
				goto no_memory;
			}
		}
	}
	c->work += n / 64;
	free(copy);
	return rest;
no_memory:
	c->no_memory = true;
	return THE_NON_VALUE;
}

static term cons(converter *c, term head, term tail)
{
	term *cell = heap_alloc(&c->p->heap, 2);
	if (!cell) {
		c->no_memory = true;
		return THE_NON_VALUE;
	}
	cell[0] = head;
	cell[1] = tail;
	return make_list(cell);
}

/* Second pass over chardata already checked. Returns NIL when all was
 * converted, else (c->failed) the rest. */
static term convert(converter *c, term data, term_stack *st)
{
	if (is_nil(data))
		return NIL;
	if (!is_list(data))
		return convert_binary(c, data);
	term where = NIL;
	if (!term_stack_push(st, data))
		goto no_memory;
	while (st->n) {
		term t = st->items[--st->n];
		while (is_list(t)) {
			term h = list_head(t);
			++c->work;
			if (is_integer(h)) {
				if (c->npending || !convert_char(c, h)) {
					c->failed = true;
					where = t;
					goto failed;
				}
			} else if (is_list(h)) {
				if (!term_stack_push(st, list_tail(t)))
					goto no_memory;
				t = h;
				continue;
			} else if (!is_nil(h)) {
				term rest = convert_binary(c, h);
				if (c->no_memory)
					return THE_NON_VALUE;
				if (c->failed) {
					where = cons(c, rest, list_tail(t));
					goto failed;
				}
			}
			t = list_tail(t);
		}
		if (!is_nil(t)) {
			term rest = convert_binary(c, t);
			if (c->no_memory)
				return THE_NON_VALUE;
			if (c->failed) {
				where = rest;
				goto failed;
			}
		}
	}
	return NIL;
failed:
	while (st->n && where != THE_NON_VALUE)
		where = cons(c, where, st->items[--st->n]);
	return where;
no_memory:
	c->no_memory = true;
	return THE_NON_VALUE;
}

chardata_status chardata_to_utf8(process *p, term data, bool latin1, chardata_result *r)
{
	uint64_t need = 0, work = 0;
	r->utf8 = NULL;
	r->len = 0;
	r->rest = NIL;
	chardata_status status = chardata_need(data, latin1, &need, &work);
	p->reds -= (int64_t)(work / WORK_PER_REDUCTION);
	if (status != CHARDATA_OK)
		return status;
	converter c = {.p = p, .latin1 = latin1};
	c.out = malloc(need ? need : 1);
	if (!c.out)
		return CHARDATA_NO_MEMORY;
	term_stack st = {0};
	term rest = convert(&c, data, &st);
	free(st.items);
	p->reds -= (int64_t)(c.work / WORK_PER_REDUCTION);
	if (c.no_memory)
		goto no_memory;
	if (c.npending) {
		term pending = binary_new(&p->heap, c.pending, (size_t)c.npending);
		if (pending == THE_NON_VALUE)
			goto no_memory;
		if (c.failed) {
			term tail = cons(&c, rest, NIL);
			rest = tail == THE_NON_VALUE ? tail : cons(&c, pending, tail);
			if (rest == THE_NON_VALUE)
				goto no_memory;
		} else {
			rest = pending;
			status = pending_could_complete(c.pending, c.npending) ? CHARDATA_INCOMPLETE
			                                                       : CHARDATA_ERROR;
		}
	}
	if (c.failed)
		status = CHARDATA_ERROR;
	r->utf8 = c.out;
	r->len = c.pos;
	r->rest = rest;
	return status;
no_memory:
	free(c.out);
	return CHARDATA_NO_MEMORY;
}
