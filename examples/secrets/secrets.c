/*
 * secrets: a Wasmcloud function that checks callers against a secret API key, in C against WASI.
 *
 * The key is a secret variable of the function (`wasmcloud env set secrets API_KEY --secret < key.txt`): it
 * arrives in the environment like any variable, but the API never shows it again. The function compares it with
 * the caller's X-Api-Key header (HTTP_X_API_KEY) and never prints it.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Compares in time that depends only on the lengths, so a caller cannot guess the key byte by byte by timing. */
static int same(const char *a, const char *b) {
    size_t length = strlen(a);
    if (length != strlen(b)) {
        return 0;
    }
    unsigned char difference = 0;
    for (size_t i = 0; i < length; i++) {
        difference |= (unsigned char)(a[i] ^ b[i]);
    }
    return difference == 0;
}

int main(void) {
    const char *key = getenv("API_KEY");
    const char *given = getenv("HTTP_X_API_KEY");
    if (key == NULL || key[0] == '\0') {
        printf("Status: 500 Internal Server Error\nContent-Type: text/plain\n\nAPI_KEY is not set on this function\n");
        return 0;
    }
    if (given == NULL || !same(key, given)) {
        printf("Status: 401 Unauthorized\nContent-Type: text/plain\n\nsend the key in X-Api-Key\n");
        return 0;
    }
    printf("Content-Type: text/plain\n\nwelcome, key holder\n");
    return 0;
}
