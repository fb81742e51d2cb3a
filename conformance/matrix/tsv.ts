// Tiny TSV reader/writer shared by the matrix scripts: a header line, then tab-separated rows.
import { existsSync, readFileSync } from "node:fs";

export const PLATFORMS = ["linux", "darwin", "windows"] as const;
export type PlatformName = (typeof PLATFORMS)[number];

export function readTsv(path: string, header: readonly string[]): string[][] {
  const lines = readFileSync(path, "utf8").split("\n").filter((l) => l.length > 0);
  const got = lines[0]?.split("\t") ?? [];
  if (got.join("\t") !== header.join("\t")) {
    throw new Error(`${path}: header is "${got.join("\\t")}", expected "${header.join("\\t")}"`);
  }
  return lines.slice(1).map((l, i) => {
    const cells = l.split("\t");
    if (cells.length !== header.length) throw new Error(`${path}:${i + 2}: ${cells.length} columns, expected ${header.length}`);
    return cells;
  });
}

export function readTsvIfExists(path: string, header: readonly string[]): string[][] | null {
  return existsSync(path) ? readTsv(path, header) : null;
}

export function writeTsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.join("\t")).join("\n") + "\n";
}
