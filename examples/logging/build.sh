#!/bin/sh
# Builds logging.wasm from logging.c: freestanding wasm32, no libc, Olin imports from "env", _start exported.
# A module uses one ABI, so this one writes its reply with Olin too. Needs clang and lld (Debian packages).
# The built logging.wasm is committed.
set -eu
cd "$(dirname "$0")"
clang --target=wasm32 -O2 -nostdlib -fno-builtin \
    -Wl,--no-entry -Wl,--export=_start -Wl,--strip-all \
    -o logging.wasm logging.c
