/*
 * The native baseline: the same guest sources built with gcc -O2, timed like the JMH and V8 runs (warm-up, then the
 * median of several rounds, and the fastest single call). Prints "name median_ms checksum fastest_ms" lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "fib.c"
#include "sha256.c"
#include "sort.c"
#include "json.c"
#include "memops.c"
#include "float.c"

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

/* Median over rounds of the mean time per call within a round of about a second; and the fastest single call. */
static void bench(const char *name, int (*op)(void)) {
    double rounds[5], fastest = 1e300;
    volatile int sink = 0;
    for (int warm = 0; warm < 3; warm++) {
        sink += op();
    }
    for (int r = 0; r < 5; r++) {
        int calls = 0;
        double start = now_ms(), before = start, elapsed;
        do {
            sink += op();
            calls++;
            double after = now_ms();
            if (after - before < fastest) {
                fastest = after - before;
            }
            before = after;
            elapsed = after - start;
        } while (elapsed < 1000);
        rounds[r] = elapsed / calls;
    }
    qsort(rounds, 5, sizeof rounds[0], compare);
    printf("%s %.4f %d %.4f\n", name, rounds[2], sink, fastest);
}

static volatile int fib_n = 30;

static int fib30(void) {
    return fib(fib_n);
}

int main(void) {
    fill(42);
    bench("fib30", fib30);
    bench("sha256_1mib", sha256_mib);
    bench("sort_100k", sort_100k);
    json_fill(7);
    bench("json_1mib", json_parse);
    bench("memops_1mib", memops_1mib);
    bench("nbody_100k", nbody_100k);
    return 0;
}
