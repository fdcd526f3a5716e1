/* Tag bytes of the external term format (OTP's erl_ext_dist), and the
 * limits OTP 25 applies when it reads them.
 */
#ifndef KBEAM_LOADER_ETF_TAGS_H
#define KBEAM_LOADER_ETF_TAGS_H

#include <stdint.h>

enum etf_tag {
	ETF_VERSION = 131,
	ETF_COMPRESSED = 80, /* 'P': uncompressed size (4), zlib stream */

	ETF_NEW_FLOAT = 70,       /* IEEE double, big-endian */
	ETF_BIT_BINARY = 77,      /* length (4), bits in last byte (1), bytes */
	ETF_ATOM_CACHE_REF = 82,  /* only valid after a distribution header */
	ETF_NEW_PID = 88,         /* node, number (4), serial (4), creation (4) */
	ETF_NEW_PORT = 89,        /* node, id (4), creation (4) */
	ETF_NEWER_REFERENCE = 90, /* count (2), node, creation (4), ids (4 each) */
	ETF_SMALL_INTEGER = 97,   /* uint8 */
	ETF_INTEGER = 98,         /* int32 */
	ETF_FLOAT = 99,           /* 31 bytes of "%.20e" text */
	ETF_ATOM = 100,           /* length (2), Latin-1 */
	ETF_REFERENCE = 101,      /* node, id (4), creation (1) */
	ETF_PORT = 102,           /* node, id (4), creation (1) */
	ETF_PID = 103,            /* node, number (4), serial (4), creation (1) */
	ETF_SMALL_TUPLE = 104,    /* arity (1), elements */
	ETF_LARGE_TUPLE = 105,    /* arity (4), elements */
	ETF_NIL = 106,
	ETF_STRING = 107,          /* length (2), bytes: a list of small integers */
	ETF_LIST = 108,            /* length (4), elements, tail */
	ETF_BINARY = 109,          /* length (4), bytes */
	ETF_SMALL_BIG = 110,       /* length (1), sign (1), little-endian magnitude */
	ETF_LARGE_BIG = 111,       /* length (4), sign (1), little-endian magnitude */
	ETF_NEW_FUN = 112,         /* size (4), arity, md5, index, num_free, module,
	                              old index, old uniq, creator pid, free vars */
	ETF_EXPORT = 113,          /* module, function, arity */
	ETF_NEW_REFERENCE = 114,   /* count (2), node, creation (1), ids (4 each) */
	ETF_SMALL_ATOM = 115,      /* length (1), Latin-1 */
	ETF_MAP = 116,             /* pairs (4), key, value, ... */
	ETF_FUN = 117,             /* the pre-R8 fun; OTP 23+ refuses it */
	ETF_ATOM_UTF8 = 118,       /* length (2), UTF-8 */
	ETF_SMALL_ATOM_UTF8 = 119, /* length (1), UTF-8 */
	ETF_V4_PORT = 120,         /* node, id (8), creation (4) */
};

#define ETF_FLOAT_TEXT_BYTES 31
#define ETF_MAX_STRING_EXT 0xffff   /* longest list written as STRING_EXT */
#define ETF_MAX_ATOM_LATIN1 255     /* bytes of an ATOM_EXT name */
#define ETF_MAX_ATOM_UTF8 (4 * 255) /* bytes of an ATOM_UTF8_EXT name */
/* LARGE_BIG_EXT magnitudes longer than OTP's biggest bignum
 * ((2^19 - 1) 64-bit digits) are refused, as OTP refuses them. */
#define ETF_MAX_BIG_BYTES (((UINT64_C(1) << 19) - 1) * 8)
#define ETF_MAX_FUN_FREE 255 /* MAX_ARG */
#define ETF_MAX_MAP_PAIRS ((UINT64_C(1) << 31) - 1)
#define ETF_OLD_MAX_CREATION 3          /* creation byte of PID/PORT/REFERENCE_EXT */
#define ETF_LOCAL_REF_IDS 3             /* the ids of a reference OTP makes */
#define ETF_OLD_REF_ID_LIMIT (1u << 18) /* first id of REFERENCE/NEW_REFERENCE_EXT */
/* Port ids below 2^28: OTP's local ports, and the ids it writes as NEW_PORT_EXT
 * (larger ones as V4_PORT_EXT). */
#define ETF_PORT_ID_LIMIT (UINT64_C(1) << 28)

#endif
