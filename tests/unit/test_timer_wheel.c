/* The timing wheel (vm/timer_wheel.c): small cases by hand, then
 * thousands of random timers against a brute-force reference, checking
 * the fire order, count and next deadline after every step. */
#include <stdint.h>

#include "vm/timer_wheel.h"
#include "unit.h"

/* xorshift64*: deterministic, so a failure can be replayed */
static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1dull;
}

/* A length from 0 up to 2^(maxbits-1), spread evenly over the magnitudes. */
static uint64_t rnd_span(unsigned maxbits)
{
	unsigned b = (unsigned)(rnd() % maxbits);
	return b ? rnd() & ((1ull << b) - 1) : 0;
}

/* ---- small cases ---- */

typedef struct item {
	int id; /* before the timer, so that twheel_entry has work to do */
	twheel_timer tm;
} item;

#define LOG_MAX 8192
static int fired_log[LOG_MAX];
static size_t nfired;

static void log_fire(twheel_timer *t, void *arg)
{
	(void)arg;
	CHECK(!twheel_pending(t));
	if (nfired < LOG_MAX)
		fired_log[nfired] = twheel_entry(t, item, tm)->id;
	nfired++;
}

static bool fired_were(const int *ids, size_t n)
{
	if (nfired != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (fired_log[i] != ids[i])
			return false;
	nfired = 0;
	return true;
}

static void test_basic(void)
{
	twheel w;
	item it[4] = {{.id = 0}, {.id = 1}, {.id = 2}, {.id = 3}};
	twheel_init(&w, 1000);
	CHECK(twheel_count(&w) == 0 && twheel_next_deadline(&w) == UINT64_MAX);
	CHECK(!twheel_pending(&it[0].tm));
	twheel_add(&w, &it[0].tm, 1010);
	twheel_add(&w, &it[1].tm, 1005);
	twheel_add(&w, &it[2].tm, 1005);
	twheel_add(&w, &it[3].tm, 1000 + 3 * 3600 * 1000);
	CHECK(twheel_count(&w) == 4 && twheel_next_deadline(&w) == 1005);
	CHECK(twheel_pending(&it[0].tm) && twheel_pending(&it[3].tm));
	nfired = 0;
	CHECK(twheel_advance(&w, 1004, log_fire, NULL) == 0 && nfired == 0);
	CHECK(twheel_advance(&w, 1005, log_fire, NULL) == 2);
	CHECK(fired_were((int[]){1, 2}, 2)); /* ties in the order added */
	CHECK(twheel_count(&w) == 2 && twheel_next_deadline(&w) == 1010);
	CHECK(twheel_advance(&w, 1000 + 3 * 3600 * 1000 - 1, log_fire, NULL) == 1);
	CHECK(fired_were((int[]){0}, 1));
	CHECK(twheel_next_deadline(&w) == 1000 + 3 * 3600 * 1000);
	CHECK(twheel_advance(&w, 1000 + 3 * 3600 * 1000, log_fire, NULL) == 1);
	CHECK(fired_were((int[]){3}, 1));
	CHECK(twheel_count(&w) == 0 && twheel_next_deadline(&w) == UINT64_MAX);
	/* re-adding a pending timer moves it */
	twheel_add(&w, &it[0].tm, 20000000);
	twheel_add(&w, &it[0].tm, 20000001);
	CHECK(twheel_count(&w) == 1 && twheel_next_deadline(&w) == 20000001);
	twheel_destroy(&w);
	CHECK(!twheel_pending(&it[0].tm));
}

static twheel rw; /* for the callbacks below */
static item *victim;

static void fire_and_remove(twheel_timer *t, void *arg)
{
	log_fire(t, arg);
	if (victim)
		twheel_remove(&rw, &victim->tm);
}

static void test_remove(void)
{
	item it[6] = {{.id = 0}, {.id = 1}, {.id = 2}, {.id = 3}, {.id = 4}, {.id = 5}};
	twheel_timer zero = {0};
	twheel_init(&rw, 0);
	twheel_remove(&rw, &zero); /* never added: nothing happens */
	twheel_add(&rw, &it[0].tm, 10);
	twheel_add(&rw, &it[1].tm, 10);
	twheel_add(&rw, &it[2].tm, 5000);                  /* a higher level */
	twheel_add(&rw, &it[3].tm, 100ull * 24 * 3600000); /* the overflow */
	twheel_add(&rw, &it[4].tm, 20);
	twheel_add(&rw, &it[5].tm, 20);
	twheel_remove(&rw, &it[2].tm);
	twheel_remove(&rw, &it[2].tm); /* twice: still nothing */
	CHECK(!twheel_pending(&it[2].tm) && twheel_count(&rw) == 5);
	twheel_remove(&rw, &it[3].tm);
	CHECK(twheel_count(&rw) == 4 && twheel_next_deadline(&rw) == 10);
	twheel_remove(&rw, &it[0].tm);
	CHECK(twheel_count(&rw) == 3 && twheel_next_deadline(&rw) == 10);
	twheel_remove(&rw, &it[1].tm);
	CHECK(twheel_count(&rw) == 2 && twheel_next_deadline(&rw) == 20);
	/* a callback removes a timer due at the same ms: it does not fire */
	victim = &it[5];
	nfired = 0;
	CHECK(twheel_advance(&rw, 1000000000, fire_and_remove, NULL) == 1);
	CHECK(fired_were((int[]){4}, 1));
	CHECK(twheel_count(&rw) == 0 && !twheel_pending(&it[5].tm));
	victim = NULL;
	/* removing one overdue timer of several */
	twheel_add(&rw, &it[0].tm, 5);
	twheel_add(&rw, &it[1].tm, 6);
	twheel_add(&rw, &it[2].tm, 7);
	twheel_remove(&rw, &it[1].tm);
	CHECK(twheel_next_deadline(&rw) == 5);
	twheel_remove(&rw, &it[0].tm);
	CHECK(twheel_next_deadline(&rw) == 7);
	CHECK(twheel_advance(&rw, 1000000000, log_fire, NULL) == 1);
	CHECK(fired_were((int[]){2}, 1));
	twheel_destroy(&rw);
}

static int periodic_left;
static uint64_t periodic_step;

static void fire_periodic(twheel_timer *t, void *arg)
{
	log_fire(t, arg);
	if (periodic_left-- > 0)
		twheel_add(&rw, t, t->deadline + periodic_step);
}

static void test_readd_from_callback(void)
{
	item it = {.id = 7};
	twheel_init(&rw, 0);
	/* every 10 ms: all of them within one advance */
	periodic_left = 1000;
	periodic_step = 10;
	nfired = 0;
	twheel_add(&rw, &it.tm, 10);
	CHECK(twheel_advance(&rw, 1000, fire_periodic, NULL) == 100);
	CHECK(twheel_pending(&it.tm) && twheel_next_deadline(&rw) == 1010);
	twheel_remove(&rw, &it.tm);
	/* re-armed at the same ms: once per advance, not in a loop */
	periodic_left = 1000;
	periodic_step = 0;
	twheel_add(&rw, &it.tm, 1500);
	CHECK(twheel_advance(&rw, 2000, fire_periodic, NULL) == 1);
	CHECK(twheel_pending(&it.tm) && twheel_next_deadline(&rw) == 1500);
	CHECK(twheel_advance(&rw, 2000, fire_periodic, NULL) == 1);
	CHECK(twheel_advance(&rw, 2001, fire_periodic, NULL) == 1);
	CHECK(twheel_count(&rw) == 1);
	/* every hour, fired a day at a time */
	twheel_remove(&rw, &it.tm);
	periodic_left = 1000;
	periodic_step = 3600000;
	twheel_add(&rw, &it.tm, 2001 + 3600000);
	CHECK(twheel_advance(&rw, 2001 + 24 * 3600000ull, fire_periodic, NULL) == 24);
	CHECK(twheel_next_deadline(&rw) == 2001 + 25 * 3600000ull);
	twheel_destroy(&rw);
}

static void test_past_deadlines(void)
{
	twheel w;
	item it[5] = {{.id = 0}, {.id = 1}, {.id = 2}, {.id = 3}, {.id = 4}};
	twheel_init(&w, 10000);
	twheel_add(&w, &it[0].tm, 5);
	twheel_add(&w, &it[1].tm, 0);
	twheel_add(&w, &it[2].tm, 10000);
	twheel_add(&w, &it[3].tm, 9999);
	twheel_add(&w, &it[4].tm, 5);
	CHECK(twheel_next_deadline(&w) == 0 && twheel_count(&w) == 5);
	nfired = 0;
	CHECK(twheel_advance(&w, 10000, log_fire, NULL) == 5);
	CHECK(fired_were((int[]){1, 0, 4, 3, 2}, 5));
	/* at the wheel's time: due at the next advance, even to the same time */
	twheel_add(&w, &it[0].tm, 10000);
	twheel_add(&w, &it[1].tm, 9000);
	CHECK(twheel_next_deadline(&w) == 9000);
	CHECK(twheel_advance(&w, 10000, log_fire, NULL) == 2);
	CHECK(fired_were((int[]){1, 0}, 2));
	/* an overdue timer and one just due fire together, in order */
	twheel_add(&w, &it[0].tm, 10005);
	twheel_add(&w, &it[1].tm, 1);
	CHECK(twheel_advance(&w, 10005, log_fire, NULL) == 2);
	CHECK(fired_were((int[]){1, 0}, 2));
	CHECK(twheel_count(&w) == 0);
	twheel_destroy(&w);
}

static void test_big_jumps(void)
{
	twheel w;
	item it[3] = {{.id = 0}, {.id = 1}, {.id = 2}};
	const uint64_t hour = 3600000, day = 24 * hour;
	twheel_init(&w, 0);
	/* a million jumps of an hour with nothing in the wheel */
	for (uint64_t i = 1; i <= 1000000; i++)
		CHECK(twheel_advance(&w, i * hour, log_fire, NULL) == 0);
	uint64_t t0 = 1000000 * hour;
	/* three timers, fifty thousand jumps of an hour */
	twheel_add(&w, &it[0].tm, t0 + 5 * hour + 17);
	twheel_add(&w, &it[1].tm, t0 + 30 * day + 3);
	twheel_add(&w, &it[2].tm, t0 + 4000 * day + 1);
	nfired = 0;
	size_t total = 0;
	for (uint64_t i = 1; i <= 50000; i++) {
		total += twheel_advance(&w, t0 + i * hour, log_fire, NULL);
		if (i == 5)
			CHECK(total == 0 && twheel_next_deadline(&w) == t0 + 5 * hour + 17);
	}
	CHECK(total == 2 && fired_were((int[]){0, 1}, 2));
	CHECK(twheel_next_deadline(&w) == t0 + 4000 * day + 1);
	/* a single jump of a century */
	CHECK(twheel_advance(&w, t0 + 36500 * day, log_fire, NULL) == 1);
	CHECK(fired_were((int[]){2}, 1));
	twheel_destroy(&w);

	/* near the end of time */
	twheel_init(&w, UINT64_MAX - 100000);
	twheel_add(&w, &it[0].tm, UINT64_MAX - 1);
	twheel_add(&w, &it[1].tm, UINT64_MAX - 50000);
	twheel_add(&w, &it[2].tm, UINT64_MAX); /* never */
	CHECK(twheel_advance(&w, UINT64_MAX, log_fire, NULL) == 2);
	CHECK(fired_were((int[]){1, 0}, 2));
	CHECK(twheel_count(&w) == 1 && twheel_pending(&it[2].tm));
	twheel_destroy(&w);
	CHECK(!twheel_pending(&it[2].tm));
}

/* ---- against a sorted reference ---- */

typedef struct sorted_rec {
	uint64_t deadline;
	int id;
} sorted_rec;

static int by_deadline_then_id(const void *a, const void *b)
{
	const sorted_rec *x = a, *y = b;
	if (x->deadline != y->deadline)
		return x->deadline < y->deadline ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

#define NSORT 5000
static item sort_items[NSORT];
static sorted_rec sort_ref[NSORT];

static void test_sorted_order(void)
{
	twheel w;
	uint64_t start = 987654321;
	twheel_init(&w, start);
	for (int i = 0; i < NSORT; i++) {
		/* ms to years ahead, a few in the past, many ties */
		uint64_t d = i % 50 == 0 ? start - rnd_span(20) : start + rnd_span(36);
		if (i % 7 == 0 && i > 0)
			d = sort_ref[i - 1 - rnd() % (uint64_t)(i > 100 ? 100 : i)].deadline;
		sort_items[i].id = i;
		twheel_add(&w, &sort_items[i].tm, d);
		sort_ref[i] = (sorted_rec){d, i};
	}
	qsort(sort_ref, NSORT, sizeof sort_ref[0], by_deadline_then_id);
	size_t k = 0, steps = 0;
	uint64_t now = start - 1;
	while (k < NSORT && !unit_current_failed) {
		CHECKF(twheel_next_deadline(&w) == sort_ref[k].deadline,
		       "next deadline at step %zu", steps);
		CHECK(twheel_count(&w) == NSORT - k);
		now += rnd_span(34);
		nfired = 0;
		size_t n = twheel_advance(&w, now, log_fire, NULL);
		CHECK(n == nfired && n <= LOG_MAX);
		for (size_t i = 0; i < n && i < LOG_MAX; i++, k++)
			CHECKF(k < NSORT && fired_log[i] == sort_ref[k].id,
			       "fired #%zu: id %d, expected %d", k, fired_log[i],
			       k < NSORT ? sort_ref[k].id : -1);
		CHECKF(k == NSORT || sort_ref[k].deadline > now, "a due timer did not fire");
		steps++;
	}
	CHECK(twheel_count(&w) == 0 && twheel_next_deadline(&w) == UINT64_MAX);
	twheel_destroy(&w);
}

/* ---- random operations, callbacks included, against a brute-force model ---- */

#define NT 3000

typedef struct rtimer {
	twheel_timer tm;
	/* the model's view */
	bool pending;
	bool deferred; /* added by a callback in the past: due at the next advance */
	uint64_t deadline;
	uint64_t seq; /* order added */
} rtimer;

static rtimer rt[NT];
static twheel mw;
static uint64_t seq_no;
static uint64_t model_cur; /* the first ms the wheel has not processed */
static uint64_t adv_now;   /* the time of the advance in progress */
static size_t model_fired;

static void model_add(rtimer *r, uint64_t d, bool in_callback)
{
	r->pending = true;
	r->deadline = d;
	r->seq = seq_no++;
	r->deferred = in_callback && d < model_cur;
	twheel_add(&mw, &r->tm, d);
}

static void model_remove(rtimer *r)
{
	r->pending = false;
	twheel_remove(&mw, &r->tm);
}

/* The timer that should fire next in this advance, or NULL. */
static rtimer *model_next_due(void)
{
	rtimer *best = NULL;
	for (int i = 0; i < NT; i++) {
		rtimer *r = &rt[i];
		if (!r->pending || r->deferred || r->deadline > adv_now)
			continue;
		if (!best || r->deadline < best->deadline ||
		    (r->deadline == best->deadline && r->seq < best->seq))
			best = r;
	}
	return best;
}

static void model_check(const char *when)
{
	uint64_t min = UINT64_MAX;
	size_t n = 0;
	for (int i = 0; i < NT; i++) {
		if (rt[i].pending) {
			n++;
			if (rt[i].deadline < min)
				min = rt[i].deadline;
		}
		CHECKF(twheel_pending(&rt[i].tm) == rt[i].pending, "%s: pending(%d)", when, i);
	}
	CHECKF(twheel_count(&mw) == n, "%s: count %zu, expected %zu", when, twheel_count(&mw), n);
	uint64_t got = twheel_next_deadline(&mw);
	CHECKF(got == min, "%s: next deadline %llu, expected %llu", when, (unsigned long long)got,
	       (unsigned long long)min);
}

static uint64_t random_deadline(uint64_t now)
{
	if (rnd() % 16 == 0) {
		uint64_t back = rnd_span(24);
		return now > back ? now - back : 0;
	}
	return now + rnd_span(36);
}

static void model_fire(twheel_timer *t, void *arg)
{
	(void)arg;
	rtimer *r = (rtimer *)t;
	rtimer *want = model_next_due();
	CHECKF(r == want, "fired %d (deadline %llu), expected %d (deadline %llu)", (int)(r - rt),
	       (unsigned long long)r->deadline, want ? (int)(want - rt) : -1,
	       want ? (unsigned long long)want->deadline : 0ull);
	CHECK(!twheel_pending(t) && t->deadline == r->deadline);
	r->pending = false;
	model_fired++;
	if (r->deadline + 1 > model_cur)
		model_cur = r->deadline + 1;
	if (unit_current_failed)
		return;
	switch (rnd() % 8) {
	case 0: /* re-arm itself, maybe in the past */
		model_add(r, r->deadline + rnd_span(30) - (rnd() % 4 == 0 ? rnd_span(10) : 0),
		          true);
		break;
	case 1: /* re-arm itself at the same ms */
		model_add(r, r->deadline, true);
		break;
	case 2: /* remove another, maybe one due now */
		model_remove(&rt[rnd() % NT]);
		break;
	case 3: /* (re-)arm another */
		model_add(&rt[rnd() % NT], random_deadline(r->deadline), true);
		break;
	case 4: /* look, mid-advance */
		model_check("in a callback");
		break;
	default:
		break;
	}
}

static void test_random_model(void)
{
	uint64_t now = 5ull << 40;
	twheel_init(&mw, now);
	model_cur = now;
	for (int i = 0; i < NT; i++)
		model_add(&rt[i], random_deadline(now), false);
	model_check("start");
	for (int step = 0; step < 4000 && !unit_current_failed; step++) {
		int ops = (int)(rnd() % 40);
		for (int j = 0; j < ops; j++) {
			rtimer *r = &rt[rnd() % NT];
			if (rnd() % 3 == 0)
				model_remove(r);
			else
				model_add(r, random_deadline(now), false);
		}
		model_check("after adds");
		now += rnd() % 8 == 0 ? 0 : rnd_span(rnd() % 2 ? 24 : 33);
		adv_now = now;
		for (int i = 0; i < NT; i++)
			rt[i].deferred = false;
		model_fired = 0;
		size_t n = twheel_advance(&mw, now, model_fire, NULL);
		CHECKF(n == model_fired, "advance returned %zu, fired %zu", n, model_fired);
		if (now + 1 > model_cur)
			model_cur = now + 1;
		CHECKF(model_next_due() == NULL, "step %d: a due timer did not fire", step);
		model_check("after advance");
	}
	twheel_destroy(&mw);
	for (int i = 0; i < NT; i++)
		CHECK(!twheel_pending(&rt[i].tm));
}

int main(void)
{
	RUN(test_basic);
	RUN(test_remove);
	RUN(test_readd_from_callback);
	RUN(test_past_deadlines);
	RUN(test_big_jumps);
	RUN(test_sorted_order);
	RUN(test_random_model);
	return unit_exit();
}
