#!/bin/sh
# Builds hello.wasm from hello.rs for wasm32-wasi with Debian's Rust (rustc 1.63 and its wasm32 standard library;
# packages rustc and libstd-rust-dev-wasm32). One file and no crates, so rustc alone does it, without cargo.
# /usr/bin/rustc is named in full so that a rustup toolchain without the wasm32-wasi target does not shadow it.
# The built hello.wasm is committed.
set -eu
cd "$(dirname "$0")"
/usr/bin/rustc --edition 2021 --target wasm32-wasi -C opt-level=s -C strip=symbols -o hello.wasm hello.rs
