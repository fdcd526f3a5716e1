/* Term comparison and the strict boolean operators. The comparisons never
 * fail (compare.h orders every pair of terms); and/or/xor/not take only
 * true and false, both arguments always evaluated: badarg otherwise. */
#include "bif.h"
#include "vm/compare.h"

static term boolean(bool b) { return b ? ATOM(true) : ATOM(false); }

static term bif_erlang_eq_2(process *p, const term *args)
{
	(void)p;
	return boolean(term_eq(args[0], args[1]));
}

static term bif_erlang_neq_2(process *p, const term *args)
{
	(void)p;
	return boolean(!term_eq(args[0], args[1]));
}

static term bif_erlang_exact_eq_2(process *p, const term *args)
{
	(void)p;
	return boolean(term_eq_exact(args[0], args[1]));
}

static term bif_erlang_exact_neq_2(process *p, const term *args)
{
	(void)p;
	return boolean(!term_eq_exact(args[0], args[1]));
}

static term bif_erlang_lt_2(process *p, const term *args)
{
	(void)p;
	return boolean(term_compare(args[0], args[1]) < 0);
}

static term bif_erlang_gt_2(process *p, const term *args)
{
	(void)p;
	return boolean(term_compare(args[0], args[1]) > 0);
}

static term bif_erlang_le_2(process *p, const term *args)
{
	(void)p;
	return boolean(term_compare(args[0], args[1]) <= 0);
}

static term bif_erlang_ge_2(process *p, const term *args)
{
	(void)p;
	return boolean(term_compare(args[0], args[1]) >= 0);
}

static bool is_boolean(term t) { return t == ATOM(true) || t == ATOM(false); }

static term bif_erlang_and_2(process *p, const term *args)
{
	if (!is_boolean(args[0]) || !is_boolean(args[1]))
		return bif_badarg(p);
	return boolean(args[0] == ATOM(true) && args[1] == ATOM(true));
}

static term bif_erlang_or_2(process *p, const term *args)
{
	if (!is_boolean(args[0]) || !is_boolean(args[1]))
		return bif_badarg(p);
	return boolean(args[0] == ATOM(true) || args[1] == ATOM(true));
}

static term bif_erlang_xor_2(process *p, const term *args)
{
	if (!is_boolean(args[0]) || !is_boolean(args[1]))
		return bif_badarg(p);
	return boolean(args[0] != args[1]);
}

static term bif_erlang_not_1(process *p, const term *args)
{
	if (!is_boolean(args[0]))
		return bif_badarg(p);
	return boolean(args[0] == ATOM(false));
}

const bif_def bif_family_erlang_compare[] = {
    {"erlang", "==", 2, bif_erlang_eq_2, 0},
    {"erlang", "/=", 2, bif_erlang_neq_2, 0},
    {"erlang", "=:=", 2, bif_erlang_exact_eq_2, 0},
    {"erlang", "=/=", 2, bif_erlang_exact_neq_2, 0},
    {"erlang", "<", 2, bif_erlang_lt_2, 0},
    {"erlang", ">", 2, bif_erlang_gt_2, 0},
    {"erlang", "=<", 2, bif_erlang_le_2, 0},
    {"erlang", ">=", 2, bif_erlang_ge_2, 0},
    {"erlang", "and", 2, bif_erlang_and_2, 0},
    {"erlang", "or", 2, bif_erlang_or_2, 0},
    {"erlang", "xor", 2, bif_erlang_xor_2, 0},
    {"erlang", "not", 1, bif_erlang_not_1, 0},
    {0},
};
