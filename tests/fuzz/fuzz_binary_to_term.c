/* libFuzzer target for binary_to_term: any bytes either fail to decode
 * with an error, or decode to a term whose encoding decodes again to a term
 * with the very same encoding (under the option set the last input byte
 * picks), without a crash, a leak or undefined behaviour.
 *
 * One exception, OTP's own: an external reference with no ids is written
 * without ids but read with one, so its encoding does not decode (OTP 25
 * behaves the same). Such terms are only checked to encode. */
#include <stdio.h>
#include <stdlib.h>

#include "loader/etf.h"
#include "vm/atom.h"
#include "vm/fun.h"
#include "vm/ident.h"
#include "vm/map.h"

static const etf_encode_options variants[4] = {
    {.compressed = -1, .minor_version = 1},
    {.compressed = 6, .minor_version = 1},
    {.compressed = -1, .minor_version = 0},
    {.compressed = -1, .minor_version = 2, .deterministic = true},
};

static void broken(const char *what)
{
	fprintf(stderr, "fuzz_binary_to_term: %s\n", what);
	abort();
}

/* Does t hold an external reference without ids? (explicit stack) */
static bool has_idless_ref(term t)
{
	size_t depth = 0, cap = 64;
	term *stack = malloc(cap * sizeof *stack);
	bool found = false;
	if (!stack)
		broken("out of memory");
	stack[depth++] = t;
	while (depth > 0 && !found) {
		t = stack[--depth];
		term kids[2];
		const term *more = NULL;
		size_t nkids = 0, nmore = 0;
		map_iter it;
		if (is_list(t)) {
			kids[nkids++] = list_head(t);
			kids[nkids++] = list_tail(t);
		} else if (is_tuple(t)) {
			more = tuple_elems(t), nmore = tuple_arity(t);
		} else if (is_fun(t)) {
			kids[nkids++] = fun_creator(t);
			more = fun_env(t), nmore = fun_num_free(t);
		} else if (is_external_ref(t)) {
			found = ref_count(t) == 0;
		} else if (is_map(t)) {
			map_iter_init(&it, t);
		}
		size_t want = depth + nkids + nmore + (is_map(t) ? 2 * map_size(t) : 0);
		if (want > cap) {
			cap = 2 * want;
			stack = realloc(stack, cap * sizeof *stack);
			if (!stack)
				broken("out of memory");
		}
		for (size_t i = 0; i < nkids; i++)
			stack[depth++] = kids[i];
		for (size_t i = 0; i < nmore; i++)
			stack[depth++] = more[i];
		if (is_map(t))
			while (map_iter_next(&it, &stack[depth], &stack[depth + 1]))
				depth += 2;
	}
	free(stack);
	return found;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	atom_table_init();
	unsigned flags = size && data[size - 1] & 0x80 ? ETF_DECODE_SAFE : 0;
	const etf_encode_options *o = &variants[size ? data[size - 1] % 4 : 0];
	kb_heap h;
	heap_init(&h);
	size_t used = 0;
	const char *error = NULL;
	term t = etf_decode(&h, data, size, flags, &used, &error);
	if (t == THE_NON_VALUE) {
		if (!error)
			broken("decode failed without an error");
		heap_free(&h);
		return 0;
	}
	if (used < 2 || used > size)
		broken("decode used an impossible number of bytes");
	size_t len1 = 0, len2 = 0;
	uint8_t *enc1 = etf_encode(t, o, &len1);
	if (!enc1)
		broken("encode failed");
	if (has_idless_ref(t)) {
		free(enc1);
		heap_free(&h);
		return 0;
	}
	kb_heap h2;
	heap_init(&h2);
	term t2 = etf_decode(&h2, enc1, len1, 0, &used, &error);
	if (t2 == THE_NON_VALUE)
		broken(error ? error : "our own encoding does not decode");
	if (used != len1)
		broken("our own encoding has bytes left over");
	uint8_t *enc2 = etf_encode(t2, o, &len2);
	if (!enc2 || len1 != len2 || memcmp(enc1, enc2, len1) != 0)
		broken("decoding and encoding again changed the bytes");
	free(enc1);
	free(enc2);
	heap_free(&h2);
	heap_free(&h);
	return 0;
}
