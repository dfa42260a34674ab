// Times the same guest exports in Node's V8 as the JMH benchmarks do in Chicory: instantiate once, warm up, then the
// median over rounds of about a second of the mean time per call, and the fastest single call (what a busy machine
// disturbs least). Prints "name median_ms checksum fastest_ms" lines.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { olinHost } from "./olin-host.mjs";

const guests = join(dirname(fileURLToPath(import.meta.url)), "..", "guests");

async function load(name) {
  const { instance } = await WebAssembly.instantiate(readFileSync(join(guests, `${name}.wasm`)), {});
  return instance.exports;
}

function bench(name, op) {
  let sink = 0;
  // V8 tiers up (Liftoff, then TurboFan) while warming; give it as long as JMH's warm-up.
  const warmUntil = performance.now() + 3000;
  while (performance.now() < warmUntil) sink += op();
  const rounds = [];
  let fastest = Infinity;
  for (let r = 0; r < 5; r++) {
    let calls = 0;
    const start = performance.now();
    let elapsed;
    let before = start;
    do {
      sink += op();
      calls++;
      const after = performance.now();
      fastest = Math.min(fastest, after - before);
      before = after;
      elapsed = after - start;
    } while (elapsed < 1000);
    rounds.push(elapsed / calls);
  }
  rounds.sort((a, b) => a - b);
  console.log(`${name} ${rounds[2].toFixed(4)} ${sink | 0} ${fastest.toFixed(4)}`);
}

const fib = await load("fib");
const sha = await load("sha256");
sha.fill(42);
let n = 30;
bench("fib30", () => fib.fib(n));
bench("sha256_1mib", () => sha.sha256_mib());
const sort = await load("sort");
bench("sort_100k", () => sort.sort_100k());
const json = await load("json");
json.json_fill(7);
bench("json_1mib", () => json.json_parse());
const memops = await load("memops");
bench("memops_1mib", () => memops.memops_1mib());
const float = await load("float");
bench("nbody_100k", () => float.nbody_100k());

// Instantiation alone: a new instance of hello over its Olin imports, from the module compiled once, as the HTTP peer
// builds one per request; nothing is called.
const helloModule = new WebAssembly.Module(readFileSync(join(guests, "..", "..", "examples", "hello", "hello.wasm")));
const helloImports = olinHost({ env: () => undefined, stdin: new Uint8Array(0), write: () => {} }).imports;
bench("instantiate_hello", () => (new WebAssembly.Instance(helloModule, helloImports) ? 1 : 0));
