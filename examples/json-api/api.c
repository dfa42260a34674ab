/*
 * json-api: a small JSON API as one Wasmcloud function, in C against WASI (wasi-libc).
 *
 *   GET  /health                   200 {"status":"ok"}
 *   GET  /greet?name=Ada&lang=fr   200 {"greeting":"Bonjour, Ada!"}  (name defaults to "world", lang to "en")
 *   POST /sum   body [1, 2, 3]     200 {"count":3,"sum":6}
 *
 * Errors are JSON too: 400 for a bad query or body, 404 for an unknown path, 405 (with Allow) for a wrong
 * method, 415 when /sum gets a body that is not application/json. Routing is on PATH_INFO, so the same module
 * works path style (/json-api/greet) and host style (json-api.<run domain>/greet).
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The #region comments mark the parts the documentation site includes. */

enum { MAX_BODY = 64 * 1024, MAX_VALUE = 256 };

static const char *env(const char *name) {
    const char *value = getenv(name);
    return value == NULL ? "" : value;
}

/* Writes text as the inside of a JSON string: quotes, backslashes and control characters escaped. */
static void put_json_text(const char *text) {
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        if (*c == '"' || *c == '\\') {
            printf("\\%c", *c);
        } else if (*c < 0x20) {
            printf("\\u%04x", *c);
        } else {
            putchar(*c);
        }
    }
}

static void reply(const char *status, const char *json) {
    printf("Status: %s\nContent-Type: application/json\n\n%s\n", status, json);
}

static void reply_error(const char *status, const char *message) {
    printf("Status: %s\nContent-Type: application/json\n\n{\"error\":\"", status);
    put_json_text(message);
    printf("\"}\n");
}

// #region query
static int hex(int c) {
    return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/*
 * Finds NAME in a query string like "name=Ada&lang=fr" and URL-decodes its value into out ("+" is a space).
 * Returns 1 when found, 0 when absent, -1 when the value is longer than out.
 */
static int query_param(const char *query, const char *name, char *out, size_t size) {
    size_t name_length = strlen(name);
    for (const char *p = query; *p; p = strchr(p, '&') ? strchr(p, '&') + 1 : p + strlen(p)) {
        if (strncmp(p, name, name_length) != 0 || p[name_length] != '=') {
            continue;
        }
        size_t n = 0;
        for (const char *v = p + name_length + 1; *v && *v != '&'; v++) {
            if (n + 1 >= size) {
                return -1;
            }
            if (*v == '%' && isxdigit((unsigned char)v[1]) && isxdigit((unsigned char)v[2])) {
                out[n++] = (char)(hex(v[1]) * 16 + hex(v[2]));
                v += 2;
            } else {
                out[n++] = *v == '+' ? ' ' : *v;
            }
        }
        out[n] = '\0';
        return 1;
    }
    return 0;
}
// #endregion query

static void greet(void) {
    const char *query = env("QUERY_STRING");
    char name[MAX_VALUE] = "world";
    char lang[MAX_VALUE] = "en";
    if (query_param(query, "name", name, sizeof name) < 0 || query_param(query, "lang", lang, sizeof lang) < 0) {
        reply_error("400 Bad Request", "query values are limited to 255 bytes");
        return;
    }
    const char *hello;
    if (strcmp(lang, "en") == 0) {
        hello = "Hello";
    } else if (strcmp(lang, "fr") == 0) {
        hello = "Bonjour";
    } else if (strcmp(lang, "de") == 0) {
        hello = "Hallo";
    } else {
        reply_error("400 Bad Request", "unknown lang; use en, fr or de");
        return;
    }
    printf("Status: 200 OK\nContent-Type: application/json\n\n{\"greeting\":\"%s, ", hello);
    put_json_text(name);
    printf("!\"}\n");
}

// #region body
/* Reads the whole body (stdin) into buffer; returns its length, or -1 when it is larger than the buffer. */
static long read_body(char *buffer, size_t size) {
    size_t length = fread(buffer, 1, size, stdin);
    if (length == size && fgetc(stdin) != EOF) {
        return -1;
    }
    buffer[length < size ? length : size - 1] = '\0';
    return (long)length;
}

static void sum(void) {
    if (strncmp(env("CONTENT_TYPE"), "application/json", 16) != 0) {
        reply_error("415 Unsupported Media Type", "send the numbers as application/json");
        return;
    }
    static char body[MAX_BODY + 1];
    if (read_body(body, sizeof body) < 0) {
        reply_error("400 Bad Request", "the body is limited to 64 KiB");
        return;
    }
    /* The body must be a JSON array of integers: [1, 2, 3]. */
    const char *p = body;
    while (isspace((unsigned char)*p)) p++;
    if (*p++ != '[') {
        reply_error("400 Bad Request", "expected a JSON array of integers, like [1, 2, 3]");
        return;
    }
    long long total = 0;
    int count = 0;
    for (;;) {
        while (isspace((unsigned char)*p)) p++;
        if (*p == ']' && count == 0) {
            break;
        }
        char *end;
        long long number = strtoll(p, &end, 10);
        if (end == p) {
            reply_error("400 Bad Request", "expected a JSON array of integers, like [1, 2, 3]");
            return;
        }
        total += number;
        count++;
        p = end;
        while (isspace((unsigned char)*p)) p++;
        if (*p == ',') {
            p++;
        } else if (*p == ']') {
            break;
        } else {
            reply_error("400 Bad Request", "expected a JSON array of integers, like [1, 2, 3]");
            return;
        }
    }
    printf("Status: 200 OK\nContent-Type: application/json\n\n{\"count\":%d,\"sum\":%lld}\n", count, total);
}
// #endregion body

// #region routing
/* One route: a path, the method it answers and its handler. */
struct route {
    const char *path;
    const char *method;
    void (*handle)(void);
};

static void health(void) {
    reply("200 OK", "{\"status\":\"ok\"}");
}

static const struct route routes[] = {
    {"/health", "GET", health},
    {"/greet", "GET", greet},
    {"/sum", "POST", sum},
};

int main(void) {
    const char *method = env("REQUEST_METHOD");
    const char *path = env("PATH_INFO");
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (strcmp(path, routes[i].path) != 0) {
            continue;
        }
        if (strcmp(method, routes[i].method) != 0) {
            printf("Status: 405 Method Not Allowed\nAllow: %s\nContent-Type: application/json\n\n", routes[i].method);
            printf("{\"error\":\"%s only\"}\n", routes[i].method);
            return 0;
        }
        routes[i].handle();
        return 0;
    }
    printf("Status: 404 Not Found\nContent-Type: application/json\n\n{\"error\":\"no route for ");
    put_json_text(method);
    putchar(' ');
    put_json_text(path);
    printf("\"}\n");
    return 0;
}
// #endregion routing
