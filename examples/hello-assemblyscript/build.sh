#!/bin/sh
# Builds hello.wasm from assembly/index.ts with the AssemblyScript compiler from npm (pinned in package.json).
# Needs Node.js and npm. The built hello.wasm is committed.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm run build
