// The V8 peer of `wasmcloud run` for a whole-process start-up figure: read a module, compile it, run _start once
// with stdin as its body and its stdout on ours. It implements only the Olin calls hello makes (env_get,
// io_get_stdin/stdout, resource_read/write, runtime_exit) and no limits or accounting.
// Usage: node bench/node/run-hello.mjs <module.wasm> < body
import { readFileSync, writeSync } from "node:fs";

const NOT_FOUND = -4;
const END_OF_FILE = -5;
const UNKNOWN_FD = -2;

class Exit extends Error {
  constructor(status) {
    super(String(status));
    this.status = status;
  }
}

const body = process.stdin.isTTY ? Buffer.alloc(0) : readFileSync(0);
const module = new WebAssembly.Module(readFileSync(process.argv[2]));
let memory;
let stdinOffset = 0;
const fds = new Map();
let nextFd = 0;
const bytes = (pointer, length) => new Uint8Array(memory.buffer, pointer, length);
const env = {
  env_get(keyPointer, keyLength, valuePointer, valueLength) {
    const value = process.env[Buffer.from(bytes(keyPointer, keyLength)).toString("utf8")];
    if (value === undefined) return NOT_FOUND;
    const encoded = Buffer.from(value, "utf8");
    if (encoded.length <= valueLength) bytes(valuePointer, encoded.length).set(encoded);
    return encoded.length;
  },
  io_get_stdin() {
    fds.set(nextFd, "stdin");
    return nextFd++;
  },
  io_get_stdout() {
    fds.set(nextFd, "stdout");
    return nextFd++;
  },
  resource_read(fd, pointer, length) {
    if (fds.get(fd) !== "stdin") return fds.has(fd) ? -1 : UNKNOWN_FD;
    if (length === 0) return 0;
    if (stdinOffset >= body.length) return END_OF_FILE;
    const count = Math.min(length, body.length - stdinOffset);
    bytes(pointer, count).set(body.subarray(stdinOffset, stdinOffset + count));
    stdinOffset += count;
    return count;
  },
  resource_write(fd, pointer, length) {
    if (fds.get(fd) !== "stdout") return fds.has(fd) ? -1 : UNKNOWN_FD;
    writeSync(1, bytes(pointer, length));
    return length;
  },
  runtime_exit(status) {
    throw new Exit(status);
  },
};
const instance = new WebAssembly.Instance(module, { env });
memory = instance.exports.memory;
try {
  instance.exports._start();
} catch (error) {
  if (!(error instanceof Exit)) throw error;
  process.exitCode = error.status & 0xff;
}
