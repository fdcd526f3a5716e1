/* binary:compile_pattern/1, match/2,3, matches/2,3 and split/2,3 on the
 * search of binary_module_search.c. Any bad argument is badarg. */
#include "binary_module_match.h"

#include "binary_module_bytes.h"
#include "binary_module_search.h"
#include "erlang_binaries_part.h"
#include "vm/bignum.h"

#include <stdlib.h>

/* Subject bytes searched per reduction charged. */
#define BYTES_PER_REDUCTION 256

enum { OPT_GLOBAL = 1, OPT_TRIM = 2, OPT_TRIM_ALL = 4 };

/* The options of match/3 (flags_allowed 0) or split/3: [{scope, {S, L}}]
 * and, for split, global, trim and trim_all. The scope, checked against
 * the subject's size, becomes [*from, *to). As in OTP, the tail of an
 * improper option list is not looked at. */
static bool search_options(term l, unsigned flags_allowed, size_t size, size_t *from, size_t *to,
                           unsigned *flags)
{
	*from = 0;
	*to = size;
	*flags = 0;
	if (!is_list(l) && !is_nil(l))
		return false;
	for (; is_list(l); l = list_tail(l)) {
		term o = list_head(l);
		if (o == ATOM(global) && (flags_allowed & OPT_GLOBAL)) {
			*flags |= OPT_GLOBAL;
		} else if (o == ATOM(trim) && (flags_allowed & OPT_TRIM)) {
			*flags |= OPT_TRIM;
		} else if (o == ATOM(trim_all) && (flags_allowed & OPT_TRIM_ALL)) {
			*flags |= OPT_TRIM_ALL;
		} else if (is_tuple(o) && tuple_arity(o) == 2 && tuple_get(o, 1) == ATOM(scope)) {
			term sc = tuple_get(o, 2);
			uint64_t start;
			int64_t len;
			if (!is_tuple(sc) || tuple_arity(sc) != 2 ||
			    !term_to_u64(tuple_get(sc, 1), &start) ||
			    !is_integer(tuple_get(sc, 2)) || !int_to_i64(tuple_get(sc, 2), &len))
				return false;
			if (len < 0) {
				if (len == INT64_MIN || (uint64_t)-len > start)
					return false;
				start -= (uint64_t)-len;
				len = -len;
			}
			if (start > size || (uint64_t)len > size - start)
				return false;
			*from = (size_t)start;
			*to = (size_t)(start + (uint64_t)len);
		} else {
			return false;
		}
	}
	return true;
}

static term pos_len(process *p, size_t pos, size_t len)
{
	term *hp = heap_alloc(&p->heap, 3);
	if (!hp)
		return THE_NON_VALUE;
	hp[0] = make_header(2, SUBTAG_TUPLE);
	hp[1] = make_small((int64_t)pos);
	hp[2] = make_small((int64_t)len);
	return make_boxed(hp);
}

/* What the three searches share: subject, pattern, options. */
typedef struct search {
	subject_bytes s;
	bin_pattern pat;
	size_t from, to;
	unsigned flags;
} search;

/* Reads the arguments; false with the exception raised. As in OTP, a
 * scope that ends at 0 (an empty subject, say) finds nothing, whatever the
 * pattern: the pattern is then not even checked. */
static bool search_begin(process *p, search *se, term subj, term pat, term opts, unsigned allowed)
{
	bool oom = false;
	memset(se, 0, sizeof *se);
	if (!is_binary(subj)) {
		bif_badarg(p);
		return false;
	}
	if (!subject_get(subj, &se->s)) {
		bif_no_memory(p);
		return false;
	}
	if (!search_options(opts, allowed, se->s.len, &se->from, &se->to, &se->flags) ||
	    (se->to > 0 && !bin_pattern_get(pat, &se->pat, &oom))) {
		bin_pattern_free(&se->pat);
		subject_free(&se->s);
		oom ? bif_no_memory(p) : bif_badarg(p);
		return false;
	}
	return true;
}

static void search_end(process *p, search *se)
{
	p->reds -= (int64_t)((se->to - se->from) * se->pat.n / BYTES_PER_REDUCTION);
	bin_pattern_free(&se->pat);
	subject_free(&se->s);
}

static term match(process *p, term subj, term pat, term opts)
{
	search se;
	size_t pos, len;
	if (!search_begin(p, &se, subj, pat, opts, 0))
		return THE_NON_VALUE;
	term r = ATOM(nomatch);
	if (bin_pattern_find(&se.pat, se.s.bytes, se.from, se.to, &pos, &len))
		r = pos_len(p, pos, len);
	search_end(p, &se);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

term bif_binary_match_2(process *p, const term *args) { return match(p, args[0], args[1], NIL); }

term bif_binary_match_3(process *p, const term *args)
{
	return match(p, args[0], args[1], args[2]);
}

/* Appends x to the list being built at *tail_slot. */
static bool append(process *p, term **tail_slot, term x)
{
	term *hp = heap_alloc(&p->heap, 2);
	if (!hp || x == THE_NON_VALUE)
		return false;
	hp[0] = x;
	hp[1] = NIL;
	**tail_slot = make_list(hp);
	*tail_slot = &hp[1];
	return true;
}

static term matches(process *p, term subj, term pat, term opts)
{
	search se;
	size_t pos, len;
	if (!search_begin(p, &se, subj, pat, opts, 0))
		return THE_NON_VALUE;
	term list = NIL, *tail = &list;
	bool ok = true;
	for (size_t at = se.from;
	     ok && bin_pattern_find(&se.pat, se.s.bytes, at, se.to, &pos, &len); at = pos + len)
		ok = append(p, &tail, pos_len(p, pos, len));
	search_end(p, &se);
	return ok ? list : bif_no_memory(p);
}

term bif_binary_matches_2(process *p, const term *args)
{
	return matches(p, args[0], args[1], NIL);
}

term bif_binary_matches_3(process *p, const term *args)
{
	return matches(p, args[0], args[1], args[2]);
}

/* The parts between the matches: [start, end) byte ranges of the subject,
 * into a malloc'd array. NULL when out of memory. */
static size_t *split_points(search *se, size_t *nparts)
{
	size_t cap = 8, n = 0, part_start = 0, at = se->from, pos, len;
	size_t *parts = malloc(2 * cap * sizeof *parts);
	bool more = parts != NULL;
	while (more) {
		more = bin_pattern_find(&se->pat, se->s.bytes, at, se->to, &pos, &len);
		if (n == cap) {
			size_t *np = realloc(parts, 4 * cap * sizeof *parts);
			if (!np) {
				free(parts);
				return NULL;
			}
			parts = np;
			cap *= 2;
		}
		parts[2 * n] = part_start;
		parts[2 * n + 1] = more ? pos : se->s.len;
		n++;
		if (more) {
			part_start = at = pos + len;
			if (!(se->flags & OPT_GLOBAL))
				at = se->to; /* one split only: the rest is the last part */
		}
	}
	*nparts = n;
	return parts;
}

/* trim drops the empty parts at the end, trim_all every empty part. */
static term split(process *p, term subj, term pat, term opts)
{
	search se;
	size_t n;
	if (!search_begin(p, &se, subj, pat, opts, OPT_GLOBAL | OPT_TRIM | OPT_TRIM_ALL))
		return THE_NON_VALUE;
	size_t *parts = split_points(&se, &n);
	bool ok = parts != NULL;
	if (ok && (se.flags & OPT_TRIM))
		while (n > 0 && parts[2 * n - 2] == parts[2 * n - 1])
			n--;
	term list = NIL, *tail = &list;
	for (size_t i = 0; ok && i < n; i++) {
		size_t start = parts[2 * i], end = parts[2 * i + 1];
		if (start == end && (se.flags & OPT_TRIM_ALL))
			continue;
		ok = append(p, &tail, sub_bitstring(&p->heap, subj, start * 8, (end - start) * 8));
	}
	free(parts);
	search_end(p, &se);
	return ok ? list : bif_no_memory(p);
}

term bif_binary_split_2(process *p, const term *args) { return split(p, args[0], args[1], NIL); }

term bif_binary_split_3(process *p, const term *args)
{
	return split(p, args[0], args[1], args[2]);
}

term bif_binary_compile_pattern_1(process *p, const term *args)
{
	bin_pattern pat;
	bool oom;
	term t = args[0];
	if (!is_binary(t) && !is_list(t))
		return bif_badarg(p);
	bool ok = bin_pattern_get(t, &pat, &oom);
	size_t n = pat.n;
	bin_pattern_free(&pat);
	if (!ok)
		return oom ? bif_no_memory(p) : bif_badarg(p);
	term kind = ATOM(bm), what = t;
	if (is_list(t) && n == 1) {
		what = list_head(t);
	} else if (is_list(t)) {
		term *tp = heap_alloc(&p->heap, n + 1);
		if (!tp)
			return bif_no_memory(p);
		tp[0] = make_header(n, SUBTAG_TUPLE);
		for (size_t i = 1; i <= n; i++, t = list_tail(t))
			tp[i] = list_head(t);
		kind = ATOM(ac);
		what = make_boxed(tp);
	}
	term *hp = heap_alloc(&p->heap, 3);
	if (!hp)
		return bif_no_memory(p);
	hp[0] = make_header(2, SUBTAG_TUPLE);
	hp[1] = kind;
	hp[2] = what;
	return make_boxed(hp);
}
