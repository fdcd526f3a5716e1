/* The float syntax shared by list_to_float/1, binary_to_float/1 and
 * string:list_to_float/1 (erlang_conv_float.c). */
#ifndef KBEAM_BIF_ERLANG_CONV_FLOAT_H
#define KBEAM_BIF_ERLANG_CONV_FLOAT_H

#include <stdbool.h>

/* Text to a float with OTP's syntax: an optional sign, digits, '.' or ',',
 * digits, and optionally e or E, an optional sign and digits, up to the
 * NUL. The text is modified (the ',' becomes '.'). False for bad syntax or
 * a value too large for a double. */
bool float_parse(char *s, double *out);

#endif
