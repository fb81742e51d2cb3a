// Regenerates windows/wine-texts.tsv: what PHP's socket_strerror prints under Wine for every code of
// windows/strerror.tsv. Cross-compiles errors.c with mingw-w64, runs it under Wine (FormatMessageW as
// PHP calls it), and trims each text as php_win32_error_to_msg does. An empty text means Wine has
// none, and PHP then prints "". Tests running under Wine expect these; on Windows, strerror.tsv's.
// Usage: bun conformance/matrix/windows/errors.ts   (needs mingw-w64 and wine64, as generate.ts does)
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { STRERROR_HEADER, phpWinTrim } from "../failures.ts";
import { readTsv, writeTsv } from "../tsv.ts";

const here = import.meta.dir;
const root = resolve(here, "../../..");

function fail(msg: string): never {
  console.error(`windows/errors.ts: ${msg}`);
  process.exit(1);
}

function run(cmd: string[], env?: Record<string, string>): string {
  const r = Bun.spawnSync(cmd, { stdout: "pipe", stderr: "pipe", env: { ...process.env, ...env } });
  if (r.exitCode !== 0) fail(`${cmd.join(" ")} failed (${r.exitCode}):\n${r.stderr.toString()}`);
  return r.stdout.toString();
}

if (!Bun.which("x86_64-w64-mingw32-gcc")) fail("x86_64-w64-mingw32-gcc not found: apt-get install mingw-w64 (or run .ci/windows-lane.sh)");
const wine = [Bun.which("wine64"), "/usr/lib/wine/wine64", Bun.which("wine")].find((p) => p && existsSync(p));
if (!wine) fail("wine64 not found: apt-get install wine64 (or run .ci/windows-lane.sh)");
const env = {
  WINEPREFIX: process.env.WINEPREFIX ?? join(root, ".cache/wine/prefix"),
  WINEDEBUG: "-all",
  WINEDLLOVERRIDES: "mscoree,mshtml=",
};

const codes = readTsv(join(here, "strerror.tsv"), STRERROR_HEADER).map((r) => r[0]!);
const unescape = (s: string): string => s.replace(/\\(.)/g, (_, c: string) => ({ r: "\r", n: "\n", t: "\t" })[c] ?? c);

const dir = mkdtempSync(join(tmpdir(), "matrix-windows-errors-"));
try {
  const exe = join(dir, "errors.exe");
  run(["x86_64-w64-mingw32-gcc", "-std=gnu11", "-O0", "-Wall", "-Werror", "-o", exe, join(here, "errors.c")]);
  const version = run([wine, "--version"]).trim();
  const out = run([wine, exe, ...codes], env).replaceAll("\r\n", "\n");
  const texts = new Map(out.split("\n").filter(Boolean).map((l) => {
    const tab = l.indexOf("\t");
    return [l.slice(0, tab), phpWinTrim(unescape(l.slice(tab + 1)))] as const;
  }));
  const rows = codes.map((c) => {
    if (!texts.has(c)) fail(`errors.exe printed nothing for ${c}`);
    return [c, texts.get(c)!, `${version} FormatMessageW via windows/errors.c, trimmed as PHP does`];
  });
  await Bun.write(join(here, "wine-texts.tsv"), writeTsv(STRERROR_HEADER, rows));
  console.log(`windows/errors.ts: wrote wine-texts.tsv (${rows.length} codes, ${rows.filter((r) => r[1]).length} with a text under ${version})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
