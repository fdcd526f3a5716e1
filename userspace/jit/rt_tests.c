/* Type tests, comparisons and small predicates: the C definitions of the
 * test instructions (is_*, is_eq*, is_lt, is_ge, is_function2,
 * is_tagged_tuple). */
#include "rt_tests.h"

#include "rt.h"
#include "vm/binary.h"
#include "vm/compare.h"

bool rt_type_test(unsigned op, term t)
{
	switch (op) {
	case RT_IS_INTEGER:
		return is_integer(t);
	case RT_IS_FLOAT:
		return is_float(t);
	case RT_IS_NUMBER:
		return is_number(t);
	case RT_IS_ATOM:
		return is_atom(t);
	case RT_IS_PID:
		return is_pid(t);
	case RT_IS_REFERENCE:
		return is_ref(t);
	case RT_IS_PORT:
		return is_port(t);
	case RT_IS_NIL:
		return is_nil(t);
	case RT_IS_BINARY:
		return is_bitstring(t) && is_binary(t);
	case RT_IS_BITSTR:
		return is_bitstring(t);
	case RT_IS_LIST:
		return is_nil(t) || is_list(t);
	case RT_IS_NONEMPTY_LIST:
		return is_list(t);
	case RT_IS_TUPLE:
		return is_tuple(t);
	case RT_IS_FUNCTION:
		return is_any_fun(t);
	case RT_IS_BOOLEAN:
		return t == ATOM(true) || t == ATOM(false);
	case RT_IS_MAP:
		return is_map(t);
	default:
		return false;
	}
}

int64_t rt_compare(term a, term b) { return term_compare(a, b); }
bool rt_eq(term a, term b) { return term_eq(a, b); }
bool rt_eq_exact(term a, term b) { return term_eq_exact(a, b); }

bool rt_is_function2(term f, term arity)
{
	if (!is_small(arity) || small_value(arity) < 0)
		return false;
	if (is_fun(f)) {
		fun_entry *fe = fun_get_entry(f);
		return (int64_t)fe->arity == small_value(arity);
	}
	if (is_export(f))
		return (int64_t)export_get_entry(f)->arity == small_value(arity);
	return false;
}

term rt_is_tagged_tuple(term t, uint64_t arity, term tag)
{
	return is_tuple(t) && tuple_arity(t) == arity && arity > 0 && tuple_get(t, 1) == tag
	           ? ATOM(true)
	           : THE_NON_VALUE;
}
