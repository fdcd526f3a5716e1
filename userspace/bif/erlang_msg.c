/* erlang:send/2,3 called as functions (the `!` operator is the send
 * instruction; both share jit/rt_msg.c's rt_send). */
#include "bif.h"
#include "jit/rt_msg.h"

static term bif_send_2(process *p, const term *a) { return rt_send(p, a[0], a[1]); }

static term bif_send_3(process *p, const term *a)
{
	for (term l = a[2]; l != NIL; l = list_tail(l)) {
		if (!is_list(l))
			return bif_badarg(p);
		term o = list_head(l);
		if (o != atom_from_cstr("noconnect") && o != atom_from_cstr("nosuspend"))
			return bif_badarg(p);
	}
	term r = rt_send(p, a[0], a[1]);
	return r == THE_NON_VALUE ? r : ATOM(ok);
}

const bif_def bif_family_erlang_msg[] = {
    {"erlang", "send", 2, bif_send_2, BIF_NEEDS_PROCESS},
    {"erlang", "send", 3, bif_send_3, BIF_NEEDS_PROCESS},
    {NULL, NULL, 0, NULL, 0},
};
