// Checks the reference matrix: generated tables match the TSVs, the TSVs match the per-platform
// files, linux matches the PHP on this machine, and every layout is self-consistent.
import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MERGED_HEADER, MERGED_LAYOUT_HEADER, merge } from "./merge.ts";
import { renderAll, TABLES_DIR } from "./tables.ts";
import { PLATFORMS, readTsv } from "./tsv.ts";

const here = import.meta.dir;

test("src/platform/tables/*.ts are what tables.ts generates from the TSVs", () => {
  for (const [file, text] of renderAll()) expect(readFileSync(join(TABLES_DIR, file), "utf8")).toBe(text);
});

test("constants.tsv, system.tsv, layouts.tsv are what merge.ts makes of the per-platform files", () => {
  // A platform whose files are absent must then have an all '-' column, which merge() also gives.
  const missing = new Set(PLATFORMS.filter((p) => !existsSync(join(here, p, "values.tsv"))));
  const out = merge(missing);
  expect(readFileSync(join(here, "constants.tsv"), "utf8")).toBe(out.constants);
  expect(readFileSync(join(here, "system.tsv"), "utf8")).toBe(out.system);
  expect(readFileSync(join(here, "layouts.tsv"), "utf8")).toBe(out.layouts);
});

describe.skipIf(process.platform !== "linux")("linux column against PHP", () => {
  test("every linux PHP constant equals php's value, and there are 212", () => {
    const r = Bun.spawnSync(["php", "-r", 'foreach (get_defined_constants(true)["sockets"] as $k => $v) echo "$k\\t$v\\n";'], { stdout: "pipe" });
    expect(r.exitCode).toBe(0);
    const php = new Map(r.stdout.toString().trim().split("\n").map((l) => l.split("\t") as [string, string]));
    const ours = new Map(readTsv(join(here, "constants.tsv"), MERGED_HEADER).filter((row) => row[1] !== "-").map((row) => [row[0]!, row[1]!]));
    expect(ours.size).toBe(212);
    expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(php));
  });
});

test("every layout field lies within its struct, and size is a multiple of align", () => {
  const rows = readTsv(join(here, "layouts.tsv"), MERGED_LAYOUT_HEADER);
  PLATFORMS.forEach((p, i) => {
    const col = 2 + i;
    const size = new Map<string, number>();
    const align = new Map<string, number>();
    for (const r of rows) {
      if (r[1] === "$size" && r[col] !== "-") size.set(r[0]!, Number(r[col]));
      if (r[1] === "$align" && r[col] !== "-") align.set(r[0]!, Number(r[col]));
    }
    for (const [s, n] of size) expect(n % (align.get(s) ?? 0), `${p} ${s}`).toBe(0);
    for (const r of rows) {
      if (r[1]!.startsWith("$") || r[col] === "-") continue;
      const [off, len] = r[col]!.split(":").map(Number) as [number, number];
      expect(size.has(r[0]!), `${p} ${r[0]} has a $size`).toBe(true);
      expect(off + len, `${p} ${r[0]}.${r[1]}`).toBeLessThanOrEqual(size.get(r[0]!)!);
    }
  });
});
