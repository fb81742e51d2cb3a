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

/** The JSON a bench script prints, from a pinned process of its own. */
function runScript(script: string, args: (string | number)[]): unknown {
  const r = Bun.spawnSync(pinned([process.execPath, `${import.meta.dir}/${script}`, ...args.map(String)]), { stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`bench/${script} ${args.join(" ")} failed: ${r.stderr.toString()}`);
  return JSON.parse(r.stdout.toString());
}

/** Calls per second of one case, from its own process. */
const cell = (impl: string, t: Transport | "select", size: number, budget: Budget): number =>
  (runScript("cell.ts", [impl, t, size, budget.cpuTime]) as { ops: number }).ops;

/** The library's paths and their floors alternating in one pinned process (bench/side-by-side.ts). */
export const sideBySide = (t: Transport, n: number): SideBySide => runScript("side-by-side.ts", [t, n]) as SideBySide;

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
