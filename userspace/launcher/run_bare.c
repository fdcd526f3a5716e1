/* `kbeam --bare -pa DIR -s MOD [FUN [ARG...]]`: runs MOD:FUN() (or
 * MOD:FUN([ARG...]) with atoms, as erl -s does) as the first and only
 * process, without booting OTP. Modules load on first call from the -pa
 * directories, then OTP's ebin directories. Exit status 0 when the function
 * returns, 1 when it crashes (the reason on stderr). */
#include "run_bare.h"

#include <stdio.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "jit/jit.h"
#include "jit/rt.h"
#include "vm/atom.h"
#include "vm/code_server.h"
#include "vm/export.h"
#include "vm/gc.h"
#include "vm/print.h"
#include "vm/build.h"
#include "vm/sched.h"

int run_bare(char **pa, int npa, const char *mod, const char *fun, char **argv_args, int nargs,
             size_t process_limit, unsigned schedulers)
{
	atom_table_init();
	/* Process heaps come and go with every collection: keep freed blocks
	 * in the allocator rather than returning them to the kernel (and
	 * paying page faults to get them back). */
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	if (jit_init() != 0) {
		fputs("kbeam: cannot set up the JIT's executable memory\n", stderr);
		return 1;
	}
	for (int i = 0; i < npa; i++)
		code_path_add(pa[i]);
	code_path_add_otp();

	term m = atom_from_cstr(mod), f = atom_from_cstr(fun);
	char err[1024];
	if (!code_ensure_loaded(m, err, sizeof err)) {
		fprintf(stderr, "kbeam: %s\n", err);
		return 1;
	}
	uint32_t arity = nargs > 0 ? 1 : 0;
	uintptr_t entry = code_export_address(m, f, arity);
	if (!entry) {
		fprintf(stderr, "kbeam: %s:%s/%u is not exported\n", mod, fun, arity);
		return 1;
	}

	scheduler *s = calloc(1, sizeof *s);
	if (!s || node_init(process_limit ? process_limit : PROCESS_LIMIT_DEFAULT) != 0 ||
	    sched_init(schedulers) != 0) {
		fputs("kbeam: out of memory\n", stderr);
		return 1;
	}
	/* MOD:FUN() or MOD:FUN([ARG...]) as the first process */
	kb_heap args;
	heap_init(&args);
	term list = NIL;
	if (nargs > 0) {
		term l = NIL;
		for (int i = nargs; i-- > 0;)
			l = build_cons(&args, atom_from_cstr(argv_args[i]), l);
		list = build_cons(&args, l, NIL);
	}
	process *first = proc_spawn(NULL, m, f, list, NULL);
	heap_free(&args);
	if (!first) {
		fputs("kbeam: cannot start the first process\n", stderr);
		return 1;
	}
	int status = sched_run(s, first);
	fflush(stdout);
	free(s);
	return status;
}