/* The code server: which modules are loaded, and loading a module by name
 * from the code path the first time something calls it.
 *
 * Loading compiles the module (jit/jit.h) and points the export entry of
 * every exported function, and the fun entry of every lambda, at the new
 * code, so remote calls and funs reach it from then on.
 */
#ifndef KBEAM_VM_CODE_SERVER_H
#define KBEAM_VM_CODE_SERVER_H

#include "jit/jit.h"

typedef struct loaded_module {
	term name;
	kb_module *module;
	jit_code *code;
} loaded_module;

/* Appends a directory to the code path (searched in order). 0 or -ENOMEM. */
int code_path_add(const char *dir);
/* Appends OTP's ebin directories: every $root/lib/NAME/ebin and the erts
 * ebin (preloaded modules). root: $KBEAM_OTP_ROOT, else /usr/lib/erlang. */
void code_path_add_otp(void);

/* The loaded module of that name, or NULL. */
const loaded_module *code_find(term name);
/* Finds or loads the module; NULL with a message in err when it cannot. */
const loaded_module *code_ensure_loaded(term name, char *err, size_t errlen);
/* Loads a module from a file, replacing nothing: NULL with err when the
 * name is taken or loading fails. */
const loaded_module *code_load_file(const char *path, char *err, size_t errlen);

/* The names of the loaded modules, in loading order, into out (room for
 * max of them); returns how many modules are loaded, which may be more. */
size_t code_loaded_names(term *out, size_t max);

/* Address of an exported function of a loaded module, or 0. */
uintptr_t code_export_address(term module, term function, uint32_t arity);

#endif
