/* The IFF container of a .beam file: "FOR1", the form size, "BEAM", then
 * chunks of a 4-byte id, a 4-byte size and the data padded to 4 bytes. */
#include <string.h>

#include "load.h"

// clang-format off
const char chunk_names[CH_COUNT][5] = {
	[CH_ATU8] = "AtU8", [CH_ATOM] = "Atom", [CH_CODE] = "Code", [CH_STRT] = "StrT",
	[CH_IMPT] = "ImpT", [CH_EXPT] = "ExpT", [CH_LOCT] = "LocT", [CH_FUNT] = "FunT",
	[CH_LITT] = "LitT", [CH_LINE] = "Line", [CH_ATTR] = "Attr", [CH_CINF] = "CInf",
	[CH_TYPE] = "Type", [CH_META] = "Meta",
};
// clang-format on

static int chunk_lookup(const uint8_t *id)
{
	for (int i = 0; i < CH_COUNT; i++)
		if (memcmp(id, chunk_names[i], 4) == 0)
			return i;
	return -1; /* Dbgi, Docs, ExCk, Abst ... are not needed */
}

bool iff_read(loader *ld, const uint8_t *data, size_t size)
{
	if (size < 12)
		return load_fail(ld, "not a BEAM file: too short (%zu bytes)", size);
	if (memcmp(data, "FOR1", 4) != 0)
		return load_fail(ld, "not a BEAM file: no FOR1 header");
	uint32_t form = be32(data + 4);
	if (form > size - 8)
		return load_fail(ld, "truncated: the header announces %llu bytes, the file has %zu",
		                 (unsigned long long)form + 8, size);
	if (form < 4 || memcmp(data + 8, "BEAM", 4) != 0)
		return load_fail(ld, "not a BEAM file: the form type is not BEAM");

	const uint8_t *p = data + 12, *end = data + 8 + form;
	while (p < end) {
		size_t offset = (size_t)(p - data);
		if (end - p < 8)
			return load_fail(ld, "truncated chunk header at offset %zu", offset);
		int id = chunk_lookup(p);
		uint32_t csize = be32(p + 4);
		uint64_t padded = ((uint64_t)csize + 3) & ~(uint64_t)3;
		p += 8;
		if (padded > (uint64_t)(end - p)) {
			if (id >= 0)
				return load_fail(ld,
				                 "chunk %s: size %u goes past the end of the file",
				                 chunk_names[id], csize);
			return load_fail(
			    ld, "chunk at offset %zu: size %u goes past the end of the file",
			    offset, csize);
		}
		if (id >= 0) {
			beam_chunk *c = &ld->chunks[id];
			if (c->present)
				return load_fail(ld, "chunk %s appears twice", chunk_names[id]);
			c->present = true;
			c->data = p;
			c->size = csize;
		}
		p += padded;
	}
	if (!ld->chunks[CH_CODE].present)
		return load_fail(ld, "missing chunk Code");
	if (!ld->chunks[CH_ATU8].present && !ld->chunks[CH_ATOM].present)
		return load_fail(ld, "missing chunk AtU8 (the atom table)");
	if (!ld->chunks[CH_IMPT].present)
		return load_fail(ld, "missing chunk ImpT");
	if (!ld->chunks[CH_EXPT].present)
		return load_fail(ld, "missing chunk ExpT");
	return true;
}
