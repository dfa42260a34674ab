/*
 * egress: a Wasmcloud function that calls another HTTP service, in freestanding C against the Olin ABI.
 *
 * It opens the URL in its UPSTREAM variable as an http(s):// resource, writes a raw HTTP/1.1 request, flushes it
 * and relays the upstream's status line. The platform lets the request out only when the URL's host is on the
 * function's egress allow-list (`wasmcloud functions update egress --allow-host api.example.com`); otherwise
 * resource_open returns -3 (PermissionDenied) and this function answers 403 saying so.
 */

#define OLIN(name) __attribute__((import_module("env"), import_name(#name)))

OLIN(env_get) int env_get(const char *key, int key_len, char *value, int value_len);
OLIN(resource_open) int resource_open(const char *url, int length);
OLIN(resource_read) int resource_read(int fd, char *buffer, int length);
OLIN(resource_write) int resource_write(int fd, const char *data, int length);
OLIN(resource_flush) int resource_flush(int fd);
OLIN(resource_close) void resource_close(int fd);
OLIN(io_get_stdout) int io_get_stdout(void);

enum { PERMISSION_DENIED = -3, NOT_FOUND = -4 };

static char url[1024];
static char response[4096];
static int out;

static int length(const char *text) {
    int n = 0;
    while (text[n]) {
        n++;
    }
    return n;
}

static void put(const char *data, int n) {
    resource_write(out, data, n);
}

static void put_text(const char *text) {
    put(text, length(text));
}

/* The path part of an http(s) URL: from the first '/' after "scheme://", or "/" when there is none. */
static const char *path_of(const char *address) {
    const char *p = address;
    while (*p && !(p[0] == '/' && p[1] == '/')) {
        p++;
    }
    p = *p ? p + 2 : address;
    while (*p && *p != '/') {
        p++;
    }
    return *p ? p : "/";
}

void _start(void) {
    out = io_get_stdout();
    int url_length = env_get("UPSTREAM", 8, url, sizeof url - 1);
    if (url_length == NOT_FOUND || url_length >= (int)sizeof url) {
        put_text("Status: 500 Internal Server Error\nContent-Type: text/plain\n\nset UPSTREAM to an http(s) URL\n");
        return;
    }
    url[url_length] = '\0';

    int upstream = resource_open(url, url_length);
    if (upstream == PERMISSION_DENIED) {
        put_text("Status: 403 Forbidden\nContent-Type: text/plain\n\nthe upstream's host is not on this function's "
                 "egress allow-list\n");
        return;
    }
    if (upstream < 0) {
        put_text("Status: 502 Bad Gateway\nContent-Type: text/plain\n\nUPSTREAM is not a URL this platform can "
                 "open\n");
        return;
    }
    /* The destination is the URL's host; the Host header is only what the upstream sees. */
    const char *request_head = "GET ";
    resource_write(upstream, request_head, length(request_head));
    const char *path = path_of(url);
    resource_write(upstream, path, length(path));
    const char *request_tail = " HTTP/1.1\r\nConnection: close\r\n\r\n";
    resource_write(upstream, request_tail, length(request_tail));

    int n = resource_flush(upstream) < 0 ? -1 : resource_read(upstream, response, sizeof response);
    resource_close(upstream);
    if (n <= 0) {
        put_text("Status: 502 Bad Gateway\nContent-Type: text/plain\n\nthe upstream did not answer\n");
        return;
    }
    /* Relay only the status line, "HTTP/1.1 200 OK". */
    int line = 0;
    while (line < n && response[line] != '\r' && response[line] != '\n') {
        line++;
    }
    put_text("Content-Type: text/plain\n\nupstream answered: ");
    put(response, line);
    put_text("\n");
}
