/*
 * memset/memcpy-heavy work over 1 MiB buffers: whole-buffer fills, page-sized copies at shifting offsets, and many
 * small struct-sized copies, as allocators, serializers and string builders do. With -mbulk-memory the wasm build
 * turns __builtin_memset/__builtin_memcpy into memory.fill/memory.copy; natively they are libc's.
 * Built for wasm (build.sh) and natively (native.c).
 */
#ifdef __wasm__
#define EXPORT(name) __attribute__((export_name(#name)))
#else
#define EXPORT(name)
#endif

#define BUFFER (1 << 20)

static unsigned char source[BUFFER], target[BUFFER];

EXPORT(memops_1mib) int memops_1mib(void) {
    int check = 0;
    for (int round = 0; round < 8; round++) {
        __builtin_memset(source, round + 1, BUFFER);
        for (int offset = 0; offset < BUFFER; offset += 4096) {
            int from = (offset * 7 + round * 4096) & (BUFFER - 4096);
            __builtin_memcpy(target + offset, source + from, 4096 - (round & 63));
        }
        /* Small copies of 24 bytes, the size of a typical record. */
        for (int offset = 0; offset + 48 < BUFFER; offset += 64) {
            __builtin_memcpy(target + offset + 24, target + offset, 24);
        }
        check += target[(round * 12345) & (BUFFER - 1)] + target[BUFFER - 1 - round];
    }
    return check;
}
