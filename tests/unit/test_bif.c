/* BIFs against OTP: every bif_cases_*.etf file in the oracle directory
 * (written by tests/oracle/bif_cases_FAMILY.erl) holds
 *   term_to_binary([{Module, Function, Args, Outcome}])
 * with Outcome {ok, Result} or {Class, Reason}, as OTP 25 answered
 * apply(Module, Function, Args). Each case runs on a fresh test process;
 * the result must be =:= OTP's, or the exception of the same class with a
 * reason =:= OTP's. One PASS/FAIL line per Module:Function/Arity, naming
 * the first mismatch; a FAIL for a BIF the vectors name that kbeam lacks,
 * and for a BIF kbeam has that no vector file tests. */
#include "unit.h"

#include <dirent.h>

#include "bif/bif.h"
#include "oracle_data.h"
#include "vm/atom.h"
#include "vm/compare.h"
#include "vm/print.h"

/* The decoded files: the cases point into these heaps. */
static kb_heap case_heap;

typedef struct bif_case {
	term module, name, args, outcome;
	unsigned arity;
	const char *file;
} bif_case;

typedef struct case_group {
	term module, name;
	unsigned arity;
	size_t first; /* index of the first case in `order` */
	size_t count;
} case_group;

static bif_case *cases;
static size_t ncases, cases_cap;

/* Length of a proper list, or -1. */
static long list_length(term l)
{
	long n = 0;
	while (is_list(l)) {
		n++;
		l = list_tail(l);
	}
	return is_nil(l) ? n : -1;
}

static bool add_case(const bif_case *c)
{
	if (ncases == cases_cap) {
		size_t cap = cases_cap ? cases_cap * 2 : 1024;
		bif_case *n = realloc(cases, cap * sizeof *n);
		if (!n)
			return false;
		cases = n;
		cases_cap = cap;
	}
	cases[ncases++] = *c;
	return true;
}

/* Reads one vector file; false with why when it is unreadable or not a
 * list of {M, F, Args, Outcome}. */
static bool load_file(const char *name, char *why, size_t whylen)
{
	size_t len, used = 0;
	const char *err = NULL;
	uint8_t *data = oracle_read_file(name, &len);
	if (!data) {
		snprintf(why, whylen, "cannot read %s/%s", oracle_dir(), name);
		return false;
	}
	term l = etf_decode(&case_heap, data, len, 0, &used, &err);
	free(data);
	if (l == THE_NON_VALUE || used != len) {
		snprintf(why, whylen, "does not decode: %s", err ? err : "trailing bytes");
		return false;
	}
	char *file = strdup(name);
	if (!file) {
		snprintf(why, whylen, "out of memory");
		return false;
	}
	size_t i = 0, before = ncases;
	bool ok = false;
	for (; is_list(l); l = list_tail(l), i++) {
		term c = list_head(l);
		if (!is_tuple(c) || tuple_arity(c) != 4 || !is_atom(tuple_get(c, 1)) ||
		    !is_atom(tuple_get(c, 2)) || list_length(tuple_get(c, 3)) < 0 ||
		    !is_tuple(tuple_get(c, 4)) || tuple_arity(tuple_get(c, 4)) != 2 ||
		    !is_atom(tuple_get(tuple_get(c, 4), 1))) {
			snprintf(why, whylen, "case %zu is not {M, F, Args, Outcome}", i);
			goto out;
		}
		bif_case bc = {
		    .module = tuple_get(c, 1),
		    .name = tuple_get(c, 2),
		    .args = tuple_get(c, 3),
		    .outcome = tuple_get(c, 4),
		    .arity = (unsigned)list_length(tuple_get(c, 3)),
		    .file = file,
		};
		if (!add_case(&bc)) {
			snprintf(why, whylen, "out of memory");
			goto out;
		}
	}
	if (!is_nil(l))
		snprintf(why, whylen, "not a proper list");
	else
		ok = true;
out:
	if (ncases == before)
		free(file); /* no case refers to it */
	return ok;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Loads every bif_cases_*.etf (in name order); false when there is none. */
static bool load_all(void)
{
	DIR *d = opendir(oracle_dir());
	if (!d) {
		unit_result("bif vectors", 0, "cannot open the oracle directory");
		return false;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (strncmp(e->d_name, "bif_cases_", 10) || l < 4 ||
		    strcmp(e->d_name + l - 4, ".etf"))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = realloc(names, cap * sizeof *names);
		}
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	if (n == 0) {
		unit_result("bif vectors", 0, "no bif_cases_*.etf in the oracle directory");
		return false;
	}
	qsort(names, n, sizeof *names, name_cmp);
	for (size_t i = 0; i < n; i++) {
		char why[512] = "", label[300];
		snprintf(label, sizeof label, "bif vectors %s", names[i]);
		bool ok = load_file(names[i], why, sizeof why);
		unit_result(label, ok, why);
		free(names[i]);
	}
	free(names);
	return true;
}

/* ---- running and reporting ---- */

/* term_to_text cut to a readable length, into buf. */
static void show(print_buf *b, term t)
{
	size_t len;
	char *s = term_to_text(t, &len);
	if (!s) {
		print_buf_puts(b, "<out of memory>");
		return;
	}
	if (len > 300) {
		print_buf_append(b, s, 300);
		print_buf_puts(b, "...");
	} else {
		print_buf_append(b, s, len);
	}
	free(s);
}

static const char *class_name(exc_class c)
{
	switch (c) {
	case EXC_ERROR:
		return "error";
	case EXC_EXIT:
		return "exit";
	case EXC_THROW:
		return "throw";
	default:
		return "none";
	}
}

static void show_mfa(print_buf *b, term m, term f, unsigned arity)
{
	print_atom(b, m);
	print_buf_puts(b, ":");
	print_atom(b, f);
	char a[16];
	snprintf(a, sizeof a, "/%u", arity);
	print_buf_puts(b, a);
}

/* Runs one case; true when kbeam agrees with OTP. Otherwise describes
 * the difference into b. */
static bool run_case(const bif_def *def, const bif_case *c, print_buf *b)
{
	term args[256];
	unsigned i = 0;
	for (term l = c->args; is_list(l) && i < 256; l = list_tail(l))
		args[i++] = list_head(l);
	process p = {.reds = 4000};
	heap_init(&p.heap);
	term r = def->fn(&p, args);
	term want_class = tuple_get(c->outcome, 1), want = tuple_get(c->outcome, 2);
	bool ok;
	if (r != THE_NON_VALUE)
		ok = want_class == ATOM(ok) && term_eq_exact(r, want);
	else
		ok = p.freason != EXC_NONE && want_class == atom_from_cstr(class_name(p.freason)) &&
		     term_eq_exact(p.fvalue, want);
	if (!ok) {
		print_atom(b, c->module);
		print_buf_puts(b, ":");
		print_atom(b, c->name);
		print_buf_puts(b, "(");
		for (unsigned k = 0; k < i; k++) {
			if (k)
				print_buf_puts(b, ", ");
			show(b, args[k]);
		}
		print_buf_puts(b, "): OTP ");
		print_atom(b, want_class);
		print_buf_puts(b, ":");
		show(b, want);
		print_buf_puts(b, ", kbeam ");
		if (r != THE_NON_VALUE) {
			print_buf_puts(b, "ok:");
			show(b, r);
		} else {
			print_buf_puts(b, class_name(p.freason));
			print_buf_puts(b, ":");
			if (p.freason != EXC_NONE)
				show(b, p.fvalue);
		}
		print_buf_puts(b, " [");
		print_buf_puts(b, c->file);
		print_buf_puts(b, "]");
	}
	heap_free(&p.heap);
	return ok;
}

static void run_group(const case_group *g, const size_t *order)
{
	print_buf name, why;
	print_buf_init(&name);
	print_buf_init(&why);
	print_buf_puts(&name, "bif ");
	show_mfa(&name, g->module, g->name, g->arity);
	const bif_def *def = bif_lookup(g->module, g->name, g->arity);
	if (!def) {
		char msg[64];
		snprintf(msg, sizeof msg, "not in kbeam (%zu cases)", g->count);
		unit_result(name.data ? name.data : "bif ?", 0, msg);
	} else {
		size_t bad = 0;
		for (size_t i = 0; i < g->count; i++) {
			print_buf one;
			print_buf_init(&one);
			if (!run_case(def, &cases[order[g->first + i]], &one) && bad++ == 0)
				print_buf_append(&why, one.data, one.len);
			print_buf_free(&one);
		}
		char counts[96];
		snprintf(counts, sizeof counts, " (%zu of %zu cases differ; the first shown)", bad,
		         g->count);
		print_buf_puts(&why, counts);
		if (bad == 0) {
			snprintf(counts, sizeof counts, " (%zu cases)", g->count);
			print_buf_puts(&name, counts);
		}
		unit_result(name.data ? name.data : "bif ?", bad == 0, why.data);
	}
	print_buf_free(&name);
	print_buf_free(&why);
}

static int case_order(const void *a, const void *b)
{
	const bif_case *x = &cases[*(const size_t *)a], *y = &cases[*(const size_t *)b];
	if (x->module != y->module)
		return x->module < y->module ? -1 : 1;
	if (x->name != y->name)
		return x->name < y->name ? -1 : 1;
	if (x->arity != y->arity)
		return x->arity < y->arity ? -1 : 1;
	/* stable: file order within one BIF */
	return *(const size_t *)a < *(const size_t *)b ? -1
	                                               : *(const size_t *)a > *(const size_t *)b;
}

int main(void)
{
	atom_table_init();
	heap_init(&case_heap);
	if (!load_all())
		return unit_exit();

	/* Group the cases by BIF. */
	size_t *order = malloc((ncases ? ncases : 1) * sizeof *order);
	case_group *groups = malloc((ncases ? ncases : 1) * sizeof *groups);
	if (!order || !groups) {
		unit_result("bif vectors", 0, "out of memory");
		return unit_exit();
	}
	for (size_t i = 0; i < ncases; i++)
		order[i] = i;
	qsort(order, ncases, sizeof *order, case_order);
	size_t ngroups = 0;
	for (size_t i = 0; i < ncases; i++) {
		const bif_case *c = &cases[order[i]];
		case_group *g = ngroups ? &groups[ngroups - 1] : NULL;
		if (!g || g->module != c->module || g->name != c->name || g->arity != c->arity)
			groups[ngroups++] = (case_group){c->module, c->name, c->arity, i, 0};
		groups[ngroups - 1].count++;
	}
	for (size_t i = 0; i < ngroups; i++)
		run_group(&groups[i], order);

	/* Every BIF kbeam has must be tested by some vector file. */
	for (size_t i = 0; i < bif_count(); i++) {
		const bif_def *d = bif_at(i);
		if (d->flags & BIF_NEEDS_PROCESS)
			continue;
		term m = atom_from_cstr(d->module), f = atom_from_cstr(d->name);
		bool found = false;
		for (size_t k = 0; k < ngroups && !found; k++)
			found = groups[k].module == m && groups[k].name == f &&
			        groups[k].arity == d->arity;
		if (!found) {
			print_buf name;
			print_buf_init(&name);
			print_buf_puts(&name, "bif ");
			show_mfa(&name, m, f, d->arity);
			unit_result(name.data, 0, "no case in any bif_cases_*.etf");
			print_buf_free(&name);
		}
	}

	for (size_t i = 0; i < ncases; i++)
		if (i == 0 || cases[i].file != cases[i - 1].file)
			free((char *)cases[i].file);
	free(cases);
	free(order);
	free(groups);
	heap_free(&case_heap);
	return unit_exit();
}
