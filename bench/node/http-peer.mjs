// The V8 HTTP peer of the executor: the lightest honest host of the same work. A Node cluster with one worker per
// core; each worker compiles the module once, and every request gets a fresh WebAssembly.Instance with the CGI
// variables as its environment, the body on stdin and stdout parsed as a CGI reply (headers, a Status line, the
// body), through the benchmarks' minimal Olin host (olin-host.mjs): no limits, records or accounting, all three of
// which the executor does.
// Usage: node bench/node/http-peer.mjs <module.wasm> [port]
import cluster from "node:cluster";
import http from "node:http";
import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { Exit, olinHost } from "./olin-host.mjs";

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
  const host = olinHost({ env: (name) => env.get(name), stdin: body, write: (chunk) => stdout.push(Buffer.from(chunk)) });
  const instance = new WebAssembly.Instance(module, host.imports);
  host.bind(instance.exports.memory);
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
