#include "atom.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct atom_entry {
	uint32_t len; /* bytes */
	uint32_t hash;
	uint16_t chars; /* code points */
	bool latin1;
	char name[];
} atom_entry;

#define SEG_BITS 12
#define SEG_SIZE (1u << SEG_BITS)
#define NSEGS (ATOM_LIMIT / SEG_SIZE)

static _Atomic(atom_entry **) segments[NSEGS];
static _Atomic uint32_t natoms;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uint32_t *buckets; /* open addressing: atom index + 1, 0 = empty */
static uint32_t nbuckets;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static uint32_t hash_name(const char *s, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

static atom_entry *entry_at(uint32_t index)
{
	atom_entry **seg = atomic_load_explicit(&segments[index >> SEG_BITS], memory_order_acquire);
	return seg[index & (SEG_SIZE - 1)];
}

/* Counts code points; -1 when the bytes are not well-formed UTF-8. */
static long utf8_chars(const char *s, size_t n, bool *latin1)
{
	const uint8_t *p = (const uint8_t *)s;
	long chars = 0;
	*latin1 = true;
	for (size_t i = 0; i < n; chars++) {
		uint32_t c = p[i];
		size_t k;
		uint32_t min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			k = 1, c &= 0x1f, min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			k = 2, c &= 0x0f, min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			k = 3, c &= 0x07, min = 0x10000;
		} else {
			return -1;
		}
		if (i + k >= n)
			return -1;
		for (size_t j = 1; j <= k; j++) {
			if ((p[i + j] & 0xc0) != 0x80)
				return -1;
			c = (c << 6) | (p[i + j] & 0x3f);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return -1;
		if (c > 0xff)
			*latin1 = false;
		i += k + 1;
	}
	return chars;
}

static void grow_buckets(void)
{
	uint32_t n = nbuckets ? nbuckets * 2 : 4096;
	uint32_t *b = calloc(n, sizeof *b);
	if (!b) {
		fprintf(stderr, "kbeam: out of memory growing the atom table\n");
		abort();
	}
	for (uint32_t i = 0; i < nbuckets; i++) {
		uint32_t v = buckets[i];
		if (!v)
			continue;
		uint32_t j = entry_at(v - 1)->hash & (n - 1);
		while (b[j])
			j = (j + 1) & (n - 1);
		b[j] = v;
	}
	free(buckets);
	buckets = b;
	nbuckets = n;
}

/* Lock held. Returns the bucket slot for the name: occupied by it or empty. */
static uint32_t *find_slot(const char *s, size_t n, uint32_t h)
{
	uint32_t j = h & (nbuckets - 1);
	for (;;) {
		uint32_t v = buckets[j];
		if (!v)
			return &buckets[j];
		atom_entry *e = entry_at(v - 1);
		if (e->hash == h && e->len == n && memcmp(e->name, s, n) == 0)
			return &buckets[j];
		j = (j + 1) & (nbuckets - 1);
	}
}

static atom_status put_locked(const char *s, size_t n, term *out)
{
	bool latin1;
	long chars = utf8_chars(s, n, &latin1);
	if (chars < 0)
		return ATOM_BAD_UTF8;
	if (chars > ATOM_MAX_CHARS)
		return ATOM_TOO_LONG;
	uint32_t h = hash_name(s, n);
	uint32_t *slot = find_slot(s, n, h);
	if (*slot) {
		*out = make_atom(*slot - 1);
		return ATOM_OK;
	}
	uint32_t index = atomic_load_explicit(&natoms, memory_order_relaxed);
	if (index >= ATOM_LIMIT)
		return ATOM_TABLE_FULL;
	atom_entry *e = malloc(sizeof *e + n + 1);
	if (!e)
		return ATOM_NO_MEMORY;
	e->len = (uint32_t)n;
	e->hash = h;
	e->chars = (uint16_t)chars;
	e->latin1 = latin1;
	memcpy(e->name, s, n);
	e->name[n] = 0;
	atom_entry **seg = atomic_load_explicit(&segments[index >> SEG_BITS], memory_order_relaxed);
	if (!seg) {
		seg = calloc(SEG_SIZE, sizeof *seg);
		if (!seg) {
			free(e);
			return ATOM_NO_MEMORY;
		}
		atomic_store_explicit(&segments[index >> SEG_BITS], seg, memory_order_release);
	}
	seg[index & (SEG_SIZE - 1)] = e;
	atomic_store_explicit(&natoms, index + 1, memory_order_release);
	*slot = index + 1;
	if ((index + 1) * 2 > nbuckets)
		grow_buckets();
	*out = make_atom(index);
	return ATOM_OK;
}

static void init_table(void)
{
	pthread_mutex_lock(&lock);
	grow_buckets();
	static const char *const names[] = {
#define X(id, name) name,
#include "atoms.def"
#undef X
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		term a;
		if (put_locked(names[i], strlen(names[i]), &a) != ATOM_OK || atom_index(a) != i) {
			fprintf(stderr, "kbeam: predefined atom '%s' clashes\n", names[i]);
			abort();
		}
	}
	pthread_mutex_unlock(&lock);
}

void atom_table_init(void) { pthread_once(&init_once, init_table); }

atom_status atom_put(const char *utf8, size_t len, term *out)
{
	atom_table_init();
	pthread_mutex_lock(&lock);
	atom_status s = put_locked(utf8, len, out);
	pthread_mutex_unlock(&lock);
	return s;
}

atom_status atom_put_latin1(const uint8_t *latin1, size_t len, term *out)
{
	if (len > ATOM_MAX_CHARS)
		return ATOM_TOO_LONG;
	char buf[2 * ATOM_MAX_CHARS];
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		uint8_t c = latin1[i];
		if (c < 0x80) {
			buf[n++] = (char)c;
		} else {
			buf[n++] = (char)(0xc0 | (c >> 6));
			buf[n++] = (char)(0x80 | (c & 0x3f));
		}
	}
	return atom_put(buf, n, out);
}

atom_status atom_lookup(const char *utf8, size_t len, term *out)
{
	atom_table_init();
	pthread_mutex_lock(&lock);
	uint32_t *slot = find_slot(utf8, len, hash_name(utf8, len));
	atom_status s = ATOM_NOT_FOUND;
	if (*slot) {
		*out = make_atom(*slot - 1);
		s = ATOM_OK;
	}
	pthread_mutex_unlock(&lock);
	return s;
}

term atom_from_cstr(const char *name)
{
	term a;
	atom_status s = atom_put(name, strlen(name), &a);
	if (s != ATOM_OK) {
		fprintf(stderr, "kbeam: cannot create atom '%s': %s\n", name, atom_status_text(s));
		abort();
	}
	return a;
}

const char *atom_name(term atom, size_t *len)
{
	atom_entry *e = entry_at(atom_index(atom));
	*len = e->len;
	return e->name;
}

size_t atom_chars(term atom) { return entry_at(atom_index(atom))->chars; }
bool atom_is_latin1(term atom) { return entry_at(atom_index(atom))->latin1; }
size_t atom_count(void) { return atomic_load_explicit(&natoms, memory_order_acquire); }

const char *atom_status_text(atom_status s)
{
	switch (s) {
	case ATOM_OK:
		return "ok";
	case ATOM_TOO_LONG:
		return "atom name longer than 255 characters";
	case ATOM_BAD_UTF8:
		return "atom name is not valid UTF-8";
	case ATOM_TABLE_FULL:
		return "atom table full (system_limit)";
	case ATOM_NOT_FOUND:
		return "no such atom";
	case ATOM_NO_MEMORY:
		return "out of memory";
	}
	return "unknown atom error";
}
