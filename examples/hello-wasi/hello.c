/*
 * hello-wasi: a Wasmcloud function in C against WASI, with the ordinary C library (wasi-libc).
 *
 * The CGI meta-variables arrive as environment variables and the request body on stdin, so this is a plain C
 * program: getenv, fread and printf. It echoes what it received:
 *
 *   Content-Type: text/plain
 *
 *   hello from WASI!
 *   method: <REQUEST_METHOD>
 *   path: <PATH_INFO>
 *   query: <QUERY_STRING>
 *   body: <the request body, byte for byte>
 */

#include <stdio.h>
#include <stdlib.h>

/* An unset variable prints as empty, like a CGI server that leaves it out. */
static const char *env(const char *name) {
    const char *value = getenv(name);
    return value == NULL ? "" : value;
}

int main(void) {
    printf("Content-Type: text/plain\n\n");
    printf("hello from WASI!\n");
    printf("method: %s\npath: %s\nquery: %s\nbody: ", env("REQUEST_METHOD"), env("PATH_INFO"), env("QUERY_STRING"));
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        fwrite(chunk, 1, n, stdout);
    }
    printf("\n");
    return 0;
}
