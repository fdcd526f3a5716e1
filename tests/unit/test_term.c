/* Tagging, small integers, heaps and binaries. */
#include "unit.h"
#include "vm/binary.h"
#include "vm/term.h"

static void small_integer_range_is_60_bits(void)
{
	CHECK(MAX_SMALL == (INT64_C(1) << 59) - 1);
	CHECK(MIN_SMALL == -(INT64_C(1) << 59));
	int64_t vals[] = {0, 1, -1, 42, -42, MAX_SMALL, MIN_SMALL};
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		term t = make_small(vals[i]);
		CHECK(is_small(t) && is_integer(t) && is_immed(t));
		CHECK(small_value(t) == vals[i]);
		CHECK(!is_atom(t) && !is_nil(t) && !is_boxed(t) && !is_list(t));
	}
	CHECK(small_fits(MAX_SMALL) && !small_fits(MAX_SMALL + 1));
	CHECK(small_fits(MIN_SMALL) && !small_fits(MIN_SMALL - 1));
}

static void immediates_do_not_overlap(void)
{
	term pid = make_local_pid(((term)7 << PID_NUMBER_BITS) | 81);
	term port = make_local_port(5);
	term atom = make_atom(3);
	CHECK(is_local_pid(pid) && !is_local_port(pid) && !is_small(pid) && !is_atom(pid));
	CHECK(local_pid_number(pid) == 81 && local_pid_serial(pid) == 7);
	CHECK(is_local_port(port) && local_port_data(port) == 5);
	CHECK(is_atom(atom) && atom_index(atom) == 3 && !is_nil(atom) && !is_catch(atom));
	CHECK(is_nil(NIL) && !is_atom(NIL) && is_immed(NIL));
	CHECK(is_catch(make_catch(9)) && catch_index(make_catch(9)) == 9);
	CHECK(THE_NON_VALUE != NIL && !is_immed(THE_NON_VALUE));
}

static void tuples_and_lists_on_a_heap(void)
{
	kb_heap h;
	heap_init(&h);
	term *p = heap_alloc(&h, 3);
	p[0] = make_header(2, SUBTAG_TUPLE);
	p[1] = make_small(1);
	p[2] = NIL;
	term t = make_boxed(p);
	CHECK(is_tuple(t) && tuple_arity(t) == 2 && tuple_get(t, 1) == make_small(1));
	term *c = heap_alloc(&h, 2);
	c[0] = t;
	c[1] = NIL;
	term l = make_list(c);
	CHECK(is_list(l) && list_head(l) == t && is_nil(list_tail(l)));
	/* many chunks */
	for (int i = 0; i < 100000; i++) {
		term *q = heap_alloc(&h, 7);
		CHECK(q != NULL && ((uintptr_t)q & 7) == 0);
	}
	CHECK(h.words_used == 5 + 700000);
	heap_free(&h);
}

static void main_region_then_fragments(void)
{
	term region[16];
	kb_heap h;
	heap_init(&h);
	CHECK(heap_alloc(&h, 0) != NULL); /* zero words: a valid, unused pointer */
	heap_set_region(&h, region, region + 16);
	CHECK(heap_alloc(&h, 10) == region);
	CHECK(heap_alloc(&h, 6) == region + 10);
	CHECK(heap_fragment_words(&h) == 0);
	term *f = heap_alloc(&h, 3); /* region full: a fragment */
	CHECK(f != NULL && (f < region || f >= region + 16));
	CHECK(heap_alloc(&h, 5000) != NULL); /* larger than a chunk */
	CHECK(heap_alloc(&h, 2) != NULL);
	CHECK(heap_fragment_words(&h) == 5005);
	CHECK(h.top == region + 16);
	heap_free_fragments(&h);
	CHECK(heap_fragment_words(&h) == 0 && h.chunks == NULL);
	heap_free(&h);
}

static void binaries_heap_refc_and_sub(void)
{
	kb_heap h;
	heap_init(&h);
	uint8_t data[200];
	for (int i = 0; i < 200; i++)
		data[i] = (uint8_t)i;
	term small = binary_new(&h, data, 64);
	term big = binary_new(&h, data, 65);
	CHECK(is_boxed_with(small, SUBTAG_HEAP_BIN) && is_binary(small));
	CHECK(is_boxed_with(big, SUBTAG_REFC_BIN) && is_binary(big));
	CHECK(bitstring_bitsize(big) == 65 * 8);
	const uint8_t *b = bitstring_aligned_bytes(big);
	CHECK(b && memcmp(b, data, 65) == 0);
	/* 13 bits: 0x01 0x02 -> 00000001 00000 */
	term bits = bitstring_new(&h, data + 1, 13);
	CHECK(is_bitstring(bits) && !is_binary(bits) && bitstring_bitsize(bits) == 13);
	bitstring_view v;
	bitstring_get(bits, &v);
	CHECK(v.bitsize == 13 && v.bitoffs == 0 && v.base[0] == 1 && v.base[1] == 0);
	CHECK(bitstring_aligned_bytes(bits) == NULL);
	heap_free(&h); /* releases the refc binary: ASan checks nothing leaks */
}

static void bits_copy_shifts(void)
{
	const uint8_t src[] = {0xab, 0xcd, 0xef};
	uint8_t dst[3] = {0};
	bits_copy(dst, src, 4, 16); /* 0xbcde */
	CHECK(dst[0] == 0xbc && dst[1] == 0xde);
	memset(dst, 0, sizeof dst);
	bits_copy(dst, src, 3, 5); /* 01011 -> 0x58 */
	CHECK(dst[0] == 0x58);
	memset(dst, 0, sizeof dst);
	bits_copy(dst, src, 0, 20);
	CHECK(dst[0] == 0xab && dst[1] == 0xcd && dst[2] == 0xe0);
}

int main(void)
{
	RUN(small_integer_range_is_60_bits);
	RUN(immediates_do_not_overlap);
	RUN(tuples_and_lists_on_a_heap);
	RUN(main_region_then_fragments);
	RUN(binaries_heap_refc_and_sub);
	RUN(bits_copy_shifts);
	return unit_exit();
}
