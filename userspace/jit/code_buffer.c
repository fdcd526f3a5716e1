#include "code_buffer.h"

#include <stdlib.h>
#include <string.h>

#define CB_UNBOUND UINT32_MAX

void cb_init(code_buffer *cb)
{
	memset(cb, 0, sizeof *cb);
	cb->max = CB_DEFAULT_MAX;
}

void cb_free(code_buffer *cb)
{
	free(cb->bytes);
	free(cb->label_at);
	free(cb->fixups);
	cb_init(cb);
}

const char *cb_error_name(int err)
{
	switch (err) {
	case CB_OK:
		return "ok";
	case CB_ERR_NOMEM:
		return "out of memory";
	case CB_ERR_TOO_BIG:
		return "code too big";
	case CB_ERR_OPERAND:
		return "operands cannot be encoded";
	case CB_ERR_LABEL:
		return "bad label";
	case CB_ERR_UNBOUND:
		return "label never bound";
	case CB_ERR_RANGE:
		return "displacement out of range";
	}
	return "unknown error";
}

void cb_fail(code_buffer *cb, int err)
{
	if (!cb->error) {
		cb->error = err;
		cb->error_at = cb->len;
	}
}

bool cb_grow(code_buffer *cb, size_t more)
{
	if (cb->len + more <= cb->cap)
		return true;
	if (cb->len + more > cb->max) {
		cb_fail(cb, CB_ERR_TOO_BIG);
		return false;
	}
	size_t cap = cb->cap ? cb->cap * 2 : 4096;
	while (cap < cb->len + more)
		cap *= 2;
	if (cap > cb->max)
		cap = cb->max;
	uint8_t *b = realloc(cb->bytes, cap);
	if (!b) {
		cb_fail(cb, CB_ERR_NOMEM);
		return false;
	}
	cb->bytes = b;
	cb->cap = cap;
	return true;
}

void cb_put_le(code_buffer *cb, uint64_t v, int n)
{
	if (!cb_grow(cb, (size_t)n))
		return;
	for (int i = 0; i < n; i++)
		cb->bytes[cb->len++] = (uint8_t)(v >> (8 * i));
}

void cb_put_bytes(code_buffer *cb, const void *p, size_t n)
{
	if (!cb_grow(cb, n))
		return;
	memcpy(cb->bytes + cb->len, p, n);
	cb->len += n;
}

static void write_le(uint8_t *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

void cb_patch_le(code_buffer *cb, size_t at, uint64_t v, int n)
{
	if (at + (size_t)n <= cb->len)
		write_le(cb->bytes + at, v, n);
}

cb_label cb_label_new(code_buffer *cb)
{
	if (cb->nlabels == cb->label_cap) {
		uint32_t cap = cb->label_cap ? cb->label_cap * 2 : 64;
		uint32_t *a = cap < cb->label_cap ? NULL : realloc(cb->label_at, cap * sizeof *a);
		if (!a) {
			cb_fail(cb, CB_ERR_NOMEM);
			return CB_NO_LABEL;
		}
		cb->label_at = a;
		cb->label_cap = cap;
	}
	cb->label_at[cb->nlabels] = CB_UNBOUND;
	return cb->nlabels++;
}

void cb_label_bind(code_buffer *cb, cb_label l)
{
	if (l >= cb->nlabels || cb->label_at[l] != CB_UNBOUND) {
		cb_fail(cb, CB_ERR_LABEL);
		return;
	}
	cb->label_at[l] = (uint32_t)cb->len;
}

bool cb_label_is_bound(const code_buffer *cb, cb_label l)
{
	return l < cb->nlabels && cb->label_at[l] != CB_UNBOUND;
}

int64_t cb_label_offset(const code_buffer *cb, cb_label l)
{
	return cb_label_is_bound(cb, l) ? (int64_t)cb->label_at[l] : -1;
}

static void add_fixup(code_buffer *cb, const struct cb_fixup *f)
{
	if (cb->nfixups == cb->fixup_cap) {
		size_t cap = cb->fixup_cap ? cb->fixup_cap * 2 : 64;
		struct cb_fixup *a = realloc(cb->fixups, cap * sizeof *a);
		if (!a) {
			cb_fail(cb, CB_ERR_NOMEM);
			return;
		}
		cb->fixups = a;
		cb->fixup_cap = cap;
	}
	cb->fixups[cb->nfixups++] = *f;
}

static int field_size(enum cb_fixup_kind kind)
{
	switch (kind) {
	case CB_FIX_REL8:
		return 1;
	case CB_FIX_REL32:
	case CB_FIX_ABS_REL32:
		return 4;
	case CB_FIX_ABS64:
		return 8;
	}
	return 0;
}

/* Writes a label-relative field; CB_OK, or why it cannot be. */
static int resolve_rel(code_buffer *cb, const struct cb_fixup *f)
{
	if (!cb_label_is_bound(cb, f->label))
		return CB_ERR_UNBOUND;
	int64_t d = (int64_t)cb->label_at[f->label] + f->value - (int64_t)f->end;
	if (f->kind == CB_FIX_REL8 ? d < INT8_MIN || d > INT8_MAX : d < INT32_MIN || d > INT32_MAX)
		return CB_ERR_RANGE;
	write_le(cb->bytes + f->at, (uint64_t)d, field_size(f->kind));
	return CB_OK;
}

void cb_ref_label(code_buffer *cb, enum cb_fixup_kind kind, size_t at, size_t end, cb_label l,
                  int64_t addend)
{
	if (l >= cb->nlabels || (kind != CB_FIX_REL8 && kind != CB_FIX_REL32)) {
		cb_fail(cb, CB_ERR_LABEL);
		return;
	}
	if (at + (size_t)field_size(kind) > cb->len)
		return; /* the field itself was lost to an earlier error */
	struct cb_fixup f = {(uint32_t)at, (uint32_t)end, (uint8_t)kind, l, addend};
	if (!cb_label_is_bound(cb, l)) {
		add_fixup(cb, &f);
		return;
	}
	int err = resolve_rel(cb, &f);
	if (err)
		cb_fail(cb, err);
}

void cb_ref_abs(code_buffer *cb, size_t at, size_t end, uint64_t target)
{
	if (at + 4 > cb->len)
		return;
	struct cb_fixup f = {(uint32_t)at, (uint32_t)end, CB_FIX_ABS_REL32, CB_NO_LABEL,
	                     (int64_t)target};
	add_fixup(cb, &f);
}

void cb_emit_label_addr(code_buffer *cb, cb_label l)
{
	if (l >= cb->nlabels) {
		cb_fail(cb, CB_ERR_LABEL);
		return;
	}
	size_t at = cb->len;
	cb_put_le(cb, 0, 8);
	if (cb->len != at + 8)
		return;
	struct cb_fixup f = {(uint32_t)at, (uint32_t)at + 8, CB_FIX_ABS64, l, 0};
	add_fixup(cb, &f);
}

void cb_place(code_buffer *cb, uintptr_t lo, uintptr_t hi)
{
	cb->place_lo = lo;
	cb->place_hi = hi;
}

bool cb_reaches(const code_buffer *cb, uint64_t target)
{
	if (cb->place_hi <= cb->place_lo || target > INT64_MAX || cb->place_hi > INT64_MAX)
		return false;
	/* A rel32 counts from an instruction's end, somewhere in [lo, hi]. */
	int64_t t = (int64_t)target;
	return t - (int64_t)cb->place_hi >= INT32_MIN && t - (int64_t)cb->place_lo <= INT32_MAX;
}

int cb_link(code_buffer *cb)
{
	if (cb->error)
		return cb->error;
	for (size_t i = 0; i < cb->nfixups; i++) {
		const struct cb_fixup *f = &cb->fixups[i];
		if (f->kind != CB_FIX_REL8 && f->kind != CB_FIX_REL32)
			continue;
		int err = resolve_rel(cb, f);
		if (err) {
			cb_fail(cb, err);
			cb->error_at = f->at;
			return err;
		}
	}
	return CB_OK;
}

int cb_finalise(code_buffer *cb, void *dst, size_t cap, uintptr_t exec_addr)
{
	int err = cb_link(cb);
	if (err)
		return err;
	if (cb->len > cap || exec_addr > UINTPTR_MAX - cb->len) {
		cb_fail(cb, CB_ERR_TOO_BIG);
		return cb->error;
	}
	/* Forms chosen for the declared placement are only right inside it. */
	if (cb->place_hi > cb->place_lo &&
	    (exec_addr < cb->place_lo || exec_addr + cb->len > cb->place_hi)) {
		cb_fail(cb, CB_ERR_RANGE);
		return cb->error;
	}
	uint8_t *out = dst;
	if (cb->len)
		memcpy(out, cb->bytes, cb->len);
	for (size_t i = 0; i < cb->nfixups; i++) {
		const struct cb_fixup *f = &cb->fixups[i];
		if (f->kind == CB_FIX_ABS_REL32) {
			uint64_t from = exec_addr + f->end;
			int64_t d = (int64_t)((uint64_t)f->value - from);
			/* wrapped differences are out of range too */
			if (d < INT32_MIN || d > INT32_MAX ||
			    ((uint64_t)f->value >= from) != (d >= 0)) {
				cb_fail(cb, CB_ERR_RANGE);
				cb->error_at = f->at;
				return cb->error;
			}
			write_le(out + f->at, (uint64_t)d, 4);
		} else if (f->kind == CB_FIX_ABS64) {
			if (!cb_label_is_bound(cb, f->label)) {
				cb_fail(cb, CB_ERR_UNBOUND);
				cb->error_at = f->at;
				return cb->error;
			}
			write_le(out + f->at,
			         exec_addr + cb->label_at[f->label] + (uint64_t)f->value, 8);
		}
	}
	return CB_OK;
}
