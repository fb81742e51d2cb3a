// Checks errors.tsv: it is what errors-merge.ts makes, each code is PHP's SOCKET_* value or the
// platform's own name for the failure (which the row's source names), and socket_strerror prints each
// text: this library and PHP 8.2 on linux, this library on darwin, and on windows the documented text
// (or, under Wine, windows/wine-texts.tsv).
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { socket_strerror } from "../../src/index.ts";
import { onWindows, underWine } from "../windows/lane.ts";
import { mergeErrors } from "./errors-merge.ts";
import { ERRORS_HEADER, RESOLVER_NAMES, STRERROR_HEADER } from "./failures.ts";
import { MERGED_HEADER } from "./merge.ts";
import { PLATFORMS, type PlatformName, readTsv } from "./tsv.ts";

const here = import.meta.dir;
const rows = readTsv(join(here, "errors.tsv"), ERRORS_HEADER);
const col = (p: PlatformName): number => 2 + PLATFORMS.indexOf(p);

/** The "code: text" cells of platform p, '-' cells left out. */
function cells(p: PlatformName): { row: string[]; code: number; text: string }[] {
  return rows.filter((r) => r[col(p)] !== "-").map((row) => {
    const m = /^(-?\d+): (.*)$/s.exec(row[col(p)]!);
    if (!m) throw new Error(`${p} cell of "${row[0]}" is not "code: text": ${row[col(p)]}`);
    return { row, code: Number(m[1]), text: m[2]! };
  });
}

/** name -> value on platform p, from constants.tsv and system.tsv. */
function valuesOn(p: PlatformName): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of ["constants.tsv", "system.tsv"]) {
    for (const r of readTsv(join(here, f), MERGED_HEADER)) if (r[1 + PLATFORMS.indexOf(p)] !== "-") out.set(r[0]!, Number(r[1 + PLATFORMS.indexOf(p)]));
  }
  return out;
}

test("errors.tsv is what errors-merge.ts makes of failures.ts and the per-platform files", () => {
  expect(readFileSync(join(here, "errors.tsv"), "utf8")).toBe(mergeErrors());
});

test("each code is PHP's SOCKET_<errno> there, or the platform's own name that the source gives", () => {
  for (const p of PLATFORMS) {
    const v = valuesOn(p);
    for (const { row, code } of cells(p)) {
      const what = `${p}, ${row[0]}`;
      const gives = [...row[5]!.matchAll(new RegExp(`\\b${p}: gives ([A-Z][A-Z0-9_]*)`, "g"))].map((m) => m[1]!);
      for (const name of gives) expect(v.get(name), `${what}: ${name}`).toBe(code);
      const constant = v.get(`SOCKET_${row[1]}`);
      if (constant !== undefined) {
        if (code !== constant) expect(gives.length, `${what}: ${code} is not SOCKET_${row[1]} (${constant}) and no name is given`).toBe(1);
      } else if (RESOLVER_NAMES.includes(row[1]!)) {
        expect(code, what).toBe(p === "windows" ? v.get(row[1]!)! : -10000 - v.get(row[1]!)!);
      } else {
        throw new Error(`${what}: PHP defines no SOCKET_${row[1]} here`);
      }
    }
  }
});

test("wine-texts.tsv has every windows code of errors.tsv and of strerror.tsv", () => {
  const wine = new Set(readTsv(join(here, "windows", "wine-texts.tsv"), STRERROR_HEADER).map((r) => Number(r[0])));
  const documented = readTsv(join(here, "windows", "strerror.tsv"), STRERROR_HEADER).map((r) => Number(r[0]));
  for (const code of [...cells("windows").map((c) => c.code), ...documented]) expect(wine.has(code), String(code)).toBe(true);
});

describe.skipIf(process.platform !== "linux")("linux column", () => {
  test("this library's socket_strerror prints each text", () => {
    for (const { row, code, text } of cells("linux")) expect(socket_strerror(code), row[0]).toBe(text);
  });

  test("PHP 8.2's socket_strerror prints each text", () => {
    const list = cells("linux");
    const r = Bun.spawnSync(["php", "-r", `foreach ([${list.map((c) => c.code).join(",")}] as $c) echo socket_strerror($c), "\\n";`], { stdout: "pipe" });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.toString().split("\n").slice(0, -1)).toEqual(list.map((c) => c.text));
  });
});

describe.skipIf(process.platform !== "darwin")("darwin column", () => {
  test("this library's socket_strerror prints each text", () => {
    for (const { row, code, text } of cells("darwin")) expect(socket_strerror(code), row[0]).toBe(text);
  });
});

describe.skipIf(!onWindows)("windows column", () => {
  // Wine has texts for a few Winsock codes only; PHP prints "" for the others.
  const wine = new Map(readTsv(join(here, "windows", "wine-texts.tsv"), STRERROR_HEADER).map((r) => [Number(r[0]), r[1]!]));
  test(`this library's socket_strerror prints each ${underWine ? "Wine" : "documented"} text`, () => {
    for (const { row, code, text } of cells("windows")) expect(socket_strerror(code), row[0]).toBe(underWine ? wine.get(code)! : text);
  });
});
