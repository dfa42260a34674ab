#!/bin/sh
# Assembles hello.wasm from hello.wat. Needs wat2wasm (Debian package wabt). The built hello.wasm is committed.
set -eu
cd "$(dirname "$0")"
wat2wasm hello.wat -o hello.wasm
