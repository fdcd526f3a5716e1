/* The JIT driver: compiles a module instruction by instruction, places the
 * code in the arena and records where labels, functions, lines and catch
 * handlers ended up. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "code_table.h"
#include "emit.h"
#include "perf_map.h"
#include "rt.h"

bool jit_no_fast_paths;
bool jit_honours_tick;
bool jit_gc_stress;

static const emit_fn emitters[OPCODE_MAX + 1] = {
#define X(num, name, arity, emitted) [num] = emitted ? emit_op_##name : NULL,
#include "loader/opcodes.def"
#undef X
};

int jit_fragments_init(void);

int jit_init(void)
{
	static bool done;
	if (done)
		return 0;
	const char *nf = getenv("KBEAM_JIT_NO_FAST_PATHS");
	jit_no_fast_paths = nf && nf[0] && strcmp(nf, "0") != 0;
	const char *pm = getenv("KBEAM_PERF_MAP");
	if (pm && pm[0] && strcmp(pm, "0") != 0)
		jit_perf_map_open();
	const char *gs = getenv("KBEAM_GC_STRESS");
	jit_gc_stress = gs && gs[0] && strcmp(gs, "0") != 0;
	int err = jit_arena_init();
	if (err)
		return err;
	if (jit_fragments_init() != 0)
		return -1;
	done = true;
	return 0;
}

static bool resolve_imports(emit_ctx *e)
{
	kb_module *m = e->m;
	e->import_bif = calloc(m->nimports + 1, sizeof *e->import_bif);
	e->import_export = calloc(m->nimports + 1, sizeof *e->import_export);
	if (!e->import_bif || !e->import_export)
		return false;
	for (uint32_t i = 0; i < m->nimports; i++) {
		const kb_import *imp = &m->imports[i];
		const bif_def *b = bif_lookup(imp->module, imp->function, imp->arity);
		e->import_bif[i] = b;
		if (!b) {
			e->import_export[i] =
			    export_entry_get(imp->module, imp->function, imp->arity);
			if (!e->import_export[i])
				return false;
		}
	}
	return true;
}

static bool setup_functions(emit_ctx *e)
{
	kb_module *m = e->m;
	e->func_raise = emit_side_alloc(e, (m->nfunctions + 1) * sizeof *e->func_raise);
	e->code->funcs = calloc(m->nfunctions + 1, sizeof *e->code->funcs);
	if (!e->func_raise || !e->code->funcs)
		return false;
	for (uint32_t k = 0; k < m->nfunctions; k++) {
		struct raise_info *ri = &e->func_raise[k];
		ri->kind = RAISE_FUNC_CLAUSE;
		ri->module = m->name;
		ri->function = m->functions[k].name;
		ri->arity = m->functions[k].arity;
		e->code->funcs[k].name = m->functions[k].name;
		e->code->funcs[k].arity = m->functions[k].arity;
	}
	e->code->nfuncs = m->nfunctions;
	return true;
}

static bool setup_catches(emit_ctx *e)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < e->m->ninstrs; i++)
		if (e->m->instrs[i].op == OP_catch || e->m->instrs[i].op == OP_try)
			n++;
	e->catches_cap = n;
	e->catch_labels = calloc(n + 1, sizeof *e->catch_labels);
	e->catch_y = calloc(n + 1, sizeof *e->catch_y);
	if (!e->catch_labels || !e->catch_y)
		return false;
	e->code->ncatches = n;
	return catch_table_reserve(n, &e->code->catch_base);
}

static void emit_all(emit_ctx *e)
{
	kb_module *m = e->m;
	uint32_t fn = 0;
	for (uint32_t i = 0; i < m->ninstrs && !e->err[0]; i++) {
		while (fn + 1 < m->nfunctions && i >= m->functions[fn + 1].first) {
			e->code->funcs[fn].end = (uint32_t)cb_offset(e->cb);
			fn++;
			e->code->funcs[fn].start = (uint32_t)cb_offset(e->cb);
		}
		e->func = fn;
		e->instr = i;
		const kb_instr *in = &m->instrs[i];
		emit_fn f = emitters[in->op];
		if (!f) {
			emit_fail(e, "opcode %u has no emitter", in->op);
			break;
		}
		f(e, module_args(m, i));
		if (cb_error(e->cb))
			emit_fail(e, "code buffer error %s", cb_error_name(cb_error(e->cb)));
	}
	if (m->nfunctions)
		e->code->funcs[fn].end = (uint32_t)cb_offset(e->cb);
}

jit_code *jit_compile(kb_module *m, char *err, size_t errlen)
{
	code_buffer cb;
	emit_ctx ctx = {0}, *e = &ctx;
	jit_code *code = calloc(1, sizeof *code);
	err[0] = 0;
	if (!code) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	cb_init(&cb);
	jit_arena_prepare(&cb);
	e->cb = &cb;
	e->m = m;
	e->code = code;
	e->err = err;
	e->errlen = errlen;
	e->no_fast = jit_no_fast_paths;
	code->module = m;
	e->labels = malloc((m->label_count + 1) * sizeof *e->labels);
	if (!e->labels || !resolve_imports(e) || !setup_functions(e) || !setup_catches(e)) {
		snprintf(err, errlen, "out of memory");
	} else {
		for (uint32_t l = 0; l < m->label_count; l++)
			e->labels[l] = cb_label_new(&cb);
		if (m->nfunctions)
			code->funcs[0].start = 0;
		emit_all(e);
	}
	uint8_t *base = NULL;
	if (!err[0]) {
		int cerr;
		base = jit_arena_place(&cb, &cerr);
		if (!base)
			snprintf(err, errlen, "cannot place code: %s", cb_error_name(cerr));
	}
	if (base) {
		code->base = base;
		code->size = cb_offset(&cb);
		code->label_addr = calloc(m->label_count + 1, sizeof *code->label_addr);
		if (!code->label_addr) {
			snprintf(err, errlen, "out of memory");
		} else {
			for (uint32_t l = 1; l < m->label_count; l++) {
				int64_t off = cb_label_offset(&cb, e->labels[l]);
				code->label_addr[l] =
				    off < 0 ? 0 : (uintptr_t)base + (uintptr_t)off;
			}
			for (uint32_t k = 0; k < e->ncatches; k++)
				catch_table_set(code->catch_base + k,
				                (uintptr_t)base + (uintptr_t)cb_label_offset(
				                                      &cb, e->catch_labels[k]),
				                e->catch_y[k]);
			code->lines = e->lines;
			code->nlines = e->nlines;
			e->lines = NULL;
			code_table_add(code);
			jit_perf_map_add(code);
		}
	}
	cb_free(&cb);
	free(e->labels);
	free(e->import_bif);
	free(e->import_export);
	free(e->catch_labels);
	free(e->catch_y);
	free(e->lines);
	if (err[0]) {
		for (uint32_t i = 0; i < code->nside; i++)
			free(code->side[i]);
		free(code->side);
		free(code->funcs);
		free(code->label_addr);
		free(code);
		return NULL;
	}
	return code;
}
