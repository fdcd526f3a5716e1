/* The erlang_misc BIF family: checksums (erlang_checksum.c), iolist_to_iovec
 * (erlang_iovec.c), funs, pids, ports and refs as text (erlang_ident_text.c),
 * string:list_to_integer/float (string_numbers.c), calendar time and time
 * units (erlang_time.c), and which modules are loaded (erlang_misc.c, which
 * holds the family's table).
 */
#ifndef KBEAM_BIF_ERLANG_MISC_H
#define KBEAM_BIF_ERLANG_MISC_H

#include "vm/process.h"

term bif_erlang_crc32_1(process *p, const term *args);
term bif_erlang_crc32_2(process *p, const term *args);
term bif_erlang_crc32_combine_3(process *p, const term *args);
term bif_erlang_adler32_1(process *p, const term *args);
term bif_erlang_adler32_2(process *p, const term *args);
term bif_erlang_adler32_combine_3(process *p, const term *args);
term bif_erlang_md5_1(process *p, const term *args);
term bif_erlang_md5_init_0(process *p, const term *args);
term bif_erlang_md5_update_2(process *p, const term *args);
term bif_erlang_md5_final_1(process *p, const term *args);

term bif_erlang_iolist_to_iovec_1(process *p, const term *args);

term bif_erlang_fun_to_list_1(process *p, const term *args);
term bif_erlang_pid_to_list_1(process *p, const term *args);
term bif_erlang_port_to_list_1(process *p, const term *args);
term bif_erlang_ref_to_list_1(process *p, const term *args);
term bif_erlang_list_to_pid_1(process *p, const term *args);
term bif_erlang_list_to_port_1(process *p, const term *args);
term bif_erlang_list_to_ref_1(process *p, const term *args);

term bif_string_list_to_integer_1(process *p, const term *args);
term bif_string_list_to_float_1(process *p, const term *args);

term bif_erlang_convert_time_unit_3(process *p, const term *args);
term bif_erlang_time_offset_0(process *p, const term *args);
term bif_erlang_time_offset_1(process *p, const term *args);
term bif_erlang_timestamp_0(process *p, const term *args);
term bif_erlang_universaltime_0(process *p, const term *args);
term bif_erlang_localtime_0(process *p, const term *args);
term bif_erlang_date_0(process *p, const term *args);
term bif_erlang_time_0(process *p, const term *args);
term bif_erlang_universaltime_to_localtime_1(process *p, const term *args);
term bif_erlang_localtime_to_universaltime_1(process *p, const term *args);
term bif_erlang_localtime_to_universaltime_2(process *p, const term *args);

#endif
