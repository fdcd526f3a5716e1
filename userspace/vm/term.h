/* Tagged 64-bit terms: the one representation every part of kbeam shares.
 *
 * Primary tag (low 2 bits):
 *   00 header   first word of a boxed object on the heap
 *   01 list     pointer to a cons cell (two words: head, tail)
 *   10 boxed    pointer to a header word
 *   11 immediate
 *
 * Immediates, low 4 bits:
 *   0011 local pid     (data << 4)
 *   0111 local port    (data << 4)
 *   1111 small integer (60-bit two's complement << 4)
 *   1011 immediate-2, low 6 bits:
 *        001011 atom   (index << 6)
 *        011011 catch  (index << 6), only on the Erlang stack
 *        111011 nil    (0x3b: [])
 *
 * Header words: arity << 6 | subtag << 2 | 00, where arity counts the words
 * that follow the header (for a tuple: its elements).
 */
#ifndef KBEAM_VM_TERM_H
#define KBEAM_VM_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t term;

#define TAG_PRIMARY_MASK 0x3u
#define TAG_PRIMARY_HEADER 0x0u
#define TAG_PRIMARY_LIST 0x1u
#define TAG_PRIMARY_BOXED 0x2u
#define TAG_PRIMARY_IMMED 0x3u

#define TAG_IMMED1_MASK 0xfu
#define TAG_IMMED1_PID 0x3u
#define TAG_IMMED1_PORT 0x7u
#define TAG_IMMED1_IMMED2 0xbu
#define TAG_IMMED1_SMALL 0xfu

#define TAG_IMMED2_MASK 0x3fu
#define TAG_IMMED2_ATOM 0x0bu
#define TAG_IMMED2_CATCH 0x1bu
#define TAG_IMMED2_NIL 0x3bu

#define NIL ((term)TAG_IMMED2_NIL)
/* A word that is never a valid term: marks "no value" in C APIs. */
#define THE_NON_VALUE ((term)0)

/* ---- header subtags ---- */
enum {
	SUBTAG_TUPLE = 0x0,
	SUBTAG_MATCHSTATE = 0x1, /* binary match context (JIT) */
	SUBTAG_POS_BIG = 0x2,
	SUBTAG_NEG_BIG = 0x3,
	SUBTAG_REF = 0x4,
	SUBTAG_FUN = 0x5,
	SUBTAG_FLOAT = 0x6,
	SUBTAG_EXPORT = 0x7,
	SUBTAG_REFC_BIN = 0x8,
	SUBTAG_HEAP_BIN = 0x9,
	SUBTAG_SUB_BIN = 0xa,
	SUBTAG_EXTERNAL_PID = 0xc,
	SUBTAG_EXTERNAL_PORT = 0xd,
	SUBTAG_EXTERNAL_REF = 0xe,
	SUBTAG_MAP = 0xf,
};

#define HEADER_SUBTAG_SHIFT 2
#define HEADER_ARITY_SHIFT 6
#define HEADER_SUBTAG_MASK 0x3cu

static inline term make_header(uint64_t arity, unsigned subtag)
{
	return (arity << HEADER_ARITY_SHIFT) | ((term)subtag << HEADER_SUBTAG_SHIFT);
}
static inline unsigned header_subtag(term h)
{
	return (unsigned)((h & HEADER_SUBTAG_MASK) >> HEADER_SUBTAG_SHIFT);
}
static inline uint64_t header_arity(term h) { return h >> HEADER_ARITY_SHIFT; }

/* ---- primary tests and pointers ---- */
static inline unsigned primary_tag(term t) { return (unsigned)(t & TAG_PRIMARY_MASK); }
static inline bool is_list(term t) { return primary_tag(t) == TAG_PRIMARY_LIST; }
static inline bool is_boxed(term t) { return primary_tag(t) == TAG_PRIMARY_BOXED; }
static inline bool is_immed(term t) { return primary_tag(t) == TAG_PRIMARY_IMMED; }
static inline bool is_nil(term t) { return t == NIL; }

static inline term *list_ptr(term t) { return (term *)(uintptr_t)(t - TAG_PRIMARY_LIST); }
static inline term *boxed_ptr(term t) { return (term *)(uintptr_t)(t - TAG_PRIMARY_BOXED); }
static inline term make_list(const term *cell) { return (term)(uintptr_t)cell + TAG_PRIMARY_LIST; }
static inline term make_boxed(const term *hdr) { return (term)(uintptr_t)hdr + TAG_PRIMARY_BOXED; }

static inline term list_head(term t) { return list_ptr(t)[0]; }
static inline term list_tail(term t) { return list_ptr(t)[1]; }

static inline term boxed_header(term t) { return boxed_ptr(t)[0]; }
static inline bool is_boxed_with(term t, unsigned subtag)
{
	return is_boxed(t) && header_subtag(boxed_header(t)) == subtag;
}

/* ---- small integers ---- */
#define SMALL_BITS 60
#define MAX_SMALL ((int64_t)((UINT64_C(1) << (SMALL_BITS - 1)) - 1))
#define MIN_SMALL (-MAX_SMALL - 1)

static inline bool is_small(term t) { return (t & TAG_IMMED1_MASK) == TAG_IMMED1_SMALL; }
static inline bool small_fits(int64_t v) { return v >= MIN_SMALL && v <= MAX_SMALL; }
static inline term make_small(int64_t v) { return ((uint64_t)v << 4) | TAG_IMMED1_SMALL; }
static inline int64_t small_value(term t) { return (int64_t)t >> 4; }

/* ---- atoms, nil, catch ---- */
static inline bool is_atom(term t) { return (t & TAG_IMMED2_MASK) == TAG_IMMED2_ATOM; }
static inline term make_atom(uint32_t index) { return ((term)index << 6) | TAG_IMMED2_ATOM; }
static inline uint32_t atom_index(term t) { return (uint32_t)(t >> 6); }
static inline bool is_catch(term t) { return (t & TAG_IMMED2_MASK) == TAG_IMMED2_CATCH; }
static inline term make_catch(uint64_t index) { return (index << 6) | TAG_IMMED2_CATCH; }
static inline uint64_t catch_index(term t) { return t >> 6; }

/* ---- local pids and ports ----
 * The 60-bit data of a local pid is OTP's pid data: number (15 bits)
 * and serial (13 bits), printed <0.Number.Serial>. Local ports hold
 * their number. */
#define PID_NUMBER_BITS 15
#define PID_SERIAL_BITS 13
static inline bool is_local_pid(term t) { return (t & TAG_IMMED1_MASK) == TAG_IMMED1_PID; }
static inline bool is_local_port(term t) { return (t & TAG_IMMED1_MASK) == TAG_IMMED1_PORT; }
static inline term make_local_pid(uint64_t data) { return (data << 4) | TAG_IMMED1_PID; }
static inline term make_local_port(uint64_t data) { return (data << 4) | TAG_IMMED1_PORT; }
static inline uint64_t local_pid_data(term t) { return t >> 4; }
static inline uint64_t local_port_data(term t) { return t >> 4; }
static inline uint32_t local_pid_number(term t)
{
	return (uint32_t)(local_pid_data(t) & ((1u << PID_NUMBER_BITS) - 1));
}
static inline uint32_t local_pid_serial(term t)
{
	return (uint32_t)(local_pid_data(t) >> PID_NUMBER_BITS);
}

/* ---- tuples: header(arity, TUPLE), elements ---- */
static inline bool is_tuple(term t) { return is_boxed_with(t, SUBTAG_TUPLE); }
static inline uint64_t tuple_arity(term t) { return header_arity(boxed_header(t)); }
/* Elements are 1-based as in element/2. */
static inline term *tuple_elems(term t) { return boxed_ptr(t) + 1; }
static inline term tuple_get(term t, uint64_t i1) { return boxed_ptr(t)[i1]; }

/* ---- floats: header(1, FLOAT), IEEE double ---- */
static inline bool is_float(term t) { return is_boxed_with(t, SUBTAG_FLOAT); }
static inline double float_value(term t)
{
	double d;
	memcpy(&d, boxed_ptr(t) + 1, sizeof d);
	return d;
}

/* ---- bignums: header(ndigits, POS_BIG|NEG_BIG), 64-bit digits, least
 * significant first. Canonical: no leading zero digit, and never a value
 * that fits a small integer. See bignum.h. ---- */
static inline bool is_big(term t)
{
	if (!is_boxed(t))
		return false;
	unsigned s = header_subtag(boxed_header(t));
	return s == SUBTAG_POS_BIG || s == SUBTAG_NEG_BIG;
}
static inline bool big_is_negative(term t)
{
	return header_subtag(boxed_header(t)) == SUBTAG_NEG_BIG;
}
static inline uint64_t big_ndigits(term t) { return header_arity(boxed_header(t)); }
static inline const uint64_t *big_digits(term t) { return boxed_ptr(t) + 1; }

static inline bool is_integer(term t) { return is_small(t) || is_big(t); }
static inline bool is_number(term t) { return is_integer(t) || is_float(t); }

/* ---- pids, ports, refs ---- */
static inline bool is_external_pid(term t) { return is_boxed_with(t, SUBTAG_EXTERNAL_PID); }
static inline bool is_external_port(term t) { return is_boxed_with(t, SUBTAG_EXTERNAL_PORT); }
static inline bool is_external_ref(term t) { return is_boxed_with(t, SUBTAG_EXTERNAL_REF); }
static inline bool is_local_ref(term t) { return is_boxed_with(t, SUBTAG_REF); }
static inline bool is_pid(term t) { return is_local_pid(t) || is_external_pid(t); }
static inline bool is_port(term t) { return is_local_port(t) || is_external_port(t); }
static inline bool is_ref(term t) { return is_local_ref(t) || is_external_ref(t); }

/* ---- funs and exports (layouts in fun.h / export.h) ---- */
static inline bool is_fun(term t) { return is_boxed_with(t, SUBTAG_FUN); }
static inline bool is_export(term t) { return is_boxed_with(t, SUBTAG_EXPORT); }
static inline bool is_any_fun(term t) { return is_fun(t) || is_export(t); }

/* ---- maps (layout in map.h) ---- */
static inline bool is_map(term t) { return is_boxed_with(t, SUBTAG_MAP); }

/* ---- binaries (layout in binary.h) ---- */
static inline bool is_bitstring(term t)
{
	if (!is_boxed(t))
		return false;
	unsigned s = header_subtag(boxed_header(t));
	return s == SUBTAG_HEAP_BIN || s == SUBTAG_REFC_BIN || s == SUBTAG_SUB_BIN;
}

#endif
