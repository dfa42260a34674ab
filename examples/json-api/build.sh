#!/bin/sh
# Builds api.wasm from api.c against WASI preview 1 with wasi-libc.
# Needs Debian's clang, lld, wasi-libc and libclang-rt-14-dev-wasm32. The built api.wasm is committed.
set -eu
cd "$(dirname "$0")"
clang --target=wasm32-wasi -O2 -Wall -Wextra -Wl,--strip-all -o api.wasm api.c
