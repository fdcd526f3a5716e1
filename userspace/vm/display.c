/* erlang:display/1's text (see display.h). The walk keeps what is still to
 * print on an explicit stack, so long lists and deep nesting cost heap, not
 * C stack.
 */
#include "display.h"

#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "bignum.h"
#include "binary.h"
#include "export.h"
#include "fun.h"
#include "ident.h"
#include "map.h"
#include "print.h"

/* ---- characters, as the emulator's printer classifies Latin-1 ---- */

static bool is_latin1_lower(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 223 && c <= 255 && c != 247);
}

static bool is_latin1_upper(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 192 && c <= 222 && c != 215);
}

static bool is_latin1_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || is_latin1_lower(c) || is_latin1_upper(c);
}

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

static void put_u64(print_buf *b, uint64_t v)
{
	char tmp[24];
	print_buf_append(b, tmp, (size_t)snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v));
}

static void put_i64(print_buf *b, int64_t v)
{
	char tmp[24];
	print_buf_append(b, tmp, (size_t)snprintf(tmp, sizeof tmp, "%lld", (long long)v));
}

/* ---- atoms ---- */

/* Next code point of an atom's (valid) UTF-8 name, and its byte length. */
static uint32_t utf8_decode(const uint8_t *s, size_t *n)
{
	uint32_t c = s[0];
	size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (len > 1)
		c &= 0x7fu >> len;
	for (size_t i = 1; i < len; i++)
		c = c << 6 | (s[i] & 0x3f);
	*n = len;
	return c;
}

static bool atom_needs_quotes(const uint8_t *s, size_t n)
{
	if (n == 0)
		return true;
	size_t k;
	if (!is_latin1_lower(utf8_decode(s, &k)))
		return true;
	for (size_t i = k; i < n; i += k) {
		uint32_t c = utf8_decode(s + i, &k);
		if (!is_latin1_alnum(c) && c != '_')
			return true;
	}
	return false;
}

static void display_atom(print_buf *b, term atom)
{
	size_t n;
	const uint8_t *s = (const uint8_t *)atom_name(atom, &n);
	bool quote = atom_needs_quotes(s, n);
	if (quote)
		put(b, '\'');
	size_t k;
	for (size_t i = 0; i < n; i += k) {
		uint32_t c = utf8_decode(s + i, &k);
		const char *esc = NULL;
		/* clang-format off */
		switch (c) {
		case '\'': esc = "\\'"; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\f': esc = "\\f"; break;
		case '\t': esc = "\\t"; break;
		case '\r': esc = "\\r"; break;
		case '\b': esc = "\\b"; break;
		case '\v': esc = "\\v"; break;
		}
		/* clang-format on */
		if (esc) {
			print_buf_puts(b, esc);
		} else if (c < 32 || (c >= 128 && c <= 159)) {
			char tmp[8];
			print_buf_append(b, tmp, (size_t)snprintf(tmp, sizeof tmp, "\\%03o", c));
		} else {
			print_buf_append(b, (const char *)s + i, k);
		}
	}
	if (quote)
		put(b, '\'');
}

/* ---- leaves ---- */

static void display_integer(print_buf *b, term t)
{
	if (is_small(t)) {
		put_i64(b, small_value(t));
		return;
	}
	size_t n;
	char *s = int_to_text(t, 10, &n);
	if (!s) {
		b->failed = true;
		return;
	}
	print_buf_append(b, s, n);
	free(s);
}

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
	print_buf_puts(b, "<<");
	for (uint64_t i = 0; i < nbytes; i++) {
		if (i)
			put(b, ',');
		put_u64(b, byte_at(&v, i));
	}
	if (tail) {
		uint8_t last = 0;
		bits_copy(&last, v.base, v.bitoffs + nbytes * 8, tail);
		if (nbytes)
			put(b, ',');
		put_u64(b, last >> (8 - tail));
		put(b, ':');
		put_u64(b, tail);
	}
	print_buf_puts(b, ">>");
}

/* The channel OTP prints first in a pid, port or ref: 0 for this node,
 * else (here) the node name's atom index. */
static uint64_t node_channel(term t)
{
	term node = ident_node(t);
	return node == local_node_name() ? 0 : atom_index(node);
}

static void display_pid(print_buf *b, term t)
{
	put(b, '<');
	put_u64(b, node_channel(t));
	put(b, '.');
	put_u64(b, pid_number(t));
	put(b, '.');
	put_u64(b, pid_serial(t));
	put(b, '>');
}

static void display_port(print_buf *b, term t)
{
	print_buf_puts(b, "#Port<");
	put_u64(b, node_channel(t));
	put(b, '.');
	put_u64(b, port_id(t));
	put(b, '>');
}

static void display_ref(print_buf *b, term t)
{
	print_buf_puts(b, "#Ref<");
	put_u64(b, node_channel(t));
	/* OTP's local refs have at least three numbers; shorter ones decoded
	 * from the external format are padded with zeros */
	unsigned n = ref_count(t), shown = is_local_ref(t) && n < 3 ? 3 : n;
	for (unsigned i = shown; i-- > 0;) {
		put(b, '.');
		put_u64(b, i < n ? ref_id(t, i) : 0);
	}
	put(b, '>');
}

static void display_fun(print_buf *b, term t)
{
	if (is_export(t)) {
		const export_entry *e = export_get_entry(t);
		print_buf_puts(b, "fun ");
		display_atom(b, e->module);
		put(b, ':');
		display_atom(b, e->function);
		put(b, '/');
		put_u64(b, e->arity);
		return;
	}
	/* the module name's bytes, unquoted; OTP keeps index and old uniq
	 * as C ints */
	const fun_entry *fe = fun_get_entry(t);
	size_t n;
	const char *name = atom_name(fe->module, &n);
	print_buf_puts(b, "#Fun<");
	print_buf_append(b, name, n);
	put(b, '.');
	put_i64(b, (int32_t)fe->index);
	put(b, '.');
	put_i64(b, (int32_t)fe->old_uniq);
	put(b, '>');
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
		display_integer(b, t);
	} else if (is_atom(t)) {
		display_atom(b, t);
	} else if (is_nil(t)) {
		print_buf_puts(b, "[]");
	} else if (is_pid(t)) {
		display_pid(b, t);
	} else if (is_port(t)) {
		display_port(b, t);
	} else if (is_ref(t)) {
		display_ref(b, t);
	} else if (is_float(t)) {
		display_float(b, float_value(t));
	} else if (is_bitstring(t)) {
		display_bitstring(b, t);
	} else if (is_any_fun(t)) {
		display_fun(b, t);
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

char *term_display_text(term t, size_t *len)
{
	print_buf b;
	print_buf_init(&b);
	print_buf_append(&b, "", 0);
	if (!display_term(&b, t)) {
		print_buf_free(&b);
		return NULL;
	}
	if (len)
		*len = b.len;
	return b.data;
}
