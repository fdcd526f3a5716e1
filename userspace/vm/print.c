/* Terms as ~w text (see print.h). The walk keeps what is still to print on
 * an explicit stack, so long lists and deep nesting cost heap, not C stack.
 */
#include "print.h"

#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "fun.h"
#include "ident.h"
#include "map.h"

/* ---- the buffer ---- */

void print_buf_init(print_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->failed = false;
}

void print_buf_free(print_buf *b)
{
	free(b->data);
	print_buf_init(b);
}

void print_buf_append(print_buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *d = realloc(b->data, cap);
		if (!d) {
			b->failed = true;
			return;
		}
		b->data = d;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = 0;
}

/* Shortest round-trip form: float_to_list(F, [short]). */
static void print_float(print_buf *b, term t)
{
	char tmp[FLOAT_SHORT_MAX];
	print_buf_append(b, tmp, float_to_short_text(float_value(t), tmp));
}

/* ---- the walk ---- */

enum item_kind { I_TERM, I_TEXT, I_ELEMS, I_TAIL, I_PAIRS };

typedef struct print_item {
	enum item_kind kind;
	term t;           /* I_TERM, I_TAIL */
	const char *text; /* I_TEXT */
	const term *p;    /* I_ELEMS: elements; I_PAIRS: key, value, key, ... */
	size_t n;
	bool first;
} print_item;

typedef struct print_stack {
	print_item *items;
	size_t len, cap;
	term **owned;
	size_t nowned, capowned;
	bool failed;
} print_stack;

static void push(print_stack *s, print_item it)
{
	if (s->failed)
		return;
	if (s->len == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 32;
		print_item *n = realloc(s->items, cap * sizeof *n);
		if (!n) {
			s->failed = true;
			return;
		}
		s->items = n;
		s->cap = cap;
	}
	s->items[s->len++] = it;
}

/* A map's pairs in print order, as one array the stack owns. */
static term *map_pairs(print_stack *s, term m)
{
	if (s->nowned == s->capowned) {
		size_t cap = s->capowned ? s->capowned * 2 : 8;
		term **n = realloc(s->owned, cap * sizeof *n);
		if (!n)
			return NULL;
		s->owned = n;
		s->capowned = cap;
	}
	term *kv = malloc(2 * map_size(m) * sizeof *kv);
	if (!kv)
		return NULL;
	s->owned[s->nowned++] = kv;
	map_iter it;
	map_iter_init_next(&it, m);
	for (size_t i = 0; map_iter_next(&it, &kv[i], &kv[i + 1]); i += 2)
		;
	return kv;
}

/* Prints t, or its opening part; pushes the rest. */
static void print_one(print_buf *b, print_stack *s, term t)
{
	if (is_list(t)) {
		print_buf_append(b, "[", 1);
		push(s, (print_item){.kind = I_TEXT, .text = "]"});
		push(s, (print_item){.kind = I_TAIL, .t = list_tail(t)});
		push(s, (print_item){.kind = I_TERM, .t = list_head(t)});
		return;
	}
	if (is_small(t) || is_big(t)) {
		print_integer(b, t);
	} else if (is_atom(t)) {
		print_atom(b, t);
	} else if (is_nil(t)) {
		print_buf_puts(b, "[]");
	} else if (is_pid(t)) {
		print_pid(b, t);
	} else if (is_port(t)) {
		print_port(b, t);
	} else if (is_ref(t)) {
		print_ref(b, t);
	} else if (is_float(t)) {
		print_float(b, t);
	} else if (is_bitstring(t)) {
		print_bitstring(b, t);
	} else if (is_any_fun(t)) {
		print_fun(b, t, false);
	} else if (is_tuple(t)) {
		uint64_t n = tuple_arity(t);
		if (n == 0) {
			print_buf_puts(b, "{}");
			return;
		}
		print_buf_append(b, "{", 1);
		push(s, (print_item){.kind = I_TEXT, .text = "}"});
		if (n > 1)
			push(s, (print_item){.kind = I_ELEMS, .p = tuple_elems(t) + 1, .n = n - 1});
		push(s, (print_item){.kind = I_TERM, .t = tuple_get(t, 1)});
	} else if (is_map(t)) {
		size_t n = map_size(t);
		if (n == 0) {
			print_buf_puts(b, "#{}");
			return;
		}
		term *kv = map_pairs(s, t);
		if (!kv) {
			s->failed = true;
			return;
		}
		print_buf_puts(b, "#{");
		push(s, (print_item){.kind = I_TEXT, .text = "}"});
		push(s, (print_item){.kind = I_PAIRS, .p = kv, .n = n, .first = true});
	} else {
		print_buf_puts(b, "<not a term>");
	}
}

bool print_term(print_buf *b, term t)
{
	print_stack s = {0};
	push(&s, (print_item){.kind = I_TERM, .t = t});
	while (s.len && !s.failed && !b->failed) {
		print_item *it = &s.items[s.len - 1];
		switch (it->kind) {
		case I_TERM:
			s.len--;
			print_one(b, &s, it->t);
			break;
		case I_TEXT:
			s.len--;
			print_buf_puts(b, it->text);
			break;
		case I_ELEMS: {
			term e = it->p[0];
			if (--it->n)
				it->p++;
			else
				s.len--;
			print_buf_append(b, ",", 1);
			print_one(b, &s, e);
			break;
		}
		case I_TAIL: {
			term tail = it->t;
			s.len--;
			if (is_nil(tail))
				break;
			if (is_list(tail)) {
				print_buf_append(b, ",", 1);
				push(&s, (print_item){.kind = I_TAIL, .t = list_tail(tail)});
				print_one(b, &s, list_head(tail));
			} else {
				print_buf_append(b, "|", 1);
				print_one(b, &s, tail);
			}
			break;
		}
		case I_PAIRS: {
			term k = it->p[0], v = it->p[1];
			if (!it->first)
				print_buf_append(b, ",", 1);
			it->first = false;
			if (--it->n)
				it->p += 2;
			else
				s.len--;
			push(&s, (print_item){.kind = I_TERM, .t = v});
			push(&s, (print_item){.kind = I_TEXT, .text = " => "});
			print_one(b, &s, k);
			break;
		}
		}
	}
	bool ok = !s.failed && !b->failed;
	free(s.items);
	for (size_t i = 0; i < s.nowned; i++)
		free(s.owned[i]);
	free(s.owned);
	if (!ok)
		b->failed = true;
	return ok;
}

char *print_text(term t, size_t *len, bool (*printer)(print_buf *b, term t))
{
	print_buf b;
	print_buf_init(&b);
	print_buf_append(&b, "", 0);
	if (!printer(&b, t)) {
		print_buf_free(&b);
		return NULL;
	}
	if (len)
		*len = b.len;
	return b.data;
}

char *term_to_text(term t, size_t *len) { return print_text(t, len, print_term); }
