// Every constant PHP's sockets extension defines: the library exports each with the running platform's
// value from the reference matrix, and on Linux that value is PHP 8.2's own (the live oracle).
import { describe, expect, test } from "bun:test";
import * as lib from "../src/index.ts";
import { phpAvailable } from "./harness/differential.ts";
import { readTsv } from "./matrix/tsv.ts";

const rows = readTsv(`${import.meta.dir}/matrix/constants.tsv`, ["name", "linux", "darwin", "windows", "source"]);
const column = { linux: 1, darwin: 2, win32: 3 }[process.platform as "linux" | "darwin" | "win32"];
const exported = lib as unknown as Record<string, unknown>;
const php: Record<string, number> =
  process.platform === "linux" && phpAvailable()
    ? JSON.parse(Bun.spawnSync(["php", "-r", 'echo json_encode(get_defined_constants(true)["sockets"]);']).stdout.toString())
    : {};

describe("constants", () => {
  test("the running platform has a column in the matrix", () => expect(column).toBeDefined());

  test("each constant is exported with this platform's matrix value, or undefined where it has none", () => {
    for (const row of rows) {
      const cell = row[column!]!;
      expect([row[0], exported[row[0]!]]).toEqual([row[0], cell === "-" ? undefined : Number(cell)]);
    }
  });

  if (process.platform === "linux") {
    test("PHP 8.2 defines 212 constants here, each exported with PHP's value", () => {
      expect(Object.keys(php).length).toBe(212);
      for (const [name, value] of Object.entries(php)) expect([name, exported[name]]).toEqual([name, value]);
    });
    test("the library defines no sockets constant that PHP lacks here", () => {
      const defined = rows.filter((r) => r[1] !== "-").map((r) => r[0]!);
      expect(defined.filter((n) => !(n in php))).toEqual([]);
    });
  }
});
