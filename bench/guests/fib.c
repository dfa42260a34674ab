/* Recursive Fibonacci: calls and integer arithmetic. Built for wasm (build.sh) and natively (native.c). */
#ifdef __wasm__
#define EXPORT(name) __attribute__((export_name(#name)))
#else
#define EXPORT(name)
#endif

EXPORT(fib) int fib(int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
