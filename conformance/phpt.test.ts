// Keeps the phpt map (conformance/phpt.tsv) and the scenarios in step: a phpt a scenario claims is
// mapped, and a mapped row names only scenarios that exist and claim it. No PHP needed. After scenarios
// change, `bun conformance/report/phpt-sync.ts` rewrites the mapped rows.
import { expect, test } from "bun:test";
import { Glob } from "bun";
import type { Scenario } from "./harness/scenario.ts";
import { SCENARIO_SEPARATOR, isTestFile, mappedScenarios, readPhptMap } from "./report/phpt.ts";

const dir = `${import.meta.dir}/functions`;
const files = [...new Glob("*.ts").scanSync(dir)].sort();
const scenarios = new Map<string, Scenario[]>();
for (const file of files) scenarios.set(file, (await import(`${dir}/${file}`)).default as Scenario[]);

const rows = readPhptMap(); // throws on a bad status, a duplicate or an empty reason
const byName = new Map(rows.map((r) => [r.name, r]));

test("every phpt a scenario names is in phpt.tsv as mapped", () => {
  const wrong: string[] = [];
  for (const [file, list] of scenarios)
    for (const sc of list)
      for (const phpt of sc.phpt ?? []) {
        const row = byName.get(phpt);
        if (row?.status !== "mapped") wrong.push(`${file}: ${sc.name} names ${phpt}, which is ${row ? row.status : "not listed"}`);
      }
  expect(wrong).toEqual([]);
});

test("every mapped row names scenarios that exist and name its phpt", async () => {
  const wrong: string[] = [];
  for (const row of rows.filter((r) => r.status === "mapped"))
    for (const { file, name } of mappedScenarios(row.where)) {
      if (isTestFile(file)) {
        // A bun test: the file must hold a test of that name (its comment names the phpt).
        const text = await Bun.file(`${import.meta.dir}/../${file}`).text().catch(() => "");
        if (!text.includes(`test(${JSON.stringify(name)}`)) wrong.push(`${row.name}: no test "${name}" in ${file}`);
        continue;
      }
      const sc = scenarios.get(file)?.find((s) => s.name === name);
      if (!sc) wrong.push(`${row.name}: no scenario "${name}" in ${file || "(no file)"}`);
      else if (!sc.phpt?.includes(row.name)) wrong.push(`${row.name}: ${file}: ${name} does not name it in phpt`);
    }
  expect(wrong).toEqual([]);
});

test("scenario names can be listed in a mapped row", () => {
  const bad = [...scenarios].flatMap(([file, list]) => list.filter((s) => s.name.includes(SCENARIO_SEPARATOR) || /[\t\n]/.test(s.name)).map((s) => `${file}: ${s.name}`));
  expect(bad).toEqual([]);
});
