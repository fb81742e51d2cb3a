// Joins the per-platform files (<os>/values.tsv, <os>/layouts.tsv) into constants.tsv (PHP's
// constants), system.tsv (other OS values) and layouts.tsv, one column per platform, '-' where a
// platform lacks the name. Usage: bun conformance/matrix/merge.ts [--allow-missing windows[,darwin]]
import { join } from "node:path";
import { PHP_CONSTANTS, SYSTEM_NAMES } from "./names.ts";
import { PLATFORMS, type PlatformName, readTsvIfExists, writeTsv } from "./tsv.ts";

const here = import.meta.dir;
export const VALUE_HEADER = ["name", "value", "source"] as const;
export const LAYOUT_HEADER = ["struct", "member", "value", "source"] as const;
export const MERGED_HEADER = ["name", "linux", "darwin", "windows", "source"] as const;
export const MERGED_LAYOUT_HEADER = ["struct", "member", "linux", "darwin", "windows", "source"] as const;

function parseAllowMissing(argv: readonly string[]): Set<string> {
  const allowed = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--allow-missing" && argv[i + 1]) for (const p of argv[++i]!.split(",")) allowed.add(p);
  }
  return allowed;
}

interface PlatformData {
  values: Map<string, { value: string; source: string }>;
  layout: Map<string, { value: string; source: string }>; // key "struct\tmember"
  layoutOrder: string[];
}

function load(p: PlatformName, allowMissing: Set<string>): PlatformData {
  const values = readTsvIfExists(join(here, p, "values.tsv"), VALUE_HEADER);
  const layout = readTsvIfExists(join(here, p, "layouts.tsv"), LAYOUT_HEADER);
  if ((!values || !layout) && !allowMissing.has(p)) {
    throw new Error(`${p}/values.tsv or ${p}/layouts.tsv is missing: run ${p}'s generator, or pass --allow-missing ${p}`);
  }
  const data: PlatformData = { values: new Map(), layout: new Map(), layoutOrder: [] };
  for (const [name, value, source] of values ?? []) {
    // Values must survive the trip into a JS number exactly.
    if (!/^-?\d+$/.test(value!) || !Number.isSafeInteger(Number(value))) throw new Error(`${p}: ${name} = "${value}" is not a safe integer`);
    if (data.values.has(name!)) throw new Error(`${p}: ${name} appears twice`);
    data.values.set(name!, { value: value!, source: source! });
  }
  for (const [struct, member, value, source] of layout ?? []) {
    if (!/^\d+(:\d+)?$/.test(value!)) throw new Error(`${p}: layout ${struct}.${member} = "${value}" is not N or N:M`);
    const key = `${struct}\t${member}`;
    if (!data.layout.has(key)) data.layoutOrder.push(key);
    data.layout.set(key, { value: value!, source: source! });
  }
  return data;
}

/** "linux: x; darwin: y" over the platforms that have the entry, short and stable. */
function sources(entries: readonly ({ source: string } | undefined)[]): string {
  const parts: string[] = [];
  PLATFORMS.forEach((p, i) => {
    if (entries[i]) parts.push(`${p}: ${entries[i]!.source}`);
  });
  return parts.join("; ");
}

export function merge(allowMissing: Set<string>): { constants: string; system: string; layouts: string; warnings: string[] } {
  const data = PLATFORMS.map((p) => load(p, allowMissing));
  const warnings: string[] = [];
  const row = (name: string): string[] | null => {
    const e = data.map((d) => d.values.get(name));
    if (e.every((x) => !x)) return null;
    return [name, ...e.map((x) => x?.value ?? "-"), sources(e)];
  };
  const constants = PHP_CONSTANTS.map(row).filter((r): r is string[] => r !== null);
  const sys = SYSTEM_NAMES.map(row).filter((r): r is string[] => r !== null);
  // Names a generator printed that names.ts does not list: kept as system values, sorted, and flagged.
  const known = new Set([...PHP_CONSTANTS, ...SYSTEM_NAMES]);
  const extra = [...new Set(data.flatMap((d) => [...d.values.keys()]))].filter((n) => !known.has(n)).sort();
  for (const n of extra) {
    warnings.push(`${n} is not in names.ts; kept in system.tsv`);
    sys.push(row(n)!);
  }

  const keys: string[] = [];
  const seen = new Set<string>();
  for (const d of data) for (const k of d.layoutOrder) if (!seen.has(k)) (seen.add(k), keys.push(k));
  // Group each struct's members together, structs in order of first appearance.
  const structOrder = [...new Set(keys.map((k) => k.split("\t")[0]!))];
  const layoutRows: string[][] = [];
  for (const s of structOrder) {
    for (const k of keys.filter((k) => k.startsWith(`${s}\t`))) {
      const e = data.map((d) => d.layout.get(k));
      layoutRows.push([...k.split("\t"), ...e.map((x) => x?.value ?? "-"), sources(e)]);
    }
  }
  return {
    constants: writeTsv(MERGED_HEADER, constants),
    system: writeTsv(MERGED_HEADER, sys),
    layouts: writeTsv(MERGED_LAYOUT_HEADER, layoutRows),
    warnings,
  };
}

if (import.meta.main) {
  try {
    const out = merge(parseAllowMissing(process.argv.slice(2)));
    for (const w of out.warnings) console.warn(`merge.ts: warning: ${w}`);
    await Bun.write(join(here, "constants.tsv"), out.constants);
    await Bun.write(join(here, "system.tsv"), out.system);
    await Bun.write(join(here, "layouts.tsv"), out.layouts);
    console.log("merge.ts: wrote constants.tsv, system.tsv, layouts.tsv");
  } catch (e) {
    console.error(`merge.ts: ${(e as Error).message}`);
    process.exit(1);
  }
}
