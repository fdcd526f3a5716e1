/* Funs, pids, ports and references as text and back: erlang:fun_to_list/1,
 * pid_to_list/1, port_to_list/1, ref_to_list/1 (the text erlang:display
 * prints, vm/print.h), and list_to_pid/1, list_to_port/1, list_to_ref/1.
 *
 * The parsers follow OTP 25's: the list must be bytes, at most as long as
 * the longest text OTP reads (64, 38 and 71 bytes), read as a C string (a
 * NUL byte ends it), its numbers accumulated in unsigned 64-bit words that
 * wrap (a port's node in 32 bits), each step checked in OTP's order. The
 * first number names the node: 0 is this node; kbeam is never distributed,
 * so any other node is badarg, as OTP answers for a node it does not know.
 * OTP also requires a reference's second number to carry a scheduler id no
 * larger than its scheduler count; kbeam's references carry none, so it
 * skips that check.
 */
#include <stdlib.h>
#include <string.h>

#include "bif.h"
#include "erlang_misc.h"
#include "vm/ident.h"
#include "vm/print.h"

/* ---- to text ---- */

/* The bytes b holds as a list of integers. */
static term bytes_to_list(process *p, print_buf *b)
{
	if (b->failed) {
		print_buf_free(b);
		return bif_no_memory(p);
	}
	term *cells = b->len ? heap_alloc(&p->heap, 2 * b->len) : NULL;
	if (b->len && !cells) {
		print_buf_free(b);
		return bif_no_memory(p);
	}
	term l = NIL;
	for (size_t i = b->len; i-- > 0;) {
		cells[2 * i] = make_small((uint8_t)b->data[i]);
		cells[2 * i + 1] = l;
		l = make_list(&cells[2 * i]);
	}
	print_buf_free(b);
	return l;
}

term bif_erlang_fun_to_list_1(process *p, const term *args)
{
	if (!is_any_fun(args[0]))
		return bif_badarg(p);
	print_buf b;
	print_buf_init(&b);
	print_fun(&b, args[0], true);
	return bytes_to_list(p, &b);
}

term bif_erlang_pid_to_list_1(process *p, const term *args)
{
	if (!is_pid(args[0]))
		return bif_badarg(p);
	print_buf b;
	print_buf_init(&b);
	print_pid(&b, args[0]);
	return bytes_to_list(p, &b);
}

term bif_erlang_port_to_list_1(process *p, const term *args)
{
	if (!is_port(args[0]))
		return bif_badarg(p);
	print_buf b;
	print_buf_init(&b);
	print_port(&b, args[0]);
	return bytes_to_list(p, &b);
}

term bif_erlang_ref_to_list_1(process *p, const term *args)
{
	if (!is_ref(args[0]))
		return bif_badarg(p);
	print_buf b;
	print_buf_init(&b);
	print_ref(&b, args[0]);
	return bytes_to_list(p, &b);
}

/* ---- from text ---- */

#define PID_TEXT_MAX 64
#define PORT_TEXT_MAX 38
#define REF_TEXT_MAX 71
#define PORT_NUMBER_MAX ((UINT64_C(1) << 28) - 1)
#define REF_FIRST_ID_LIMIT (UINT64_C(1) << 18)
#define REF_TEXT_NUMBERS 6 /* the node and up to five ids */
#define LOCAL_REF_IDS 3

/* A proper list of at most max bytes into buf as a C string (buf has room
 * for max + 1 bytes); false otherwise. */
static bool list_to_cstr(term l, char *buf, size_t max)
{
	size_t n = 0;
	for (; is_list(l); l = list_tail(l)) {
		term c = list_head(l);
		if (n == max || !is_small(c) || small_value(c) < 0 || small_value(c) > 255)
			return false;
		buf[n++] = (char)small_value(c);
	}
	buf[n] = '\0';
	return l == NIL;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Decimal digits at *s (at least one) into *v, wrapping modulo 2^64. */
static bool read_number(const char **s, uint64_t *v)
{
	if (!is_digit(**s))
		return false;
	*v = 0;
	while (is_digit(**s))
		*v = *v * 10 + (uint64_t)(*(*s)++ - '0');
	return true;
}

static bool expect(const char **s, char c) { return *(*s)++ == c; }

term bif_erlang_list_to_pid_1(process *p, const term *args)
{
	char buf[PID_TEXT_MAX + 1];
	const char *s = buf;
	uint64_t node, number, serial;
	if (!list_to_cstr(args[0], buf, PID_TEXT_MAX) || !expect(&s, '<') ||
	    !read_number(&s, &node) || !expect(&s, '.') || !read_number(&s, &number) ||
	    !expect(&s, '.') || !read_number(&s, &serial) || !expect(&s, '>') || *s)
		return bif_badarg(p);
	if (node != 0 || number >= (UINT64_C(1) << PID_NUMBER_BITS) ||
	    serial >= (UINT64_C(1) << PID_SERIAL_BITS))
		return bif_badarg(p);
	return make_local_pid(serial << PID_NUMBER_BITS | number);
}

term bif_erlang_list_to_port_1(process *p, const term *args)
{
	char buf[PORT_TEXT_MAX + 1];
	const char *s = buf;
	uint64_t node, number;
	if (!list_to_cstr(args[0], buf, PORT_TEXT_MAX) || strncmp(s, "#Port<", 6) != 0)
		return bif_badarg(p);
	s += 6;
	if (!read_number(&s, &node) || !expect(&s, '.') || !read_number(&s, &number) ||
	    !expect(&s, '>') || *s)
		return bif_badarg(p);
	/* OTP reads the node into 32 bits */
	if ((uint32_t)node != 0 || number > PORT_NUMBER_MAX)
		return bif_badarg(p);
	return make_local_port(number);
}

term bif_erlang_list_to_ref_1(process *p, const term *args)
{
	char buf[REF_TEXT_MAX + 1];
	const char *s = buf;
	uint64_t nums[REF_TEXT_NUMBERS];
	unsigned n = 0;
	if (!list_to_cstr(args[0], buf, REF_TEXT_MAX) || strncmp(s, "#Ref<", 5) != 0)
		return bif_badarg(p);
	s += 5;
	for (;;) {
		if (n == REF_TEXT_NUMBERS || !read_number(&s, &nums[n]) || nums[n] > UINT32_MAX)
			return bif_badarg(p);
		n++;
		if (*s == '>')
			break;
		if (!expect(&s, '.'))
			return bif_badarg(p);
	}
	s++;
	/* a local reference: node 0 and three ids, the last one printed first */
	if (*s || nums[0] != 0 || n - 1 != LOCAL_REF_IDS || nums[3] >= REF_FIRST_ID_LIMIT)
		return bif_badarg(p);
	term *r = heap_alloc(&p->heap, 2 + ref_id_words(LOCAL_REF_IDS));
	if (!r)
		return bif_no_memory(p);
	r[0] = make_header(1 + ref_id_words(LOCAL_REF_IDS), SUBTAG_REF);
	r[1] = LOCAL_REF_IDS;
	r[2] = nums[3] | nums[2] << 32;
	r[3] = nums[1];
	return make_boxed(r);
}
