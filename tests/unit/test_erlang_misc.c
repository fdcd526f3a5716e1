/* The erlang_misc BIFs where OTP's vectors cannot reach (test_bif holds
 * those): the MD5 context round trip from md5_init/0, unaligned binaries
 * (the external format has none), deep iodata, and the BIFs that read the
 * clock, the time zone or the loaded code, checked against the C library
 * and against each other. */
#include "unit.h"

#include <time.h>

#include "bif/bif.h"
#include "bif/erlang_binaries_part.h"
#include "term_build.h"
#include "vm/compare.h"

static process proc;

static term call(const char *m, const char *f, unsigned arity, const term *args)
{
	const bif_def *d = bif_lookup(atom_from_cstr(m), atom_from_cstr(f), arity);
	if (!d) {
		fprintf(stderr, "no BIF %s:%s/%u\n", m, f, arity);
		abort();
	}
	proc.freason = EXC_NONE;
	return d->fn(&proc, args);
}

static term call1(const char *f, term a) { return call("erlang", f, 1, &a); }

static term call2(const char *f, term a, term b)
{
	term args[2] = {a, b};
	return call("erlang", f, 2, args);
}

static term bytes_bin(const uint8_t *b, size_t n) { return binary_new(&proc.heap, b, n); }

static term pattern_bin(size_t n, unsigned seed)
{
	uint8_t *b = malloc(n ? n : 1);
	for (size_t i = 0; i < n; i++)
		b[i] = (uint8_t)(i * seed + i / 7);
	term t = bytes_bin(b, n);
	free(b);
	return t;
}

static term byte_list(size_t n, unsigned seed)
{
	term l = NIL;
	for (size_t i = n; i-- > 0;)
		l = build_cons(&proc.heap, make_small((uint8_t)(i * seed + 1)), l);
	return l;
}

static const uint8_t *bin_bytes(term b) { return bitstring_aligned_bytes(b); }

/* md5_final(md5_update(...(md5_init(), P1)..., Pn)) =:= md5([P1, ..., Pn]) */
static void test_md5_context_round_trip(void)
{
	term ctx = call("erlang", "md5_init", 0, NULL);
	CHECK(is_binary(ctx) && bitstring_bitsize(ctx) == 88 * 8);
	static const uint8_t start[24] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
	                                  0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};
	CHECK(memcmp(bin_bytes(ctx), start, sizeof start) == 0);
	CHECK(term_eq_exact(call1("md5_final", ctx), call1("md5", NIL)));

	size_t sizes[] = {0, 1, 63, 64, 65, 100, 128, 250, 1000};
	term pieces = NIL;
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		term piece = i % 2 ? pattern_bin(sizes[i], (unsigned)i + 3)
		                   : byte_list(sizes[i], (unsigned)i + 5);
		ctx = call2("md5_update", ctx, piece);
		CHECK(ctx != THE_NON_VALUE);
		pieces = build_cons(&proc.heap, piece, pieces);
		/* the same pieces in one go, oldest first */
		term in_order = NIL;
		for (term l = pieces; is_list(l); l = list_tail(l))
			in_order = build_cons(&proc.heap, list_head(l), in_order);
		CHECKF(term_eq_exact(call1("md5_final", ctx), call1("md5", in_order)),
		       "after %zu pieces", i + 1);
	}
	CHECK(call2("md5_update", ctx, ATOM(ok)) == THE_NON_VALUE && proc.fvalue == ATOM(badarg));
}

/* Slices that start inside a byte hash as their aligned copies. */
static void test_unaligned_binaries(void)
{
	term whole = pattern_bin(700, 13);
	term odd = sub_bitstring(&proc.heap, whole, 3, 600 * 8);
	uint8_t copy[600];
	bitstring_view v;
	bitstring_get(odd, &v);
	CHECK(v.bitoffs % 8 != 0);
	bits_copy(copy, v.base, v.bitoffs, v.bitsize);
	term aligned = bytes_bin(copy, sizeof copy);
	term odd_list = build_cons(&proc.heap, odd, build_cons(&proc.heap, make_small(7), odd));
	term aligned_list =
	    build_cons(&proc.heap, aligned, build_cons(&proc.heap, make_small(7), aligned));
	const char *fns[] = {"crc32", "adler32", "md5", "iolist_to_iovec"};
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		CHECKF(term_eq_exact(call1(fns[i], odd), call1(fns[i], aligned)), "%s", fns[i]);
		CHECKF(term_eq_exact(call1(fns[i], odd_list), call1(fns[i], aligned_list)), "%s",
		       fns[i]);
	}
	term bits = sub_bitstring(&proc.heap, whole, 3, 100);
	CHECK(call1("crc32", bits) == THE_NON_VALUE && proc.fvalue == ATOM(badarg));
	CHECK(call1("iolist_to_iovec", build_cons(&proc.heap, bits, NIL)) == THE_NON_VALUE);
}

/* A million levels of nesting: the walks keep their place on the heap. */
static void test_deep_iodata(void)
{
	term deep = build_nested_lists(&proc.heap, 1000000);
	deep = build_cons(&proc.heap, deep, build_cons(&proc.heap, make_small('a'), NIL));
	term a = build_cons(&proc.heap, make_small('a'), NIL);
	CHECK(term_eq_exact(call1("crc32", deep), call1("crc32", a)));
	CHECK(term_eq_exact(call1("md5", deep), call1("md5", a)));
	CHECK(term_eq_exact(call1("iolist_to_iovec", deep), call1("iolist_to_iovec", a)));
}

static term datetime(int y, int mo, int d, int h, int mi, int s)
{
	term *date = heap_alloc(&proc.heap, 4), *time = heap_alloc(&proc.heap, 4);
	date[0] = time[0] = make_header(3, SUBTAG_TUPLE);
	date[1] = make_small(y);
	date[2] = make_small(mo);
	date[3] = make_small(d);
	time[1] = make_small(h);
	time[2] = make_small(mi);
	time[3] = make_small(s);
	return build_tuple2(&proc.heap, make_boxed(date), make_boxed(time));
}

static bool datetime_is(term t, const struct tm *tm)
{
	return term_eq_exact(t, datetime(tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday,
	                                 tm->tm_hour, tm->tm_min, tm->tm_sec));
}

/* The clock BIFs agree with the C library's clock (a second apart at most:
 * retried once when the second turns between the two readings). */
static void test_clock(void)
{
	bool agree = false;
	for (int tries = 0; tries < 2 && !agree; tries++) {
		time_t now = time(NULL);
		struct tm utc, local;
		gmtime_r(&now, &utc);
		localtime_r(&now, &local);
		term u = call("erlang", "universaltime", 0, NULL);
		term l = call("erlang", "localtime", 0, NULL);
		term d = call("erlang", "date", 0, NULL), t = call("erlang", "time", 0, NULL);
		agree = datetime_is(u, &utc) && datetime_is(l, &local) &&
		        term_eq_exact(d, tuple_get(l, 1)) && term_eq_exact(t, tuple_get(l, 2));
	}
	CHECK(agree);
	term ts = call("erlang", "timestamp", 0, NULL);
	CHECK(is_tuple(ts) && tuple_arity(ts) == 3);
	int64_t secs = small_value(tuple_get(ts, 1)) * 1000000 + small_value(tuple_get(ts, 2));
	CHECK(llabs(secs - (int64_t)time(NULL)) <= 1);
	CHECK(small_value(tuple_get(ts, 3)) >= 0 && small_value(tuple_get(ts, 3)) < 1000000);

	term off = call("erlang", "time_offset", 0, NULL);
	CHECK(term_eq_exact(off, call("erlang", "time_offset", 0, NULL)));
	term args[3] = {off, atom_from_cstr("native"), atom_from_cstr("second")};
	CHECK(term_eq_exact(call1("time_offset", atom_from_cstr("second")),
	                    call("erlang", "convert_time_unit", 3, args)));
}

/* Under UTC local time is universal time; in any zone the two conversions
 * undo each other away from summer time changes. */
static void test_time_zone(void)
{
	term noon = datetime(2021, 1, 15, 12, 0, 0), summer = datetime(2021, 7, 15, 12, 0, 0);
	term early = datetime(1902, 1, 1, 12, 0, 0), late = datetime(2100, 2, 28, 23, 59, 59);
	term dates[] = {noon, summer, early, late};
	for (size_t i = 0; i < 4; i++) {
		term local = call1("universaltime_to_localtime", dates[i]);
		CHECK(term_eq_exact(call1("localtime_to_universaltime", local), dates[i]));
	}
	const char *tz = getenv("TZ");
	char *saved = tz ? strdup(tz) : NULL;
	setenv("TZ", "UTC", 1);
	tzset();
	for (size_t i = 0; i < 4; i++) {
		CHECK(term_eq_exact(call1("universaltime_to_localtime", dates[i]), dates[i]));
		CHECK(term_eq_exact(call2("localtime_to_universaltime", dates[i], ATOM(false)),
		                    dates[i]));
		CHECK(term_eq_exact(call2("localtime_to_universaltime", dates[i], ATOM(undefined)),
		                    dates[i]));
	}
	setenv("TZ", "<+03>-3", 1); /* three hours east of Greenwich, no tzdata needed */
	tzset();
	CHECK(term_eq_exact(call1("universaltime_to_localtime", noon),
	                    datetime(2021, 1, 15, 15, 0, 0)));
	CHECK(term_eq_exact(call1("localtime_to_universaltime", noon),
	                    datetime(2021, 1, 15, 9, 0, 0)));
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	free(saved);
	tzset();
}

static bool list_has(term l, term x)
{
	for (; is_list(l); l = list_tail(l))
		if (list_head(l) == x)
			return true;
	return false;
}

/* The preloaded modules count as loaded before anything is. */
static void test_loaded(void)
{
	term pre = call("erlang", "pre_loaded", 0, NULL);
	term loaded = call("erlang", "loaded", 0, NULL);
	size_t n = 0;
	for (term l = pre; is_list(l); l = list_tail(l), n++) {
		CHECK(list_has(loaded, list_head(l)));
		CHECK(call1("module_loaded", list_head(l)) == ATOM(true));
	}
	CHECK(n == 21);
	CHECK(call1("module_loaded", atom_from_cstr("no_such_module")) == ATOM(false));
	CHECK(!list_has(loaded, atom_from_cstr("no_such_module")));
	CHECK(call1("module_loaded", make_small(1)) == THE_NON_VALUE);
}

int main(void)
{
	atom_table_init();
	heap_init(&proc.heap);
	RUN(test_md5_context_round_trip);
	RUN(test_unaligned_binaries);
	RUN(test_deep_iodata);
	RUN(test_clock);
	RUN(test_time_zone);
	RUN(test_loaded);
	heap_free(&proc.heap);
	return unit_exit();
}
