// The baselines that are programs of their own (C built with gcc -O2, PHP 8.2 with its sockets
// extension): each times a fixed number of round trips inside itself and prints its rate.
import { mkdirSync } from "node:fs";
import { pinned } from "./pin.ts";
import { iterations, selectIterations, type Cell, type Transport } from "./cases.ts";

const dir = import.meta.dir;

/** The case argument both programs take: transport:size:iterations, or select:sockets:iterations. */
export function caseArg(t: Transport | "select", size: number, scale: number): string {
  return t === "select" ? `select:${size}:${selectIterations(scale)}` : `${t}:${size}:${iterations(size, scale)}`;
}

function parse(impl: string, stdout: string): Cell[] {
  return stdout.trim().split("\n").filter(Boolean).map((line) => {
    const [c, ops] = line.split(" ") as [string, string];
    const [kind, size] = c.split(":") as [Transport | "select", string];
    return { impl, transport: kind, size: Number(size), ops: Number(ops) };
  });
}

function exec(cmd: string[]): string {
  const r = Bun.spawnSync(cmd, { stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`${cmd.join(" ")} failed (${r.exitCode}): ${r.stderr.toString()}`);
  return r.stdout.toString();
}

/** Compiles bench/c/pingpong.c into bench/bin/ (git-ignored). */
export function buildC(): void {
  mkdirSync(`${dir}/bin`, { recursive: true });
  exec(["gcc", "-O2", "-Wall", "-o", `${dir}/bin/pingpong`, `${dir}/c/pingpong.c`]);
}

/** One case of the C program, in a process of its own. */
export const runC = (arg: string): Cell[] => parse("C", exec(pinned([`${dir}/bin/pingpong`, arg])));

/** PHP's version string, or null when no PHP with sockets is on the PATH. */
export function phpVersion(): string | null {
  const r = Bun.spawnSync(["php", "-r", 'echo extension_loaded("sockets") ? PHP_VERSION : "";'], { stdout: "pipe", stderr: "pipe" });
  const v = r.exitCode === 0 ? r.stdout.toString().trim() : "";
  return v || null;
}

/** One case of the PHP program, in a process of its own. */
export const runPhp = (arg: string): Cell[] => parse("PHP", exec(pinned(["php", `${dir}/php/pingpong.php`, arg])));

export function gccVersion(): string {
  return exec(["gcc", "-dumpfullversion"]).trim();
}
