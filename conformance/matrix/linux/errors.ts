// Regenerates linux/strerror.tsv: glibc's text for every errno value in linux/values.tsv (strerror)
// and every resolver code PHP stores as -10000 - h_errno (hstrerror), from linux/errors.c, then
// checks each against PHP 8.2's own socket_strerror.
// Usage: bun conformance/matrix/linux/errors.ts   (needs gcc and php 8.2)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RESOLVER_NAMES, STRERROR_HEADER } from "../failures.ts";
import { VALUE_HEADER } from "../merge.ts";
import { ERRNO_NAMES } from "../names.ts";
import { readTsv, writeTsv } from "../tsv.ts";

const here = import.meta.dir;
// strerror's text follows LC_MESSAGES; PHP's CLI never sets it, so it is C there too.
const env = { ...process.env, LC_ALL: "C", LANG: "C" };

function fail(msg: string): never {
  console.error(`linux/errors.ts: ${msg}`);
  process.exit(1);
}

function run(cmd: string[]): string {
  const r = Bun.spawnSync(cmd, { stdout: "pipe", stderr: "pipe", env });
  if (r.exitCode !== 0) fail(`${cmd.join(" ")} failed:\n${r.stderr.toString()}`);
  return r.stdout.toString();
}

const values = new Map(readTsv(join(here, "values.tsv"), VALUE_HEADER).map((r) => [r[0]!, Number(r[1])]));
const errnos = [...new Set(ERRNO_NAMES.filter((n) => values.has(n)).map((n) => values.get(n)!))].sort((a, b) => a - b);
const herrs = [...new Set(RESOLVER_NAMES.map((n) => values.get(n) ?? fail(`${n} is not in linux/values.tsv`)))].sort((a, b) => a - b);

const dir = mkdtempSync(join(tmpdir(), "matrix-linux-errors-"));
let output: string;
try {
  const exe = join(dir, "errors");
  run(["gcc", "-std=gnu11", "-Wall", "-Werror", "-o", exe, join(here, "errors.c")]);
  output = run([exe, ...errnos.flatMap((n) => ["e", String(n)]), ...herrs.flatMap((n) => ["h", String(n)])]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const rows: string[][] = [];
for (const line of output.split("\n")) {
  if (!line) continue;
  const [kind, n, text] = line.split("\t") as [string, string, string];
  if (kind === "e") rows.push([n, text, "glibc strerror via linux/errors.c, checked with PHP 8.2"]);
  else rows.push([String(-10000 - Number(n)), text, `glibc hstrerror(${n}) via linux/errors.c, checked with PHP 8.2`]);
}

// The oracle: PHP's socket_strerror must print exactly these texts.
const codes = rows.map((r) => r[0]).join(",");
const php = run(["php", "-r", `foreach ([${codes}] as $c) echo $c, "\\t", socket_strerror($c), "\\n";`]);
const phpText = new Map(php.split("\n").filter(Boolean).map((l) => l.split("\t") as [string, string]));
const problems = rows.filter((r) => phpText.get(r[0]!) !== r[1]).map((r) => `${r[0]}: glibc "${r[1]}", PHP "${phpText.get(r[0]!)}"`);
if (problems.length) fail(`mismatch with php:\n  ${problems.join("\n  ")}`);

rows.sort((a, b) => Number(a[0]) - Number(b[0]));
await Bun.write(join(here, "strerror.tsv"), writeTsv(STRERROR_HEADER, rows));
console.log(`linux/errors.ts: wrote strerror.tsv (${errnos.length} errno texts, ${herrs.length} resolver texts)`);
