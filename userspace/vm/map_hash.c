/* OTP 25's internal term hash (make_internal_hash in erts/emulator/beam/
 * utils.c), reimplemented: it decides where a key sits in a HAMT and so the
 * iteration order of every map over 32 keys.
 *
 * The hash is one 32-bit state mixed, in a fixed walk order, with Bob
 * Jenkins' 96-bit mix. The walk visits a term's parts depth first; an
 * explicit stack keeps long lists and deep nesting off the C stack.
 */
#include "map.h"

#include <stdio.h>
#include <stdlib.h>

#include "binary.h"
#include "export.h"
#include "fun.h"
#include "ident.h"

/* The golden ratio times 1..22, modulo 2^32: the type constants. */
#define HC1 0x9e3779b9u
#define HC2 0x3c6ef372u
#define HC3 0xdaa66d2bu
#define HC4 0x78dde6e4u
#define HC5 0x1715609du
#define HC6 0xb54cda56u
#define HC7 0x5384540fu
#define HC8 0xf1bbcdc8u
#define HC9 0x8ff34781u
#define HC10 0x2e2ac13au
#define HC11 0xcc623af3u
#define HC12 0x6a99b4acu
#define HC13 0x08d12e65u
#define HC14 0xa708a81eu
#define HC15 0x454021d7u
#define HC16 0xe3779b90u
#define HC17 0x81af1549u
#define HC18 0x1fe68f02u
#define HC19 0xbe1e08bbu
#define HC20 0x5c558274u
#define HC21 0xfa8cfc2du
#define HC22 0x98c475e6u

/* Starting point, so that the hash differs from phash2's. */
#define INTERNAL_HASH_SALT 3432918353u

/* Bob Jenkins' 96-bit mix, one round per row. */
static inline void mix(uint32_t *a, uint32_t *b, uint32_t *c)
{
	/* clang-format off */
	*a -= *b; *a -= *c; *a ^= *c >> 13;
	*b -= *c; *b -= *a; *b ^= *a << 8;
	*c -= *a; *c -= *b; *c ^= *b >> 13;
	*a -= *b; *a -= *c; *a ^= *c >> 12;
	*b -= *c; *b -= *a; *b ^= *a << 16;
	*c -= *a; *c -= *b; *c ^= *b >> 5;
	*a -= *b; *a -= *c; *a ^= *c >> 3;
	*b -= *c; *b -= *a; *b ^= *a << 10;
	*c -= *a; *c -= *b; *c ^= *b >> 15;
	/* clang-format on */
}

/* Mixes two 32-bit values, each offset by a type constant, into the hash. */
static inline void hash2(uint32_t *hash, uint32_t x, uint32_t y, uint32_t k)
{
	uint32_t a = k + x, b = k + y;
	mix(&a, &b, hash);
}

/* Light mixing of a constant alone (list structure marks). */
static inline void hash_const(uint32_t *hash, uint32_t k)
{
	*hash ^= k;
	*hash = (*hash << 17) ^ (*hash >> 15);
}

static inline uint32_t le32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Jenkins' block hash of a bitstring's whole bytes, 12 at a time. The
 * bytes need not be aligned: each block is copied out first when not. */
static uint32_t block_hash(const bitstring_view *v, uint64_t nbytes, uint32_t initval)
{
	uint32_t a = HC1, b = HC1, c = initval;
	uint8_t blk[12];
	uint64_t done = 0;
	bool aligned = v->bitoffs % 8 == 0;
	const uint8_t *base = v->base + v->bitoffs / 8;

	while (nbytes - done >= 12) {
		const uint8_t *k = base + done;
		if (!aligned) {
			bits_copy(blk, v->base, v->bitoffs + done * 8, 96);
			k = blk;
		}
		a += le32(k);
		b += le32(k + 4);
		c += le32(k + 8);
		mix(&a, &b, &c);
		done += 12;
	}
	uint64_t rest = nbytes - done;
	memset(blk, 0, sizeof blk);
	if (rest) {
		if (aligned)
			memcpy(blk, base + done, rest);
		else
			bits_copy(blk, v->base, v->bitoffs + done * 8, rest * 8);
	}
	c += (uint32_t)nbytes;
	/* the low byte of c is reserved for the length */
	c += (uint32_t)blk[10] << 24 | (uint32_t)blk[9] << 16 | (uint32_t)blk[8] << 8;
	b += le32(blk + 4);
	a += le32(blk);
	mix(&a, &b, &c);
	return c;
}

static uint32_t hash_bitstring(term t, uint32_t hash)
{
	bitstring_view v;
	bitstring_get(t, &v);
	uint64_t nbytes = v.bitsize / 8;
	unsigned tail_bits = (unsigned)(v.bitsize % 8);
	uint32_t con = HC13 + hash;

	if (v.bitsize == 0)
		return con;
	hash = block_hash(&v, nbytes, con);
	if (tail_bits) {
		uint8_t last;
		bits_copy(&last, v.base, v.bitoffs + nbytes * 8, tail_bits);
		hash2(&hash, tail_bits, (uint32_t)last >> (8 - tail_bits), HC15);
	}
	return hash;
}

/* OTP's word for a local pid or port on 64-bit: the low half is the tagged
 * 28-bit data, the high half its index in the process or port table, which
 * scrambles the data by cache line. The tables have OTP's default sizes:
 * 2^18 processes (8 slots per cache line, 2^15 lines) and 2^16 ports. */
static uint64_t otp_ptab_word(uint64_t data, unsigned tag, unsigned table_bits)
{
	const unsigned per_line_bits = 3;
	unsigned line_bits = table_bits - per_line_bits;
	uint32_t d = (uint32_t)(data & 0x0fffffffu);
	uint32_t pix = ((d & ((1u << line_bits) - 1)) << per_line_bits) +
	               ((d >> line_bits) & ((1u << per_line_bits) - 1));
	return (uint64_t)pix << 32 | (uint64_t)(d << 4 | tag);
}

static uint64_t immediate_word(term t)
{
	if (is_local_pid(t))
		return otp_ptab_word(local_pid_data(t), TAG_IMMED1_PID, 18);
	if (is_local_port(t))
		return otp_ptab_word(local_port_data(t), TAG_IMMED1_PORT, 16);
	return t;
}

static void hash_ref_numbers(uint32_t *hash, term r)
{
	unsigned n = ref_count(r);
	uint32_t id[3] = {0, 0, 0};
	for (unsigned i = 0; i < 3 && i < n; i++)
		id[i] = ref_id(r, i);
	hash2(hash, id[0], 0, HC7);
	hash2(hash, id[1], id[2], HC8);
}

/* The explicit walk stack. */
enum walk_kind { W_TERM, W_ARRAY, W_PAIRS, W_HAMT, W_CDR_MARK };

typedef struct walk_item {
	enum walk_kind kind;
	term t;            /* W_TERM */
	const term *p, *q; /* W_ARRAY: p; W_PAIRS: keys p, values q; W_HAMT: children p */
	size_t n;
} walk_item;

typedef struct walk_stack {
	walk_item *items;
	size_t len, cap;
	walk_item inline_items[32];
} walk_stack;

static void walk_push(walk_stack *s, walk_item it)
{
	if (s->len == s->cap) {
		size_t cap = s->cap * 2;
		walk_item *n = s->items == s->inline_items ? malloc(cap * sizeof *n)
		                                           : realloc(s->items, cap * sizeof *n);
		if (!n) {
			fputs("kbeam: out of memory hashing a term\n", stderr);
			abort();
		}
		if (s->items == s->inline_items)
			memcpy(n, s->inline_items, sizeof s->inline_items);
		s->items = n;
		s->cap = cap;
	}
	s->items[s->len++] = it;
}

static void push_term(walk_stack *s, term t) { walk_push(s, (walk_item){.kind = W_TERM, .t = t}); }

/* Hashes the list cells starting at l, up to the first cell whose head is
 * not a byte; returns what is left to hash (a cell or the tail). Runs of
 * small integers 0..255 (strings) are packed four to a mix. */
static term hash_list_bytes(uint32_t *hash, term l)
{
	uint32_t packed = 0;
	unsigned count = 0;
	while (is_list(l)) {
		term hd = list_head(l);
		if (!is_small(hd) || small_value(hd) < 0 || small_value(hd) > 255)
			break;
		packed = packed << 8 | (uint32_t)small_value(hd);
		if (count == 3) {
			hash2(hash, packed, 0, HC4);
			packed = 0;
			count = 0;
		} else {
			count++;
		}
		l = list_tail(l);
	}
	if (count)
		hash2(hash, packed, count, HC22);
	return l;
}

uint32_t term_internal_hash_salted(term t, uint32_t salt)
{
	uint32_t hash = salt ^ INTERNAL_HASH_SALT;
	walk_stack s;
	s.items = s.inline_items;
	s.len = 0;
	s.cap = sizeof s.inline_items / sizeof s.inline_items[0];

	for (;;) {
		if (is_immed(t)) {
			uint64_t w = immediate_word(t);
			hash2(&hash, (uint32_t)w, (uint32_t)(w >> 32), HC1);
		} else if (is_list(t)) {
			t = hash_list_bytes(&hash, t);
			if (!is_list(t))
				continue; /* the tail is hashed as a term of its own */
			term tl = list_tail(t);
			hash_const(&hash, HC17);
			push_term(&s, tl);
			if (!is_list(tl))
				walk_push(&s, (walk_item){.kind = W_CDR_MARK});
			t = list_head(t);
			continue;
		} else {
			term *p = boxed_ptr(t);
			switch (header_subtag(p[0])) {
			case SUBTAG_TUPLE: {
				uint64_t n = header_arity(p[0]);
				hash2(&hash, (uint32_t)n, 0, HC9);
				if (n > 0) {
					if (n > 1)
						walk_push(&s, (walk_item){.kind = W_ARRAY,
						                          .p = p + 2,
						                          .n = n - 1});
					t = p[1];
					continue;
				}
				break;
			}
			case SUBTAG_MAP:
				if (map_node_kind(p) == MAP_KIND_FLAT) {
					size_t n = flatmap_size(t);
					hash2(&hash, (uint32_t)n, 0, HC16);
					if (n)
						walk_push(&s, (walk_item){.kind = W_PAIRS,
						                          .p = flatmap_keys(t),
						                          .q = flatmap_values(t),
						                          .n = n});
				} else {
					if (map_node_kind(p) != MAP_KIND_NODE_BITMAP)
						hash2(&hash,
						      (uint32_t)small_value(p[HAMT_HEAD_SIZE]), 0,
						      HC16);
					walk_push(&s, (walk_item){.kind = W_HAMT,
					                          .p = hamt_node_children(p),
					                          .n = hamt_node_count(p)});
				}
				break;
			case SUBTAG_FUN: {
				fun_entry *fe = fun_get_entry(t);
				uint64_t nfree = fun_num_free(t);
				hash2(&hash, (uint32_t)nfree, (uint32_t)fe->module, HC20);
				hash2(&hash, fe->index, fe->old_uniq, HC21);
				if (nfree)
					walk_push(&s, (walk_item){.kind = W_ARRAY,
					                          .p = fun_env(t),
					                          .n = nfree});
				break;
			}
			case SUBTAG_EXPORT: {
				export_entry *e = export_get_entry(t);
				hash2(&hash, (uint32_t)e->module, (uint32_t)e->function, HC14);
				hash2(&hash, e->arity, 0, HC14);
				break;
			}
			case SUBTAG_HEAP_BIN:
			case SUBTAG_REFC_BIN:
			case SUBTAG_SUB_BIN:
				hash = hash_bitstring(t, hash);
				break;
			case SUBTAG_POS_BIG:
			case SUBTAG_NEG_BIG: {
				uint32_t con = big_is_negative(t) ? HC10 : HC11;
				const uint64_t *d = big_digits(t);
				for (uint64_t i = 0; i < big_ndigits(t); i++)
					hash2(&hash, (uint32_t)d[i], (uint32_t)(d[i] >> 32), con);
				break;
			}
			case SUBTAG_FLOAT: {
				double f = float_value(t);
				uint64_t bits;
				if (f == 0.0)
					f = 0.0; /* -0.0 hashes as 0.0: they are =:= */
				memcpy(&bits, &f, sizeof bits);
				hash2(&hash, (uint32_t)bits, (uint32_t)(bits >> 32), HC12);
				break;
			}
			case SUBTAG_REF:
				hash_ref_numbers(&hash, t);
				break;
			case SUBTAG_EXTERNAL_REF:
				hash2(&hash, (uint32_t)ident_node(t), ident_creation(t), HC7);
				hash_ref_numbers(&hash, t);
				break;
			case SUBTAG_EXTERNAL_PID:
				hash2(&hash, (uint32_t)ident_node(t), ident_creation(t), HC5);
				hash2(&hash, pid_number(t), pid_serial(t), HC5);
				break;
			case SUBTAG_EXTERNAL_PORT: {
				uint64_t id = port_id(t);
				hash2(&hash, (uint32_t)ident_node(t), ident_creation(t), HC6);
				hash2(&hash, (uint32_t)id, (uint32_t)(id >> 32), HC6);
				break;
			}
			default:
				break; /* not a term (match state): nothing to hash */
			}
		}

		/* next part of the walk */
		for (;;) {
			if (s.len == 0) {
				if (s.items != s.inline_items)
					free(s.items);
				return hash;
			}
			walk_item *it = &s.items[s.len - 1];
			switch (it->kind) {
			case W_TERM:
				t = it->t;
				s.len--;
				break;
			case W_CDR_MARK:
				hash_const(&hash, HC18);
				s.len--;
				continue;
			case W_ARRAY:
				t = it->p[0];
				if (--it->n)
					it->p++;
				else
					s.len--;
				break;
			case W_PAIRS:
				t = it->p[0];
				{
					term v = it->q[0];
					if (--it->n) {
						it->p++;
						it->q++;
					} else {
						s.len--;
					}
					push_term(&s, v);
				}
				break;
			case W_HAMT: {
				/* highest slot first: OTP pushes the children in slot order */
				term child = it->p[it->n - 1];
				if (--it->n == 0)
					s.len--;
				if (is_list(child)) {
					push_term(&s, list_tail(child));
					t = list_head(child);
					break;
				}
				term *node = boxed_ptr(child);
				walk_push(&s, (walk_item){.kind = W_HAMT,
				                          .p = hamt_node_children(node),
				                          .n = hamt_node_count(node)});
				continue;
			}
			}
			break;
		}
	}
}

uint32_t map_key_hash(term key, unsigned depth)
{
	uint32_t salt = 0;
	if (depth > 0)
		hash2(&salt, depth, 1, HC22);
	return term_internal_hash_salted(key, salt);
}
