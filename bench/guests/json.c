/*
 * A JSON-style parser: json_fill() writes about 1 MiB of records like {"id":17,"name":"k3x9","score":-4.25,
 * "tags":[1,2,3],"ok":true} into an array once; json_parse() walks it with a recursive-descent parser (strings with
 * escapes, numbers, literals, nesting) and returns a checksum of what it read. Branchy byte-at-a-time code, as
 * request parsing is. Built for wasm (build.sh) and natively (native.c).
 */
#ifdef __wasm__
#define EXPORT(name) __attribute__((export_name(#name)))
#else
#define EXPORT(name)
#endif

#define DOCUMENT (1 << 20)

static char document[DOCUMENT];
static int length;
static int position;
static long long checksum;

static void put(const char *text) {
    while (*text && length < DOCUMENT - 1) document[length++] = *text++;
}

static void put_number(int value) {
    char digits[12];
    int n = 0;
    if (value < 0) {
        put("-");
        value = -value;
    }
    do {
        digits[n++] = (char) ('0' + value % 10);
        value /= 10;
    } while (value);
    while (n) {
        char one[2] = {digits[--n], 0};
        put(one);
    }
}

EXPORT(json_fill) void json_fill(unsigned seed) {
    length = 0;
    put("[");
    for (int record = 0; length < DOCUMENT - 256; record++) {
        seed = seed * 1664525u + 1013904223u;
        if (record) put(",");
        put("{\"id\":");
        put_number(record);
        put(",\"name\":\"k");
        put_number((int) (seed >> 20));
        put((seed & 8) ? "\\n\\\"x\"" : "x\"");
        put(",\"score\":");
        put_number((int) (seed >> 16) % 1000 - 500);
        put(".25,\"tags\":[1,2,");
        put_number((int) (seed & 255));
        put((seed & 1) ? "],\"ok\":true}" : "],\"ok\":null}");
    }
    put("]");
    document[length] = 0;
}

static void skip_space(void) {
    while (document[position] == ' ' || document[position] == '\n') position++;
}

static int parse_value(void);

static int parse_string(void) {
    position++; /* the opening quote */
    while (document[position] != '"') {
        if (document[position] == 0) return 0;
        if (document[position] == '\\') position++;
        checksum += (unsigned char) document[position++];
    }
    position++;
    return 1;
}

static int parse_number(void) {
    int negative = document[position] == '-';
    if (negative) position++;
    long long whole = 0;
    while (document[position] >= '0' && document[position] <= '9') whole = whole * 10 + (document[position++] - '0');
    long long fraction = 0;
    if (document[position] == '.') {
        position++;
        while (document[position] >= '0' && document[position] <= '9') {
            fraction = fraction * 10 + (document[position++] - '0');
        }
    }
    checksum += (negative ? -whole : whole) * 7 + fraction;
    return 1;
}

static int parse_literal(const char *word) {
    for (; *word; word++, position++) {
        if (document[position] != *word) return 0;
    }
    checksum += 1;
    return 1;
}

static int parse_sequence(char close, int object) {
    position++;
    skip_space();
    if (document[position] == close) {
        position++;
        return 1;
    }
    for (;;) {
        skip_space();
        if (object) {
            if (document[position] != '"' || !parse_string()) return 0;
            skip_space();
            if (document[position++] != ':') return 0;
        }
        if (!parse_value()) return 0;
        skip_space();
        if (document[position] == ',') {
            position++;
        } else if (document[position] == close) {
            position++;
            return 1;
        } else {
            return 0;
        }
    }
}

static int parse_value(void) {
    skip_space();
    switch (document[position]) {
        case '{': return parse_sequence('}', 1);
        case '[': return parse_sequence(']', 0);
        case '"': return parse_string();
        case 't': return parse_literal("true");
        case 'f': return parse_literal("false");
        case 'n': return parse_literal("null");
        default: return parse_number();
    }
}

EXPORT(json_parse) int json_parse(void) {
    position = 0;
    checksum = 0;
    if (!parse_value()) return -1;
    return (int) (checksum ^ (checksum >> 32));
}
