/* Which modules are loaded: erlang:module_loaded/1, loaded/0 and
 * pre_loaded/0; and the table of the erlang_misc family (erlang_misc.h).
 *
 * OTP's preloaded modules are loaded before any code runs; kbeam loads
 * them on their first call, but they are always there to load, so they
 * count as loaded from the start.
 */
#include <stdlib.h>

#include "bif.h"
#include "vm/build.h"
#include "erlang_misc.h"
#include "vm/code_server.h"

/* erlang:pre_loaded() of OTP 25, in its order. */
static const char *const preloaded[] = {
    "persistent_term",
    "counters",
    "atomics",
    "erts_dirty_process_signal_handler",
    "erts_literal_area_collector",
    "erl_tracer",
    "erts_internal",
    "erlang",
    "erl_prim_loader",
    "prim_zip",
    "prim_net",
    "prim_socket",
    "socket_registry",
    "zlib",
    "prim_file",
    "prim_inet",
    "prim_eval",
    "prim_buffer",
    "init",
    "erl_init",
    "erts_code_purger",
};
#define NPRELOADED (sizeof preloaded / sizeof preloaded[0])

static bool is_preloaded(term module)
{
	for (size_t i = 0; i < NPRELOADED; i++)
		if (module == atom_from_cstr(preloaded[i]))
			return true;
	return false;
}

/* The list of the n atoms. */
static term atom_list(process *p, const term *atoms, size_t n)
{
	term l = build_list(&p->heap, atoms, n);
	return l == THE_NON_VALUE ? bif_no_memory(p) : l;
}

static term bif_erlang_pre_loaded_0(process *p, const term *args)
{
	(void)args;
	term atoms[NPRELOADED];
	for (size_t i = 0; i < NPRELOADED; i++)
		atoms[i] = atom_from_cstr(preloaded[i]);
	return atom_list(p, atoms, NPRELOADED);
}

static term bif_erlang_module_loaded_1(process *p, const term *args)
{
	if (!is_atom(args[0]))
		return bif_badarg(p);
	return is_preloaded(args[0]) || code_find(args[0]) ? ATOM(true) : ATOM(false);
}

/* The preloaded modules, then the others in the order they were loaded. */
static term bif_erlang_loaded_0(process *p, const term *args)
{
	(void)args;
	size_t n = code_loaded_names(NULL, 0), have;
	term *atoms;
	for (;;) {
		atoms = malloc((NPRELOADED + n) * sizeof *atoms);
		if (!atoms)
			return bif_no_memory(p);
		have = code_loaded_names(atoms + NPRELOADED, n);
		if (have <= n)
			break;
		/* more were loaded meanwhile */
		free(atoms);
		n = have;
	}
	size_t k = NPRELOADED;
	for (size_t i = 0; i < NPRELOADED; i++)
		atoms[i] = atom_from_cstr(preloaded[i]);
	for (size_t i = 0; i < have; i++)
		if (!is_preloaded(atoms[NPRELOADED + i]))
			atoms[k++] = atoms[NPRELOADED + i];
	term l = atom_list(p, atoms, k);
	free(atoms);
	return l;
}

/* Time, and what is loaded, are tested by Erlang programs (tests/erlang). */
#define R BIF_NEEDS_PROCESS
const bif_def bif_family_erlang_misc[] = {
    {"erlang", "crc32", 1, bif_erlang_crc32_1, 0},
    {"erlang", "crc32", 2, bif_erlang_crc32_2, 0},
    {"erlang", "crc32_combine", 3, bif_erlang_crc32_combine_3, 0},
    {"erlang", "adler32", 1, bif_erlang_adler32_1, 0},
    {"erlang", "adler32", 2, bif_erlang_adler32_2, 0},
    {"erlang", "adler32_combine", 3, bif_erlang_adler32_combine_3, 0},
    {"erlang", "md5", 1, bif_erlang_md5_1, 0},
    /* OTP leaves part of a new context uninitialised */
    {"erlang", "md5_init", 0, bif_erlang_md5_init_0, R},
    {"erlang", "md5_update", 2, bif_erlang_md5_update_2, 0},
    {"erlang", "md5_final", 1, bif_erlang_md5_final_1, 0},
    {"erlang", "iolist_to_iovec", 1, bif_erlang_iolist_to_iovec_1, 0},
    {"erlang", "fun_to_list", 1, bif_erlang_fun_to_list_1, 0},
    {"erlang", "pid_to_list", 1, bif_erlang_pid_to_list_1, 0},
    {"erlang", "port_to_list", 1, bif_erlang_port_to_list_1, 0},
    {"erlang", "ref_to_list", 1, bif_erlang_ref_to_list_1, 0},
    {"erlang", "list_to_pid", 1, bif_erlang_list_to_pid_1, 0},
    {"erlang", "list_to_port", 1, bif_erlang_list_to_port_1, 0},
    {"erlang", "list_to_ref", 1, bif_erlang_list_to_ref_1, 0},
    {"string", "list_to_integer", 1, bif_string_list_to_integer_1, 0},
    {"string", "list_to_float", 1, bif_string_list_to_float_1, 0},
    {"erlang", "convert_time_unit", 3, bif_erlang_convert_time_unit_3, 0},
    {"erlang", "time_offset", 0, bif_erlang_time_offset_0, R},
    {"erlang", "time_offset", 1, bif_erlang_time_offset_1, R},
    {"erlang", "timestamp", 0, bif_erlang_timestamp_0, R},
    {"erlang", "universaltime", 0, bif_erlang_universaltime_0, R},
    {"erlang", "localtime", 0, bif_erlang_localtime_0, R},
    {"erlang", "date", 0, bif_erlang_date_0, R},
    {"erlang", "time", 0, bif_erlang_time_0, R},
    /* their results depend on the time zone */
    {"erlang", "universaltime_to_localtime", 1, bif_erlang_universaltime_to_localtime_1, R},
    {"erlang", "localtime_to_universaltime", 1, bif_erlang_localtime_to_universaltime_1, R},
    {"erlang", "localtime_to_universaltime", 2, bif_erlang_localtime_to_universaltime_2, R},
    {"erlang", "module_loaded", 1, bif_erlang_module_loaded_1, R},
    {"erlang", "pre_loaded", 0, bif_erlang_pre_loaded_0, 0},
    {"erlang", "loaded", 0, bif_erlang_loaded_0, R},
    {0},
};
