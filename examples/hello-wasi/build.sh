#!/bin/sh
# Builds hello.wasm from hello.c against WASI preview 1 with wasi-libc; exports _start, as any WASI command does.
# Needs Debian's clang, lld, wasi-libc and libclang-rt-14-dev-wasm32. The built hello.wasm is committed.
set -eu
cd "$(dirname "$0")"
clang --target=wasm32-wasi -O2 -Wl,--strip-all -o hello.wasm hello.c
