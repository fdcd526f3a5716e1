/* erlang:display/1's text against OTP 25 (tests/oracle/display_text.erl):
 * every vector's term is decoded from its external format and displayed
 * here; results are grouped by the kind of the outermost term. */
#include "unit.h"
#include "oracle_data.h"
#include "term_build.h"

#include "loader/etf.h"
#include "vm/atom.h"
#include "vm/binary.h"
#include "vm/display.h"
#include "vm/ident.h"

static kb_heap heap;

/* ---- the OTP oracle ---- */

typedef struct vector {
	char *hex; /* a prefix of term_to_binary(T), to name it */
	term t;
	uint8_t *text; /* what OTP displayed */
	size_t len;
} vector;

static vector *vectors;
static size_t nvectors;
static char load_error[400];

static bool load_vector(vector *v, const char *line)
{
	size_t hexlen = oracle_field_len(line);
	v->hex = strndup(line, hexlen < 40 ? hexlen : 40);
	v->text = oracle_unhex(oracle_field(line, 1), &v->len);
	if (!v->hex || !v->text) {
		snprintf(load_error, sizeof load_error, "out of memory");
		return false;
	}
	const char *err;
	v->t = oracle_decode_hex(&heap, line, &err);
	if (v->t == THE_NON_VALUE) {
		snprintf(load_error, sizeof load_error, "vector %zu (%s...): etf_decode: %s",
		         nvectors + 1, v->hex, err ? err : "?");
		return false;
	}
	return true;
}

static void load_vectors(void)
{
	size_t n;
	char **lines = oracle_read_lines("display_text.txt", &n);
	if (!lines) {
		snprintf(load_error, sizeof load_error, "cannot open %.300s/display_text.txt",
		         oracle_dir());
		return;
	}
	vectors = calloc(n ? n : 1, sizeof *vectors);
	for (size_t i = 0; i < n; i++) {
		vector *v = &vectors[nvectors];
		if (!load_vector(v, lines[i])) {
			free(v->hex);
			free(v->text);
			break;
		}
		nvectors++;
	}
	oracle_free_lines(lines, n);
	if (!load_error[0] && nvectors < 200)
		snprintf(load_error, sizeof load_error,
		         "only %zu vectors in %.300s/display_text.txt", nvectors, oracle_dir());
}

static void oracle_loaded(void) { CHECKF(load_error[0] == 0, "%.380s", load_error); }

/* ---- comparing, by kind ---- */

enum kind { K_NUMBER, K_ATOM, K_LIST, K_TUPLE, K_BITSTRING, K_MAP, K_IDENT, K_FUN, K_COUNT };
static const char *const kind_names[K_COUNT] = {
    "display_numbers",    "display_atoms", "display_lists",  "display_tuples",
    "display_bitstrings", "display_maps",  "display_idents", "display_funs",
};

static enum kind kind_of(term t)
{
	if (is_number(t))
		return K_NUMBER;
	if (is_atom(t))
		return K_ATOM;
	if (is_list(t) || is_nil(t))
		return K_LIST;
	if (is_tuple(t))
		return K_TUPLE;
	if (is_bitstring(t))
		return K_BITSTRING;
	if (is_map(t))
		return K_MAP;
	if (is_any_fun(t))
		return K_FUN;
	return K_IDENT;
}

/* Where two texts first differ, shown around that spot. */
static void describe_mismatch(char *why, size_t size, size_t i, const vector *v, const char *got,
                              size_t got_len)
{
	size_t at = 0;
	while (at < got_len && at < v->len && (uint8_t)got[at] == v->text[at])
		at++;
	size_t from = at > 20 ? at - 20 : 0;
	int n_otp = (int)(v->len - from < 60 ? v->len - from : 60);
	int n_got = (int)(got_len - from < 60 ? got_len - from : 60);
	snprintf(why, size, "vector %zu (%s...) differs at byte %zu: OTP \"%.*s\", kbeam \"%.*s\"",
	         i + 1, v->hex, at, n_otp, (const char *)v->text + from, n_got, got + from);
}

static void display_matches_otp(void)
{
	size_t counts[K_COUNT] = {0};
	char why[K_COUNT][400];
	bool failed[K_COUNT] = {false};
	for (size_t i = 0; i < nvectors; i++) {
		vector *v = &vectors[i];
		enum kind k = kind_of(v->t);
		counts[k]++;
		if (failed[k])
			continue;
		size_t len = 0;
		char *got = term_display_text(v->t, &len);
		if (!got) {
			failed[k] = true;
			snprintf(why[k], sizeof why[k], "vector %zu: out of memory", i + 1);
			continue;
		}
		if (len != v->len || memcmp(got, v->text, len) != 0 || strlen(got) != len) {
			failed[k] = true;
			describe_mismatch(why[k], sizeof why[k], i, v, got, len);
		}
		free(got);
	}
	for (int k = 0; k < K_COUNT; k++) {
		if (!failed[k] && counts[k] < 5) {
			failed[k] = true;
			snprintf(why[k], sizeof why[k], "only %zu vectors of this kind", counts[k]);
		}
		unit_result(kind_names[k], !failed[k], why[k]);
	}
}

/* ---- beyond the oracle ---- */

/* Bitstrings display by value, whatever their bit offset. */
static void bitstrings_at_any_offset(void)
{
	size_t tested = 0;
	for (size_t i = 0; i < nvectors && !unit_current_failed; i++) {
		vector *v = &vectors[i];
		if (!is_bitstring(v->t))
			continue;
		tested++;
		for (unsigned offs = 1; offs < 12 && !unit_current_failed; offs++) {
			size_t len;
			char *got =
			    term_display_text(build_shifted_copy(&heap, v->t, offs, 0xa5), &len);
			CHECKF(got && len == v->len && memcmp(got, v->text, len) == 0,
			       "vector %zu (%s...) at bit offset %u: \"%.60s\"", i + 1, v->hex,
			       offs, got ? got : "(null)");
			free(got);
		}
	}
	CHECKF(tested >= 15, "only %zu bitstring vectors", tested);
}

static bool displays_as(term t, const char *want)
{
	size_t len;
	char *got = term_display_text(t, &len);
	bool ok = got && len == strlen(want) && memcmp(got, want, len) == 0;
	if (!ok)
		CHECKF(0, "display gave \"%.100s\", want \"%s\"", got ? got : "(null)", want);
	free(got);
	return ok;
}

/* External pids, ports and refs name their node by its atom index here. */
static void external_idents(void)
{
	term node = atom_from_cstr("foo@bar");
	char want[64];
	term *p = heap_alloc(&heap, 5);
	p[0] = make_header(4, SUBTAG_EXTERNAL_PID);
	p[1] = node;
	p[2] = 3;
	p[3] = 70000;
	p[4] = 9;
	snprintf(want, sizeof want, "<%u.70000.9>", atom_index(node));
	displays_as(make_boxed(p), want);

	p = heap_alloc(&heap, 4);
	p[0] = make_header(3, SUBTAG_EXTERNAL_PORT);
	p[1] = node;
	p[2] = 3;
	p[3] = UINT64_C(0x123456789a);
	snprintf(want, sizeof want, "#Port<%u.78187493530>", atom_index(node));
	displays_as(make_boxed(p), want);

	p = heap_alloc(&heap, 3 + 1 + ref_id_words(5));
	p[0] = make_header(3 + ref_id_words(5), SUBTAG_EXTERNAL_REF);
	p[1] = node;
	p[2] = 3;
	p[3] = 5;
	p[4] = 1 | (uint64_t)2 << 32;
	p[5] = 3 | (uint64_t)4 << 32;
	p[6] = 5;
	snprintf(want, sizeof want, "#Ref<%u.5.4.3.2.1>", atom_index(node));
	displays_as(make_boxed(p), want);
}

/* A million levels of nesting use heap, not C stack. */
static void deep_terms(void)
{
	term l = build_nested_lists(&heap, 1000000), tup = build_nested_tuples(&heap, 1000000);
	size_t len = 0;
	char *s = term_display_text(l, &len);
	CHECK(s && len == 2000002 && s[0] == '[' && s[999999] == '[' && s[1000000] == '[' &&
	      s[1000001] == ']' && s[len - 1] == ']');
	free(s);
	s = term_display_text(tup, &len);
	CHECK(s && len == 2000002 && s[999999] == '{' && s[1000000] == '[' && s[1000001] == ']');
	free(s);
}

int main(void)
{
	atom_table_init();
	heap_init(&heap);
	load_vectors();
	RUN(oracle_loaded);
	display_matches_otp();
	RUN(bitstrings_at_any_offset);
	RUN(external_idents);
	RUN(deep_terms);
	for (size_t i = 0; i < nvectors; i++) {
		free(vectors[i].hex);
		free(vectors[i].text);
	}
	free(vectors);
	heap_free(&heap);
	return unit_exit();
}
