#!/bin/sh
# Builds secrets.wasm from secrets.c against WASI preview 1 with wasi-libc.
# Needs Debian's clang, lld, wasi-libc and libclang-rt-14-dev-wasm32. The built secrets.wasm is committed.
set -eu
cd "$(dirname "$0")"
clang --target=wasm32-wasi -O2 -Wall -Wl,--strip-all -o secrets.wasm secrets.c
