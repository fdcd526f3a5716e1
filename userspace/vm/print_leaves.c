/* The leaves both printers write the same way: io_lib's ~w (print.c) and
 * erlang:display/1 (display.c) agree on integers, on bitstrings shown as
 * numbers, on pids, ports and refs, and on funs, but for how the bytes of
 * an atom in a fun come out (see print_atom_erts).
 */
#include "print.h"

#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "bignum.h"
#include "binary.h"
#include "export.h"
#include "fun.h"
#include "ident.h"

void print_u64(print_buf *b, uint64_t v)
{
	char tmp[24];
	print_buf_append(b, tmp, (size_t)snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v));
}

void print_i64(print_buf *b, int64_t v)
{
	char tmp[24];
	print_buf_append(b, tmp, (size_t)snprintf(tmp, sizeof tmp, "%lld", (long long)v));
}

void print_integer(print_buf *b, term t)
{
	if (is_small(t)) {
		print_i64(b, small_value(t));
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

/* <<1,2,3>>, <<1,2:4>>, <<5:3>> */
void print_bitstring(print_buf *b, term t)
{
	bitstring_view v;
	bitstring_get(t, &v);
	uint64_t nbytes = v.bitsize / 8;
	unsigned tail = (unsigned)(v.bitsize % 8);
	print_buf_puts(b, "<<");
	for (uint64_t i = 0; i < nbytes; i++) {
		uint8_t byte;
		bits_copy(&byte, v.base, v.bitoffs + i * 8, 8);
		if (i)
			print_buf_append(b, ",", 1);
		print_u64(b, byte);
	}
	if (tail) {
		uint8_t last;
		bits_copy(&last, v.base, v.bitoffs + nbytes * 8, tail);
		if (nbytes)
			print_buf_append(b, ",", 1);
		print_u64(b, (uint64_t)last >> (8 - tail));
		print_buf_append(b, ":", 1);
		print_u64(b, tail);
	}
	print_buf_puts(b, ">>");
}

/* The channel OTP prints first in a pid, port or ref: 0 for this node
 * (any incarnation of it), else the node name's atom index. */
static uint64_t node_channel(term t)
{
	term node = ident_node(t);
	return node == local_node_name() ? 0 : atom_index(node);
}

void print_pid(print_buf *b, term t)
{
	print_buf_append(b, "<", 1);
	print_u64(b, node_channel(t));
	print_buf_append(b, ".", 1);
	print_u64(b, pid_number(t));
	print_buf_append(b, ".", 1);
	print_u64(b, pid_serial(t));
	print_buf_append(b, ">", 1);
}

void print_port(print_buf *b, term t)
{
	print_buf_puts(b, "#Port<");
	print_u64(b, node_channel(t));
	print_buf_append(b, ".", 1);
	print_u64(b, port_id(t));
	print_buf_append(b, ">", 1);
}

void print_ref(print_buf *b, term t)
{
	print_buf_puts(b, "#Ref<");
	print_u64(b, node_channel(t));
	/* OTP's local refs have at least three numbers; shorter ones decoded
	 * from the external format are padded with zeros */
	unsigned n = ref_count(t), shown = is_local_ref(t) && n < 3 ? 3 : n;
	for (unsigned i = shown; i-- > 0;) {
		print_buf_append(b, ".", 1);
		print_u64(b, i < n ? ref_id(t, i) : 0);
	}
	print_buf_append(b, ">", 1);
}

/* As erlang:fun_to_list/1: fun M:F/A with atoms quoted by the emulator's
 * rules, or #Fun<Module.Index.OldUniq> with the module name's bytes
 * unquoted; OTP keeps index and old uniq as C ints. */
void print_fun(print_buf *b, term t, bool raw)
{
	if (is_export(t)) {
		const export_entry *e = export_get_entry(t);
		print_buf_puts(b, "fun ");
		print_atom_erts(b, e->module, raw);
		print_buf_append(b, ":", 1);
		print_atom_erts(b, e->function, raw);
		print_buf_append(b, "/", 1);
		print_u64(b, e->arity);
		return;
	}
	const fun_entry *fe = fun_get_entry(t);
	size_t n;
	const char *name = atom_name(fe->module, &n);
	print_buf_puts(b, "#Fun<");
	if (raw)
		print_buf_append(b, name, n);
	else
		for (size_t i = 0; i < n; i++)
			print_codepoint(b, (uint8_t)name[i]);
	print_buf_append(b, ".", 1);
	print_i64(b, (int32_t)fe->index);
	print_buf_append(b, ".", 1);
	print_i64(b, (int32_t)fe->old_uniq);
	print_buf_append(b, ">", 1);
}
