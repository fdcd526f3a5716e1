/* A code buffer: where machine code is assembled before it is placed in
 * executable memory.
 *
 * The buffer is a growable byte array plus labels. A label names an offset
 * once bound; a reference to a label that is not bound yet leaves a zero field
 * and a fixup. cb_finalise() copies the code to its final place and patches
 * every fixup there: label-relative fields (rel8, rel32), rel32 fields aimed
 * at absolute addresses (calls to C), and 64-bit absolute label addresses
 * (jump tables).
 *
 * Errors are sticky: the first failure (out of memory, an operand the CPU
 * cannot encode, a label misuse) is recorded and emission carries on
 * harmlessly, so emitters need not check after every instruction; the
 * caller checks cb_error() or the result of cb_finalise().
 */
#ifndef KBEAM_JIT_CODE_BUFFER_H
#define KBEAM_JIT_CODE_BUFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t cb_label;
#define CB_NO_LABEL UINT32_MAX

enum cb_error {
	CB_OK = 0,
	CB_ERR_NOMEM,   /* malloc failed */
	CB_ERR_TOO_BIG, /* code past the buffer's size limit or the destination */
	CB_ERR_OPERAND, /* an operand combination x86-64 cannot encode */
	CB_ERR_LABEL,   /* an unknown label, or one bound twice */
	CB_ERR_UNBOUND, /* a label used but never bound */
	CB_ERR_RANGE,   /* a displacement that does not fit its field */
};

enum cb_fixup_kind {
	CB_FIX_REL8,      /* int8 field = label - end */
	CB_FIX_REL32,     /* int32 field = label - end */
	CB_FIX_ABS_REL32, /* int32 field = target - (final address of end) */
	CB_FIX_ABS64,     /* uint64 field = final address of label */
};

struct cb_fixup {
	uint32_t at;    /* offset of the field */
	uint32_t end;   /* relative fields count from here (the instruction's end) */
	uint8_t kind;   /* enum cb_fixup_kind */
	cb_label label; /* CB_NO_LABEL for CB_FIX_ABS_REL32 */
	int64_t value;  /* added to the label's offset, or the absolute target */
};

/* Default limit: offsets and fixups are 32-bit, and rel32 reaches 2 GiB. */
#define CB_DEFAULT_MAX (1u << 30)

typedef struct code_buffer {
	uint8_t *bytes;
	size_t len, cap;
	size_t max; /* emitting past this many bytes fails with CB_ERR_TOO_BIG */

	uint32_t *label_at; /* offset of each label, or CB_UNBOUND */
	uint32_t nlabels, label_cap;

	struct cb_fixup *fixups;
	size_t nfixups, fixup_cap;

	/* Where the finished code will lie, when known: every byte of it in
	 * [place_lo, place_hi). Decides whether a rel32 reaches a C function
	 * (x86_call_abs). Both zero: unknown. */
	uintptr_t place_lo, place_hi;

	int error;       /* first enum cb_error, sticky */
	size_t error_at; /* offset where it happened */
} code_buffer;

void cb_init(code_buffer *cb);
void cb_free(code_buffer *cb);

static inline int cb_error(const code_buffer *cb) { return cb->error; }
const char *cb_error_name(int err);
/* Records err unless an earlier error is already recorded. */
void cb_fail(code_buffer *cb, int err);

static inline size_t cb_offset(const code_buffer *cb) { return cb->len; }

/* Appending bytes. Growth failure records an error and drops the bytes. */
bool cb_grow(code_buffer *cb, size_t more);
static inline void cb_put1(code_buffer *cb, unsigned byte)
{
	if (cb->len == cb->cap && !cb_grow(cb, 1))
		return;
	cb->bytes[cb->len++] = (uint8_t)byte;
}
/* The low n bytes of v, little-endian (n <= 8). */
void cb_put_le(code_buffer *cb, uint64_t v, int n);
void cb_put_bytes(code_buffer *cb, const void *p, size_t n);
/* Overwrites n bytes at an earlier offset with the low n bytes of v. */
void cb_patch_le(code_buffer *cb, size_t at, uint64_t v, int n);

/* Labels */
cb_label cb_label_new(code_buffer *cb);
/* Binds the label to the current offset. */
void cb_label_bind(code_buffer *cb, cb_label l);
bool cb_label_is_bound(const code_buffer *cb, cb_label l);
/* The bound label's offset, or -1. */
int64_t cb_label_offset(const code_buffer *cb, cb_label l);

/* A label-relative field of 1 or 4 bytes at `at`, counting from `end`:
 * written now if the label is bound, else left zero with a fixup. */
void cb_ref_label(code_buffer *cb, enum cb_fixup_kind kind, size_t at, size_t end, cb_label l,
                  int64_t addend);
/* A rel32 field at `at` (counting from `end`) aimed at an absolute address:
 * patched by cb_finalise(). */
void cb_ref_abs(code_buffer *cb, size_t at, size_t end, uint64_t target);
/* Emits 8 bytes that cb_finalise() fills with the label's final address. */
void cb_emit_label_addr(code_buffer *cb, cb_label l);

/* Declares where the finished code will be placed (see place_lo). */
void cb_place(code_buffer *cb, uintptr_t lo, uintptr_t hi);
/* Whether a rel32 from anywhere in the declared placement reaches target. */
bool cb_reaches(const code_buffer *cb, uint64_t target);

/* Resolves every label-relative fixup in the buffer itself. CB_OK or an error. */
int cb_link(code_buffer *cb);
/* Links, copies the code to dst (room for cap bytes), which will execute at
 * exec_addr (the same as dst, or another mapping of it), and patches the
 * absolute fixups there. CB_OK or the first error. */
int cb_finalise(code_buffer *cb, void *dst, size_t cap, uintptr_t exec_addr);

#endif
