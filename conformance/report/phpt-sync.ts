// `bun conformance/report/phpt-sync.ts`: rewrites conformance/phpt.tsv from the scenarios' `phpt` lists.
// A phpt some scenario names becomes mapped, its `where` the list of those scenarios; todo and na rows
// keep their reasons, which only a person can write. A mapped row that no scenario names any more is
// reported, not guessed at, and a phpt named by a scenario but absent from the map is an error.
import { Glob } from "bun";
import type { Scenario } from "../harness/scenario.ts";
import { writeTsv } from "../matrix/tsv.ts";
import { PHPT_PATH, SCENARIO_SEPARATOR, isTestFile, mappedScenarios, phptCounts, readPhptMap } from "./phpt.ts";

const dir = `${import.meta.dir}/../functions`;
const named = new Map<string, string[]>();
for (const file of [...new Glob("*.ts").scanSync(dir)].sort())
  for (const sc of (await import(`${dir}/${file}`)).default as Scenario[])
    for (const phpt of sc.phpt ?? []) named.set(phpt, [...(named.get(phpt) ?? []), `${file}: ${sc.name}`]);

const rows = readPhptMap();
const problems: string[] = [];
for (const phpt of named.keys()) if (!rows.some((r) => r.name === phpt)) problems.push(`${phpt}: named by a scenario, not in phpt.tsv`);
const out = rows.map((r) => {
  const where = named.get(r.name);
  if (where) return { ...r, status: "mapped" as const, where: where.join(SCENARIO_SEPARATOR) };
  // Rows mapped to bun tests (test/...) are kept by hand; conformance/phpt.test.ts checks them.
  if (r.status === "mapped" && mappedScenarios(r.where).every((p) => isTestFile(p.file))) return r;
  if (r.status === "mapped") problems.push(`${r.name}: mapped, but no scenario names it any more; give it a todo or na reason`);
  return r;
});
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
await Bun.write(PHPT_PATH, writeTsv(["phpt", "status", "where"], out.map((r) => [r.name, r.status, r.where])));
const c = phptCounts(out);
console.log(`conformance/phpt.tsv: ${c.mapped} mapped of ${c.applicable} applicable (${c.todo} todo), ${c.na} not applicable`);
