/* Type tests as the test instructions define them (rt_tests.c). */
#ifndef KBEAM_JIT_RT_TESTS_H
#define KBEAM_JIT_RT_TESTS_H

#include "vm/term.h"

enum rt_type_test_op {
	RT_IS_INTEGER,
	RT_IS_FLOAT,
	RT_IS_NUMBER,
	RT_IS_ATOM,
	RT_IS_PID,
	RT_IS_REFERENCE,
	RT_IS_PORT,
	RT_IS_NIL,
	RT_IS_BINARY,
	RT_IS_BITSTR,
	RT_IS_LIST,
	RT_IS_NONEMPTY_LIST,
	RT_IS_TUPLE,
	RT_IS_FUNCTION,
	RT_IS_BOOLEAN,
	RT_IS_MAP,
};

bool rt_type_test(unsigned op, term t);

#endif
