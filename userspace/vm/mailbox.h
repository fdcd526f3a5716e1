/* A process's message queue (mailbox.c): the messages in arrival order at
 * mbox[mbox_first .. mbox_len), and `save`, where the current receive
 * looks next. Taking a message out moves the shorter side of the array,
 * so a receive that takes the first message is O(1). Each message is a
 * root of the collector. */
#ifndef KBEAM_VM_MAILBOX_H
#define KBEAM_VM_MAILBOX_H

#include "process.h"

bool mbox_push(process *p, term msg); /* false when out of memory */
static inline size_t mbox_count(const process *p) { return p->mbox_len - p->mbox_first; }
/* The k-th message, from the oldest. */
static inline term mbox_at(const process *p, size_t k) { return p->mbox[p->mbox_first + k]; }
/* The message at the save point, or THE_NON_VALUE. */
static inline term mbox_peek(const process *p)
{
	return p->save < p->mbox_len ? p->mbox[p->save] : THE_NON_VALUE;
}
static inline void mbox_next(process *p)
{
	if (p->save < p->mbox_len)
		p->save++;
}
static inline void mbox_reset(process *p) { p->save = p->mbox_first; }
/* Takes out the k-th message (from the oldest); save keeps pointing at
 * the same message, or the next one. */
void mbox_remove(process *p, size_t k);

/* Receive markers (recv_marker_*): a marker remembers how many messages
 * had arrived; bound to a reference, a receive on that reference starts
 * after the messages older than the marker (make_ref() followed by a
 * receive of the reply does not scan the queue). */
term mbox_marker_reserve(process *p);
void mbox_marker_bind(process *p, term marker, uint64_t ref);
void mbox_marker_use(process *p, uint64_t ref);
void mbox_marker_clear(process *p, uint64_t ref);

#endif
