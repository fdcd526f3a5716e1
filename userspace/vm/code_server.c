#include "code_server.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atom.h"
#include "bif/bif.h"
#include "jit/bif_stub.h"
#include "export.h"

static char **paths;
static size_t npaths;
static loaded_module **mods;
static size_t nmods, mods_cap;
static pthread_mutex_t code_lock = PTHREAD_MUTEX_INITIALIZER;

int code_path_add(const char *dir)
{
	char **n = realloc(paths, (npaths + 1) * sizeof *n);
	if (!n)
		return -ENOMEM;
	paths = n;
	paths[npaths] = strdup(dir);
	if (!paths[npaths])
		return -ENOMEM;
	npaths++;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void code_path_add_otp(void)
{
	const char *root = getenv("KBEAM_OTP_ROOT");
	if (!root || !root[0])
		root = "/usr/lib/erlang";
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/lib", root);
	DIR *d = opendir(dir);
	char **names = NULL;
	size_t n = 0;
	if (d) {
		struct dirent *de;
		while ((de = readdir(d))) {
			if (de->d_name[0] == '.')
				continue;
			char **nn = realloc(names, (n + 1) * sizeof *nn);
			if (!nn)
				break;
			names = nn;
			names[n] = strdup(de->d_name);
			if (names[n])
				n++;
		}
		closedir(d);
	}
	qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		snprintf(dir, sizeof dir, "%s/lib/%s/ebin", root, names[i]);
		if (access(dir, R_OK) == 0)
			code_path_add(dir);
		free(names[i]);
	}
	free(names);
	/* the preloaded modules (erlang, init, prim_file ...) */
	d = opendir(root);
	if (d) {
		struct dirent *de;
		while ((de = readdir(d))) {
			if (strncmp(de->d_name, "erts-", 5) == 0) {
				snprintf(dir, sizeof dir, "%s/%s/ebin", root, de->d_name);
				if (access(dir, R_OK) == 0)
					code_path_add(dir);
			}
		}
		closedir(d);
	}
}

static const loaded_module *find_locked(term name)
{
	for (size_t i = 0; i < nmods; i++)
		if (mods[i]->name == name)
			return mods[i];
	return NULL;
}

const loaded_module *code_find(term name)
{
	pthread_mutex_lock(&code_lock);
	const loaded_module *lm = find_locked(name);
	pthread_mutex_unlock(&code_lock);
	return lm;
}

/* Publishes the code: exports and lambdas point at it. */
static void publish(loaded_module *lm)
{
	kb_module *m = lm->module;
	for (uint32_t i = 0; i < m->nexports; i++) {
		const kb_export *ex = &m->exports[i];
		export_entry *ee = export_entry_get(m->name, ex->function, ex->arity);
		/* a BIF keeps its C definition (erlang.beam only has stubs) */
		const bif_def *b = bif_lookup(m->name, ex->function, ex->arity);
		uintptr_t addr = b ? jit_bif_stub(b) : lm->code->label_addr[ex->label];
		if (ee)
			atomic_store(&ee->address, (void *)addr);
	}
	for (uint32_t i = 0; i < m->nlambdas; i++) {
		kb_lambda *lam = &m->lambdas[i];
		if (lam->entry)
			atomic_store(&lam->entry->address,
			             (void *)lm->code->label_addr[lam->label]);
	}
}

static const loaded_module *load_locked(const char *path, term expect, char *err, size_t errlen)
{
	kb_load_error lerr;
	kb_module *m = module_load_file(path, &lerr);
	if (!m) {
		snprintf(err, errlen, "%s: %s", path, lerr.msg);
		return NULL;
	}
	if ((expect != THE_NON_VALUE && m->name != expect) || find_locked(m->name)) {
		size_t len;
		const char *nm = atom_name(m->name, &len);
		snprintf(err, errlen, "%s: module %.*s %s", path, (int)len, nm,
		         find_locked(m->name) ? "is already loaded"
		                              : "has another name than its file");
		module_free(m);
		return NULL;
	}
	jit_code *code = jit_compile(m, err, errlen);
	if (!code) {
		char msg[512];
		snprintf(msg, sizeof msg, "%s", err);
		snprintf(err, errlen, "%s: %s", path, msg);
		module_free(m);
		return NULL;
	}
	loaded_module *lm = calloc(1, sizeof *lm);
	if (!lm ||
	    (nmods == mods_cap &&
	     !(mods = realloc(mods, (mods_cap = mods_cap ? 2 * mods_cap : 64) * sizeof *mods)))) {
		snprintf(err, errlen, "out of memory");
		free(lm);
		return NULL;
	}
	lm->name = m->name;
	lm->module = m;
	lm->code = code;
	mods[nmods++] = lm;
	publish(lm);
	return lm;
}

const loaded_module *code_load_file(const char *path, char *err, size_t errlen)
{
	pthread_mutex_lock(&code_lock);
	const loaded_module *lm = load_locked(path, THE_NON_VALUE, err, errlen);
	pthread_mutex_unlock(&code_lock);
	return lm;
}

const loaded_module *code_ensure_loaded(term name, char *err, size_t errlen)
{
	pthread_mutex_lock(&code_lock);
	const loaded_module *lm = find_locked(name);
	if (!lm) {
		size_t len;
		const char *nm = atom_name(name, &len);
		snprintf(err, errlen, "module %.*s not found in the code path", (int)len, nm);
		for (size_t i = 0; i < npaths && !lm; i++) {
			char path[4096];
			snprintf(path, sizeof path, "%s/%.*s.beam", paths[i], (int)len, nm);
			if (memchr(nm, '/', len) || access(path, R_OK) != 0)
				continue;
			lm = load_locked(path, name, err, errlen);
			if (!lm)
				break;
		}
	}
	pthread_mutex_unlock(&code_lock);
	return lm;
}

uintptr_t code_export_address(term module, term function, uint32_t arity)
{
	export_entry *ee = export_entry_lookup(module, function, arity);
	return ee ? (uintptr_t)atomic_load(&ee->address) : 0;
}

size_t code_loaded_names(term *out, size_t max)
{
	pthread_mutex_lock(&code_lock);
	size_t n = nmods;
	for (size_t i = 0; i < n && i < max; i++)
		out[i] = mods[i]->name;
	pthread_mutex_unlock(&code_lock);
	return n;
}
