// The JavaScript cases: the library's paths, raw bun:ffi (alone, and with the strings a PHP-shaped
// read and write must make), and Bun's and Node's own networking. Each is measured by mitata in a fresh,
// pinned process of its own (bench/cell.ts), as C and PHP run.
import type { Cell, Transport } from "./cases.ts";
import { missing, type LibPath } from "./js/library.ts";
import { hasSelect } from "./js/select.ts";
import type { Budget } from "./js/measure.ts";
import { pinned } from "./pin.ts";
import type { SideBySide } from "./side-by-side.ts";

export const LIB_PATHS: Record<LibPath, string> = {
  strings: "php-sockets: strings",
  binary: "php-sockets: binary strings",
  "zero-copy": "php-sockets: zero-copy",
};
/** The other cases bench/cell.ts takes, with the names the report gives them. */
const OTHERS = { raw: "bun:ffi raw", "raw-strings": "bun:ffi raw + strings", "Bun.listen": "Bun.listen", "node:net": "node:net" } as const;

/** Calls per second of one case, from its own process. */
function cell(impl: string, t: Transport | "select", size: number, budget: Budget): number {
  const cmd = pinned([process.execPath, `${import.meta.dir}/cell.ts`, impl, t, String(size), String(budget.cpuTime)]);
  const r = Bun.spawnSync(cmd, { stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`bench cell ${impl} ${t} ${size} failed: ${r.stderr.toString()}`);
  return (JSON.parse(r.stdout.toString()) as { ops: number }).ops;
}

/** The library's paths and their floors alternating in one pinned process (bench/side-by-side.ts). */
export function sideBySide(t: Transport, n: number): SideBySide {
  const r = Bun.spawnSync(pinned([process.execPath, `${import.meta.dir}/side-by-side.ts`, t, String(n)]), { stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`side-by-side ${t} ${n} failed: ${r.stderr.toString()}`);
  return JSON.parse(r.stdout.toString()) as SideBySide;
}

/** Every JavaScript implementation on one round-trip case. */
export function jsTrips(t: Transport, n: number, budget: Budget): Cell[] {
  const cells: Cell[] = [];
  for (const path of Object.keys(LIB_PATHS) as LibPath[]) {
    const why = missing(path, t);
    cells.push(why ? { impl: LIB_PATHS[path], transport: t, size: n, ops: 0, note: why } : { impl: LIB_PATHS[path], transport: t, size: n, ops: cell(path, t, n, budget) });
  }
  for (const [impl, name] of Object.entries(OTHERS)) cells.push({ impl: name, transport: t, size: n, ops: cell(impl, t, n, budget) });
  return cells;
}

/** socket_select and raw poll() over `sockets` sockets. */
export function jsSelect(sockets: number, budget: Budget): Cell[] {
  return [
    hasSelect()
      ? { impl: LIB_PATHS.strings, transport: "select", size: sockets, ops: cell("strings", "select", sockets, budget) }
      : { impl: LIB_PATHS.strings, transport: "select", size: sockets, ops: 0, note: "socket_select not in the library yet" },
    { impl: OTHERS.raw, transport: "select", size: sockets, ops: cell("raw", "select", sockets, budget) },
  ];
}
