// One JavaScript case in a process of its own: `bun bench/cell.ts IMPL TRANSPORT SIZE CPU_NS`.
// A fresh process per case is how C and PHP run too: no case inherits another's JIT profile
// (call sites shared by the string and zero-copy paths go polymorphic), GC heap or event-loop state.
// Prints the rate (calls per second) as JSON on stdout.
import { SELECT_SOCKETS, type Transport } from "./cases.ts";
import { tripsOf, type LibPath } from "./js/library.ts";
import { evented } from "./js/evented.ts";
import { libSelect, rawSelect } from "./js/select.ts";
import { rate } from "./js/measure.ts";

const [impl, transport, sizeArg, cpuArg] = process.argv.slice(2) as [string, Transport | "select", string, string];
const size = Number(sizeArg), budget = { cpuTime: Number(cpuArg) || 120e6 };
// The largest payloads (64 KiB, and UDP's 65,507 B) take smaller batches, as in side-by-side.ts.
const costly = size > 32768 && transport !== "select";

/** Runs f for WARM_MS first: a fresh process has cold JIT tiers and caches, where C and PHP have a warm-up batch. */
const WARM_MS = 300;
async function measured(f: () => unknown): Promise<number> {
  const end = performance.now() + WARM_MS;
  if (f() instanceof Promise) while (performance.now() < end) await f();
  else while (performance.now() < end) for (let i = 0; i < 64; i++) f();
  return rate(f, costly, budget);
}

async function run(): Promise<number> {
  if (transport === "select") {
    const c = impl === "raw" ? rawSelect(SELECT_SOCKETS) : libSelect(SELECT_SOCKETS);
    try {
      return await measured(c.trip);
    } finally {
      c.close();
    }
  }
  if (impl === "Bun.listen" || impl === "node:net") {
    const e = await evented(impl, transport, size);
    try {
      return await measured(e.trip);
    } finally {
      await e.close();
    }
  }
  const c = tripsOf(impl as LibPath | "raw" | "raw-strings", transport, size);
  try {
    return await measured(c.trip);
  } finally {
    c.close();
  }
}
console.log(JSON.stringify({ ops: await run() }));
process.exit(0);
