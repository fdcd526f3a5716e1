/* The atom table: interning, names, UTF-8 and length rules, the limit. */
#include "unit.h"
#include "vm/atom.h"

static void predefined_atoms_have_their_names(void)
{
	size_t len;
	const char *s = atom_name(ATOM(true), &len);
	CHECK(len == 4 && memcmp(s, "true", 4) == 0);
	s = atom_name(ATOM(nonode_nohost), &len);
	CHECK(len == 13 && memcmp(s, "nonode@nohost", 13) == 0);
	CHECK(atom_from_cstr("false") == ATOM(false));
	CHECK(atom_index(ATOM(false)) == 0);
}

static void interning_is_idempotent(void)
{
	term a, b, c;
	CHECK(atom_put("hello", 5, &a) == ATOM_OK);
	CHECK(atom_put("hello", 5, &b) == ATOM_OK);
	CHECK(atom_put("hellp", 5, &c) == ATOM_OK);
	CHECK(a == b && a != c);
	CHECK(is_atom(a) && !is_small(a) && !is_nil(a));
	term e;
	CHECK(atom_put("", 0, &e) == ATOM_OK); /* '' is an atom */
	size_t len = 99;
	atom_name(e, &len);
	CHECK(len == 0);
}

static void lookup_finds_only_existing_atoms(void)
{
	term a, b;
	CHECK(atom_lookup("never_made_before_xyz", 21, &a) == ATOM_NOT_FOUND);
	CHECK(atom_put("made_now", 8, &a) == ATOM_OK);
	CHECK(atom_lookup("made_now", 8, &b) == ATOM_OK && a == b);
}

static void utf8_names_count_characters(void)
{
	term a;
	CHECK(atom_put("\xc3\xa5r", 3, &a) == ATOM_OK); /* "år" */
	CHECK(atom_chars(a) == 2 && atom_is_latin1(a));
	CHECK(atom_put("\xe2\x82\xac", 3, &a) == ATOM_OK); /* euro sign */
	CHECK(atom_chars(a) == 1 && !atom_is_latin1(a));
	/* 255 four-byte characters are allowed, 256 are not */
	char buf[4 * 256];
	for (int i = 0; i < 256; i++)
		memcpy(buf + 4 * i, "\xf0\x9f\x98\x80", 4);
	CHECK(atom_put(buf, 4 * 255, &a) == ATOM_OK && atom_chars(a) == 255);
	CHECK(atom_put(buf, 4 * 256, &a) == ATOM_TOO_LONG);
	char ascii[256];
	memset(ascii, 'a', sizeof ascii);
	CHECK(atom_put(ascii, 255, &a) == ATOM_OK);
	CHECK(atom_put(ascii, 256, &a) == ATOM_TOO_LONG);
}

static void malformed_utf8_is_refused(void)
{
	term a;
	CHECK(atom_put("\xc3", 1, &a) == ATOM_BAD_UTF8);             /* truncated */
	CHECK(atom_put("\xc0\x80", 2, &a) == ATOM_BAD_UTF8);         /* overlong */
	CHECK(atom_put("\xed\xa0\x80", 3, &a) == ATOM_BAD_UTF8);     /* surrogate */
	CHECK(atom_put("\xf4\x90\x80\x80", 4, &a) == ATOM_BAD_UTF8); /* > U+10FFFF */
	CHECK(atom_put("\xff", 1, &a) == ATOM_BAD_UTF8);
	CHECK(atom_put("a\x80", 2, &a) == ATOM_BAD_UTF8);
}

static void latin1_names_become_utf8(void)
{
	term a, b;
	const uint8_t l1[] = {0xe5, 'r'};
	CHECK(atom_put_latin1(l1, 2, &a) == ATOM_OK);
	CHECK(atom_put("\xc3\xa5r", 3, &b) == ATOM_OK);
	CHECK(a == b);
}

/* OTP's limit: 1,048,576 atoms, then system_limit. Runs last: it fills the
 * table. */
static void table_stops_at_the_limit(void)
{
	char name[32];
	size_t start = atom_count();
	atom_status s = ATOM_OK;
	size_t made = 0;
	for (size_t i = 0; s == ATOM_OK; i++) {
		int n = snprintf(name, sizeof name, "limit_test_%zu", i);
		term a;
		s = atom_put(name, (size_t)n, &a);
		if (s == ATOM_OK)
			made++;
	}
	CHECK(s == ATOM_TABLE_FULL);
	CHECK(atom_count() == ATOM_LIMIT);
	CHECK(start + made == ATOM_LIMIT);
	/* existing atoms are still found, new ones refused */
	term a;
	CHECK(atom_put("hello", 5, &a) == ATOM_OK);
	CHECK(atom_put("brand_new_atom", 14, &a) == ATOM_TABLE_FULL);
	size_t len;
	const char *last = atom_name(make_atom(ATOM_LIMIT - 1), &len);
	CHECK(len > 11 && memcmp(last, "limit_test_", 11) == 0);
}

int main(void)
{
	atom_table_init();
	RUN(predefined_atoms_have_their_names);
	RUN(interning_is_idempotent);
	RUN(lookup_finds_only_existing_atoms);
	RUN(utf8_names_count_characters);
	RUN(malformed_utf8_is_refused);
	RUN(latin1_names_become_utf8);
	RUN(table_stops_at_the_limit);
	return unit_exit();
}
