/* term_to_binary: the bytes OTP 25 writes, byte for byte.
 *
 * The term is walked with an explicit work stack (no C recursion), writing
 * into a growing buffer. The choices that make the bytes OTP's:
 *   integers   SMALL_INTEGER_EXT for 0..255, INTEGER_EXT for 32-bit values,
 *              else SMALL_BIG_EXT (under 256 magnitude bytes) or LARGE_BIG_EXT
 *   atoms      ATOM_EXT for Latin-1 names under minor_version 0 and 1, the
 *              UTF-8 tags otherwise (SMALL_ when the name is under 256 bytes)
 *   floats     NEW_FLOAT_EXT; minor_version 0: FLOAT_EXT, "%.20e" padded with
 *              zeros to 31 bytes
 *   lists      STRING_EXT for proper lists of 0..255 shorter than 65536,
 *              else LIST_EXT with the element count and the tail
 *   pids/refs  NEW_PID_EXT, NEWER_REFERENCE_EXT
 *   ports      NEW_PORT_EXT, V4_PORT_EXT for ids of 2^28 and above
 *   funs       NEW_FUN_EXT (OldIndex is the index, OldUniq signed 32-bit);
 *              external funs EXPORT_EXT
 *   maps       MAP_EXT in map iteration order, or sorted by key in the exact
 *              term order with `deterministic`
 * Compression: zlib (deflate at the level asked) of everything after the
 * version byte, kept only when the whole stream fits in the uncompressed
 * size minus the 6 bytes of its header, as OTP does.
 */
#include "etf.h"

#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

#include "etf_tags.h"
#include "vm/atom.h"
#include "vm/bignum.h"
#include "vm/binary.h"
#include "vm/compare.h"
#include "vm/export.h"
#include "vm/fun.h"
#include "vm/ident.h"
#include "vm/map.h"

/* ---- output buffer ---- */

typedef struct out_buf {
	uint8_t *data;
	size_t len, cap;
	bool failed; /* out of memory: later writes are dropped */
} out_buf;

/* Room for n more bytes; NULL (and failed set) when there is none. */
static uint8_t *reserve(out_buf *o, size_t n)
{
	if (o->failed)
		return NULL;
	if (o->cap - o->len < n) {
		size_t cap = o->cap ? o->cap : 256;
		while (cap - o->len < n) {
			if (cap > SIZE_MAX / 2) {
				o->failed = true;
				return NULL;
			}
			cap *= 2;
		}
		uint8_t *d = realloc(o->data, cap);
		if (!d) {
			o->failed = true;
			return NULL;
		}
		o->data = d;
		o->cap = cap;
	}
	uint8_t *p = o->data + o->len;
	o->len += n;
	return p;
}

static void put_u8(out_buf *o, unsigned v)
{
	uint8_t *p = reserve(o, 1);
	if (p)
		p[0] = (uint8_t)v;
}

static void put_be(uint8_t *p, uint64_t v, unsigned nbytes)
{
	for (unsigned i = 0; i < nbytes; i++)
		p[i] = (uint8_t)(v >> (8 * (nbytes - 1 - i)));
}

static void put_u16(out_buf *o, uint64_t v)
{
	uint8_t *p = reserve(o, 2);
	if (p)
		put_be(p, v, 2);
}

static void put_u32(out_buf *o, uint64_t v)
{
	uint8_t *p = reserve(o, 4);
	if (p)
		put_be(p, v, 4);
}

static void put_u64(out_buf *o, uint64_t v)
{
	uint8_t *p = reserve(o, 8);
	if (p)
		put_be(p, v, 8);
}

static void put_bytes(out_buf *o, const void *src, size_t n)
{
	uint8_t *p = reserve(o, n);
	if (p && n)
		memcpy(p, src, n);
}

/* ---- leaves ---- */

static void put_i64(out_buf *o, int64_t v)
{
	if (v >= 0 && v <= 255) {
		put_u8(o, ETF_SMALL_INTEGER);
		put_u8(o, (unsigned)v);
	} else if (v >= INT32_MIN && v <= INT32_MAX) {
		put_u8(o, ETF_INTEGER);
		put_u32(o, (uint32_t)(int32_t)v);
	} else {
		uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
		unsigned n = 0;
		while (n < 8 && (mag >> (8 * n)) != 0)
			n++;
		put_u8(o, ETF_SMALL_BIG);
		put_u8(o, n);
		put_u8(o, v < 0);
		uint8_t *p = reserve(o, n);
		for (unsigned i = 0; p && i < n; i++)
			p[i] = (uint8_t)(mag >> (8 * i));
	}
}

static void put_bignum(out_buf *o, term t)
{
	size_t n = int_magnitude_size(t);
	if (n < 256) {
		put_u8(o, ETF_SMALL_BIG);
		put_u8(o, (unsigned)n);
	} else {
		put_u8(o, ETF_LARGE_BIG);
		put_u32(o, n);
	}
	put_u8(o, big_is_negative(t));
	uint8_t *p = reserve(o, n);
	if (p)
		int_magnitude_bytes(t, p);
}

static void put_float(out_buf *o, double d, int minor_version)
{
	if (minor_version == 0) {
		char text[64];
		int n = snprintf(text, sizeof text, "%.20e", d);
		uint8_t *p = reserve(o, 1 + ETF_FLOAT_TEXT_BYTES);
		if (!p)
			return;
		p[0] = ETF_FLOAT;
		memset(p + 1, 0, ETF_FLOAT_TEXT_BYTES);
		memcpy(p + 1, text, n < ETF_FLOAT_TEXT_BYTES ? (size_t)n : ETF_FLOAT_TEXT_BYTES);
		return;
	}
	uint64_t bits;
	memcpy(&bits, &d, sizeof bits);
	put_u8(o, ETF_NEW_FLOAT);
	put_u64(o, bits);
}

static void put_atom(out_buf *o, term a, int minor_version)
{
	size_t len;
	const uint8_t *name = (const uint8_t *)atom_name(a, &len);
	if (minor_version >= 2 || !atom_is_latin1(a)) {
		if (len < 256) {
			put_u8(o, ETF_SMALL_ATOM_UTF8);
			put_u8(o, (unsigned)len);
		} else {
			put_u8(o, ETF_ATOM_UTF8);
			put_u16(o, len);
		}
		put_bytes(o, name, len);
		return;
	}
	/* Latin-1: every character is one byte, from one or two of UTF-8 */
	size_t chars = atom_chars(a);
	put_u8(o, ETF_ATOM);
	put_u16(o, chars);
	uint8_t *p = reserve(o, chars);
	for (size_t i = 0; p && i < len; i++) {
		if (name[i] < 0x80) {
			*p++ = name[i];
		} else {
			*p++ = (uint8_t)(((name[i] & 0x03) << 6) | (name[i + 1] & 0x3f));
			i++;
		}
	}
}

static void put_pid(out_buf *o, term t, int minor_version)
{
	put_u8(o, ETF_NEW_PID);
	put_atom(o, ident_node(t), minor_version);
	put_u32(o, pid_number(t));
	put_u32(o, pid_serial(t));
	put_u32(o, ident_creation(t));
}

static void put_port(out_buf *o, term t, int minor_version)
{
	uint64_t id = port_id(t);
	bool v4 = id >= ETF_PORT_ID_LIMIT;
	put_u8(o, v4 ? ETF_V4_PORT : ETF_NEW_PORT);
	put_atom(o, ident_node(t), minor_version);
	if (v4)
		put_u64(o, id);
	else
		put_u32(o, id);
	put_u32(o, ident_creation(t));
}

static void put_ref(out_buf *o, term t, int minor_version)
{
	unsigned n = ref_count(t);
	put_u8(o, ETF_NEWER_REFERENCE);
	put_u16(o, n);
	put_atom(o, ident_node(t), minor_version);
	put_u32(o, ident_creation(t));
	for (unsigned i = 0; i < n; i++)
		put_u32(o, ref_id(t, i));
}

static void put_bitstring(out_buf *o, term t)
{
	bitstring_view v;
	bitstring_get(t, &v);
	uint64_t nbytes = (v.bitsize + 7) / 8;
	unsigned tail = (unsigned)(v.bitsize % 8);
	put_u8(o, tail ? ETF_BIT_BINARY : ETF_BINARY);
	put_u32(o, nbytes);
	if (tail)
		put_u8(o, tail);
	uint8_t *p = reserve(o, nbytes);
	if (p && nbytes)
		bits_copy(p, v.base, v.bitoffs, v.bitsize);
}

static void put_export(out_buf *o, term t, int minor_version)
{
	const export_entry *e = export_get_entry(t);
	put_u8(o, ETF_EXPORT);
	put_atom(o, e->module, minor_version);
	put_atom(o, e->function, minor_version);
	put_i64(o, e->arity);
}

/* ---- the walk ---- */

enum work_kind {
	WORK_TERMS,    /* encode items[0..n) in order */
	WORK_LIST,     /* encode the cons cell's head, then go on with its tail */
	WORK_FUN_SIZE, /* write the fun's Size field at offset */
	WORK_FREE,     /* free owned (a map's pairs, once they are written) */
};

typedef struct work {
	enum work_kind kind;
	const term *items; /* WORK_TERMS */
	size_t n;          /* WORK_TERMS: items left; WORK_FUN_SIZE: offset */
	term cell;         /* WORK_LIST */
	void *owned;       /* WORK_FREE */
} work;

typedef struct encoder {
	out_buf out;
	work *stack;
	size_t depth, cap;
	int minor_version;
	bool deterministic;
} encoder;

static bool push(encoder *e, work w)
{
	if (e->depth == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 64;
		work *s = realloc(e->stack, cap * sizeof *s);
		if (!s) {
			free(w.owned);
			e->out.failed = true;
			return false;
		}
		e->stack = s;
		e->cap = cap;
	}
	e->stack[e->depth++] = w;
	return true;
}

/* The element count up to the first non-cons tail, and whether the list
 * is one STRING_EXT can hold. */
static size_t list_length(term t, bool *is_string)
{
	size_t n = 0;
	bool bytes = true;
	for (; is_list(t); t = list_tail(t)) {
		term h = list_head(t);
		if (bytes && !(is_small(h) && small_value(h) >= 0 && small_value(h) <= 255))
			bytes = false;
		n++;
	}
	*is_string = bytes && is_nil(t) && n <= ETF_MAX_STRING_EXT;
	return n;
}

static void encode_list(encoder *e, term t)
{
	bool is_string;
	size_t n = list_length(t, &is_string);
	if (is_string) {
		put_u8(&e->out, ETF_STRING);
		put_u16(&e->out, n);
		uint8_t *p = reserve(&e->out, n);
		for (; p && is_list(t); t = list_tail(t))
			*p++ = (uint8_t)small_value(list_head(t));
		return;
	}
	put_u8(&e->out, ETF_LIST);
	put_u32(&e->out, n);
	push(e, (work){.kind = WORK_LIST, .cell = t});
}

static void encode_tuple(encoder *e, term t)
{
	uint64_t n = tuple_arity(t);
	if (n <= 255) {
		put_u8(&e->out, ETF_SMALL_TUPLE);
		put_u8(&e->out, (unsigned)n);
	} else {
		put_u8(&e->out, ETF_LARGE_TUPLE);
		put_u32(&e->out, n);
	}
	if (n)
		push(e, (work){.kind = WORK_TERMS, .items = tuple_elems(t), .n = n});
}

static int pair_order(const void *x, const void *y)
{
	return term_compare_exact(((const term *)x)[0], ((const term *)y)[0]);
}

static void encode_map(encoder *e, term m)
{
	size_t n = map_size(m);
	put_u8(&e->out, ETF_MAP);
	put_u32(&e->out, n);
	if (n == 0)
		return;
	term *pairs = malloc(2 * n * sizeof *pairs); /* key, value, key, value... */
	if (!pairs) {
		e->out.failed = true;
		return;
	}
	map_iter it;
	map_iter_init_etf(&it, m);
	size_t i = 0;
	while (i < n && map_iter_next(&it, &pairs[2 * i], &pairs[2 * i + 1]))
		i++;
	if (e->deterministic)
		qsort(pairs, n, 2 * sizeof *pairs, pair_order);
	if (push(e, (work){.kind = WORK_FREE, .owned = pairs}))
		push(e, (work){.kind = WORK_TERMS, .items = pairs, .n = 2 * n});
}

static void encode_fun(encoder *e, term f)
{
	const fun_entry *fe = fun_get_entry(f);
	uint64_t num_free = fun_num_free(f);
	put_u8(&e->out, ETF_NEW_FUN);
	size_t size_at = e->out.len;
	put_u32(&e->out, 0); /* Size: patched once the free variables are written */
	put_u8(&e->out, fe->arity);
	put_bytes(&e->out, fe->md5, sizeof fe->md5);
	put_u32(&e->out, fe->index);
	put_u32(&e->out, num_free);
	put_atom(&e->out, fe->module, e->minor_version);
	put_i64(&e->out, fe->index); /* OldIndex: the same index in modern code */
	put_i64(&e->out, (int32_t)fe->old_uniq);
	put_pid(&e->out, fun_creator(f), e->minor_version);
	if (push(e, (work){.kind = WORK_FUN_SIZE, .n = size_at}) && num_free)
		push(e, (work){.kind = WORK_TERMS, .items = fun_env(f), .n = num_free});
}

static void encode_one(encoder *e, term t)
{
	out_buf *o = &e->out;
	if (is_small(t)) {
		put_i64(o, small_value(t));
	} else if (is_atom(t)) {
		put_atom(o, t, e->minor_version);
	} else if (is_nil(t)) {
		put_u8(o, ETF_NIL);
	} else if (is_list(t)) {
		encode_list(e, t);
	} else if (is_local_pid(t)) {
		put_pid(o, t, e->minor_version);
	} else if (is_local_port(t)) {
		put_port(o, t, e->minor_version);
	} else {
		switch (header_subtag(boxed_header(t))) {
		case SUBTAG_TUPLE:
			encode_tuple(e, t);
			break;
		case SUBTAG_POS_BIG:
		case SUBTAG_NEG_BIG:
			put_bignum(o, t);
			break;
		case SUBTAG_FLOAT:
			put_float(o, float_value(t), e->minor_version);
			break;
		case SUBTAG_REF:
		case SUBTAG_EXTERNAL_REF:
			put_ref(o, t, e->minor_version);
			break;
		case SUBTAG_EXTERNAL_PID:
			put_pid(o, t, e->minor_version);
			break;
		case SUBTAG_EXTERNAL_PORT:
			put_port(o, t, e->minor_version);
			break;
		case SUBTAG_FUN:
			encode_fun(e, t);
			break;
		case SUBTAG_EXPORT:
			put_export(o, t, e->minor_version);
			break;
		case SUBTAG_MAP:
			encode_map(e, t);
			break;
		default: /* heap, refc and sub binaries */
			put_bitstring(o, t);
			break;
		}
	}
}

/* Works through the stack until it is empty (true) or `budget` more
 * bytes are written (false: call again). */
static bool encode_some(encoder *e, size_t budget)
{
	size_t stop = e->out.len + budget < e->out.len ? SIZE_MAX : e->out.len + budget;
	while (e->depth > 0 && !e->out.failed) {
		if (e->out.len >= stop)
			return false;
		work *w = &e->stack[e->depth - 1];
		switch (w->kind) {
		case WORK_TERMS: {
			term next = *w->items++;
			if (--w->n == 0)
				e->depth--;
			encode_one(e, next);
			break;
		}
		case WORK_LIST: {
			term cell = w->cell;
			if (is_list(list_tail(cell)))
				w->cell = list_tail(cell);
			else /* the tail goes last; it lives in the cell */
				*w =
				    (work){.kind = WORK_TERMS, .items = &list_ptr(cell)[1], .n = 1};
			encode_one(e, list_head(cell));
			break;
		}
		case WORK_FUN_SIZE:
			put_be(e->out.data + w->n, e->out.len - w->n, 4);
			e->depth--;
			break;
		case WORK_FREE:
			free(w->owned);
			e->depth--;
			break;
		}
	}
	return true;
}

static void encoder_release(encoder *e)
{
	while (e->depth > 0) {
		work *w = &e->stack[--e->depth];
		if (w->kind == WORK_FREE)
			free(w->owned);
	}
	free(e->stack);
	free(e->out.data);
}

/* OTP's rule: compress everything after the version byte into at most
 * len - 6 bytes; if the stream does not end there, keep the plain form. */
static uint8_t *compress_encoding(uint8_t *plain, size_t *len, int level)
{
	size_t n = *len;
	if (level <= 0 || n < 6)
		return plain;
	size_t room = n - 6;
	uint8_t *out = malloc(n);
	if (!out) {
		free(plain);
		return NULL;
	}
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	if (deflateInit(&zs, level) != Z_OK) {
		free(out);
		return plain;
	}
	zs.next_in = plain + 1;
	zs.avail_in = (uInt)(n - 1);
	zs.next_out = out + 6;
	zs.avail_out = (uInt)room;
	int rc = n - 1 > UINT32_MAX ? Z_BUF_ERROR : deflate(&zs, Z_FINISH);
	size_t zlen = zs.total_out;
	deflateEnd(&zs);
	if (rc != Z_STREAM_END) {
		free(out);
		return plain;
	}
	out[0] = ETF_VERSION;
	out[1] = ETF_COMPRESSED;
	put_be(out + 2, n - 1, 4);
	free(plain);
	*len = 6 + zlen;
	return out;
}

struct etf_encoder {
	encoder e;
	int compressed;
};

etf_encoder *etf_encoder_new(term t, const etf_encode_options *opts)
{
	etf_encoder *x = calloc(1, sizeof *x);
	if (!x)
		return NULL;
	x->e.minor_version = opts->minor_version;
	x->e.deterministic = opts->deterministic;
	x->compressed = opts->compressed;
	put_u8(&x->e.out, ETF_VERSION);
	encode_one(&x->e, t);
	return x;
}

int etf_encoder_step(etf_encoder *x, size_t budget, uint8_t **out, size_t *len)
{
	if (!encode_some(&x->e, budget))
		return 0;
	if (x->e.out.failed) {
		etf_encoder_free(x);
		return -1;
	}
	*len = x->e.out.len;
	*out = compress_encoding(x->e.out.data, len, x->compressed);
	x->e.out.data = NULL;
	etf_encoder_free(x);
	return *out ? 1 : -1;
}

void etf_encoder_free(etf_encoder *x)
{
	if (x) {
		encoder_release(&x->e);
		free(x);
	}
}

uint8_t *etf_encode(term t, const etf_encode_options *opts, size_t *len)
{
	etf_encoder *x = etf_encoder_new(t, opts);
	uint8_t *out = NULL;
	if (!x || etf_encoder_step(x, SIZE_MAX, &out, len) != 1)
		return NULL;
	return out;
}
