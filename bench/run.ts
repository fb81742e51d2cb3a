// `bun run bench`: every implementation on every case, each in a pinned process of its own, in
// interleaved rounds, keeping each case's best rate; then the allocation check and the
// profile; then the awaitable-readiness cases (bench/wait.ts); then bench/RESULTS.md and bench/results.svg. Options: --rounds N, --quick (a smoke run), --report (rewrite the
// files from results.json, measuring nothing).
// Timing never fails anything: this is a report, not a test.
import { cpus, release } from "node:os";
import { SELECT_SOCKETS, SIZES, TRANSPORTS, sizeFor, type Cell, type Transport } from "./cases.ts";
import { buildC, caseArg, gccVersion, phpVersion, runC, runPhp } from "./external.ts";
import { LIB_PATHS, jsSelect, jsTrips, sideBySide } from "./js-cases.ts";
import { pinning } from "./pin.ts";
import { allocChecks } from "./alloc.ts";
import { countOsCalls, pieces } from "./profile.ts";
import type { Results } from "./report/model.ts";
import { waitBench } from "./wait.ts";
import type { SideBySide } from "./side-by-side.ts";
import { rewrite, write } from "./write.ts";

if (process.platform !== "linux") {
  console.error("bench: the baselines (C against glibc, libc.so.6 through bun:ffi) are Linux-only");
  process.exit(1);
}

const args = process.argv.slice(2);
if (args.includes("--report")) {
  await rewrite();
  console.log("wrote bench/RESULTS.md, WAIT.md and results.svg from bench/results.json");
  process.exit(0);
}
const quick = args.includes("--quick");
const roundsAt = args.indexOf("--rounds");
const rounds = roundsAt >= 0 ? Math.max(1, Number(args[roundsAt + 1]) || 1) : quick ? 1 : 3;
// Per round: C and PHP run this fraction of their base counts; each JS case gets this much measured time.
const scale = quick ? 0.1 : 0.5;
const budget = { cpuTime: quick ? 30e6 : 120e6 };

const started = performance.now();
const log = (s: string) => console.log(s);
const php = phpVersion();
const best = new Map<string, Cell>();
/** Every round's figures, kept in results.json beside the report: the spread is part of the result. */
const everyRound: (Cell & { round: number })[] = [];
const keep = (cells: Cell[]) => {
  for (const c of cells) {
    const k = `${c.impl}|${c.transport}|${c.size}`;
    const prev = best.get(k);
    if (!prev || c.ops > prev.ops) best.set(k, c);
  }
};

// The side-by-side run of each case (bench/side-by-side.ts), once a round: each variant's best.
const sides: { transport: Transport; size: number; ns: SideBySide }[] = [];
function keepSide(transport: Transport, size: number, ns: SideBySide): void {
  const prev = sides.find((x) => x.transport === transport && x.size === size);
  if (!prev) sides.push({ transport, size, ns });
  else for (const k of Object.keys(ns) as (keyof SideBySide)[]) prev.ns[k] = Math.min(prev.ns[k], ns[k]);
}

// Case-major: every implementation runs one case back to back before the next case, so a slow spell
// of a shared machine lands on all of them alike; then the rounds repeat the whole sweep.
const cases = [...TRANSPORTS.flatMap((t) => SIZES.map((s) => ({ t: t as Transport | "select", n: sizeFor(t, s) }))), { t: "select" as const, n: SELECT_SOCKETS }];
buildC();
for (let r = 1; r <= rounds; r++) {
  log(`round ${r}/${rounds}`);
  for (const { t, n } of cases) {
    const arg = caseArg(t, n, scale);
    const cells = [...runC(arg), ...(php ? runPhp(arg) : []), ...(t === "select" ? jsSelect(n, budget) : jsTrips(t, n, budget))];
    keep(cells);
    everyRound.push(...cells.map((c) => ({ ...c, round: r })));
    if (t !== "select") keepSide(t, n, sideBySide(t, n));
    log(`  ${`${t} ${n}`.padEnd(12)} ${cells.map((c) => `${c.impl.replace("php-sockets: ", "")} ${c.ops ? Math.round(c.ops).toLocaleString("en-US") : "-"}`).join(" · ")}`);
  }
}
log("awaitable readiness (bench/wait.ts)");
const wait = await waitBench({ quick, rounds: Math.min(rounds, 3), log });
log("allocation check");
const alloc = allocChecks(LIB_PATHS);
log("profile");
const counts = countOsCalls();
const parts = await pieces();

const results: Results = {
  meta: {
    date: new Date().toISOString().slice(0, 10),
    cpu: cpus()[0]?.model.trim() ?? "unknown CPU",
    cores: cpus().length,
    kernel: release(),
    bun: Bun.version,
    php,
    gcc: gccVersion(),
    rounds,
    pinning: pinning(),
    seconds: (performance.now() - started) / 1000,
  },
  cells: [...best.values()],
  alloc,
  counts,
  pieces: parts,
  sideBySide: sides,
};
await write(results, wait, everyRound);
log(`wrote bench/RESULTS.md, results.json and results.svg in ${Math.round(results.meta.seconds)} s`);
