/* List BIFs shared between the files of the erlang_lists family. */
#ifndef KBEAM_BIF_ERLANG_LISTS_H
#define KBEAM_BIF_ERLANG_LISTS_H

#include "bif.h"

/* The number of elements of a proper list; -1 when l is not one. Charges
 * the walk to p's reductions. */
int64_t bif_list_length(process *p, term l);

/* erlang_lists_subtract.c: erlang:'--'/2 and erlang:subtract/2 */
term bif_erlang_subtract_2(process *p, const term *args);

#endif
