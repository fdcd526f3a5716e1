/* Send and receive for a bare run (rt_msg.c). */
#ifndef KBEAM_JIT_RT_MSG_H
#define KBEAM_JIT_RT_MSG_H

#include "rt.h"

/* send: x0 ! x1. The message, or THE_NON_VALUE (badarg). */
term rt_send(process *p, term dest, term msg);
/* loop_rec: the message at the save point, or THE_NON_VALUE when none. */
term rt_peek_message(process *p);
void rt_next_message(process *p);   /* loop_rec_end */
void rt_remove_message(process *p); /* remove_message */
void rt_reset_save(process *p);     /* timeout */
/* wait: true when a message is there to look at again. */
bool rt_wait(process *p);
enum { RT_WAIT_MESSAGE, RT_WAIT_TIMEOUT, RT_WAIT_FOREVER, RT_WAIT_ERROR };
int rt_wait_timeout(process *p, term timeout);

/* recv_marker_bind / use / clear with the reference term */
void rt_marker_bind(process *p, term marker, term ref);
void rt_marker_use(process *p, term ref);
void rt_marker_clear(process *p, term ref);

#endif
