/* Chardata from any encoding to any encoding, as OTP 25's unicode.erl
 * converts it where its C BIFs do not (characters_to_binary_int/3): input
 * or output utf16 or utf32, or latin1 output.
 *
 * That code walks the chardata left to right and stops at the first
 * invalid character, so unlike the C BIFs it raises badarg only for a bad
 * element it reaches. It converts binaries in pieces of 8192 bytes at most
 * and carries a character cut short by the end of one binary into the next
 * binary; both show in the shape of an error's rest, which this module
 * reproduces exactly.
 */
#ifndef KBEAM_BIF_UNICODE_TRANSCODE_H
#define KBEAM_BIF_UNICODE_TRANSCODE_H

#include "unicode_codec.h"
#include "unicode_convert.h"

/* Converts data from `in` to `out`: the converted bytes in r->utf8 (in
 * `out`, whatever the field's name) and for CHARDATA_ERROR and
 * CHARDATA_INCOMPLETE the rest. Charges p->reds for the work. On
 * CHARDATA_BADARG and CHARDATA_NO_MEMORY, r->utf8 is NULL. */
chardata_status chardata_transcode(process *p, term data, uni_encoding in, uni_encoding out,
                                   chardata_result *r);

#endif
