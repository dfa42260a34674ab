/*
 * Sorting 100,000 pseudo-random ints with an in-place quicksort: compares, swaps, recursion and array indexing.
 * sort_100k() fills the array from a fixed seed, sorts it, and returns a checksum of every 997th element.
 * Built for wasm (build.sh) and natively (native.c).
 */
#ifdef __wasm__
#define EXPORT(name) __attribute__((export_name(#name)))
#else
#define EXPORT(name)
#endif

#define SORTED 100000

static int sort_data[SORTED];

static unsigned sort_next(unsigned *state) {
    *state = *state * 1664525u + 1013904223u;
    return *state;
}

static void quicksort(int *a, int lo, int hi) {
    while (lo < hi) {
        int pivot = a[lo + ((hi - lo) >> 1)];
        int i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) {
                int t = a[i];
                a[i++] = a[j];
                a[j--] = t;
            }
        }
        /* Recurse into the smaller side, loop on the larger: the depth stays logarithmic. */
        if (j - lo < hi - i) {
            quicksort(a, lo, j);
            lo = i;
        } else {
            quicksort(a, i, hi);
            hi = j;
        }
    }
}

EXPORT(sort_100k) int sort_100k(void) {
    unsigned state = 12345;
    for (int i = 0; i < SORTED; i++) sort_data[i] = (int) (sort_next(&state) >> 1);
    quicksort(sort_data, 0, SORTED - 1);
    int check = 0;
    for (int i = 0; i < SORTED; i += 997) check ^= sort_data[i];
    return check;
}
