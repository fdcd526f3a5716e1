/* Bit syntax glue for generated code: sizes that are terms, and
 * bs_create_bin with segment templates. The semantics are vm/bits.c's. */
#include <stdlib.h>
#include <string.h>

#include "rt_bs.h"

/* unit_flags: unit in the low 32 bits, BS_FLAG_* above */
#define UNIT(uf) ((uint32_t)(uf))
#define FLAGS(uf) ((unsigned)((uf) >> 32))

static bool size_bits(term size, uint64_t uf, uint64_t *bits)
{
	return bs_size_bits(size, UNIT(uf), bits);
}

term rt_bs_get_integer(process *p, term ms, term size, uint64_t uf)
{
	uint64_t bits;
	return size_bits(size, uf, &bits) ? bs_get_integer(p, ms, bits, FLAGS(uf)) : THE_NON_VALUE;
}

term rt_bs_get_float(process *p, term ms, term size, uint64_t uf)
{
	uint64_t bits;
	return size_bits(size, uf, &bits) ? bs_get_float(p, ms, bits, FLAGS(uf)) : THE_NON_VALUE;
}

term rt_bs_get_binary(process *p, term ms, term size, uint64_t uf)
{
	if (size == atom_from_cstr("all"))
		return bs_get_binary_all(p, ms, UNIT(uf));
	uint64_t bits;
	return size_bits(size, uf, &bits) ? bs_get_binary(p, ms, bits) : THE_NON_VALUE;
}

bool rt_bs_skip_bits(term ms, term size, uint64_t uf)
{
	if (size == atom_from_cstr("all"))
		return bs_skip_all(ms, UNIT(uf));
	uint64_t bits;
	return size_bits(size, uf, &bits) && bs_skip_bits(ms, bits);
}

term rt_bs_create(process *p, const bs_seg *tmpl, uint32_t n, const term *vals)
{
	bs_seg local[16];
	bs_seg *segs = n <= 16 ? local : malloc(n * sizeof *segs);
	if (!segs)
		return bif_no_memory(p);
	memcpy(segs, tmpl, n * sizeof *segs);
	for (uint32_t i = 0; i < n; i++) {
		if (segs[i].type != BS_SEG_STRING) {
			segs[i].value = vals[2 * i];
			segs[i].size = vals[2 * i + 1];
		}
	}
	term r = bs_create_bin(p, segs, n);
	if (segs != local)
		free(segs);
	return r;
}
