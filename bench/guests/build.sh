#!/bin/sh
# Builds the benchmark guests (clang, freestanding wasm32 with bulk memory, committed) and the native baseline
# (gcc -O2, not committed). Needs the Debian packages clang, lld and gcc.
set -eu
cd "$(dirname "$0")"
for guest in fib sha256 sort json memops float; do
    clang --target=wasm32 -O2 -mbulk-memory -nostdlib -fno-builtin -Wl,--no-entry -Wl,--strip-all \
        -o "$guest.wasm" "$guest.c"
done
mkdir -p ../target
gcc -O2 -o ../target/native native.c -lm
