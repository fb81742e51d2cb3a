// Unix socket paths of an exact byte length inside the scenario's temporary folder. Both replays get a
// folder of the same length (differential.ts: tmpdir()/phps-php-XXXXXX and tmpdir()/phps-lib-XXXXXX).
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tmp, type Arg } from "./scenario.ts";

const FOLDER = join(tmpdir(), "phps-php-XXXXXX").length;

/** A path of exactly `bytes` bytes in the temporary folder, or null when the folder itself is too long. */
export function tmpPathOf(bytes: number, fill = "p"): Arg | null {
  const name = bytes - FOLDER - 1;
  return name < 1 ? null : tmp(fill.repeat(name));
}

// Abstract unix names live in one namespace for the whole machine, and several test runs may share it:
// each run gets its own names (PHP and the library replay one after the other, so they may reuse them).
const RUN = `php-sockets-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

/** A Linux abstract unix name (leading NUL) unique to this run; `bytes` pads it to that total length. */
export function abstractName(label: string, bytes?: number): string {
  const base = `\u0000${RUN}-${label}`;
  return bytes === undefined ? base : base.padEnd(bytes, "x").slice(0, bytes);
}
