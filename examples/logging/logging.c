/*
 * logging: a Wasmcloud function that writes log lines, in freestanding C against the Olin ABI.
 *
 * Log lines are kept with the invocation record (`wasmcloud logs logging`), never sent to the caller. There are
 * two ways to write them: log_write with a level, and writes to a log:// resource (one line per write, info
 * level, with an optional prefix). Standard error is kept too, separately from the log lines.
 */

#define OLIN(name) __attribute__((import_module("env"), import_name(#name)))

OLIN(log_write) void log_write(int level, const char *text, int length);
OLIN(resource_open) int resource_open(const char *url, int length);
OLIN(resource_write) int resource_write(int fd, const char *data, int length);
OLIN(resource_close) void resource_close(int fd);
OLIN(io_get_stdout) int io_get_stdout(void);
OLIN(io_get_stderr) int io_get_stderr(void);

enum { LOG_ERROR = 1, LOG_WARNING = 3, LOG_INFO = 6 };

static int length(const char *text) {
    int n = 0;
    while (text[n]) {
        n++;
    }
    return n;
}

static void log_text(int level, const char *text) {
    log_write(level, text, length(text));
}

static void write_text(int fd, const char *text) {
    resource_write(fd, text, length(text));
}

void _start(void) {
    log_text(LOG_INFO, "handling a request");
    log_text(LOG_WARNING, "this is how a warning looks");

    const char *url = "log://?prefix=audit";
    int audit = resource_open(url, length(url));
    if (audit >= 0) {
        write_text(audit, "request seen");
        resource_close(audit);
    } else {
        log_text(LOG_ERROR, "could not open the audit log");
    }

    int stderr = io_get_stderr();
    write_text(stderr, "stderr is recorded too\n");
    resource_close(stderr);

    write_text(io_get_stdout(), "Content-Type: text/plain\n\nlogged 3 lines; see them with: wasmcloud logs logging\n");
}
