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

static void print_crash(process *p, const char *mod, const char *fun)
{
	static const char *const cls[] = {"none", "error", "exit", "throw"};
	size_t len;
	char *reason = term_to_text(p->fvalue, &len);
	char *trace = term_to_text(rt_build_stacktrace(p, p->stacktrace), &len);
	fprintf(stderr, "kbeam: %s:%s crashed: %s:%s\n  stack trace: %s\n", mod, fun,
	        cls[p->freason <= EXC_THROW ? p->freason : 0], reason ? reason : "?",
	        trace ? trace : "?");
	free(reason);
	free(trace);
}

int run_bare(char **pa, int npa, const char *mod, const char *fun, char **args, int nargs)
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
	process *p = calloc(1, sizeof *p);
	if (!s || !p || process_memory_init(p, 0) != 0) {
		fputs("kbeam: out of memory\n", stderr);
		return 1;
	}
	p->id = make_local_pid((uint64_t)80 << 0);
	p->reds = 4000;
	if (nargs > 0) {
		term l = NIL;
		for (int i = nargs; i-- > 0;) {
			term *c = heap_alloc(&p->heap, 2);
			c[0] = atom_from_cstr(args[i]);
			c[1] = l;
			l = make_list(c);
		}
		s->x[0] = l;
	}
	int r = jit_run(s, p, (const void *)entry);
	fflush(stdout);
	if (r == RUN_WAITING)
		fprintf(stderr, "kbeam: %s:%s waits for a message that no process can send\n", mod,
		        fun);
	else if (r != RUN_RETURNED)
		print_crash(p, mod, fun);
	process_memory_free(p);
	free(p);
	free(s);
	return r == RUN_RETURNED ? 0 : 1;
}
