/* BIFs about code and funs: module_info (erlang:get_module_info/1,2),
 * function_exported/3, fun_info/2, make_fun/3, system_info/1. */
#include <string.h>

#include "bif.h"
#include "platform/platform.h"
#include "vm/build.h"
#include "vm/binary.h"
#include "vm/code_server.h"
#include "vm/export.h"
#include "vm/fun.h"
#include "vm/sched.h"

static term cons(process *p, term h, term t) { return build_cons(&p->heap, h, t); }
static term tuple2(process *p, term a, term b) { return build_tuple2(&p->heap, a, b); }
static term string(process *p, const char *s) { return build_string(&p->heap, s, strlen(s)); }

/* [{F, A}] of the module's exports (or of all its functions), in the
 * order of the module's table, as OTP lists them */
static term function_list(process *p, const kb_module *m, bool all)
{
	term l = NIL;
	if (all) {
		for (uint32_t i = m->nfunctions; i-- > 0 && l != THE_NON_VALUE;)
			l = cons(p,
			         tuple2(p, m->functions[i].name, make_small(m->functions[i].arity)),
			         l);
	} else {
		for (uint32_t i = m->nexports; i-- > 0 && l != THE_NON_VALUE;)
			l = cons(p,
			         tuple2(p, m->exports[i].function, make_small(m->exports[i].arity)),
			         l);
	}
	return l;
}

static term info_item(process *p, const kb_module *m, term key)
{
	if (key == atom_from_cstr("module"))
		return m->name;
	if (key == atom_from_cstr("exports"))
		return function_list(p, m, false);
	if (key == atom_from_cstr("functions"))
		return function_list(p, m, true);
	if (key == atom_from_cstr("attributes"))
		return m->attributes;
	if (key == atom_from_cstr("compile"))
		return m->compile_info;
	if (key == atom_from_cstr("md5"))
		return binary_new(&p->heap, m->md5, 16);
	if (key == atom_from_cstr("native"))
		return ATOM(false);
	if (key == atom_from_cstr("nifs"))
		return NIL;
	return THE_NON_VALUE;
}

static const kb_module *loaded(term name)
{
	const loaded_module *lm = is_atom(name) ? code_find(name) : NULL;
	return lm ? lm->module : NULL;
}

static term bif_get_module_info_2(process *p, const term *a)
{
	const kb_module *m = loaded(a[0]);
	if (!m)
		return bif_badarg(p);
	term v = info_item(p, m, a[1]);
	return v == THE_NON_VALUE ? bif_badarg(p) : v;
}

static term bif_get_module_info_1(process *p, const term *a)
{
	const kb_module *m = loaded(a[0]);
	if (!m)
		return bif_badarg(p);
	static const char *const keys[] = {"module", "exports", "attributes", "compile", "md5"};
	term l = NIL;
	for (size_t i = sizeof keys / sizeof keys[0]; i-- > 0 && l != THE_NON_VALUE;) {
		term k = atom_from_cstr(keys[i]);
		l = cons(p, tuple2(p, k, info_item(p, m, k)), l);
	}
	return l == THE_NON_VALUE ? bif_no_memory(p) : l;
}

static term bif_function_exported_3(process *p, const term *a)
{
	if (!is_atom(a[0]) || !is_atom(a[1]) || !is_small(a[2]))
		return bif_badarg(p);
	if (small_value(a[2]) < 0 || small_value(a[2]) > 255)
		return ATOM(false);
	unsigned arity = (unsigned)small_value(a[2]);
	if (bif_lookup(a[0], a[1], arity))
		return ATOM(true);
	const kb_module *m = loaded(a[0]);
	for (uint32_t i = 0; m && i < m->nexports; i++)
		if (m->exports[i].function == a[1] && m->exports[i].arity == arity)
			return ATOM(true);
	return ATOM(false);
}

static term bif_make_fun_3(process *p, const term *a)
{
	if (!is_atom(a[0]) || !is_atom(a[1]) || !is_small(a[2]) || small_value(a[2]) < 0 ||
	    small_value(a[2]) > 255)
		return bif_badarg(p);
	export_entry *ex = export_entry_get(a[0], a[1], (uint32_t)small_value(a[2]));
	term *t = ex ? heap_alloc(&p->heap, 2) : NULL;
	if (!t)
		return bif_no_memory(p);
	t[0] = make_header(1, SUBTAG_EXPORT);
	t[1] = (term)(uintptr_t)ex;
	return make_boxed(t);
}

static term env_list(process *p, term f)
{
	term l = NIL;
	for (uint64_t i = fun_num_free(f); i-- > 0 && l != THE_NON_VALUE;)
		l = cons(p, fun_env(f)[i], l);
	return l;
}

static term bif_fun_info_2(process *p, const term *a)
{
	term f = a[0], key = a[1];
	if (!is_any_fun(f) || !is_atom(key))
		return bif_badarg(p);
	term v = THE_NON_VALUE;
	if (is_export(f)) {
		export_entry *ex = export_get_entry(f);
		if (key == atom_from_cstr("type"))
			v = atom_from_cstr("external");
		else if (key == atom_from_cstr("module"))
			v = ex->module;
		else if (key == atom_from_cstr("name"))
			v = ex->function;
		else if (key == atom_from_cstr("arity"))
			v = make_small(ex->arity);
		else if (key == atom_from_cstr("env"))
			v = NIL;
		else if (key == atom_from_cstr("pid") || key == atom_from_cstr("index") ||
		         key == atom_from_cstr("new_index") || key == atom_from_cstr("uniq") ||
		         key == atom_from_cstr("new_uniq"))
			v = ATOM(undefined);
	} else {
		fun_entry *fe = fun_get_entry(f);
		if (key == atom_from_cstr("type"))
			v = ATOM(local);
		else if (key == atom_from_cstr("module"))
			v = fe->module;
		else if (key == atom_from_cstr("name"))
			v = fe->name == THE_NON_VALUE ? ATOM(undefined) : fe->name;
		else if (key == atom_from_cstr("arity"))
			v = make_small(fe->arity);
		else if (key == atom_from_cstr("env"))
			v = env_list(p, f);
		else if (key == atom_from_cstr("pid"))
			v = fun_creator(f);
		else if (key == atom_from_cstr("index") || key == atom_from_cstr("new_index"))
			v = make_small(fe->index);
		else if (key == atom_from_cstr("uniq"))
			v = make_small(fe->old_uniq);
		else if (key == atom_from_cstr("new_uniq"))
			v = binary_new(&p->heap, fe->md5, 16);
	}
	if (v == THE_NON_VALUE)
		return bif_badarg(p);
	term r = tuple2(p, key, v);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

static term bif_system_info_1(process *p, const term *a)
{
	term k = a[0];
	if (k == atom_from_cstr("wordsize"))
		return make_small(8);
	if (is_tuple(k) && tuple_arity(k) == 2 && tuple_get(k, 1) == atom_from_cstr("wordsize")) {
		if (tuple_get(k, 2) == atom_from_cstr("internal") ||
		    tuple_get(k, 2) == atom_from_cstr("external"))
			return make_small(8);
		return bif_badarg(p);
	}
	if (k == atom_from_cstr("emu_flavor"))
		return atom_from_cstr("jit");
	if (k == atom_from_cstr("emu_type"))
		return atom_from_cstr("opt");
	if (k == atom_from_cstr("otp_release"))
		return string(p, "25");
	if (k == atom_from_cstr("version"))
		return string(p, "13.1.5");
	if (k == atom_from_cstr("machine"))
		return string(p, "BEAM");
	if (k == atom_from_cstr("schedulers") || k == atom_from_cstr("schedulers_online"))
		return make_small(sched_count());
	if (k == atom_from_cstr("process_count"))
		return make_small((int64_t)node_process_count());
	if (k == atom_from_cstr("process_limit"))
		return make_small((int64_t)node_process_limit());
	if (k == atom_from_cstr("atom_limit"))
		return make_small(1048576);
	if (k == atom_from_cstr("context_reductions"))
		return make_small(4000);
	if (k == atom_from_cstr("smp_support") || k == atom_from_cstr("threads"))
		return ATOM(true);
	if (k == atom_from_cstr("logical_processors") ||
	    k == atom_from_cstr("logical_processors_available") ||
	    k == atom_from_cstr("logical_processors_online"))
		return make_small(platform_online_cpus());
	if (k == atom_from_cstr("atom_count"))
		return make_small((int64_t)atom_count());
	if (k == atom_from_cstr("port_count") || k == atom_from_cstr("dirty_cpu_schedulers") ||
	    k == atom_from_cstr("dirty_cpu_schedulers_online") ||
	    k == atom_from_cstr("dirty_io_schedulers") || k == atom_from_cstr("thread_pool_size"))
		return make_small(0); /* no ports, no dirty schedulers, no async threads */
	if (k == atom_from_cstr("scheduler_id"))
		return make_small(sched_self() + 1);
	if (k == atom_from_cstr("scheduler_bind_type"))
		/* what OTP's +sbt db (the default binding) reports */
		return atom_from_cstr(sched_bound() ? "thread_no_node_processor_spread" : "unbound");
	if (k == atom_from_cstr("heap_type"))
		return atom_from_cstr("private");
	return bif_badarg(p);
}

#define R BIF_NEEDS_PROCESS
const bif_def bif_family_erlang_code[] = {
    {"erlang", "get_module_info", 1, bif_get_module_info_1, R},
    {"erlang", "get_module_info", 2, bif_get_module_info_2, R},
    {"erlang", "function_exported", 3, bif_function_exported_3, R},
    {"erlang", "make_fun", 3, bif_make_fun_3, R},
    {"erlang", "fun_info", 2, bif_fun_info_2, R},
    {"erlang", "system_info", 1, bif_system_info_1, R},
    {NULL, NULL, 0, NULL, 0},
};
