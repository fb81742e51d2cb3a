// What one benchmark run produced, as the report writers read it.
import type { Cell, Transport } from "../cases.ts";
import type { Alloc } from "../alloc.ts";
import type { CallCount, Piece } from "../profile.ts";
import type { SideBySide } from "../side-by-side.ts";

export interface Meta {
  date: string;
  cpu: string;
  cores: number;
  kernel: string;
  bun: string;
  php: string | null;
  gcc: string;
  rounds: number;
  /** How the timed processes were placed on CPUs. */
  pinning: string;
  seconds: number;
}

export interface Results {
  meta: Meta;
  /** Best rate of each implementation on each case over the rounds. */
  cells: Cell[];
  alloc: Alloc[];
  counts: CallCount[];
  pieces: Piece[];
  /** ns per round trip of the library's paths and their floors, alternating in one process per case. */
  sideBySide?: { transport: Transport; size: number; ns: SideBySide }[];
}

/** Display order: the floors first, then Bun's and Node's own networking, then the library's paths. */
export const IMPLS = [
  "C",
  "PHP",
  "bun:ffi raw",
  "bun:ffi raw + strings",
  "Bun.listen",
  "node:net",
  "php-sockets: strings",
  "php-sockets: binary strings",
  "php-sockets: zero-copy",
] as const;

export const LIB_STRINGS = "php-sockets: strings";
export const LIB_BINARY = "php-sockets: binary strings";
export const RAW_STRINGS = "bun:ffi raw + strings";
export const LIB_ZERO = "php-sockets: zero-copy";

export function find(cells: Cell[], impl: string, transport: string, size: number): Cell | undefined {
  return cells.find((c) => c.impl === impl && c.transport === transport && c.size === size);
}

export const fmtRate = (n: number): string => Math.round(n).toLocaleString("en-US");
export const fmtRatio = (n: number): string => (Number.isFinite(n) && n > 0 ? n.toFixed(2) : "–");
