// Joins failures.ts with each platform's codes (<os>/values.tsv) and texts (<os>/strerror.tsv) into
// errors.tsv: per failure, "code: text" as PHP's socket_strerror prints it on linux, darwin and windows,
// '-' where a platform has no such failure. Usage: bun conformance/matrix/errors-merge.ts
import { join } from "node:path";
import { ERRORS_HEADER, FAILURES, RESOLVER_NAMES, STRERROR_HEADER, nameOn } from "./failures.ts";
import { VALUE_HEADER } from "./merge.ts";
import { PLATFORMS, type PlatformName, readTsv, writeTsv } from "./tsv.ts";

const here = import.meta.dir;

interface Platform {
  values: Map<string, { value: number; source: string }>;
  texts: Map<number, { text: string; source: string }>;
}

function load(p: PlatformName): Platform {
  const values = new Map(readTsv(join(here, p, "values.tsv"), VALUE_HEADER).map(([n, v, s]) => [n!, { value: Number(v), source: s! }]));
  const texts = new Map(readTsv(join(here, p, "strerror.tsv"), STRERROR_HEADER).map(([c, t, s]) => [Number(c), { text: t!, source: s! }]));
  return { values, texts };
}

/** The code PHP records for a failure known by `name` on p: resolver codes become -10000 - h_errno off Windows. */
function codeOf(d: Platform, p: PlatformName, name: string): { code: number; source: string } {
  const v = d.values.get(name);
  if (!v) throw new Error(`${p}: ${name} is not in ${p}/values.tsv`);
  if (p !== "windows" && RESOLVER_NAMES.includes(name)) return { code: -10000 - v.value, source: `${v.source}, -10000 - h_errno (PHP)` };
  return { code: v.value, source: v.source };
}

export function mergeErrors(): string {
  const data = PLATFORMS.map(load);
  const rows = FAILURES.map((f) => {
    const cells: string[] = [];
    const src: string[] = [];
    PLATFORMS.forEach((p, i) => {
      const d = data[i]!;
      const name = nameOn(f, p);
      const other = f.other?.[p];
      if (name === null) {
        cells.push("-");
        src.push(`${p}: none, ${other![1]}`);
        return;
      }
      const { code, source } = codeOf(d, p, name);
      const t = d.texts.get(code);
      if (!t) throw new Error(`${p}: no text for ${code} (${name}) in ${p}/strerror.tsv`);
      cells.push(`${code}: ${t.text}`);
      src.push(`${p}: ${other ? `gives ${name} (${other[1]}); ` : ""}${source}; ${t.source}`);
    });
    return [f.failure, f.errno, ...cells, src.join("; ")];
  });
  return writeTsv(ERRORS_HEADER, rows);
}

if (import.meta.main) {
  try {
    await Bun.write(join(here, "errors.tsv"), mergeErrors());
    console.log(`errors-merge.ts: wrote errors.tsv (${FAILURES.length} failures)`);
  } catch (e) {
    console.error(`errors-merge.ts: ${(e as Error).message}`);
    process.exit(1);
  }
}
