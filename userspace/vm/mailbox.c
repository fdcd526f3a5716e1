#include "mailbox.h"

#include <stdlib.h>
#include <string.h>

/* Slots an empty mailbox keeps for the next messages. */
#define MBOX_KEEP 64

bool mbox_push(process *p, term msg)
{
	if (p->mbox_len == p->mbox_cap) {
		size_t live = mbox_count(p);
		if (p->mbox_first > 0 && p->mbox_first >= live) {
			/* mostly consumed: slide down instead of growing */
			memmove(p->mbox, p->mbox + p->mbox_first, live * sizeof(term));
			p->save -= p->mbox_first;
			p->mbox_first = 0;
			p->mbox_len = live;
		} else {
			size_t cap = p->mbox_cap ? 2 * p->mbox_cap : 8;
			term *n = realloc(p->mbox, cap * sizeof *n);
			if (!n)
				return false;
			p->mbox = n;
			p->mbox_cap = cap;
		}
	}
	p->mbox[p->mbox_len++] = msg;
	p->msg_seq++;
	return true;
}

/* ---- receive markers ---- */

term mbox_marker_reserve(process *p)
{
	return make_small((int64_t)(p->msg_seq & ((1ull << 58) - 1)));
}

void mbox_marker_bind(process *p, term marker, uint64_t ref)
{
	if (!is_small(marker))
		return;
	/* two slots, as OTP keeps: the older one makes way */
	unsigned slot = p->markers[0].ref == 0 ? 0 : 1;
	if (p->markers[0].ref && p->markers[1].ref)
		p->markers[0] = p->markers[1];
	p->markers[slot].ref = ref;
	p->markers[slot].seq = (uint64_t)small_value(marker);
}

void mbox_marker_use(process *p, uint64_t ref)
{
	for (unsigned i = 0; i < 2; i++) {
		if (p->markers[i].ref != ref || ref == 0)
			continue;
		/* the messages queued since the marker are at most the last
		 * (msg_seq - seq) ones: starting there skips only older ones */
		uint64_t newer = p->msg_seq - p->markers[i].seq;
		size_t count = mbox_count(p);
		if (newer < count)
			p->save = p->mbox_len - (size_t)newer;
		return;
	}
}

void mbox_marker_clear(process *p, uint64_t ref)
{
	for (unsigned i = 0; i < 2; i++)
		if (p->markers[i].ref == ref)
			p->markers[i].ref = 0;
}

void mbox_remove(process *p, size_t k)
{
	size_t i = p->mbox_first + k;
	if (i >= p->mbox_len)
		return;
	if (k < p->mbox_len - i - 1) {
		/* fewer before it: shift those up by one */
		memmove(p->mbox + p->mbox_first + 1, p->mbox + p->mbox_first, k * sizeof(term));
		p->mbox_first++;
		if (p->save <= i)
			p->save++; /* the messages before it moved up one */
	} else {
		memmove(p->mbox + i, p->mbox + i + 1, (p->mbox_len - i - 1) * sizeof(term));
		p->mbox_len--;
		if (p->save > i)
			p->save--;
	}
	if (p->mbox_first == p->mbox_len) {
		p->mbox_first = p->mbox_len = 0;
		p->save = 0;
		if (p->mbox_cap > MBOX_KEEP) {
			/* a burst is over: its memory goes back */
			free(p->mbox);
			p->mbox = NULL;
			p->mbox_cap = 0;
		}
	}
}
