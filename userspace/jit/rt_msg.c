/* Messages for the one process of a bare run: send, and the receive
 * instructions over the process's mailbox (process.h). A receive scans
 * from mbox[save]: loop_rec looks at the message there, loop_rec_end moves
 * past it, remove_message takes it out and starts the next receive from
 * the first message again. The concurrency layer replaces the mailbox with
 * a queue other processes can send to. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rt_msg.h"

static bool mbox_append(process *p, term msg)
{
	if (p->mbox_len == p->mbox_cap) {
		size_t cap = p->mbox_cap ? 2 * p->mbox_cap : 8;
		term *n = realloc(p->mbox, cap * sizeof *n);
		if (!n)
			return false;
		p->mbox = n;
		p->mbox_cap = cap;
	}
	p->mbox[p->mbox_len++] = msg;
	return true;
}

static term send_badarg(process *p, term dest, term msg)
{
	term *c = heap_alloc(&p->heap, 4);
	bif_badarg(p);
	if (c) {
		c[0] = dest;
		c[1] = make_list(&c[2]);
		c[2] = msg;
		c[3] = NIL;
		rt_set_bif_frame(p, ATOM(erlang), atom_from_cstr("send"), make_list(c));
	}
	return THE_NON_VALUE;
}

term rt_send(process *p, term dest, term msg)
{
	if (is_atom(dest))
		return send_badarg(p, dest, msg); /* no process is registered in a bare run */
	if (is_tuple(dest) && tuple_arity(dest) == 2 && is_atom(tuple_get(dest, 1)) &&
	    is_atom(tuple_get(dest, 2)))
		return msg; /* {Name, Node}: no distribution, dropped as OTP drops it */
	if (!is_pid(dest) && !is_ref(dest) && !is_port(dest))
		return send_badarg(p, dest, msg);
	/* the message stays on the heap it is on: this process's own */
	if (dest == p->id && !mbox_append(p, msg))
		return bif_no_memory(p);
	return msg;
}

term rt_peek_message(process *p)
{
	return p->save < p->mbox_len ? p->mbox[p->save] : THE_NON_VALUE;
}

void rt_next_message(process *p)
{
	if (p->save < p->mbox_len)
		p->save++;
}

void rt_remove_message(process *p)
{
	if (p->save < p->mbox_len) {
		memmove(p->mbox + p->save, p->mbox + p->save + 1,
		        (p->mbox_len - p->save - 1) * sizeof(term));
		p->mbox_len--;
	}
	p->save = 0;
}

void rt_reset_save(process *p) { p->save = 0; }

/* Nothing else runs that could send: a message can only be one already
 * queued past the save point. */
bool rt_wait(process *p) { return p->save < p->mbox_len; }

int rt_wait_timeout(process *p, term timeout)
{
	if (timeout == ATOM(infinity))
		return rt_wait(p) ? RT_WAIT_MESSAGE : RT_WAIT_FOREVER;
	if (!is_integer(timeout) || (is_small(timeout) && small_value(timeout) < 0) ||
	    (!is_small(timeout) && big_is_negative(timeout)) ||
	    (!is_small(timeout) && big_ndigits(timeout) > 1) ||
	    (!is_small(timeout) && big_digits(timeout)[0] > UINT32_MAX)) {
		rt_set_error(p, atom_from_cstr("timeout_value"), THE_NON_VALUE);
		return RT_WAIT_ERROR;
	}
	if (rt_wait(p))
		return RT_WAIT_MESSAGE;
	int64_t ms = is_small(timeout) ? small_value(timeout) : (int64_t)big_digits(timeout)[0];
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
	return RT_WAIT_TIMEOUT;
}
