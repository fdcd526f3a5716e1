/* Chardata to UTF-8: the one conversion behind unicode:characters_to_binary/2
 * and unicode:characters_to_list/2 for the input encodings OTP's C BIFs
 * handle (latin1 and unicode/utf8).
 *
 * Chardata is a binary or a possibly deep list of integers (code points, or
 * bytes for latin1) and binaries, whose tails may be binaries. A UTF-8
 * sequence may be split over consecutive binaries. Conversion stops at the
 * first invalid character; what was not converted is handed back as "rest"
 * in the exact shape OTP 25 gives it.
 */
#ifndef KBEAM_BIF_UNICODE_CONVERT_H
#define KBEAM_BIF_UNICODE_CONVERT_H

#include "vm/process.h"

typedef enum chardata_status {
	CHARDATA_OK = 0,
	CHARDATA_ERROR,      /* an invalid character: {error, Converted, Rest} */
	CHARDATA_INCOMPLETE, /* input ends inside a sequence: {incomplete, ...} */
	CHARDATA_BADARG,     /* not chardata */
	CHARDATA_NO_MEMORY,
} chardata_status;

typedef struct chardata_result {
	uint8_t *utf8; /* malloc'd converted prefix; the caller frees it */
	size_t len;    /* bytes in utf8 */
	term rest;     /* the unconverted part (ERROR and INCOMPLETE only) */
} chardata_result;

/* A growable stack of terms (malloc'd; free items when done). */
typedef struct term_stack {
	term *items;
	size_t n, cap;
} term_stack;

/* false when out of memory. */
bool term_stack_push(term_stack *s, term t);

/* Converts data, latin1 or UTF-8 input. Charges p->reds for the work. On
 * CHARDATA_BADARG and CHARDATA_NO_MEMORY, r->utf8 is NULL. */
chardata_status chardata_to_utf8(process *p, term data, bool latin1, chardata_result *r);

#endif
