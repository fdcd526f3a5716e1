/* The unicode module's BIFs. So far bin_is_7bit/1 only:
 * characters_to_binary/2 and characters_to_list/2 are not written yet. */
#include "bif.h"
#include "vm/binary.h"

/* true when every byte of a binary is below 128; false for anything else,
 * non-binaries included (OTP does not raise here). */
static term bif_unicode_bin_is_7bit_1(process *p, const term *args)
{
	if (!is_binary(args[0]))
		return ATOM(false);
	bitstring_view v;
	bitstring_get(args[0], &v);
	uint64_t n = v.bitsize / 8;
	uint8_t any = 0;
	for (uint64_t i = 0; i < n; i++) {
		uint8_t byte;
		bits_copy(&byte, v.base, v.bitoffs + 8 * i, 8);
		any |= byte;
	}
	p->reds -= (int64_t)(n / 1024);
	return any & 0x80 ? ATOM(false) : ATOM(true);
}

const bif_def bif_family_unicode[] = {
    {"unicode", "bin_is_7bit", 1, bif_unicode_bin_is_7bit_1},
    {0},
};
