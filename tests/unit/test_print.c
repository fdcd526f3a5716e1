/* ~w printing: hand-picked cases, then io_lib:format("~w") of OTP 25 byte
 * for byte (tests/oracle/term_order.erl, map_order.erl), and the shortest
 * form of a few thousand doubles. */
#include "unit.h"
#include "oracle_data.h"
#include "term_build.h"

#include <math.h>

#include "loader/etf.h"
#include "vm/atom.h"
#include "vm/binary.h"
#include "vm/export.h"
#include "vm/fun.h"
#include "vm/map.h"
#include "vm/print.h"

static kb_heap heap;

static term flt(double d) { return build_float(&heap, d); }

static term cons(term h, term t) { return build_cons(&heap, h, t); }

static term tuple3(term a, term b, term c)
{
	term *p = heap_alloc(&heap, 4);
	p[0] = make_header(3, SUBTAG_TUPLE);
	p[1] = a;
	p[2] = b;
	p[3] = c;
	return make_boxed(p);
}

/* Whether t prints as want. */
static bool prints(term t, const char *want)
{
	size_t n;
	char *s = term_to_text(t, &n);
	bool ok = s && n == strlen(want) && memcmp(s, want, n) == 0;
	if (!ok)
		fprintf(stderr, "printed \"%s\", expected \"%s\"\n", s ? s : "(null)", want);
	free(s);
	return ok;
}

static bool float_prints(double d, const char *want)
{
	char buf[FLOAT_SHORT_MAX];
	size_t n = float_to_short_text(d, buf);
	bool ok = n == strlen(want) && strcmp(buf, want) == 0;
	if (!ok)
		fprintf(stderr, "%.17g printed \"%s\", expected \"%s\"\n", d, buf, want);
	return ok;
}

static void floats_print_shortest(void)
{
	CHECK(float_prints(1.0, "1.0"));
	CHECK(float_prints(0.1, "0.1"));
	CHECK(float_prints(-0.0, "-0.0"));
	CHECK(float_prints(0.0, "0.0"));
	CHECK(float_prints(1e100, "1.0e100"));
	CHECK(float_prints(1.2345678901234567e-300, "1.2345678901234568e-300")); /* as OTP */
	CHECK(float_prints(100.0, "100.0"));
	CHECK(float_prints(1000.0, "1.0e3"));
	CHECK(float_prints(12340.0, "12340.0"));
	CHECK(float_prints(123400.0, "1.234e5"));
	CHECK(float_prints(0.0001, "0.0001"));
	CHECK(float_prints(0.00001, "1.0e-5"));
	CHECK(float_prints(1234567890.0, "1234567890.0"));
	CHECK(float_prints(12345678900.0, "12345678900.0"));
	CHECK(float_prints(5e-324, "5.0e-324"));
	CHECK(float_prints(1.7976931348623157e308, "1.7976931348623157e308"));
	CHECK(float_prints(9007199254740992.0, "9.007199254740992e15"));
	CHECK(float_prints(1e23, "1.0e23"));
	CHECK(float_prints(-2.5, "-2.5"));
	CHECK(float_prints(0x1p60, "1.152921504606847e18"));
}

/* The significant digits of a printed float (no sign, point, exponent,
 * leading or trailing zeros). */
static size_t significant_digits(const char *s, char *out)
{
	size_t n = 0;
	for (; *s && *s != 'e'; s++)
		if (*s >= '0' && *s <= '9' && (n || *s != '0'))
			out[n++] = *s;
	while (n > 1 && out[n - 1] == '0')
		n--;
	out[n] = 0;
	return n;
}

/* For random doubles: the text reads back as the same double, and no
 * shorter decimal does (found with the C library's correctly rounded
 * %.*e); at equal length the digits are the nearest ones. */
static void random_floats_round_trip_shortest(void)
{
	uint64_t x = 0x9e3779b97f4a7c15u;
	for (int i = 0; i < 40000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		uint64_t bits = i % 4 == 0 ? x >> (x % 64) : x; /* small and subnormal ones too */
		double d;
		memcpy(&d, &bits, sizeof d);
		if (isnan(d) || isinf(d))
			continue;
		char mine[FLOAT_SHORT_MAX], dm[32], libc[40], dl[32];
		float_to_short_text(d, mine);
		if (strtod(mine, NULL) != d ||
		    (d == 0 && signbit(d) != signbit(strtod(mine, NULL)))) {
			CHECKF(0, "%s does not read back as %016llx", mine,
			       (unsigned long long)bits);
			return;
		}
		size_t nm = significant_digits(mine, dm);
		int p = 1;
		for (; p <= 17; p++) {
			snprintf(libc, sizeof libc, "%.*e", p - 1, d);
			if (strtod(libc, NULL) == d)
				break;
		}
		size_t nl = significant_digits(libc, dl);
		if (nm > (size_t)p || (nm == nl && strcmp(dm, dl) != 0 && d != 0)) {
			CHECKF(0, "%016llx: kbeam %s, shortest nearest %s",
			       (unsigned long long)bits, mine, libc);
			return;
		}
	}
}

static void atoms_quote_as_io_lib(void)
{
	CHECK(prints(ATOM(ok), "ok"));
	CHECK(prints(atom_from_cstr("Hello"), "'Hello'"));
	CHECK(prints(atom_from_cstr("if"), "'if'"));
	CHECK(prints(atom_from_cstr("maybe"), "maybe"));
	CHECK(prints(atom_from_cstr(""), "''"));
	CHECK(prints(atom_from_cstr("a@b_9"), "a@b_9"));
	CHECK(prints(atom_from_cstr("it's"), "'it\\'s'"));
	CHECK(prints(atom_from_cstr("\xc3\xa9t\xc3\xa9"), "\xc3\xa9t\xc3\xa9")); /* été */
	CHECK(prints(atom_from_cstr("\xce\xa9"), "'\\x{3A9}'"));                 /* Ω */
	CHECK(prints(atom_from_cstr("a\nb\x01"), "'a\\nb\\001'"));
}

static void compound_terms(void)
{
	uint8_t b[3] = {1, 2, 255};
	term l = cons(make_small(1), cons(flt(2.5), make_small(3)));
	CHECK(prints(l, "[1,2.5|3]"));
	CHECK(prints(cons(make_small('a'), cons(make_small('b'), NIL)), "[97,98]"));
	CHECK(prints(tuple3(NIL, binary_new(&heap, b, 3), bitstring_new(&heap, b, 12)),
	             "{[],<<1,2,255>>,<<1,0:4>>}"));
	CHECK(prints(bitstring_new(&heap, b, 3), "<<0:3>>"));
	CHECK(prints(binary_new(&heap, b, 0), "<<>>"));
	term k[2] = {ATOM(ok), make_small(1)};
	term v[2] = {NIL, ATOM(error)};
	CHECK(prints(map_from_pairs(&heap, k, v, 2), "#{1 => error,ok => []}"));
	CHECK(prints(map_from_pairs(&heap, NULL, NULL, 0), "#{}"));
	CHECK(prints(make_local_pid((uint64_t)3 << PID_NUMBER_BITS | 77), "<0.77.3>"));
	CHECK(prints(make_local_port(5), "#Port<0.5>"));
	CHECK(prints(make_small(-576460752303423488), "-576460752303423488"));
	term *r = heap_alloc(&heap, 3); /* a local ref of one number */
	r[0] = make_header(2, SUBTAG_REF);
	r[1] = 1;
	r[2] = 7;
	CHECK(prints(make_boxed(r), "#Ref<0.0.0.7>"));
	term *xp = heap_alloc(&heap, 5); /* an older incarnation of this node */
	xp[0] = make_header(4, SUBTAG_EXTERNAL_PID);
	xp[1] = ATOM(nonode_nohost);
	xp[2] = 3;
	xp[3] = 12;
	xp[4] = 1;
	CHECK(prints(make_boxed(xp), "<0.12.1>"));
	term deep = NIL;
	for (int i = 0; i < 200000; i++)
		deep = cons(deep, NIL);
	size_t n;
	char *s = term_to_text(deep, &n);
	CHECK(s && n == 400000 - 2 + 4 && s[0] == '[' && s[n - 1] == ']');
	free(s);
}

static term export_term(export_entry *e)
{
	term *p = heap_alloc(&heap, 2);
	p[0] = make_header(1, SUBTAG_EXPORT);
	p[1] = (term)(uintptr_t)e;
	return make_boxed(p);
}

/* What OTP prints for these (term_order.erl has them too): the emulator
 * quotes by its own rules and writes UTF-8 bytes as characters. */
static void funs_print_as_fun_to_list(void)
{
	static export_entry e[6];
	e[0] = (export_entry){atom_from_cstr("lists"), atom_from_cstr("map"), 2, NULL};
	e[1] = (export_entry){atom_from_cstr("\xc3\x89lan"), atom_from_cstr("\xc3\xb1"), 1, NULL};
	e[2] = (export_entry){atom_from_cstr("ok\x01"), atom_from_cstr("f"), 0, NULL};
	e[3] = (export_entry){atom_from_cstr("a"), atom_from_cstr("x@y"), 1, NULL};
	e[4] = (export_entry){atom_from_cstr("a b"), atom_from_cstr("if"), 0, NULL};
	e[5] = (export_entry){atom_from_cstr("\xc2\x80"
	                                     "a"),
	                      atom_from_cstr("x'y"), 1, NULL};
	CHECK(prints(export_term(&e[0]), "fun lists:map/2"));
	CHECK(prints(export_term(&e[1]), "fun '\xc3\x83\xc2\x89lan':\xc3\x83\xc2\xb1/1"));
	CHECK(prints(export_term(&e[2]), "fun 'ok\\001':f/0"));
	CHECK(prints(export_term(&e[3]), "fun a:'x@y'/1"));
	CHECK(prints(export_term(&e[4]), "fun 'a b':if/0"));
	CHECK(prints(export_term(&e[5]), "fun '\\200a':'x\\'y'/1"));

	static fun_entry fe;
	fe.module = atom_from_cstr("my_mod");
	fe.index = 3;
	fe.old_uniq = 0x80000001u; /* an int in OTP: printed signed */
	term *p = heap_alloc(&heap, 5);
	p[0] = make_header(4, SUBTAG_FUN);
	p[FUN_ENTRY] = (term)(uintptr_t)&fe;
	p[FUN_CREATOR] = make_local_pid(0);
	p[FUN_NUM_FREE] = 1;
	p[FUN_ENV] = ATOM(ok);
	CHECK(prints(make_boxed(p), "#Fun<my_mod.3.-2147483647>"));
}

/* ---- the OTP oracle ---- */

static term decode_field(const char *s)
{
	const char *err;
	return oracle_decode_hex(&heap, s, &err);
}

/* Replaces the node channel numbers OTP prints (<N. and #Ref<N. ...) by
 * '#', for terms holding external pids, ports or refs. */
static void mask_channels(char *s)
{
	char *out = s;
	for (const char *p = s; *p;) {
		*out++ = *p;
		if (*p++ == '<' && *p >= '0' && *p <= '9') {
			const char *q = p;
			while (*q >= '0' && *q <= '9')
				q++;
			if (*q == '.') {
				*out++ = '#';
				p = q;
			}
		}
	}
	*out = 0;
}

/* Compares ~w of every term of a file's term field with OTP's text field.
 * A flag field of 1 marks terms with external identities (channel numbers
 * masked), 2 terms holding a map over 32 keys that OTP lays out by its own
 * atom indexes (skipped: no order can match). */
static void compare_prints(const char *test, const char *file, int term_field, int text_field,
                           int flag_field, size_t min_lines)
{
	size_t n, nt;
	char **lines = oracle_read_lines(file, &n);
	char **terms = term_field < 0 ? oracle_read_lines("term_order.terms", &nt) : NULL;
	if (!lines || (term_field < 0 && (!terms || nt != n))) {
		char why[128];
		snprintf(why, sizeof why, "missing %s", file);
		unit_result(test, 0, why);
		return;
	}
	size_t checked = 0, bad = 0, undecodable = 0, skipped = 0;
	char why[600] = "";
	for (size_t i = 0; i < n; i++) {
		char flag = flag_field >= 0 ? oracle_field(lines[i], flag_field)[0] : '0';
		if (flag == '2') {
			skipped++;
			continue;
		}
		term t =
		    decode_field(term_field < 0 ? terms[i] : oracle_field(lines[i], term_field));
		if (t == THE_NON_VALUE) {
			undecodable++; /* reported by test_compare and test_map */
			continue;
		}
		size_t wn;
		char *want = (char *)oracle_unhex(oracle_field(lines[i], text_field), &wn);
		char *got = term_to_text(t, NULL);
		if (got && flag == '1') {
			mask_channels(want);
			mask_channels(got);
		}
		checked++;
		if ((!got || strcmp(got, want) != 0) && !bad++)
			snprintf(why, sizeof why, "line %zu: OTP \"%.200s\", kbeam \"%.200s\"", i,
			         want, got ? got : "(null)");
		free(want);
		free(got);
	}
	char msg[800];
	snprintf(msg, sizeof msg, "%zu of %zu wrong (%zu not decoded, %zu skipped); first: %s", bad,
	         checked, undecodable, skipped, why);
	unit_result(test, bad == 0 && checked >= min_lines, msg);
	oracle_free_lines(lines, n);
	if (terms)
		oracle_free_lines(terms, nt);
}

static void oracle_floats(void)
{
	size_t n;
	char **lines = oracle_read_lines("term_order.floats", &n);
	if (!lines) {
		unit_result("otp_float_short_form", 0, "missing term_order.floats");
		return;
	}
	size_t bad = 0;
	char why[300] = "";
	for (size_t i = 0; i < n; i++) {
		unsigned long long bits;
		char want_short[64], want_w[64];
		if (sscanf(lines[i], "%llx %63s %63s", &bits, want_short, want_w) != 3) {
			if (!bad++)
				snprintf(why, sizeof why, "line %zu is malformed", i);
			continue;
		}
		double d;
		memcpy(&d, &bits, sizeof d);
		char got[FLOAT_SHORT_MAX];
		float_to_short_text(d, got);
		char *w = term_to_text(flt(d), NULL);
		if ((strcmp(got, want_short) != 0 || !w || strcmp(w, want_w) != 0) && !bad++)
			snprintf(why, sizeof why, "%016llx: OTP %s / %s, kbeam %s / %s", bits,
			         want_short, want_w, got, w ? w : "(null)");
		free(w);
	}
	char msg[400];
	snprintf(msg, sizeof msg, "%zu of %zu wrong; first: %s", bad, n, why);
	unit_result("otp_float_short_form", bad == 0 && n > 3000, msg);
	oracle_free_lines(lines, n);
}

int main(void)
{
	atom_table_init();
	heap_init(&heap);
	RUN(floats_print_shortest);
	RUN(random_floats_round_trip_shortest);
	RUN(atoms_quote_as_io_lib);
	RUN(compound_terms);
	RUN(funs_print_as_fun_to_list);
	oracle_floats();
	compare_prints("otp_print_corpus", "term_order.print", -1, 0, 1, 250);
	compare_prints("otp_print_maps", "map_order.maps", 2, 4, -1, 200);
	heap_free(&heap);
	return unit_exit();
}
