/* Links, monitors and exit signals between processes (signals.c), and the
 * end of a process: its links and monitors fire, its name is freed, its
 * memory is released at once.
 *
 * A link is a pid in both processes' `links` arrays. A monitor is an
 * entry in both processes' `monitors` arrays, named by the number of its
 * reference (vm/ref.h): the watcher's entry has `watching` set.
 */
#ifndef KBEAM_VM_SIGNALS_H
#define KBEAM_VM_SIGNALS_H

#include "process.h"

struct monitor {
	uint64_t ref;  /* the reference's number */
	term other;    /* the watcher's or the target's pid */
	bool watching; /* true in the watcher's array */
};

/* link/1 between two live processes. false when out of memory. */
bool sig_link(process *a, process *b);
/* unlink/1: removes the link on both sides (b may be gone). */
void sig_unlink(process *a, term b);
/* monitor(process, Target): the reference's number in *ref. A target that
 * is not alive gets the watcher a 'DOWN' with noproc at once. */
bool sig_monitor(process *watcher, term target, uint64_t *ref);
/* demonitor/1,2: true when the monitor was active; `flush` also removes
 * its 'DOWN' message. */
bool sig_demonitor(process *watcher, uint64_t ref, bool flush);

/* An exit signal from `from` (a pid) with `reason` reaching `to`:
 * `from_link` when it comes from a linked process's death (then `normal`
 * is ignored), else from exit/2 (then `kill` kills untrappably). */
void sig_exit(term from, process *to, term reason, bool from_link);

/* The process ended with `reason`: links and monitors fire, the name is
 * unregistered, the memory released, the pid freed. */
void proc_exit(process *p, term reason);

/* Process aliases: a reference that, while active, sends to its owner.
 * Modes as OTP names them. */
enum { ALIAS_EXPLICIT_UNALIAS, ALIAS_DEMONITOR, ALIAS_REPLY_DEMONITOR, ALIAS_REPLY };
bool alias_add(uint64_t ref, term owner, unsigned mode);
/* unalias/1: false when ref is not an active alias of owner */
bool alias_remove(uint64_t ref, term owner);
/* The owner a message sent to the alias goes to (ending a reply mode
 * alias), or THE_NON_VALUE when it is not active. */
term alias_target(uint64_t ref);
/* A process ends: its aliases go. */
void alias_drop_owner(term owner);

/* register/2, unregister/1, whereis/1, registered/0 */
bool reg_register(term name, process *p);
bool reg_unregister(term name);
term reg_whereis(term name); /* pid, or THE_NON_VALUE */
size_t reg_list(term *out, size_t max);

#endif
