/* Calendar time and time units: erlang:convert_time_unit/3, time_offset/0,1,
 * timestamp/0, universaltime/0, localtime/0, date/0, time/0,
 * universaltime_to_localtime/1 and localtime_to_universaltime/1,2.
 *
 * kbeam's native time unit is the nanosecond (as OTP's on Linux), and so is
 * its perf_counter unit. The local time zone is the C library's (TZ), read
 * through localtime_r and mktime as OTP does, so kbeam and OTP agree under
 * the same TZ. The time offset is taken once, on first use, and stays: OTP
 * runs without time warp, where the offset never changes.
 */
#include <limits.h>
#include <stdatomic.h>
#include <time.h>

#include "bif.h"
#include "erlang_misc.h"
#include "vm/bignum.h"

#define NANOS_PER_SECOND 1000000000
/* The earliest year OTP converts between local and universal time. */
#define BASE_YEAR 1902

/* ---- time units ---- */

/* Parts per second of a time unit (a positive integer, or a unit's name);
 * THE_NON_VALUE when unit is none. */
static term unit_parts(term unit)
{
	if (is_integer(unit))
		return int_is_negative(unit) || unit == make_small(0) ? THE_NON_VALUE : unit;
	static const struct {
		const char *name;
		int64_t parts;
	} names[] = {
	    {"native", NANOS_PER_SECOND},
	    {"perf_counter", NANOS_PER_SECOND},
	    {"nanosecond", NANOS_PER_SECOND},
	    {"microsecond", 1000000},
	    {"millisecond", 1000},
	    {"second", 1},
	    {"nano_seconds", NANOS_PER_SECOND},
	    {"micro_seconds", 1000000},
	    {"milli_seconds", 1000},
	    {"seconds", 1},
	};
	if (is_atom(unit))
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if (unit == atom_from_cstr(names[i].name))
				return make_small(names[i].parts);
	return THE_NON_VALUE;
}

/* time (an integer) from `from` to `to` parts per second, rounded down:
 * floor(time * to / from). */
static term convert(process *p, term time, term from, term to)
{
	kb_heap *h = &p->heap;
	term r = int_mul(h, to, time);
	if (r != THE_NON_VALUE && int_is_negative(time)) {
		/* div truncates: step down to the floor first */
		term less = int_sub(h, from, make_small(1));
		r = less == THE_NON_VALUE ? less : int_sub(h, r, less);
	}
	if (r != THE_NON_VALUE)
		r = int_div(h, r, from);
	return r == THE_NON_VALUE ? bif_no_memory(p) : r;
}

term bif_erlang_convert_time_unit_3(process *p, const term *args)
{
	term from = unit_parts(args[1]), to = unit_parts(args[2]);
	if (!is_integer(args[0]) || from == THE_NON_VALUE || to == THE_NON_VALUE)
		return bif_badarg(p);
	return convert(p, args[0], from, to);
}

static int64_t clock_ns(clockid_t clk)
{
	struct timespec ts;
	clock_gettime(clk, &ts);
	return (int64_t)ts.tv_sec * NANOS_PER_SECOND + ts.tv_nsec;
}

/* System time minus monotonic time (erlang:monotonic_time/0 reads
 * CLOCK_MONOTONIC), in nanoseconds; fixed at its first reading. */
static int64_t time_offset_ns(void)
{
	static _Atomic int64_t offset;
	static _Atomic bool known;
	if (!atomic_load(&known)) {
		int64_t expected = 0, now = clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_MONOTONIC);
		atomic_compare_exchange_strong(&offset, &expected, now);
		atomic_store(&known, true);
	}
	return atomic_load(&offset);
}

static term int64_term(process *p, int64_t v)
{
	term t = int_from_i64(&p->heap, v);
	return t == THE_NON_VALUE ? bif_no_memory(p) : t;
}

term bif_erlang_time_offset_0(process *p, const term *args)
{
	(void)args;
	return int64_term(p, time_offset_ns());
}

term bif_erlang_time_offset_1(process *p, const term *args)
{
	term to = unit_parts(args[0]);
	if (to == THE_NON_VALUE)
		return bif_badarg(p);
	term offset = int64_term(p, time_offset_ns());
	if (offset == THE_NON_VALUE)
		return offset;
	return convert(p, offset, make_small(NANOS_PER_SECOND), to);
}

term bif_erlang_timestamp_0(process *p, const term *args)
{
	(void)args;
	int64_t us = clock_ns(CLOCK_REALTIME) / 1000;
	term *t = heap_alloc(&p->heap, 4);
	if (!t)
		return bif_no_memory(p);
	t[0] = make_header(3, SUBTAG_TUPLE);
	t[1] = make_small(us / 1000000000000);
	t[2] = make_small(us / 1000000 % 1000000);
	t[3] = make_small(us % 1000000);
	return make_boxed(t);
}

/* ---- calendar time ---- */

static term triple(process *p, int a, int b, int c)
{
	term *t = heap_alloc(&p->heap, 4);
	if (!t)
		return bif_no_memory(p);
	t[0] = make_header(3, SUBTAG_TUPLE);
	t[1] = make_small(a);
	t[2] = make_small(b);
	t[3] = make_small(c);
	return make_boxed(t);
}

static term date_of(process *p, const struct tm *tm)
{
	return triple(p, tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday);
}

static term time_of(process *p, const struct tm *tm)
{
	return triple(p, tm->tm_hour, tm->tm_min, tm->tm_sec);
}

/* {{Y, Mo, D}, {H, Mi, S}} */
static term datetime_of(process *p, const struct tm *tm)
{
	term d = date_of(p, tm), t = time_of(p, tm);
	if (d == THE_NON_VALUE || t == THE_NON_VALUE)
		return THE_NON_VALUE;
	term *r = heap_alloc(&p->heap, 3);
	if (!r)
		return bif_no_memory(p);
	r[0] = make_header(2, SUBTAG_TUPLE);
	r[1] = d;
	r[2] = t;
	return make_boxed(r);
}

static struct tm now_local(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return tm;
}

term bif_erlang_universaltime_0(process *p, const term *args)
{
	(void)args;
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	return datetime_of(p, &tm);
}

term bif_erlang_localtime_0(process *p, const term *args)
{
	(void)args;
	struct tm tm = now_local();
	return datetime_of(p, &tm);
}

term bif_erlang_date_0(process *p, const term *args)
{
	(void)args;
	struct tm tm = now_local();
	return date_of(p, &tm);
}

term bif_erlang_time_0(process *p, const term *args)
{
	(void)args;
	struct tm tm = now_local();
	return time_of(p, &tm);
}

typedef struct datetime {
	int64_t year, month, day, hour, minute, second;
} datetime;

/* {{Y, Mo, D}, {H, Mi, S}} of small integers into dt. */
static bool datetime_get(term t, datetime *dt)
{
	if (!is_tuple(t) || tuple_arity(t) != 2)
		return false;
	term d = tuple_get(t, 1), c = tuple_get(t, 2);
	if (!is_tuple(d) || !is_tuple(c) || tuple_arity(d) != 3 || tuple_arity(c) != 3)
		return false;
	for (unsigned i = 1; i <= 3; i++)
		if (!is_small(tuple_get(d, i)) || !is_small(tuple_get(c, i)))
			return false;
	dt->year = small_value(tuple_get(d, 1));
	dt->month = small_value(tuple_get(d, 2));
	dt->day = small_value(tuple_get(d, 3));
	dt->hour = small_value(tuple_get(c, 1));
	dt->minute = small_value(tuple_get(c, 2));
	dt->second = small_value(tuple_get(c, 3));
	return true;
}

static const int month_days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

static bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* A real date and time of day, in the years OTP converts. */
static bool datetime_valid(const datetime *dt)
{
	if (dt->year < BASE_YEAR || dt->year > INT_MAX - 1 || dt->month < 1 || dt->month > 12)
		return false;
	int64_t days = month_days[dt->month] + (dt->month == 2 && is_leap(dt->year));
	return dt->day >= 1 && dt->day <= days && dt->hour >= 0 && dt->hour <= 23 &&
	       dt->minute >= 0 && dt->minute <= 59 && dt->second >= 0 && dt->second <= 59;
}

/* Days from 1970-01-01 to a valid date (negative before): 365 a year,
 * and the leap days of the years from 1970 to the one before. */
static int64_t days_since_epoch(const datetime *dt)
{
	int64_t y = dt->year - 1;
	int64_t leap_days = (y / 4 - y / 100 + y / 400) - (1969 / 4 - 1969 / 100 + 1969 / 400);
	int64_t days = 365 * (dt->year - 1970) + leap_days;
	for (int64_t m = 1; m < dt->month; m++)
		days += month_days[m];
	if (dt->month > 2 && is_leap(dt->year))
		days++;
	return days + dt->day - 1;
}

static term datetime_term(process *p, bool ok, const struct tm *tm)
{
	return ok ? datetime_of(p, tm) : bif_badarg(p);
}

term bif_erlang_universaltime_to_localtime_1(process *p, const term *args)
{
	datetime dt;
	if (!datetime_get(args[0], &dt) || !datetime_valid(&dt))
		return bif_badarg(p);
	time_t clock =
	    (time_t)(((days_since_epoch(&dt) * 24 + dt.hour) * 60 + dt.minute) * 60 + dt.second);
	struct tm tm;
	return datetime_term(p, localtime_r(&clock, &tm) != NULL, &tm);
}

/* mktime, where -1 is also the answer for 1969-12-31 23:59:59 UTC: that
 * second is told apart from failure by the second before it, as OTP does. */
static bool make_time(struct tm *tm, time_t *clock)
{
	*clock = mktime(tm);
	if (*clock != -1)
		return true;
	tm->tm_sec--;
	time_t before = mktime(tm);
	tm->tm_sec++;
	*clock = -1;
	return before == -2;
}

static term local_to_universal(process *p, term local, term dst)
{
	int isdst;
	if (dst == ATOM(true))
		isdst = 1;
	else if (dst == ATOM(false))
		isdst = 0;
	else if (dst == ATOM(undefined))
		isdst = -1;
	else
		return bif_badarg(p);
	datetime dt;
	if (!datetime_get(local, &dt) || !datetime_valid(&dt))
		return bif_badarg(p);
	struct tm tm = {
	    .tm_year = (int)(dt.year - 1900),
	    .tm_mon = (int)dt.month - 1,
	    .tm_mday = (int)dt.day,
	    .tm_hour = (int)dt.hour,
	    .tm_min = (int)dt.minute,
	    .tm_sec = (int)dt.second,
	    .tm_isdst = isdst,
	};
	time_t clock;
	if (!make_time(&tm, &clock)) {
		/* a zone without summer time may refuse one: take it as standard
		 * time, as Linux does */
		if (!isdst)
			return bif_badarg(p);
		tm.tm_isdst = 0;
		if (!make_time(&tm, &clock))
			return bif_badarg(p);
	}
	struct tm utc;
	return datetime_term(p, gmtime_r(&clock, &utc) != NULL, &utc);
}

term bif_erlang_localtime_to_universaltime_1(process *p, const term *args)
{
	return local_to_universal(p, args[0], ATOM(undefined));
}

term bif_erlang_localtime_to_universaltime_2(process *p, const term *args)
{
	return local_to_universal(p, args[0], args[1]);
}
