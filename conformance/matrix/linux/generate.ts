// Regenerates linux/values.tsv and linux/layouts.tsv: compiles gen.c against this machine's glibc
// headers, runs it, then checks every PHP constant against the PHP 8.2 binary on PATH.
// Usage: bun conformance/matrix/linux/generate.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PHP_CONSTANTS, SYSTEM_NAMES, phpCValue } from "../names.ts";

const here = import.meta.dir;
// Handled by hand in gen.c, because PHP derives them (MSG_FIN fallback, multicast.h, php_sockets.h).
const DERIVED = new Set([
  "MSG_EOF", "PHP_NORMAL_READ", "PHP_BINARY_READ", "MCAST_JOIN_GROUP", "MCAST_LEAVE_GROUP",
  "MCAST_BLOCK_SOURCE", "MCAST_UNBLOCK_SOURCE", "MCAST_JOIN_SOURCE_GROUP", "MCAST_LEAVE_SOURCE_GROUP",
]);

function fail(msg: string): never {
  console.error(`linux/generate.ts: ${msg}`);
  process.exit(1);
}

function run(cmd: string[]): string {
  const r = Bun.spawnSync(cmd, { stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) fail(`${cmd.join(" ")} failed:\n${r.stderr.toString()}`);
  return r.stdout.toString();
}

// One #ifdef block per name: a name glibc lacks is simply not printed.
function namesHeader(): string {
  const out: string[] = [];
  for (const n of PHP_CONSTANTS) {
    if (DERIVED.has(n)) continue;
    const cv = phpCValue(n);
    out.push(`#ifdef ${cv}`, cv === n ? `  K(${n});` : `  KA(${n}, ${cv});`, "#endif");
  }
  for (const n of SYSTEM_NAMES) out.push(`#ifdef ${n}`, `  S(${n});`, "#endif");
  return out.join("\n") + "\n";
}

const dir = mkdtempSync(join(tmpdir(), "matrix-linux-"));
let output: string;
try {
  await Bun.write(join(dir, "names.gen.h"), namesHeader());
  const exe = join(dir, "gen");
  run(["gcc", "-std=gnu11", "-Wall", "-Werror", "-I", dir, "-o", exe, join(here, "gen.c")]);
  output = run([exe]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const consts = new Map<string, string>();
const system = new Map<string, string>();
const layout: string[][] = [];
for (const line of output.split("\n")) {
  if (!line) continue;
  const [kind, ...rest] = line.split("\t");
  if (kind === "C") consts.set(rest[0]!, rest[1]!);
  else if (kind === "S") system.set(rest[0]!, rest[1]!);
  else if (kind === "L") layout.push(rest);
}

// The oracle: the constants PHP 8.2 itself defines here must be exactly the ones gen.c printed.
const php = Bun.spawnSync(["php", "-r", 'foreach (get_defined_constants(true)["sockets"] as $k => $v) echo "$k\\t$v\\n";'], { stdout: "pipe" });
if (php.exitCode !== 0) fail("could not run php");
const phpValues = new Map<string, string>();
for (const line of php.stdout.toString().split("\n")) {
  if (line) phpValues.set(line.split("\t")[0]!, line.split("\t")[1]!);
}
const problems: string[] = [];
for (const [name, v] of phpValues) {
  if (!PHP_CONSTANTS.includes(name)) problems.push(`${name}: PHP defines it but names.ts lacks it`);
  else if (!consts.has(name)) problems.push(`${name}: PHP defines it (${v}) but gen.c did not print it`);
  else if (consts.get(name) !== v) problems.push(`${name}: gen.c says ${consts.get(name)}, PHP says ${v}`);
}
for (const name of consts.keys()) {
  if (!phpValues.has(name)) problems.push(`${name}: glibc has it but PHP 8.2 does not define it here`);
}
if (problems.length) fail(`mismatch with php:\n  ${problems.join("\n  ")}`);

const SRC_C = "glibc headers via linux/gen.c, checked with PHP 8.2";
const SRC_S = "glibc headers via linux/gen.c";
const rows = ["name\tvalue\tsource"];
for (const n of PHP_CONSTANTS) if (consts.has(n)) rows.push(`${n}\t${consts.get(n)}\t${SRC_C}`);
for (const n of SYSTEM_NAMES) if (system.has(n)) rows.push(`${n}\t${system.get(n)}\t${SRC_S}`);
await Bun.write(join(here, "values.tsv"), rows.join("\n") + "\n");

const lrows = ["struct\tmember\tvalue\tsource"];
for (const [s, m, v] of layout) lrows.push(`${s}\t${m}\t${v}\tglibc headers via linux/gen.c (x86_64)`);
await Bun.write(join(here, "layouts.tsv"), lrows.join("\n") + "\n");
console.log(`linux: ${consts.size} PHP constants, ${system.size} system values, ${layout.length} layout rows`);
