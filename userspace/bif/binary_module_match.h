/* binary:compile_pattern/1, match/2,3, matches/2,3, split/2,3
 * (binary_module_match.c), for the binary module's table. */
#ifndef KBEAM_BIF_BINARY_MODULE_MATCH_H
#define KBEAM_BIF_BINARY_MODULE_MATCH_H

#include "bif.h"

term bif_binary_compile_pattern_1(process *p, const term *args);
term bif_binary_match_2(process *p, const term *args);
term bif_binary_match_3(process *p, const term *args);
term bif_binary_matches_2(process *p, const term *args);
term bif_binary_matches_3(process *p, const term *args);
term bif_binary_split_2(process *p, const term *args);
term bif_binary_split_3(process *p, const term *args);

#endif
