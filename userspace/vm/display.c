/* erlang:display/1's text (see display.h). The walk keeps what is still to
 * print on an explicit stack, so long lists and deep nesting cost heap, not
 * C stack.
 */
#include "display.h"

#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "ident.h"
#include "map.h"
#include "print.h"

/* ---- characters ---- */

/* A list element display shows in a string: printable Latin-1 or space. */
static bool is_string_char(int64_t c)
{
	if (c < 0 || c > 255)
		return false;
	if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
		return true;
	return !(c < ' ' || c == 127 || (c >= 128 && c < 160));
}

static void put(print_buf *b, char c) { print_buf_append(b, &c, 1); }

/* ---- leaves ---- */

static void display_float(print_buf *b, double d)
{
	char tmp[32];
	print_buf_append(b, tmp, (size_t)snprintf(tmp, sizeof tmp, "%.6e", d));
}

/* Byte i of a bitstring (whole bytes only). */
static uint8_t byte_at(const bitstring_view *v, uint64_t i)
{
	uint8_t x;
	bits_copy(&x, v->base, v->bitoffs + i * 8, 8);
	return x;
}

static void display_bitstring(print_buf *b, term t)
{
	bitstring_view v;
	bitstring_get(t, &v);
	uint64_t nbytes = v.bitsize / 8;
	unsigned tail = (unsigned)(v.bitsize % 8);
	bool text = nbytes > 0 && tail == 0;
	for (uint64_t i = 0; i < nbytes && text; i++) {
		uint8_t x = byte_at(&v, i);
		text = x >= ' ' && x < 127;
	}
	if (text) {
		print_buf_puts(b, "<<\"");
		for (uint64_t i = 0; i < nbytes; i++) {
			uint8_t x = byte_at(&v, i);
			if (x == '"')
				put(b, '\\');
			put(b, (char)x);
		}
		print_buf_puts(b, "\">>");
		return;
	}
	print_bitstring(b, t);
}

/* A proper, non-empty list of string characters. */
static bool is_display_string(term t)
{
	for (; is_list(t); t = list_tail(t)) {
		term h = list_head(t);
		if (!is_small(h) || !is_string_char(small_value(h)))
			return false;
	}
	return is_nil(t);
}

static void display_string(print_buf *b, term t)
{
	put(b, '"');
	for (; is_list(t); t = list_tail(t)) {
		char c = (char)small_value(list_head(t));
		if (c == '\n') {
			print_buf_puts(b, "\\n");
			continue;
		}
		if (c == '"')
			put(b, '\\');
		put(b, c);
	}
	put(b, '"');
}

/* ---- the walk ---- */

enum item_kind {
	I_TERM,  /* print t */
	I_TEXT,  /* print text */
	I_ELEMS, /* print ",e" for each of the n terms at p */
	I_TAIL,  /* the rest t of a list whose first elements were printed */
	I_PAIRS, /* print ",K=>V" for the n keys at p and values at q */
};

typedef struct item {
	enum item_kind kind;
	term t;
	const char *text;
	const term *p, *q;
	uint64_t n;
} item;

typedef struct display_stack {
	item *items;
	size_t len, cap;
	bool failed;
} display_stack;

static void push(display_stack *s, item it)
{
	if (s->failed)
		return;
	if (s->len == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		item *n = realloc(s->items, cap * sizeof *n);
		if (!n) {
			s->failed = true;
			return;
		}
		s->items = n;
		s->cap = cap;
	}
	s->items[s->len++] = it;
}

static void push_text(display_stack *s, const char *text)
{
	push(s, (item){.kind = I_TEXT, .text = text});
}

static void push_term(display_stack *s, term t) { push(s, (item){.kind = I_TERM, .t = t}); }

/* The first of n > 0 terms now, the others after commas. */
static void open_seq(display_stack *s, const term *p, uint64_t n)
{
	if (n > 1)
		push(s, (item){.kind = I_ELEMS, .p = p + 1, .n = n - 1});
	push_term(s, p[0]);
}

/* K=>V */
static void push_pair(display_stack *s, term k, term v)
{
	push_term(s, v);
	push_text(s, "=>");
	push_term(s, k);
}

static void put_bitmap(print_buf *b, const term *node)
{
	char tmp[8];
	print_buf_append(b, tmp, (size_t)snprintf(tmp, sizeof tmp, "%x", map_node_bitmap(node)));
}

static void display_map(print_buf *b, display_stack *s, term t)
{
	term *node = boxed_ptr(t);
	switch (map_node_kind(node)) {
	case MAP_KIND_FLAT: {
		uint64_t n = flatmap_size(t);
		print_buf_puts(b, "#{");
		push_text(s, "}");
		if (n == 0)
			return;
		const term *k = flatmap_keys(t), *v = flatmap_values(t);
		if (n > 1)
			push(s, (item){.kind = I_PAIRS, .p = k + 1, .q = v + 1, .n = n - 1});
		push_pair(s, k[0], v[0]);
		return;
	}
	case MAP_KIND_HEAD_ARRAY:
	case MAP_KIND_HEAD_BITMAP:
		put(b, '#');
		break;
	default:
		break;
	}
	/* a HAMT node shows its slot bitmap and its children, leaves as the
	 * [K|V] cells they are */
	put(b, '<');
	put_bitmap(b, node);
	print_buf_puts(b, ">{");
	push_text(s, "}");
	uint64_t n = hamt_node_count(node);
	if (n)
		open_seq(s, hamt_node_children(node), n);
}

/* Prints t, or its opening part; pushes the rest. */
static void display_one(print_buf *b, display_stack *s, term t)
{
	if (is_list(t)) {
		if (is_display_string(t)) {
			display_string(b, t);
			return;
		}
		put(b, '[');
		push_text(s, "]");
		push(s, (item){.kind = I_TAIL, .t = list_tail(t)});
		push_term(s, list_head(t));
		return;
	}
	if (is_integer(t)) {
		print_integer(b, t);
	} else if (is_atom(t)) {
		print_atom_erts(b, t, true);
	} else if (is_nil(t)) {
		print_buf_puts(b, "[]");
	} else if (is_pid(t)) {
		print_pid(b, t);
	} else if (is_port(t)) {
		print_port(b, t);
	} else if (is_ref(t)) {
		print_ref(b, t);
	} else if (is_float(t)) {
		display_float(b, float_value(t));
	} else if (is_bitstring(t)) {
		display_bitstring(b, t);
	} else if (is_any_fun(t)) {
		print_fun(b, t, true);
	} else if (is_tuple(t)) {
		uint64_t n = tuple_arity(t);
		put(b, '{');
		push_text(s, "}");
		if (n)
			open_seq(s, tuple_elems(t), n);
	} else if (is_map(t)) {
		display_map(b, s, t);
	} else {
		print_buf_puts(b, "<unknown>");
	}
}

static bool display_term(print_buf *b, term t)
{
	display_stack s = {0};
	push_term(&s, t);
	while (s.len && !s.failed && !b->failed) {
		item *it = &s.items[s.len - 1];
		switch (it->kind) {
		case I_TERM:
			s.len--;
			display_one(b, &s, it->t);
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
			put(b, ',');
			display_one(b, &s, e);
			break;
		}
		case I_TAIL: {
			term tail = it->t;
			s.len--;
			if (is_nil(tail))
				break;
			if (is_list(tail)) {
				/* the rest of a list is never checked for being
				 * a string: only whole lists are */
				put(b, ',');
				push(&s, (item){.kind = I_TAIL, .t = list_tail(tail)});
				display_one(b, &s, list_head(tail));
			} else {
				put(b, '|');
				display_one(b, &s, tail);
			}
			break;
		}
		case I_PAIRS: {
			term k = it->p[0], v = it->q[0];
			if (--it->n) {
				it->p++;
				it->q++;
			} else {
				s.len--;
			}
			put(b, ',');
			push_pair(&s, k, v);
			break;
		}
		}
	}
	bool ok = !s.failed && !b->failed;
	free(s.items);
	return ok;
}

char *term_display_text(term t, size_t *len) { return print_text(t, len, display_term); }
