/* The Type chunk (OTP 25 writes version 1): the types that typed register
 * operands (z5) refer to. After version and count, each entry is 18 bytes:
 * 16 bits of possible kinds (bit n as in the TYPE_* constants), then the
 * lower and upper bound of an integer range as signed 64-bit numbers, the
 * range being absent when lower > upper. */
#include <stdlib.h>

#include "load.h"

#define TYPES_VERSION 1
#define TYPE_ENTRY_SIZE 18

// clang-format off
const char *const type_kind_names[13] = {
	"atom", "bitstring", "bs_context", "cons", "float", "fun", "integer",
	"map",  "nil",       "pid",        "port", "reference", "tuple",
};
// clang-format on

static uint64_t be64(const uint8_t *p) { return (uint64_t)be32(p) << 32 | be32(p + 4); }

/* No Type chunk, or one in a format this loader does not know: every
 * typed register is then of type 0, "any" (OTP does the same). */
static bool fallback_types(loader *ld)
{
	kb_module *m = ld->m;
	m->types = malloc(sizeof *m->types);
	if (!m->types)
		return load_fail(ld, "out of memory");
	m->types[0] = (kb_type){.kinds = TYPE_ANY, .has_range = false};
	m->ntypes = 1;
	return true;
}

bool load_types(loader *ld)
{
	kb_module *m = ld->m;
	const beam_chunk *c = &ld->chunks[CH_TYPE];
	if (!c->present)
		return fallback_types(ld);
	if (c->size < 8)
		return load_fail(ld, "chunk Type: too short for its header");
	if (be32(c->data) != TYPES_VERSION)
		return fallback_types(ld);
	uint32_t n = be32(c->data + 4);
	if ((uint64_t)n * TYPE_ENTRY_SIZE != c->size - 8)
		return load_fail(ld, "chunk Type: %u entries need %llu bytes, the chunk has %u", n,
		                 (unsigned long long)n * TYPE_ENTRY_SIZE + 8, c->size);
	if (n == 0)
		return load_fail(ld, "chunk Type: no entries (entry 0 must be the type any)");
	m->types = malloc((size_t)n * sizeof *m->types);
	if (!m->types)
		return load_fail(ld, "out of memory");
	const uint8_t *p = c->data + 8;
	for (uint32_t i = 0; i < n; i++, p += TYPE_ENTRY_SIZE) {
		uint32_t kinds = (uint32_t)p[0] << 8 | p[1];
		if (kinds & ~(uint32_t)TYPE_ANY)
			return load_fail(ld, "chunk Type: entry %u: unknown type bits 0x%x", i,
			                 kinds & ~(uint32_t)TYPE_ANY);
		int64_t min = (int64_t)be64(p + 2), max = (int64_t)be64(p + 10);
		m->types[i] = (kb_type){
		    .kinds = (uint16_t)kinds,
		    .has_range = min <= max,
		    .min = min <= max ? min : 0,
		    .max = min <= max ? max : 0,
		};
		m->ntypes = i + 1;
	}
	if (m->types[0].kinds != TYPE_ANY || m->types[0].has_range)
		return load_fail(ld, "chunk Type: entry 0 is not the type any");
	return true;
}
