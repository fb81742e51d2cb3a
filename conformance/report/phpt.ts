// The phpt map, conformance/phpt.tsv: every phpt of php-src's ext/sockets/tests with its status. mapped:
// `where` names the scenarios that replay it, or (`test/...`) the bun tests that do where no scenario can
// (it needs Bun's own sockets or another process); todo: it applies but no scenario covers it yet, `where`
// says what it needs; na: `where` says why it cannot apply to this project on Linux with PHP 8.2.
import { readTsv } from "../matrix/tsv.ts";

export const PHPT_PATH = `${import.meta.dir}/../phpt.tsv`;
export const PHPT_STATUSES = ["mapped", "todo", "na"] as const;
export type PhptStatus = (typeof PHPT_STATUSES)[number];

export interface PhptRow {
  name: string;
  status: PhptStatus;
  where: string;
}

/** Separates the scenarios of a mapped row: "file.ts: name | file.ts: name". */
export const SCENARIO_SEPARATOR = " | ";

/** Reads the map; an unknown status, a duplicate phpt or an empty `where` is an error, not a miscount. */
export function readPhptMap(path = PHPT_PATH): PhptRow[] {
  const seen = new Set<string>();
  return readTsv(path, ["phpt", "status", "where"]).map(([name, status, where], i) => {
    const at = `${path}:${i + 2}`;
    if (!(PHPT_STATUSES as readonly string[]).includes(status!)) throw new Error(`${at}: status "${status}" is none of ${PHPT_STATUSES.join(", ")}`);
    if (seen.has(name!)) throw new Error(`${at}: ${name} is listed twice`);
    if (!where!.trim()) throw new Error(`${at}: ${name} has no scenario or reason`);
    seen.add(name!);
    return { name: name!, status: status as PhptStatus, where: where! };
  });
}

/** The scenarios a mapped row names, as file and scenario name. */
export function mappedScenarios(where: string): { file: string; name: string }[] {
  return where.split(SCENARIO_SEPARATOR).map((part) => {
    const colon = part.indexOf(": ");
    return colon < 0 ? { file: "", name: part } : { file: part.slice(0, colon), name: part.slice(colon + 2) };
  });
}

/** A part of `where` naming a bun test (test/*.test.ts) rather than a scenario. */
export const isTestFile = (file: string): boolean => file.startsWith("test/");

export interface PhptCounts {
  total: number;
  mapped: number;
  todo: number;
  na: number;
  /** Those that apply to this project on Linux: mapped + todo. */
  applicable: number;
}

export function phptCounts(rows: readonly { status: string }[]): PhptCounts {
  const n = (s: PhptStatus) => rows.filter((r) => r.status === s).length;
  const mapped = n("mapped"), todo = n("todo"), na = n("na");
  return { total: rows.length, mapped, todo, na, applicable: mapped + todo };
}
