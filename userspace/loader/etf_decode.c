/* binary_to_term: reads what OTP 25 reads, refuses what it refuses.
 *
 * One pass over the bytes builds the term. A compound term is allocated
 * as soon as its header is read, and each of its not-yet-decoded element
 * words joins a chain of "pending slots": the slot itself holds the address
 * of the next pending slot until a term is decoded into it (the chain is a
 * stack, so elements are filled depth-first, in order). Nesting depth
 * therefore costs neither C stack nor extra memory.
 *
 * A declared count is believed only as far as the bytes left can back it:
 * every pending slot will take at least one byte, so a container is made
 * only when the bytes left cover its elements and all the slots already
 * pending. Bogus sizes, even nested ones, therefore cannot make us allocate
 * more than a small multiple of the input.
 *
 * Maps are built last: their keys and values are decoded into a scratch
 * array, and once everything is decoded the maps are made, innermost first
 * (the reverse of the order they were met), because a key must be a
 * complete term before it can be hashed. A pair of equal keys is an error.
 */
#include "etf.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <zlib.h>

#include "etf_tags.h"
#include "vm/atom.h"
#include "vm/bignum.h"
#include "vm/binary.h"
#include "vm/export.h"
#include "vm/fun.h"
#include "vm/ident.h"
#include "vm/map.h"

typedef struct map_fixup {
	term *slot;  /* where the map goes */
	term *pairs; /* keys[0..n), then values[0..n); malloc'd */
	size_t n;
} map_fixup;

typedef struct decoder {
	kb_heap *h;
	const uint8_t *p, *end;
	bool safe;
	const char *error;
	term *pending;   /* top of the chain of slots still to fill; NULL: none */
	size_t npending; /* slots in that chain */
	map_fixup *maps;
	size_t nmaps, maps_cap;
} decoder;

/* ---- bytes ---- */

static bool fail(decoder *d, const char *why)
{
	if (!d->error)
		d->error = why;
	return false;
}

static bool need(decoder *d, uint64_t n)
{
	if ((uint64_t)(d->end - d->p) < n)
		return fail(d, "truncated term");
	return true;
}

static uint64_t get_be(decoder *d, unsigned nbytes)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < nbytes; i++)
		v = (v << 8) | d->p[i];
	d->p += nbytes;
	return v;
}

static unsigned get_u8(decoder *d) { return (unsigned)get_be(d, 1); }
static uint32_t get_u16(decoder *d) { return (uint32_t)get_be(d, 2); }
static uint32_t get_u32(decoder *d) { return (uint32_t)get_be(d, 4); }

static term *alloc(decoder *d, size_t words)
{
	term *p = heap_alloc(d->h, words);
	if (!p)
		fail(d, "out of memory");
	return p;
}

/* ---- pending slots ---- */

static void push_slot(decoder *d, term *slot)
{
	*slot = (term)(uintptr_t)d->pending;
	d->pending = slot;
	d->npending++;
}

static term *pop_slot(decoder *d)
{
	term *slot = d->pending;
	d->pending = (term *)(uintptr_t)*slot;
	d->npending--;
	return slot;
}

/* Are there bytes enough for n more pending slots besides those there are? */
static bool room_for_slots(decoder *d, uint64_t n) { return need(d, d->npending + n); }

/* Makes slots[0..n) pending so that slots[0] is filled first. */
static void push_slots(decoder *d, term *slots, size_t n)
{
	while (n > 0)
		push_slot(d, &slots[--n]);
}

/* ---- atoms ---- */

static bool make_atom_from(decoder *d, const uint8_t *name, size_t len, bool latin1, term *out)
{
	atom_status s;
	if (latin1 && d->safe) {
		char utf8[2 * ETF_MAX_ATOM_LATIN1];
		size_t n = 0;
		for (size_t i = 0; i < len; i++) {
			if (name[i] < 0x80) {
				utf8[n++] = (char)name[i];
			} else {
				utf8[n++] = (char)(0xc0 | (name[i] >> 6));
				utf8[n++] = (char)(0x80 | (name[i] & 0x3f));
			}
		}
		s = atom_lookup(utf8, n, out);
	} else if (latin1) {
		s = atom_put_latin1(name, len, out);
	} else if (d->safe) {
		s = atom_lookup((const char *)name, len, out);
	} else {
		s = atom_put((const char *)name, len, out);
	}
	switch (s) {
	case ATOM_OK:
		return true;
	case ATOM_NOT_FOUND:
		return fail(d, "atom does not exist (safe)");
	case ATOM_TOO_LONG:
		return fail(d, "atom longer than 255 characters");
	case ATOM_BAD_UTF8:
		return fail(d, "atom name is not valid UTF-8");
	case ATOM_TABLE_FULL:
		return fail(d, "atom table full");
	default:
		return fail(d, "out of memory");
	}
}

/* The atom whose tag byte was just read. */
static bool decode_atom_body(decoder *d, unsigned tag, term *out)
{
	bool latin1 = tag == ETF_ATOM || tag == ETF_SMALL_ATOM;
	bool small = tag == ETF_SMALL_ATOM || tag == ETF_SMALL_ATOM_UTF8;
	if (!need(d, small ? 1 : 2))
		return false;
	size_t len = small ? get_u8(d) : get_u16(d);
	if (len > (latin1 ? ETF_MAX_ATOM_LATIN1 : ETF_MAX_ATOM_UTF8))
		return fail(d, "atom longer than 255 characters");
	if (!need(d, len))
		return false;
	const uint8_t *name = d->p;
	d->p += len;
	return make_atom_from(d, name, len, latin1, out);
}

static bool is_atom_tag(unsigned tag)
{
	return tag == ETF_ATOM || tag == ETF_SMALL_ATOM || tag == ETF_ATOM_UTF8 ||
	       tag == ETF_SMALL_ATOM_UTF8;
}

/* An atom where the format allows nothing else (node, module, function). */
static bool decode_atom(decoder *d, term *out)
{
	if (!need(d, 1))
		return false;
	unsigned tag = get_u8(d);
	if (tag == ETF_ATOM_CACHE_REF)
		return fail(d, "atom cache reference outside a distribution message");
	if (!is_atom_tag(tag))
		return fail(d, "expected an atom");
	return decode_atom_body(d, tag, out);
}

/* ---- numbers ---- */

static bool decode_big(decoder *d, unsigned tag, term *out)
{
	uint64_t n;
	if (tag == ETF_SMALL_BIG) {
		if (!need(d, 1))
			return false;
		n = get_u8(d);
	} else {
		if (!need(d, 4))
			return false;
		n = get_u32(d);
		if (n > ETF_MAX_BIG_BYTES)
			return fail(d, "integer too large");
	}
	if (!need(d, 1 + n))
		return false;
	bool negative = get_u8(d) != 0;
	*out = int_from_le_bytes(d->h, negative, d->p, n);
	d->p += n;
	if (*out == THE_NON_VALUE)
		return fail(d, "out of memory");
	return true;
}

/* LIST_EXT with no elements is just its tail: OTP reads it wherever a term
 * may stand, even where only an integer or a pid makes sense. */
static bool skip_empty_lists(decoder *d)
{
	while (d->end - d->p >= 5 && d->p[0] == ETF_LIST && d->p[1] == 0 && d->p[2] == 0 &&
	       d->p[3] == 0 && d->p[4] == 0)
		d->p += 5;
	return need(d, 1);
}

/* An integer that must be a small (export arity, fun OldIndex/OldUniq). */
static bool decode_small_arg(decoder *d, int64_t *out)
{
	if (!skip_empty_lists(d))
		return false;
	unsigned tag = get_u8(d);
	switch (tag) {
	case ETF_SMALL_INTEGER:
		if (!need(d, 1))
			return false;
		*out = get_u8(d);
		return true;
	case ETF_INTEGER:
		if (!need(d, 4))
			return false;
		*out = (int32_t)get_u32(d);
		return true;
	case ETF_SMALL_BIG:
	case ETF_LARGE_BIG: {
		uint64_t n = 0;
		if (tag == ETF_SMALL_BIG && need(d, 1))
			n = get_u8(d);
		else if (tag == ETF_LARGE_BIG && need(d, 4))
			n = get_u32(d);
		if (d->error || !need(d, 1 + n))
			return false;
		bool negative = get_u8(d) != 0;
		const uint8_t *mag = d->p;
		d->p += n;
		while (n > 0 && mag[n - 1] == 0)
			n--;
		uint64_t m = 0;
		for (uint64_t i = n; i-- > 0 && n <= 8;)
			m = (m << 8) | mag[i];
		if (n > 8 || m > (uint64_t)MAX_SMALL + negative)
			return fail(d, "expected a small integer");
		*out = negative ? (int64_t)(0 - m) : (int64_t)m;
		return true;
	}
	default:
		return fail(d, "expected a small integer");
	}
}

static bool decode_new_float(decoder *d, term *out)
{
	if (!need(d, 8))
		return false;
	uint64_t bits = get_be(d, 8);
	double v;
	memcpy(&v, &bits, sizeof v);
	if (!isfinite(v))
		return fail(d, "float is not finite");
	term *p = alloc(d, 2);
	if (!p)
		return false;
	p[0] = make_header(1, SUBTAG_FLOAT);
	memcpy(p + 1, &v, sizeof v);
	*out = make_boxed(p);
	return true;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* OTP's syntax for FLOAT_EXT text: [+-]digits(.|,)digits([eE][+-]digits).
 * Makes the decimal point a '.' for strtod. */
static bool float_text_ok(char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	if (!is_digit(*s))
		return false;
	while (is_digit(*s))
		s++;
	if (*s != '.' && *s != ',')
		return false;
	*s++ = '.';
	if (!is_digit(*s))
		return false;
	while (is_digit(*s))
		s++;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!is_digit(*s))
			return false;
		while (is_digit(*s))
			s++;
	}
	return *s == 0;
}

/* FLOAT_EXT: 31 bytes of text. OTP reads the text as a C string, up to
 * the first NUL, even when that lies past the 31 bytes (then the text goes
 * on into what follows, which is almost never a float's syntax). */
static bool decode_old_float(decoder *d, term *out)
{
	if (!need(d, ETF_FLOAT_TEXT_BYTES))
		return false;
	const uint8_t *nul = memchr(d->p, 0, (size_t)(d->end - d->p));
	if (!nul)
		return fail(d, "malformed FLOAT_EXT text");
	size_t len = (size_t)(nul - d->p);
	char small[64];
	char *text = len < sizeof small ? small : malloc(len + 1);
	if (!text)
		return fail(d, "out of memory");
	memcpy(text, d->p, len + 1);
	d->p += ETF_FLOAT_TEXT_BYTES;
	bool ok = float_text_ok(text);
	double v = ok ? strtod(text, NULL) : 0; /* underflow to zero is accepted, as OTP */
	if (text != small)
		free(text);
	if (!ok)
		return fail(d, "malformed FLOAT_EXT text");
	if (!isfinite(v))
		return fail(d, "float is not finite");
	term *p = alloc(d, 2);
	if (!p)
		return false;
	p[0] = make_header(1, SUBTAG_FLOAT);
	memcpy(p + 1, &v, sizeof v);
	*out = make_boxed(p);
	return true;
}

/* ---- pids, ports, references ---- */

static bool is_local_node(term node, uint32_t creation)
{
	return node == local_node_name() && creation == LOCAL_NODE_CREATION;
}

static bool decode_pid_body(decoder *d, unsigned tag, term *out)
{
	term node;
	if (!decode_atom(d, &node) || !need(d, tag == ETF_PID ? 9 : 12))
		return false;
	uint32_t number = get_u32(d);
	uint32_t serial = get_u32(d);
	uint32_t creation = tag == ETF_PID ? get_u8(d) : get_u32(d);
	if (tag == ETF_PID && creation > ETF_OLD_MAX_CREATION)
		return fail(d, "bad creation in PID_EXT");
	if (is_local_node(node, creation)) {
		if (number >= (1u << PID_NUMBER_BITS) || serial >= (1u << PID_SERIAL_BITS))
			return fail(d, "local pid out of range");
		*out = make_local_pid(((uint64_t)serial << PID_NUMBER_BITS) | number);
		return true;
	}
	term *p = alloc(d, 5);
	if (!p)
		return false;
	p[0] = make_header(4, SUBTAG_EXTERNAL_PID);
	p[1] = node;
	p[2] = creation;
	p[3] = number;
	p[4] = serial;
	*out = make_boxed(p);
	return true;
}

static bool decode_port_body(decoder *d, unsigned tag, term *out)
{
	term node;
	if (!decode_atom(d, &node))
		return false;
	unsigned id_bytes = tag == ETF_V4_PORT ? 8 : 4;
	unsigned creation_bytes = tag == ETF_PORT ? 1 : 4;
	if (!need(d, id_bytes + creation_bytes))
		return false;
	uint64_t id = get_be(d, id_bytes);
	uint32_t creation = (uint32_t)get_be(d, creation_bytes);
	if (tag == ETF_PORT && creation > ETF_OLD_MAX_CREATION)
		return fail(d, "bad creation in PORT_EXT");
	if (is_local_node(node, creation)) {
		if (id >= ETF_PORT_ID_LIMIT)
			return fail(d, "local port out of range");
		*out = make_local_port(id);
		return true;
	}
	term *p = alloc(d, 4);
	if (!p)
		return false;
	p[0] = make_header(3, SUBTAG_EXTERNAL_PORT);
	p[1] = node;
	p[2] = creation;
	p[3] = id;
	*out = make_boxed(p);
	return true;
}

static void store_ref_ids(term *words, const uint32_t *ids, unsigned count)
{
	for (unsigned w = 0; w < ref_id_words(count); w++)
		words[w] = 0;
	for (unsigned i = 0; i < count; i++)
		words[i / 2] |= (term)ids[i] << (32 * (i % 2));
}

/* REFERENCE_EXT: node, id, creation (1).
 * NEW_REFERENCE_EXT: count, node, creation (1), ids.
 * NEWER_REFERENCE_EXT: count, node, creation (4), ids.
 * OTP always reads a first id, even when count is 0. Local references are
 * OTP's ordinary three-id ones: fewer ids are padded with zeros (none at
 * all with count 0), more are refused. */
static bool decode_ref_body(decoder *d, unsigned tag, term *out)
{
	unsigned count = 1;
	term node;
	uint32_t creation;
	if (tag != ETF_REFERENCE) {
		if (!need(d, 2))
			return false;
		count = get_u16(d);
		if (count > REF_MAX_IDS)
			return fail(d, "reference with too many ids");
	}
	if (!decode_atom(d, &node))
		return false;
	uint32_t ids[REF_MAX_IDS] = {0};
	if (tag == ETF_REFERENCE) {
		if (!need(d, 5))
			return false;
		ids[0] = get_u32(d);
		creation = get_u8(d);
	} else {
		unsigned cbytes = tag == ETF_NEW_REFERENCE ? 1 : 4;
		uint64_t nids = count ? count : 1;
		if (!need(d, cbytes + 4 * nids))
			return false;
		creation = (uint32_t)get_be(d, cbytes);
		for (unsigned i = 0; i < nids; i++)
			ids[i] = get_u32(d);
	}
	if (tag != ETF_NEWER_REFERENCE) {
		if (creation > ETF_OLD_MAX_CREATION)
			return fail(d, "bad creation in reference");
		if (ids[0] >= ETF_OLD_REF_ID_LIMIT)
			return fail(d, "reference id out of range");
	}
	if (is_local_node(node, creation)) {
		if (ids[0] >= ETF_OLD_REF_ID_LIMIT || count > ETF_LOCAL_REF_IDS)
			return fail(d, "not a reference this node made");
		if (count == 0)
			ids[0] = 0;
		term *p = alloc(d, 2 + ref_id_words(ETF_LOCAL_REF_IDS));
		if (!p)
			return false;
		p[0] = make_header(1 + ref_id_words(ETF_LOCAL_REF_IDS), SUBTAG_REF);
		p[1] = ETF_LOCAL_REF_IDS;
		store_ref_ids(p + 2, ids, ETF_LOCAL_REF_IDS);
		*out = make_boxed(p);
		return true;
	}
	term *p = alloc(d, 4 + ref_id_words(count));
	if (!p)
		return false;
	p[0] = make_header(3 + ref_id_words(count), SUBTAG_EXTERNAL_REF);
	p[1] = node;
	p[2] = creation;
	p[3] = count;
	store_ref_ids(p + 4, ids, count);
	*out = make_boxed(p);
	return true;
}

/* ---- funs ---- */

static bool decode_export(decoder *d, term *out)
{
	term module, function;
	int64_t arity;
	if (!decode_atom(d, &module) || !decode_atom(d, &function) || !decode_small_arg(d, &arity))
		return false;
	if (arity < 0)
		return fail(d, "negative arity");
	/* OTP keeps 32 bits of the arity */
	export_entry *e;
	if (d->safe) {
		e = export_entry_lookup(module, function, (uint32_t)arity);
		if (!e || !atomic_load_explicit(&e->address, memory_order_acquire))
			return fail(d, "external fun to code that is not loaded (safe)");
	} else {
		e = export_entry_get(module, function, (uint32_t)arity);
		if (!e)
			return fail(d, "out of memory");
	}
	term *p = alloc(d, 2);
	if (!p)
		return false;
	p[0] = make_header(1, SUBTAG_EXPORT);
	p[1] = (term)(uintptr_t)e;
	*out = make_boxed(p);
	return true;
}

static bool decode_creator(decoder *d, term *out)
{
	if (!skip_empty_lists(d))
		return false;
	unsigned tag = get_u8(d);
	if (tag != ETF_PID && tag != ETF_NEW_PID)
		return fail(d, "fun creator is not a pid");
	return decode_pid_body(d, tag, out);
}

/* NEW_FUN_EXT; its Size field is not checked (OTP ignores it too). OldIndex
 * must be a small integer but is not kept: a fun entry has one index, and
 * the compiler has made OldIndex equal to Index for decades. The free
 * variables become pending slots. */
static bool decode_fun(decoder *d, term *out)
{
	if (!need(d, 4 + 1 + 16 + 4 + 4))
		return false;
	d->p += 4;
	unsigned arity = get_u8(d);
	const uint8_t *md5 = d->p;
	d->p += 16;
	uint32_t index = get_u32(d);
	uint32_t num_free = get_u32(d);
	if (num_free > ETF_MAX_FUN_FREE)
		return fail(d, "fun with too many free variables");
	term module, creator;
	int64_t old_index, old_uniq;
	if (!decode_atom(d, &module) || !decode_small_arg(d, &old_index) ||
	    !decode_small_arg(d, &old_uniq) || !decode_creator(d, &creator) ||
	    !room_for_slots(d, num_free))
		return false;
	fun_entry *fe =
	    fun_entry_get(module, md5, index, (uint32_t)old_uniq, arity, num_free, THE_NON_VALUE);
	if (!fe)
		return fail(d, "out of memory");
	term *p = alloc(d, FUN_ENV + num_free);
	if (!p)
		return false;
	p[0] = make_header(FUN_ENV - 1 + num_free, SUBTAG_FUN);
	p[FUN_ENTRY] = (term)(uintptr_t)fe;
	p[FUN_CREATOR] = creator;
	p[FUN_NUM_FREE] = num_free;
	push_slots(d, p + FUN_ENV, num_free);
	*out = make_boxed(p);
	return true;
}

/* ---- containers ---- */

static bool decode_tuple(decoder *d, unsigned tag, term *out)
{
	if (!need(d, tag == ETF_SMALL_TUPLE ? 1 : 4))
		return false;
	uint64_t n = tag == ETF_SMALL_TUPLE ? get_u8(d) : get_u32(d);
	if (!room_for_slots(d, n))
		return false;
	term *p = alloc(d, 1 + n);
	if (!p)
		return false;
	p[0] = make_header(n, SUBTAG_TUPLE);
	push_slots(d, p + 1, n);
	*out = make_boxed(p);
	return true;
}

static bool decode_string(decoder *d, term *out)
{
	if (!need(d, 2))
		return false;
	uint32_t n = get_u16(d);
	if (!need(d, n))
		return false;
	if (n == 0) {
		*out = NIL;
		return true;
	}
	term *cells = alloc(d, 2 * (size_t)n);
	if (!cells)
		return false;
	for (uint32_t i = 0; i < n; i++) {
		cells[2 * i] = make_small(d->p[i]);
		cells[2 * i + 1] = i + 1 < n ? make_list(&cells[2 * i + 2]) : NIL;
	}
	d->p += n;
	*out = make_list(cells);
	return true;
}

/* LIST_EXT with n > 0: n cells whose heads and last tail are pending. */
static bool decode_list(decoder *d, uint32_t n, term *out)
{
	if (!room_for_slots(d, (uint64_t)n + 1))
		return false;
	term *cells = alloc(d, 2 * (size_t)n);
	if (!cells)
		return false;
	push_slot(d, &cells[2 * (size_t)n - 1]);
	for (size_t i = n; i-- > 0;) {
		if (i + 1 < n)
			cells[2 * i + 1] = make_list(&cells[2 * i + 2]);
		push_slot(d, &cells[2 * i]);
	}
	*out = make_list(cells);
	return true;
}

static bool decode_map(decoder *d, term *slot)
{
	if (!need(d, 4))
		return false;
	uint64_t n = get_u32(d);
	if (n > ETF_MAX_MAP_PAIRS)
		return fail(d, "map too large");
	if (!room_for_slots(d, 2 * n))
		return false;
	if (n == 0) {
		*slot = map_from_pairs(d->h, NULL, NULL, 0);
		return *slot != THE_NON_VALUE || fail(d, "out of memory");
	}
	if (d->nmaps == d->maps_cap) {
		size_t cap = d->maps_cap ? 2 * d->maps_cap : 8;
		map_fixup *m = realloc(d->maps, cap * sizeof *m);
		if (!m)
			return fail(d, "out of memory");
		d->maps = m;
		d->maps_cap = cap;
	}
	term *pairs = malloc(2 * n * sizeof *pairs);
	if (!pairs)
		return fail(d, "out of memory");
	d->maps[d->nmaps++] = (map_fixup){slot, pairs, n};
	*slot = NIL; /* until the map is made */
	for (size_t i = n; i-- > 0;) {
		push_slot(d, &pairs[n + i]);
		push_slot(d, &pairs[i]);
	}
	return true;
}

static bool decode_binary(decoder *d, unsigned tag, term *out)
{
	if (!need(d, tag == ETF_BINARY ? 4 : 5))
		return false;
	uint64_t n = get_u32(d);
	uint64_t nbits = 8 * n;
	if (tag == ETF_BIT_BINARY) {
		unsigned tail = get_u8(d);
		if ((tail == 0) != (n == 0) || tail > 8)
			return fail(d, "bad bit count in BIT_BINARY_EXT");
		if (n)
			nbits = 8 * (n - 1) + tail;
	}
	if (!need(d, n))
		return false;
	*out = nbits % 8 ? bitstring_new(d->h, d->p, nbits) : binary_new(d->h, d->p, n);
	d->p += n;
	if (*out == THE_NON_VALUE)
		return fail(d, "out of memory");
	return true;
}

/* ---- one term into a slot ---- */

static bool decode_into(decoder *d, term *slot)
{
	if (!need(d, 1))
		return false;
	unsigned tag = get_u8(d);
	switch (tag) {
	case ETF_SMALL_INTEGER:
		if (!need(d, 1))
			return false;
		*slot = make_small(get_u8(d));
		return true;
	case ETF_INTEGER:
		if (!need(d, 4))
			return false;
		*slot = make_small((int32_t)get_u32(d));
		return true;
	case ETF_SMALL_BIG:
	case ETF_LARGE_BIG:
		return decode_big(d, tag, slot);
	case ETF_NEW_FLOAT:
		return decode_new_float(d, slot);
	case ETF_FLOAT:
		return decode_old_float(d, slot);
	case ETF_ATOM:
	case ETF_SMALL_ATOM:
	case ETF_ATOM_UTF8:
	case ETF_SMALL_ATOM_UTF8:
		return decode_atom_body(d, tag, slot);
	case ETF_SMALL_TUPLE:
	case ETF_LARGE_TUPLE:
		return decode_tuple(d, tag, slot);
	case ETF_NIL:
		*slot = NIL;
		return true;
	case ETF_STRING:
		return decode_string(d, slot);
	case ETF_LIST: {
		if (!need(d, 4))
			return false;
		uint32_t n = get_u32(d);
		if (n == 0) { /* no elements: the term is the tail */
			push_slot(d, slot);
			return true;
		}
		return decode_list(d, n, slot);
	}
	case ETF_BINARY:
	case ETF_BIT_BINARY:
		return decode_binary(d, tag, slot);
	case ETF_MAP:
		return decode_map(d, slot);
	case ETF_PID:
	case ETF_NEW_PID:
		return decode_pid_body(d, tag, slot);
	case ETF_PORT:
	case ETF_NEW_PORT:
	case ETF_V4_PORT:
		return decode_port_body(d, tag, slot);
	case ETF_REFERENCE:
	case ETF_NEW_REFERENCE:
	case ETF_NEWER_REFERENCE:
		return decode_ref_body(d, tag, slot);
	case ETF_EXPORT:
		return decode_export(d, slot);
	case ETF_NEW_FUN:
		return decode_fun(d, slot);
	case ETF_FUN:
		return fail(d, "old fun format (FUN_EXT) is not supported");
	case ETF_ATOM_CACHE_REF:
		return fail(d, "atom cache reference outside a distribution message");
	default:
		return fail(d, "unknown tag");
	}
}

/* Makes the maps, innermost first. Each map_fixup's arrays are freed. */
static bool finish_maps(decoder *d)
{
	bool ok = true;
	while (d->nmaps > 0) {
		map_fixup *f = &d->maps[--d->nmaps];
		if (ok) {
			term m = map_from_pairs(d->h, f->pairs, f->pairs + f->n, f->n);
			if (m == THE_NON_VALUE)
				ok = fail(d, "bad map (duplicate keys or out of memory)");
			else if (map_size(m) != f->n)
				ok = fail(d, "duplicate map keys");
			else
				*f->slot = m;
		}
		free(f->pairs);
	}
	return ok;
}

/* After an error: no slot is left holding a chain pointer. */
static void abandon(decoder *d)
{
	while (d->pending)
		*pop_slot(d) = NIL;
	while (d->nmaps > 0)
		free(d->maps[--d->nmaps].pairs);
}

static term decode_term(decoder *d)
{
	term result = 0; /* the chain's end: a NULL next pointer */
	d->pending = &result;
	d->npending = 1;
	while (d->pending) {
		term *slot = pop_slot(d);
		if (!decode_into(d, slot)) {
			*slot = NIL;
			break;
		}
	}
	bool ok = !d->error && finish_maps(d);
	if (!ok)
		abandon(d);
	free(d->maps);
	return ok ? result : THE_NON_VALUE;
}

/* ---- the compressed form ---- */

/* Inflates the zlib stream in src into exactly `size` bytes (malloc'd);
 * *consumed is how much of src the stream took. */
static uint8_t *inflate_exactly(decoder *d, const uint8_t *src, size_t len, uint32_t size,
                                size_t *consumed)
{
	/* grow with the output, so a false size allocates nothing big */
	size_t cap = size;
	if (len <= size / 8) {
		cap = len * 8 < 4096 ? 4096 : len * 8;
		if (cap > size)
			cap = size;
	}
	uint8_t *out = malloc(cap);
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	if (!out || inflateInit(&zs) != Z_OK) {
		free(out);
		fail(d, "out of memory");
		return NULL;
	}
	zs.next_in = (Bytef *)(uintptr_t)src;
	zs.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
	zs.next_out = out;
	zs.avail_out = (uInt)cap;
	for (;;) {
		int rc = inflate(&zs, Z_NO_FLUSH);
		if (rc == Z_STREAM_END)
			break;
		if (rc != Z_OK && rc != Z_BUF_ERROR) {
			fail(d, "corrupt compressed term");
			break;
		}
		if (zs.avail_out > 0) { /* it stopped for want of input */
			fail(d, "truncated compressed term");
			break;
		}
		if (cap == size) {
			/* full: only the stream's trailer may follow */
			if (rc == Z_BUF_ERROR) {
				fail(d, "compressed term longer than its declared size");
				break;
			}
			continue;
		}
		size_t ncap = cap <= size / 2 ? cap * 2 : size;
		uint8_t *n = realloc(out, ncap);
		if (!n) {
			fail(d, "out of memory");
			break;
		}
		out = n;
		zs.next_out = out + cap;
		zs.avail_out = (uInt)(ncap - cap);
		cap = ncap;
	}
	if (!d->error && zs.total_out != size)
		fail(d, "compressed term shorter than its declared size");
	*consumed = zs.total_in;
	inflateEnd(&zs);
	if (d->error) {
		free(out);
		return NULL;
	}
	return out;
}

term etf_decode(kb_heap *h, const uint8_t *buf, size_t len, unsigned flags, size_t *used,
                const char **error)
{
	decoder d = {.h = h, .safe = (flags & ETF_DECODE_SAFE) != 0};
	term t = THE_NON_VALUE;
	if (len < 1 || buf[0] != ETF_VERSION) {
		fail(&d, "not an external term (version byte is not 131)");
	} else if (len >= 2 && buf[1] == ETF_COMPRESSED) {
		size_t consumed = 0;
		uint32_t size = 0;
		for (size_t i = 2; i < 6 && i < len; i++)
			size = size << 8 | buf[i];
		uint8_t *plain = NULL;
		if (len < 6)
			fail(&d, "truncated term");
		else if (size == 0)
			fail(&d, "compressed term of size 0");
		else
			plain = inflate_exactly(&d, buf + 6, len - 6, size, &consumed);
		if (plain) {
			d.p = plain;
			d.end = plain + size;
			t = decode_term(&d);
			free(plain);
		}
		if (used && t != THE_NON_VALUE)
			*used = 6 + consumed;
	} else {
		d.p = buf + 1;
		d.end = buf + len;
		t = decode_term(&d);
		if (used && t != THE_NON_VALUE)
			*used = (size_t)(d.p - buf);
	}
	if (error)
		*error = t == THE_NON_VALUE ? d.error : NULL;
	return t;
}
