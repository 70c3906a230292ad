/* The mem_map scan on several threads. The pfn range is cut into parts at
 * batch boundaries (so batches, and the stats, are the serial scan's).
 * Worker threads take the parts in order, each with its own batch buffer,
 * its own copy of the memory model (the translation cache is per copy) and
 * its own handle on the dump (kp_target_clone: libkdumpfile contexts are
 * not shared between threads; ELF dumps are read with pread). A part starts
 * without knowing the state its predecessor ends with (a free block or a
 * compound page reaching over the boundary): it notes what its pages took
 * from the state it started from. When all are done the parts are checked
 * and merged in pfn order; a part that started from the wrong state and
 * whose pages depended on it is scanned again, from the right state. So the
 * consumer's result is the serial one, whatever the threads' timing. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "internal.h"
#include "scan_impl.h"
#include "target.h"

#define SCAN_MAX_THREADS 64u
#define PARTS_PER_THREAD 8u                    /* for balance: holes, missing pages */
/* Below that, threads cost more than they give: each opens its own handle
 * on the dump (20-30 ms for a kdump-compressed one). A 1 GiB machine is one
 * part, 2 GiB two (measured on the real dumps). */
#define PART_MIN_PAGES (16 * SCAN_BATCH_PAGES)

struct part {
	uint64_t start, end;
	void *state;                   /* the consumer's */
	struct kp_scan_stats stats;
	struct scan_ctx sc;            /* after the run: what it took, its end state */
	kp_error *err;
	bool done, stopped;
};

struct pool {
	const struct kp_scan_ops *ops;
	void *arg;
	struct part *parts;
	unsigned nparts;
	atomic_uint next;              /* the next part to take */
	atomic_uint stop_at;           /* a part stopped the scan: none after it */
	struct kp_progress *prog;      /* the first pass's progress line */
};

struct worker {
	struct pool *pool;
	struct kp_mm mm;               /* a copy with its own target handle */
	uint8_t *buf;
	pthread_t thread;
	bool started;
};

static unsigned env_uint(const char *name, unsigned dflt, unsigned max)
{
	const char *s = getenv(name);
	char *end;
	unsigned long v = s && *s ? strtoul(s, &end, 10) : 0;
	if (!s || !*s || *end || v == 0)
		return dflt;
	return v > max ? max : (unsigned)v;
}

unsigned kp_scan_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return env_uint("KPAGE_THREADS", n > 0 ? (unsigned)n : 1, SCAN_MAX_THREADS);
}

/* The first pfn at or after B where the serial scan starts a batch: batches
 * run from START or from a section's first pfn, SCAN_BATCH_PAGES at most. */
static uint64_t batch_boundary(const struct kp_mm *mm, uint64_t start, uint64_t b)
{
	uint64_t base = start, next = UINT64_MAX;
	if (mm->model != KP_MODEL_FLAT) {
		uint64_t sec = (b >> mm->pfn_section_shift) << mm->pfn_section_shift;
		next = sec + (1ull << mm->pfn_section_shift);
		if (sec > base)
			base = sec;
	}
	uint64_t r = base + (b - base + SCAN_BATCH_PAGES - 1) / SCAN_BATCH_PAGES * SCAN_BATCH_PAGES;
	return r < next ? r : next;
}

/* Cuts [start, end) into parts; returns how many (0: out of memory). */
static unsigned plan_parts(const struct kp_mm *mm, uint64_t start, uint64_t end,
			   unsigned nthreads, struct part **out)
{
	uint64_t size = (end - start) / ((uint64_t)nthreads * PARTS_PER_THREAD);
	if (size < PART_MIN_PAGES)
		size = PART_MIN_PAGES;
	/* For the tests: parts of this many pages, to put boundaries anywhere. */
	size = env_uint("KPAGE_SCAN_PART_PAGES", (unsigned)(size < UINT32_MAX ? size : UINT32_MAX),
			UINT32_MAX);
	unsigned n = 0, cap = (unsigned)((end - start) / size + 2);
	struct part *parts = calloc(cap, sizeof(*parts));
	if (!parts)
		return 0;
	for (uint64_t lo = start; lo < end && n < cap;) {
		uint64_t hi = lo + size < end ? batch_boundary(mm, start, lo + size) : end;
		if (hi > end || n + 1 == cap)
			hi = end;
		parts[n++] = (struct part){ .start = lo, .end = hi };
		lo = hi;
	}
	*out = parts;
	return n;
}

/* Scans one part. AS_PART: from the empty state, noting what it took from
 * it; otherwise from IN, known to be the serial scan's state there. */
static void run_part(struct pool *pool, struct part *p, struct kp_mm *mm, uint8_t *buf,
		     bool as_part, const struct scan_state *in)
{
	static const struct scan_state empty;
	bool stop = false;

	kp_scan_ctx_init(&p->sc, mm, buf);
	p->sc.prog = pool->prog;
	if (as_part)
		kp_scan_ctx_part(&p->sc, p->start, &empty);
	else
		p->sc.st = in ? *in : empty;
	memset(&p->stats, 0, sizeof(p->stats));
	p->state = pool->ops->part_new(pool->arg, p->start, p->end);
	if (!p->state)
		p->err = kp_errorf(KP_EXIT_INPUT, "out of memory");
	else
		p->err = kp_scan_range(&p->sc, p->start, p->end, pool->ops->page, p->state, &p->stats,
				    &stop);
	p->stopped = stop;
	p->done = true;
}

static void pool_stop_at(struct pool *pool, unsigned i)
{
	unsigned cur = atomic_load(&pool->stop_at);
	while (i < cur && !atomic_compare_exchange_weak(&pool->stop_at, &cur, i))
		;
}

static void pool_work(struct pool *pool, struct kp_mm *mm, uint8_t *buf)
{
	for (;;) {
		unsigned i = atomic_fetch_add(&pool->next, 1);
		if (i >= pool->nparts || i > atomic_load(&pool->stop_at))
			return;
		struct part *p = &pool->parts[i];
		run_part(pool, p, mm, buf, i > 0, NULL);
		if (p->stopped || p->err)
			pool_stop_at(pool, i);
	}
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	pool_work(w->pool, &w->mm, w->buf);
	return NULL;
}

/* Gets up to N workers ready, each with its own handle on the dump (even
 * the calling thread's: libkdumpfile 0.5.1 read the original context wrong
 * now and then while other contexts on the file were being read) and its
 * own buffer, and starts all but the first on threads of their own; the
 * first is the calling thread's. Returns how many are ready: a worker that
 * cannot get its handle, buffer or thread is left out (the others, or the
 * merge, do its parts); with none, the calling thread scans alone with the
 * original handle. */
static unsigned workers_start(struct pool *pool, struct kp_mm *mm, struct worker *w,
			      unsigned n, size_t bufsize)
{
	unsigned ready = 0;
	for (unsigned i = 0; i < n; i++) {
		kp_error *err;
		w[i].pool = pool;
		w[i].mm = *mm;
		w[i].mm.t = NULL;
		if ((err = kp_target_clone(mm->t, &w[i].mm.t))) {
			kp_error_free(err);
			break;
		}
		if (!(w[i].buf = malloc(bufsize)))
			break;
		if (i > 0 && pthread_create(&w[i].thread, NULL, worker_main, &w[i]) != 0)
			break;
		w[i].started = i > 0;
		ready++;
	}
	return ready;
}

static void workers_join(struct worker *w, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		if (w[i].started)
			pthread_join(w[i].thread, NULL);
		if (w[i].mm.t)
			kp_target_close(w[i].mm.t);
		free(w[i].buf);
	}
}

/* In pfn order: each part is checked against the state its predecessor
 * ended with (scanned again from it when needed) and merged. */
static kp_error *pool_merge(struct pool *pool, struct kp_mm *mm, uint8_t *buf,
			    struct kp_scan_stats *st, unsigned *again, unsigned *guessed)
{
	struct scan_state actual = { 0 };   /* the serial scan's start state */
	kp_error *err = NULL;
	bool stopped = false;

	for (unsigned i = 0; i < pool->nparts; i++) {
		struct part *p = &pool->parts[i];
		*guessed += p->done && p->sc.guessed;
		if (!err && !stopped && !p->err &&
		    (!p->done || (p->sc.part && !kp_scan_part_agrees(&p->sc, &actual)))) {
			if (p->state)
				pool->ops->part_free(p->state);
			run_part(pool, p, mm, buf, false, &actual);
			(*again)++;
		}
		if (!err && !stopped && p->err) {
			err = p->err;
			p->err = NULL;
		}
		if (!err && !stopped) {
			pool->ops->part_merge(pool->arg, p->state);
			kp_scan_stats_add(st, &p->stats);
			actual = p->sc.st;
			stopped = p->stopped;
		}
		if (p->state)
			pool->ops->part_free(p->state);
		kp_error_free(p->err);
	}
	return err;
}

kp_error *kp_scan_parts(struct kp_mm *mm, uint64_t start, uint64_t end,
			const struct kp_scan_ops *ops, void *arg, struct kp_scan_stats *stats)
{
	struct kp_scan_stats local = { 0 };
	struct kp_scan_stats *st = stats ? stats : &local;
	struct pool pool = { .ops = ops, .arg = arg };
	unsigned nthreads = kp_scan_threads(), again = 0, guessed = 0;
	size_t bufsize = (size_t)(SCAN_BATCH_PAGES + 1) * mm->l->page_size;
	kp_error *err;

	if (end > mm->max_pfn)
		end = mm->max_pfn;
	if (start < end && nthreads > 1)
		pool.nparts = plan_parts(mm, start, end, nthreads, &pool.parts);
	if (pool.nparts <= 1) {
		/* The serial scan: one part, in this thread. */
		void *state = ops->part_new(arg, start, end);
		free(pool.parts);
		if (!state)
			return kp_errorf(KP_EXIT_INPUT, "out of memory");
		err = kp_scan(mm, start, end, ops->page, state, st);
		if (!err)
			ops->part_merge(arg, state);
		ops->part_free(state);
		return err;
	}
	uint8_t *buf = malloc(bufsize);
	if (!buf) {
		free(pool.parts);
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	}
	atomic_init(&pool.next, 0);
	atomic_init(&pool.stop_at, pool.nparts);
	unsigned n = nthreads < pool.nparts ? nthreads : pool.nparts;
	struct worker *w = calloc(n, sizeof(*w));
	unsigned ready = w ? workers_start(&pool, mm, w, n, bufsize) : 0;
	pool.prog = kp_progress_begin("mem_map", end - start);
	if (ready)
		pool_work(&pool, &w[0].mm, w[0].buf);
	else
		pool_work(&pool, mm, buf);
	if (w)
		workers_join(w, n);
	free(w);
	kp_progress_end(pool.prog);
	pool.prog = NULL;     /* parts scanned again in the merge are not counted twice */
	err = pool_merge(&pool, mm, buf, st, &again, &guessed);
	/* For the tests: how the parts went. */
	if (getenv("KPAGE_SCAN_TRACE"))
		fprintf(stderr, "kpage: scan: %u parts on %u threads, %u guessed a compound head, "
			"%u scanned again\n", pool.nparts, ready ? ready : 1, guessed, again);
	free(buf);
	free(pool.parts);
	return err;
}
