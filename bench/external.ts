// The baselines that run in their own process (C built with gcc -O2, PHP 8.2 with its sockets
// extension): each times a fixed number of round trips inside itself and prints its rate.
import { mkdirSync } from "node:fs";
import { SELECT_SOCKETS, SIZES, TRANSPORTS, iterations, selectIterations, sizeFor, type Cell, type Transport } from "./cases.ts";

const dir = import.meta.dir;

/** The case arguments both programs take: transport:size:iterations and select:sockets:iterations. */
function caseArgs(scale: number): string[] {
  const out: string[] = [];
  for (const t of TRANSPORTS) for (const s of SIZES) out.push(`${t}:${sizeFor(t, s)}:${iterations(s, scale)}`);
  out.push(`select:${SELECT_SOCKETS}:${selectIterations(scale)}`);
  return out;
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

/** Compiles bench/c/pingpong.c into bench/bin/ (git-ignored) and runs it. */
export function runC(scale: number): Cell[] {
  mkdirSync(`${dir}/bin`, { recursive: true });
  exec(["gcc", "-O2", "-Wall", "-o", `${dir}/bin/pingpong`, `${dir}/c/pingpong.c`]);
  return parse("C", exec([`${dir}/bin/pingpong`, ...caseArgs(scale)]));
}

/** PHP's version string, or null when no PHP with sockets is on the PATH. */
export function phpVersion(): string | null {
  const r = Bun.spawnSync(["php", "-r", 'echo extension_loaded("sockets") ? PHP_VERSION : "";'], { stdout: "pipe", stderr: "pipe" });
  const v = r.exitCode === 0 ? r.stdout.toString().trim() : "";
  return v || null;
}

export function runPhp(scale: number): Cell[] {
  return parse("PHP", exec(["php", `${dir}/php/pingpong.php`, ...caseArgs(scale)]));
}

export function gccVersion(): string {
  return exec(["gcc", "-dumpfullversion"]).trim();
}
