// The V8 peer of `wasmcloud run` for a whole-process start-up figure: read a module, compile it, run _start once
// with stdin as its body and its stdout on ours, through the benchmarks' minimal Olin host (olin-host.mjs).
// Usage: node bench/node/run-hello.mjs <module.wasm> < body
import { readFileSync, writeSync } from "node:fs";
import { Exit, olinHost } from "./olin-host.mjs";

const stdin = process.stdin.isTTY ? Buffer.alloc(0) : readFileSync(0);
const module = new WebAssembly.Module(readFileSync(process.argv[2]));
const host = olinHost({ env: (name) => process.env[name], stdin, write: (chunk) => writeSync(1, chunk) });
const instance = new WebAssembly.Instance(module, host.imports);
host.bind(instance.exports.memory);
try {
  instance.exports._start();
} catch (error) {
  if (!(error instanceof Exit)) throw error;
  process.exitCode = error.status & 0xff;
}
