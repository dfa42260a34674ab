#!/bin/sh
# Builds egress.wasm from egress.c: freestanding wasm32, no libc, Olin imports from "env", _start exported.
# Needs clang and lld (Debian packages).
# The built egress.wasm is committed.
set -eu
cd "$(dirname "$0")"
clang --target=wasm32 -O2 -nostdlib -fno-builtin \
    -Wl,--no-entry -Wl,--export=_start -Wl,--strip-all \
    -o egress.wasm egress.c
