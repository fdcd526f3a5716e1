/* `kbeam --dump-asm MOD:FUN/ARITY FILE.beam`: compiles the module and
 * prints the machine code of one function: a header line with its
 * address and size, then lines "ADDRESS: BYTES" of 16 hex bytes. The
 * bytes turn back into a binary for objdump with
 *   kbeam --dump-asm m:f/1 m.beam | sed 1d | cut -d: -f2 | xxd -r -p > f.bin
 *   objdump -D -b binary -mi386:x86-64 --adjust-vma=ADDRESS f.bin
 * (Documentation/user-guide.md). */
#include "dump_asm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jit/jit.h"
#include "vm/atom.h"
#include "vm/code_server.h"

int dump_asm(const char *mfa, const char *file)
{
	char mod[256], fun[256];
	unsigned arity;
	if (sscanf(mfa, "%255[^:]:%255[^/]/%u", mod, fun, &arity) != 3) {
		fprintf(stderr, "kbeam: --dump-asm wants MOD:FUN/ARITY, not '%s'\n", mfa);
		return 2;
	}
	atom_table_init();
	if (jit_init() != 0) {
		fputs("kbeam: cannot set up the JIT's executable memory\n", stderr);
		return 1;
	}
	char err[1024];
	const loaded_module *lm = code_load_file(file, err, sizeof err);
	if (!lm) {
		fprintf(stderr, "kbeam: %s\n", err);
		return 1;
	}
	term m = atom_from_cstr(mod), f = atom_from_cstr(fun);
	if (lm->name != m) {
		fprintf(stderr, "kbeam: %s holds another module than %s\n", file, mod);
		return 1;
	}
	const jit_code *c = lm->code;
	for (uint32_t i = 0; i < c->nfuncs; i++) {
		const jit_func *jf = &c->funcs[i];
		if (jf->name != f || jf->arity != arity)
			continue;
		const uint8_t *start = c->base + jf->start;
		size_t size = jf->end - jf->start;
		printf("%s:%s/%u at 0x%lx, %zu bytes\n", mod, fun, arity,
		       (unsigned long)(uintptr_t)start, size);
		for (size_t k = 0; k < size; k += 16) {
			printf("%lx:", (unsigned long)(uintptr_t)(start + k));
			for (size_t j = k; j < k + 16 && j < size; j++)
				printf(" %02x", start[j]);
			putchar('\n');
		}
		return 0;
	}
	fprintf(stderr, "kbeam: %s has no function %s/%u\n", file, fun, arity);
	return 1;
}
