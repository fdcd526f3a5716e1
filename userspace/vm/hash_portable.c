/* erlang:phash2 and erlang:phash, as OTP 25 computes them (see
 * hash_portable.h). Both walk the term with an explicit work stack; the
 * order in which they visit subterms is part of the hash, so each comment
 * below says what OTP visits when.
 */
#include "hash_portable.h"

#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "export.h"
#include "fun.h"
#include "ident.h"
#include "map.h"

/* ---- the work stack ---- */

enum work_kind {
	W_TERM,       /* hash t */
	W_ELEMS,      /* hash p[0 .. n) in order: tuple elements, fun env */
	W_FLAT_PAIRS, /* phash2: n flatmap pairs, keys p, values q */
	W_NODE,       /* phash2: n HAMT children p */
	W_PAIR_END,   /* phash2: fold one pair's hash into the map's xor */
	W_MAP_END,    /* phash2: finish a map; n holds the outer hash and xor */
	W_TUPLE_END,  /* phash: close a tuple of arity n */
	W_LIST_REST,  /* phash: the tail t of a list cell whose head was hashed */
	W_LIST_END,   /* phash: close a list after its last tail */
};

typedef struct work {
	enum work_kind kind;
	term t;
	const term *p, *q;
	uint64_t n;
} work;

#define WORK_INLINE 32

typedef struct work_stack {
	work *items;
	size_t len, cap;
	bool failed;
	work inline_items[WORK_INLINE];
} work_stack;

static void ws_init(work_stack *s)
{
	s->items = s->inline_items;
	s->len = 0;
	s->cap = WORK_INLINE;
	s->failed = false;
}

static void ws_free(work_stack *s)
{
	if (s->items != s->inline_items)
		free(s->items);
}

static void ws_push(work_stack *s, work w)
{
	if (s->failed)
		return;
	if (s->len == s->cap) {
		size_t cap = s->cap * 2;
		work *n;
		if (s->items == s->inline_items) {
			n = malloc(cap * sizeof *n);
			if (n)
				memcpy(n, s->items, s->len * sizeof *n);
		} else {
			n = realloc(s->items, cap * sizeof *n);
		}
		if (!n) {
			s->failed = true;
			return;
		}
		s->items = n;
		s->cap = cap;
	}
	s->items[s->len++] = w;
}

static void push_term(work_stack *s, term t) { ws_push(s, (work){.kind = W_TERM, .t = t}); }
static void push_kind(work_stack *s, enum work_kind k) { ws_push(s, (work){.kind = k}); }
static void push_elems(work_stack *s, const term *p, uint64_t n)
{
	if (n)
		ws_push(s, (work){.kind = W_ELEMS, .p = p, .n = n});
}

/* Takes the next element of a W_ELEMS item (the top one). */
static term take_elem(work_stack *s)
{
	work *w = &s->items[s->len - 1];
	term e = w->p[0];
	if (--w->n)
		w->p++;
	else
		s->len--;
	return e;
}

/* A list element both hashes pack: an integer 0..255. */
static inline bool is_byte(term t) { return is_small(t) && (uint64_t)small_value(t) <= 255; }

/* ---- atom names: OTP's hashpjw with its Latin-1 clutch ---- */

uint32_t atom_name_hash(term atom)
{
	size_t len;
	const uint8_t *p = (const uint8_t *)atom_name(atom, &len);
	uint32_t h = 0;
	while (len--) {
		uint8_t v = *p++;
		/* a two-byte UTF-8 sequence for U+0080..U+00FF hashes as the
		 * Latin-1 byte, so names hash as they did before UTF-8 atoms */
		if (len && (v & 0xfe) == 0xc2 && (*p & 0xc0) == 0x80) {
			v = (uint8_t)(v << 6 | (*p & 0x3f));
			p++;
			len--;
		}
		h = (h << 4) + v;
		uint32_t g = h & 0xf0000000u;
		if (g)
			h ^= g >> 24 ^ g;
	}
	return h;
}

/* ---- bytes of a bitstring at any bit offset ---- */

#define CHUNK_BYTES (12 * 64) /* a multiple of the 12-byte hash block */

/* Bytes [from, from + n) of the bitstring, n <= CHUNK_BYTES: in place when
 * byte-aligned, else shifted into buf. */
static const uint8_t *bytes_at(const bitstring_view *v, uint64_t from, size_t n, uint8_t *buf)
{
	uint64_t bit = v->bitoffs + from * 8;
	if (bit % 8 == 0)
		return v->base + bit / 8;
	bits_copy(buf, v->base, bit, (uint64_t)n * 8);
	return buf;
}

/* The `tail` (1..7) bits that start at byte `at`, as a number. */
static uint32_t tail_bits_at(const bitstring_view *v, uint64_t at, unsigned tail)
{
	uint8_t b = 0;
	bits_copy(&b, v->base, v->bitoffs + at * 8, tail);
	return (uint32_t)(b >> (8 - tail));
}

/* ===================== phash2: OTP's make_hash2 ===================== */

#define HCONST 0x9e3779b9u /* HCONST_k below is k * HCONST mod 2^32 */
#define HCONST_2 0x3c6ef372u
#define HCONST_3 0xdaa66d2bu
#define HCONST_4 0x78dde6e4u
#define HCONST_5 0x1715609du
#define HCONST_6 0xb54cda56u
#define HCONST_7 0x5384540fu
#define HCONST_9 0x8ff34781u
#define HCONST_10 0x2e2ac13au
#define HCONST_11 0xcc623af3u
#define HCONST_12 0x6a99b4acu
#define HCONST_13 0x08d12e65u
#define HCONST_14 0xa708a81eu
#define HCONST_15 0x454021d7u
#define HCONST_16 0xe3779b90u
#define HCONST_19 0xbe1e08bbu

#define NIL_HASH 3468870702u /* [] as the first thing hashed */
#define NIL_TAG_DEF 2u       /* OTP's NIL_DEF, mixed in otherwise */

/* Bob Jenkins' mix of three 32-bit words. */
/* clang-format off */
#define MIX(a, b, c)                                                                               \
	do {                                                                                       \
		a -= b; a -= c; a ^= c >> 13;                                                      \
		b -= c; b -= a; b ^= a << 8;                                                       \
		c -= a; c -= b; c ^= b >> 13;                                                      \
		a -= b; a -= c; a ^= c >> 12;                                                      \
		b -= c; b -= a; b ^= a << 16;                                                      \
		c -= a; c -= b; c ^= b >> 5;                                                       \
		a -= b; a -= c; a ^= c >> 3;                                                       \
		b -= c; b -= a; b ^= a << 10;                                                      \
		c -= a; c -= b; c ^= b >> 15;                                                      \
	} while (0)
/* clang-format on */

/* OTP's UINT32_HASH_2: two words and a type constant into the hash. */
static inline uint32_t mix2(uint32_t hash, uint32_t x, uint32_t y, uint32_t k)
{
	uint32_t a = k + x, b = k + y;
	MIX(a, b, hash);
	return hash;
}

static inline uint32_t mix1(uint32_t hash, uint32_t x, uint32_t k) { return mix2(hash, x, 0, k); }

/* Jenkins' block hash over a byte stream fed in 12-byte blocks. */
typedef struct block_hash {
	uint32_t a, b, c;
} block_hash;

static uint32_t le32(const uint8_t *k)
{
	return k[0] | (uint32_t)k[1] << 8 | (uint32_t)k[2] << 16 | (uint32_t)k[3] << 24;
}

static void block_hash_blocks(block_hash *s, const uint8_t *k, size_t n)
{
	for (; n >= 12; n -= 12, k += 12) {
		s->a += le32(k);
		s->b += le32(k + 4);
		s->c += le32(k + 8);
		MIX(s->a, s->b, s->c);
	}
}

/* The last rest (< 12) bytes; the length is mixed in as OTP's 32 bits. */
static uint32_t block_hash_final(block_hash *s, const uint8_t *k, size_t rest, uint32_t length)
{
	s->c += length;
	/* the low byte of c is the length's: tail bytes 8..10 go above it */
	for (size_t i = 0; i < rest; i++) {
		uint32_t byte = k[i];
		if (i < 4)
			s->a += byte << (8 * i);
		else if (i < 8)
			s->b += byte << (8 * (i - 4));
		else
			s->c += byte << (8 * (i - 7));
	}
	MIX(s->a, s->b, s->c);
	return s->c;
}

static uint32_t hash2_bitstring(term t, uint32_t hash)
{
	bitstring_view v;
	bitstring_get(t, &v);
	/* OTP takes the byte count as 32 bits: past 4 GiB only the first
	 * (size mod 2^32) bytes count, and the tail bits are read there */
	uint32_t size = (uint32_t)(v.bitsize / 8);
	unsigned tail = (unsigned)(v.bitsize % 8);
	uint32_t con = HCONST_13 + hash;
	if (size == 0 && tail == 0)
		return con;

	uint8_t buf[CHUNK_BYTES];
	block_hash s = {HCONST, HCONST, con};
	uint64_t whole = size - size % 12;
	for (uint64_t off = 0; off < whole; off += CHUNK_BYTES) {
		size_t n = whole - off < CHUNK_BYTES ? (size_t)(whole - off) : CHUNK_BYTES;
		block_hash_blocks(&s, bytes_at(&v, off, n, buf), n);
	}
	size_t rest = size % 12;
	hash = block_hash_final(&s, bytes_at(&v, whole, rest, buf), rest, size);
	if (tail)
		hash = mix2(hash, tail, tail_bits_at(&v, size, tail), HCONST_15);
	return hash;
}

/* A magnitude of up to 64 bits, as OTP hashes a bignum digit. */
static uint32_t hash2_digit(uint32_t hash, uint64_t d, bool negative)
{
	return mix2(hash, (uint32_t)d, (uint32_t)(d >> 32), negative ? HCONST_10 : HCONST_11);
}

static uint32_t hash2_small(uint32_t hash, int64_t v)
{
	/* integers of 28 bits or more hash as bignums */
	if (v < -(INT64_C(1) << 27) || v >= INT64_C(1) << 27)
		return hash2_digit(hash, v < 0 ? -(uint64_t)v : (uint64_t)v, v < 0);
	int32_t y = (int32_t)v;
	if (y < 0)
		hash = mix1(hash, (uint32_t)-y, HCONST); /* OTP mixes negatives twice */
	return mix1(hash, (uint32_t)y, HCONST);
}

static uint32_t hash2_float(uint32_t hash, double d)
{
	if (d == 0.0)
		d = 0.0; /* -0.0 hashes as 0.0 */
	uint64_t bits;
	memcpy(&bits, &d, sizeof bits);
	return mix2(hash, (uint32_t)(bits >> 32), (uint32_t)bits, HCONST_12);
}

typedef struct hash2_state {
	uint32_t hash;
	uint32_t xor_pairs; /* of the innermost map being hashed */
} hash2_state;

/* Starts a map of `size` pairs: its pairs are hashed from 0 each and
 * xor-ed, so their order does not matter; W_MAP_END mixes the xor into
 * the hash the map started with. */
static void hash2_map_begin(work_stack *s, hash2_state *st, uint64_t size)
{
	st->hash = mix1(st->hash, (uint32_t)size, HCONST_16);
	if (size == 0)
		return;
	ws_push(s, (work){.kind = W_MAP_END, .n = (uint64_t)st->hash << 32 | st->xor_pairs});
	st->hash = 0;
	st->xor_pairs = 0;
}

/* Hashes one term, pushing the work its parts need. */
static void hash2_term(work_stack *s, hash2_state *st, term t)
{
	if (is_list(t)) {
		/* runs of bytes go four to a word; the rest one by one */
		uint32_t sh = 0;
		unsigned c = 0;
		while (is_byte(list_head(t))) {
			sh = (sh << 8) + (uint32_t)small_value(list_head(t));
			if (++c == 4) {
				st->hash = mix1(st->hash, sh, HCONST_4);
				c = sh = 0;
			}
			if (!is_list(list_tail(t)))
				break;
			t = list_tail(t);
		}
		if (c)
			st->hash = mix1(st->hash, sh, HCONST_4);
		if (is_byte(list_head(t))) {
			push_term(s, list_tail(t)); /* the last byte's non-list tail */
		} else {
			push_term(s, list_tail(t));
			push_term(s, list_head(t));
		}
		return;
	}
	if (is_small(t)) {
		st->hash = hash2_small(st->hash, small_value(t));
	} else if (is_atom(t)) {
		uint32_t hv = atom_name_hash(t);
		st->hash = st->hash == 0 ? hv : mix1(st->hash, hv, HCONST_3);
	} else if (is_nil(t)) {
		st->hash = st->hash == 0 ? NIL_HASH : mix1(st->hash, NIL_TAG_DEF, HCONST_2);
	} else if (is_local_pid(t)) {
		st->hash = mix1(st->hash, pid_number(t), HCONST_5);
	} else if (is_local_port(t)) {
		uint64_t id = port_id(t);
		st->hash = mix2(st->hash, (uint32_t)id, (uint32_t)(id >> 32), HCONST_6);
	} else if (!is_boxed(t)) {
		return; /* not a term (a catch or header word): nothing to hash */
	} else {
		term *p = boxed_ptr(t);
		switch (header_subtag(p[0])) {
		case SUBTAG_TUPLE: {
			uint64_t n = header_arity(p[0]);
			st->hash = mix1(st->hash, (uint32_t)n, HCONST_9);
			push_elems(s, p + 1, n);
			break;
		}
		case SUBTAG_POS_BIG:
		case SUBTAG_NEG_BIG: {
			const uint64_t *d = big_digits(t);
			bool neg = big_is_negative(t);
			for (uint64_t i = 0; i < big_ndigits(t); i++)
				st->hash = hash2_digit(st->hash, d[i], neg);
			break;
		}
		case SUBTAG_FLOAT:
			st->hash = hash2_float(st->hash, float_value(t));
			break;
		case SUBTAG_HEAP_BIN:
		case SUBTAG_REFC_BIN:
		case SUBTAG_SUB_BIN:
			st->hash = hash2_bitstring(t, st->hash);
			break;
		case SUBTAG_REF:
		case SUBTAG_EXTERNAL_REF:
			/* only the first id, as in OTP */
			st->hash = mix1(st->hash, ref_count(t) ? ref_id(t, 0) : 0, HCONST_7);
			break;
		case SUBTAG_EXTERNAL_PID:
			st->hash = mix1(st->hash, pid_number(t), HCONST_5);
			break;
		case SUBTAG_EXTERNAL_PORT: {
			uint64_t id = port_id(t);
			st->hash = mix2(st->hash, (uint32_t)id, (uint32_t)(id >> 32), HCONST_6);
			break;
		}
		case SUBTAG_FUN: {
			const fun_entry *fe = fun_get_entry(t);
			uint64_t nfree = fun_num_free(t);
			st->hash =
			    mix2(st->hash, (uint32_t)nfree, atom_name_hash(fe->module), HCONST);
			st->hash = mix2(st->hash, fe->index, fe->old_uniq, HCONST);
			push_elems(s, fun_env(t), nfree);
			break;
		}
		case SUBTAG_EXPORT: {
			const export_entry *e = export_get_entry(t);
			st->hash = mix2(st->hash, e->arity, atom_name_hash(e->module), HCONST);
			st->hash = mix1(st->hash, atom_name_hash(e->function), HCONST_14);
			break;
		}
		case SUBTAG_MAP:
			if (map_is_flat(t)) {
				uint64_t n = flatmap_size(t);
				hash2_map_begin(s, st, n);
				if (n)
					ws_push(s, (work){.kind = W_FLAT_PAIRS,
					                  .p = flatmap_keys(t),
					                  .q = flatmap_values(t),
					                  .n = n});
			} else {
				hash2_map_begin(s, st, (uint64_t)small_value(p[HAMT_HEAD_SIZE]));
				ws_push(s, (work){.kind = W_NODE,
				                  .p = hamt_node_children(p),
				                  .n = hamt_node_count(p)});
			}
			break;
		default:
			break; /* a match state is no term */
		}
	}
}

/* One pair: the key, then the value from the key's hash, then fold. */
static void hash2_pair(work_stack *s, hash2_state *st, term key, term value)
{
	push_kind(s, W_PAIR_END);
	push_term(s, value);
	hash2_term(s, st, key);
}

bool term_phash2(term t, uint32_t *hash)
{
	work_stack s;
	hash2_state st = {0, 0};
	ws_init(&s);
	push_term(&s, t);
	while (s.len && !s.failed) {
		work *w = &s.items[s.len - 1];
		switch (w->kind) {
		case W_TERM:
			s.len--;
			hash2_term(&s, &st, w->t);
			break;
		case W_ELEMS:
			hash2_term(&s, &st, take_elem(&s));
			break;
		case W_FLAT_PAIRS: {
			term k = w->p[0], v = w->q[0];
			if (--w->n) {
				w->p++;
				w->q++;
			} else {
				s.len--;
			}
			hash2_pair(&s, &st, k, v);
			break;
		}
		case W_NODE: {
			term child = take_elem(&s);
			if (is_list(child)) {
				hash2_pair(&s, &st, list_head(child), list_tail(child));
			} else {
				term *node = boxed_ptr(child);
				ws_push(&s, (work){.kind = W_NODE,
				                   .p = hamt_node_children(node),
				                   .n = hamt_node_count(node)});
			}
			break;
		}
		case W_PAIR_END:
			s.len--;
			st.xor_pairs ^= st.hash;
			st.hash = 0;
			break;
		case W_MAP_END:
			s.len--;
			st.hash = mix1((uint32_t)(w->n >> 32), st.xor_pairs, HCONST_19);
			st.xor_pairs = (uint32_t)w->n;
			break;
		default:
			s.len--; /* phash's kinds never appear here */
			break;
		}
	}
	bool ok = !s.failed;
	ws_free(&s);
	*hash = st.hash;
	return ok;
}

bool term_phash2_range(term t, uint64_t range, uint32_t *out)
{
	uint32_t h;
	if (!phash_range_valid(range) || !term_phash2(t, &h))
		return false;
	*out = (uint32_t)(h % range);
	return true;
}

/* ===================== phash: OTP's make_hash ===================== */

/* primes just above 2^28 */
#define FUNNY_NUMBER1 268440163u
#define FUNNY_NUMBER2 268439161u
#define FUNNY_NUMBER3 268435459u
#define FUNNY_NUMBER4 268436141u
#define FUNNY_NUMBER5 268438633u
#define FUNNY_NUMBER6 268437017u
#define FUNNY_NUMBER8 268437511u
#define FUNNY_NUMBER9 268439627u
#define FUNNY_NUMBER10 268440479u
#define FUNNY_NUMBER11 268440577u
#define FUNNY_NUMBER12 268440581u
#define FUNNY_NUMBER13 268440593u
#define FUNNY_NUMBER14 268440611u

/* The four bytes of x, least significant first. */
static inline uint32_t step32(uint32_t hash, uint32_t x, uint32_t prime)
{
	for (int i = 0; i < 4; i++, x >>= 8)
		hash = hash * prime + (x & 0xff);
	return hash;
}

static uint32_t phash_bitstring(term t, uint32_t hash)
{
	bitstring_view v;
	bitstring_get(t, &v);
	uint64_t size = v.bitsize / 8;
	unsigned tail = (unsigned)(v.bitsize % 8);
	uint8_t buf[CHUNK_BYTES];
	for (uint64_t off = 0; off < size; off += CHUNK_BYTES) {
		size_t n = size - off < CHUNK_BYTES ? (size_t)(size - off) : CHUNK_BYTES;
		const uint8_t *p = bytes_at(&v, off, n, buf);
		for (size_t i = 0; i < n; i++)
			hash = hash * FUNNY_NUMBER1 + p[i];
	}
	if (tail)
		hash =
		    (hash * FUNNY_NUMBER1 + tail_bits_at(&v, size, tail)) * FUNNY_NUMBER12 + tail;
	return hash * FUNNY_NUMBER4 + (uint32_t)size;
}

/* Integers hash their magnitude's bytes, least significant first, in whole
 * 32-bit words, then the sign; smalls and bignums alike. */
static uint32_t phash_magnitude(uint32_t hash, const uint64_t *d, uint64_t n, bool negative)
{
	for (uint64_t i = 0; i < n; i++) {
		hash = step32(hash, (uint32_t)d[i], FUNNY_NUMBER2);
		if (i + 1 < n || d[i] >> 32)
			hash = step32(hash, (uint32_t)(d[i] >> 32), FUNNY_NUMBER2);
	}
	return hash * (negative ? FUNNY_NUMBER4 : FUNNY_NUMBER3);
}

static uint32_t phash_port(uint32_t hash, uint64_t id)
{
	if (id >> 32)
		hash = step32(hash, (uint32_t)(id >> 32), FUNNY_NUMBER11);
	return step32(hash, (uint32_t)id, FUNNY_NUMBER9) * FUNNY_NUMBER10;
}

/* The byte-run part of a list: `t` is a list cell. */
static void phash_list(work_stack *s, uint32_t *hash, term t)
{
	while (is_byte(list_head(t))) {
		*hash = *hash * FUNNY_NUMBER2 + (uint32_t)small_value(list_head(t));
		if (!is_list(list_tail(t))) {
			push_kind(s, W_LIST_END);
			push_term(s, list_tail(t));
			return;
		}
		t = list_tail(t);
	}
	ws_push(s, (work){.kind = W_LIST_REST, .t = list_tail(t)});
	push_term(s, list_head(t));
}

/* Hashes one term; false when memory ran out (a map inside needs phash2). */
static bool phash_term(work_stack *s, uint32_t *hash, term t)
{
	uint32_t h = *hash;
	if (is_list(t)) {
		phash_list(s, hash, t);
		return true;
	}
	if (is_small(t)) {
		int64_t v = small_value(t);
		uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
		h = phash_magnitude(h, &mag, 1, v < 0);
	} else if (is_atom(t)) {
		h = h * FUNNY_NUMBER1 + atom_name_hash(t);
	} else if (is_nil(t)) {
		h = h * FUNNY_NUMBER3 + 1;
	} else if (is_local_pid(t)) {
		h = step32(h, pid_number(t), FUNNY_NUMBER5) * FUNNY_NUMBER6;
	} else if (is_local_port(t)) {
		h = phash_port(h, port_id(t));
	} else if (is_boxed(t)) {
		term *p = boxed_ptr(t);
		switch (header_subtag(p[0])) {
		case SUBTAG_TUPLE: {
			uint64_t n = header_arity(p[0]);
			ws_push(s, (work){.kind = W_TUPLE_END, .n = n});
			push_elems(s, p + 1, n);
			break;
		}
		case SUBTAG_POS_BIG:
		case SUBTAG_NEG_BIG:
			h = phash_magnitude(h, big_digits(t), big_ndigits(t), big_is_negative(t));
			break;
		case SUBTAG_FLOAT: {
			double d = float_value(t);
			if (d == 0.0)
				d = 0.0; /* -0.0 hashes as 0.0 */
			uint64_t bits;
			memcpy(&bits, &d, sizeof bits);
			h = h * FUNNY_NUMBER6 + ((uint32_t)bits ^ (uint32_t)(bits >> 32));
			break;
		}
		case SUBTAG_HEAP_BIN:
		case SUBTAG_REFC_BIN:
		case SUBTAG_SUB_BIN:
			h = phash_bitstring(t, h);
			break;
		case SUBTAG_REF:
		case SUBTAG_EXTERNAL_REF:
			h = step32(h, ref_count(t) ? ref_id(t, 0) : 0, FUNNY_NUMBER9) *
			    FUNNY_NUMBER10;
			break;
		case SUBTAG_EXTERNAL_PID:
			h = step32(h, pid_number(t), FUNNY_NUMBER5) * FUNNY_NUMBER6;
			break;
		case SUBTAG_EXTERNAL_PORT:
			h = phash_port(h, port_id(t));
			break;
		case SUBTAG_FUN: {
			const fun_entry *fe = fun_get_entry(t);
			uint64_t nfree = fun_num_free(t);
			h = h * FUNNY_NUMBER10 + (uint32_t)nfree;
			h = h * FUNNY_NUMBER1 + atom_name_hash(fe->module);
			h = h * FUNNY_NUMBER2 + fe->index;
			h = h * FUNNY_NUMBER2 + fe->old_uniq;
			push_elems(s, fun_env(t), nfree);
			break;
		}
		case SUBTAG_EXPORT: {
			const export_entry *e = export_get_entry(t);
			h = h * FUNNY_NUMBER11 + e->arity;
			h = h * FUNNY_NUMBER1 + atom_name_hash(e->module);
			h = h * FUNNY_NUMBER1 + atom_name_hash(e->function);
			break;
		}
		case SUBTAG_MAP: {
			/* maps have no phash of their own: OTP mixes in phash2 */
			uint32_t h2;
			if (!term_phash2(t, &h2))
				return false;
			h = h * FUNNY_NUMBER13 + FUNNY_NUMBER14 + h2;
			break;
		}
		default:
			break; /* a match state is no term */
		}
	}
	*hash = h;
	return true;
}

bool term_phash(term t, uint32_t *hash)
{
	work_stack s;
	uint32_t h = 0;
	bool ok = true;
	ws_init(&s);
	push_term(&s, t);
	while (ok && s.len && !s.failed) {
		work *w = &s.items[s.len - 1];
		switch (w->kind) {
		case W_TERM:
			s.len--;
			ok = phash_term(&s, &h, w->t);
			break;
		case W_ELEMS:
			ok = phash_term(&s, &h, take_elem(&s));
			break;
		case W_TUPLE_END:
			s.len--;
			h = h * FUNNY_NUMBER9 + (uint32_t)w->n;
			break;
		case W_LIST_REST: {
			term rest = w->t;
			s.len--;
			if (is_list(rest)) {
				phash_list(&s, &h, rest);
			} else {
				push_kind(&s, W_LIST_END);
				push_term(&s, rest);
			}
			break;
		}
		case W_LIST_END:
			s.len--;
			h *= FUNNY_NUMBER8;
			break;
		default:
			s.len--; /* phash2's kinds never appear here */
			break;
		}
	}
	ok = ok && !s.failed;
	ws_free(&s);
	*hash = h;
	return ok;
}

bool term_phash_range(term t, uint64_t range, uint64_t *out)
{
	uint32_t h;
	if (!phash_range_valid(range) || !term_phash(t, &h))
		return false;
	*out = 1 + h % range;
	return true;
}
