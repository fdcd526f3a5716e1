#include "mailbox.h"

#include <stdlib.h>
#include <string.h>

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
	return true;
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
	}
}
