// The V8 HTTP peer of the executor: the lightest honest host of the same work. A Node cluster with one worker per
// core; each worker compiles the module once, and every request gets a fresh WebAssembly.Instance with the CGI
// variables as its environment, the body on stdin and stdout parsed as a CGI reply (headers, a Status line, the
// body). It implements only the Olin calls hello makes (env_get, io_get_stdin/stdout, resource_read/write,
// runtime_exit), with the ABI's results, and no limits, records or accounting: the executor does all three.
// Usage: node bench/node/http-peer.mjs <module.wasm> [port]
import cluster from "node:cluster";
import http from "node:http";
import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";

const [, , modulePath, portText] = process.argv;
const port = Number(portText ?? 18092);

if (cluster.isPrimary) {
  for (let i = 0; i < availableParallelism(); i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    console.error(`worker ${worker.process.pid} exited with ${code}`);
    process.exit(1);
  });
} else {
  const module = new WebAssembly.Module(readFileSync(modulePath));
  http
    .createServer((request, response) => {
      const chunks = [];
      request.on("data", (chunk) => chunks.push(chunk));
      request.on("end", () => reply(response, invoke(module, request, Buffer.concat(chunks))));
    })
    .listen(port, "127.0.0.1", () => {
      if (cluster.worker.id === 1) console.log(`listening on ${port}`);
    });
}

const NOT_FOUND = -4;
const END_OF_FILE = -5;
const UNKNOWN_FD = -2;

class Exit extends Error {}

function invoke(module, request, body) {
  const url = new URL(request.url, "http://localhost");
  const segments = url.pathname.split("/");
  const env = new Map([
    ["REQUEST_METHOD", request.method],
    ["SCRIPT_NAME", `/${segments[1] ?? ""}`],
    ["PATH_INFO", "/" + segments.slice(2).join("/")],
    ["QUERY_STRING", url.search.slice(1)],
    ["CONTENT_LENGTH", String(body.length)],
    ["CONTENT_TYPE", request.headers["content-type"] ?? ""],
    ["SERVER_PROTOCOL", "HTTP/1.1"],
    ["GATEWAY_INTERFACE", "CGI/1.1"],
  ]);
  for (const [name, value] of Object.entries(request.headers)) {
    env.set("HTTP_" + name.toUpperCase().replaceAll("-", "_"), String(value));
  }
  const stdout = [];
  let stdinOffset = 0;
  let memory;
  const fds = new Map(); // fd -> "stdin" | "stdout"
  let nextFd = 0;
  const bytes = (pointer, length) => new Uint8Array(memory.buffer, pointer, length);
  const env_ = {
    env_get(keyPointer, keyLength, valuePointer, valueLength) {
      const value = env.get(Buffer.from(bytes(keyPointer, keyLength)).toString("utf8"));
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
      stdout.push(Buffer.from(bytes(pointer, length)));
      return length;
    },
    runtime_exit(status) {
      throw new Exit(String(status));
    },
  };
  const instance = new WebAssembly.Instance(module, { env: env_ });
  memory = instance.exports.memory;
  try {
    instance.exports._start();
  } catch (error) {
    if (!(error instanceof Exit)) return { status: 502, headers: {}, body: Buffer.from("trap\n") };
  }
  return parseCgi(Buffer.concat(stdout));
}

/** A CGI reply: header lines up to a blank line, a Status header for the code, then the body. */
function parseCgi(output) {
  let end = output.indexOf("\r\n\r\n");
  let separator = 4;
  const lf = output.indexOf("\n\n");
  if (end < 0 || (lf >= 0 && lf < end)) {
    end = lf;
    separator = 2;
  }
  if (end < 0) return { status: 502, headers: {}, body: Buffer.from("no CGI headers\n") };
  const headers = {};
  let status = 200;
  for (const line of output.subarray(0, end).toString("latin1").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === "status") status = Number.parseInt(value, 10) || 200;
    else headers[name] = value;
  }
  return { status, headers, body: output.subarray(end + separator) };
}

function reply(response, { status, headers, body }) {
  response.writeHead(status, { ...headers, "Content-Length": body.length });
  response.end(body);
}
