/*
 * hello: a Wasmcloud function in freestanding C against the Olin ABI (no libc).
 *
 * It answers every request with a plain-text CGI reply that echoes what it received:
 *
 *   Content-Type: text/plain
 *
 *   <GREETING, or "hello" when unset> from wasmcloud!
 *   method: <REQUEST_METHOD>
 *   path: <PATH_INFO>
 *   body: <the request body, byte for byte>
 *
 * Build with ./build.sh (clang --target=wasm32 -nostdlib).
 */

#define OLIN(name) __attribute__((import_module("env"), import_name(#name)))

OLIN(env_get) int env_get(const char *key, int key_len, char *value, int value_len);
OLIN(resource_read) int resource_read(int fd, char *buffer, int len);
OLIN(resource_write) int resource_write(int fd, const char *data, int len);
OLIN(io_get_stdin) int io_get_stdin(void);
OLIN(io_get_stdout) int io_get_stdout(void);
OLIN(runtime_exit) void runtime_exit(int status);

enum { NOT_FOUND = -4, END_OF_FILE = -5 };

static int out;
static char value[4096];
static char chunk[4096];

static int length(const char *text) {
    int n = 0;
    while (text[n]) {
        n++;
    }
    return n;
}

/* Writes all of data to stdout; a refused write (a limit) ends the run with exit code 1. */
static void put(const char *data, int len) {
    if (len > 0 && resource_write(out, data, len) < 0) {
        runtime_exit(1);
    }
}

static void put_text(const char *text) {
    put(text, length(text));
}

/*
 * Prints the variable's value, or the fallback when it is not set (-4, NotFound). A value longer than the buffer
 * comes back as its length without being written (the ABI's fits/doesn't-fit rule); this example then truncates.
 */
static void put_env(const char *key, const char *fallback) {
    int n = env_get(key, length(key), value, sizeof value);
    if (n == NOT_FOUND) {
        put_text(fallback);
    } else if (n > (int)sizeof value) {
        put_text("(value too long)");
    } else {
        put(value, n);
    }
}

void _start(void) {
    out = io_get_stdout();
    put_text("Content-Type: text/plain\n\n");
    put_env("GREETING", "hello");
    put_text(" from wasmcloud!\nmethod: ");
    put_env("REQUEST_METHOD", "");
    put_text("\npath: ");
    put_env("PATH_INFO", "");
    put_text("\nbody: ");
    int in = io_get_stdin();
    for (;;) {
        int n = resource_read(in, chunk, sizeof chunk);
        if (n <= 0) { /* END_OF_FILE after the last byte; any other error ends the body too */
            break;
        }
        put(chunk, n);
    }
    put_text("\n");
}
