#ifndef KBEAM_LAUNCHER_RUN_BARE_H
#define KBEAM_LAUNCHER_RUN_BARE_H

/* Runs MOD:FUN in a bare VM (run_bare.c); the process exit status. */
#include <stddef.h>

/* process_limit: +P, or 0 for the default; schedulers: +S, or 0 for one
 * per online CPU. */
int run_bare(char **pa, int npa, const char *mod, const char *fun, char **args, int nargs,
             size_t process_limit, unsigned schedulers);

#endif
