// `bun run conformance:report`: replays every scenario in PHP 8.2 and in the library (on Linux), checks
// every constant, reads the phpt map and the Windows lane's results, and writes conformance/REPORT.md
// and conformance/report.html: every function and constant by platform.
import { existsSync, readFileSync } from "node:fs";
import { phpAvailable, runLibrary, runPhp } from "../harness/differential.ts";
import type { Scenario } from "../harness/scenario.ts";
import { readTsv } from "../matrix/tsv.ts";
import { FUNCTIONS } from "./catalog.ts";
import { PHPT_PATH, phptCounts, readPhptMap } from "./phpt.ts";
import { renderHtml, renderMarkdown, type Cell, type Report } from "./render.ts";

const root = `${import.meta.dir}/..`;
const onLinux = process.platform === "linux";
const live = onLinux && phpAvailable();

// Windows: the Wine lane's test files (conformance/windows) and, when the lane has run here with
// WINDOWS_LANE_JUNIT=.cache/windows-junit.xml (as .ci/run does), their results per file.
const laneDir = `${root}/windows`;
const laneFiles = [...new Bun.Glob("*.test.ts").scanSync(laneDir)].sort();
const laneText = new Map(laneFiles.map((f) => [f, readFileSync(`${laneDir}/${f}`, "utf8")]));
const junitPath = `${root}/../.cache/windows-junit.xml`;
const junit = new Map<string, { tests: number; failures: number; skipped: number }>();
if (existsSync(junitPath)) {
  for (const m of readFileSync(junitPath, "utf8").matchAll(/<testsuite name="([^"]+)"[^>]*? tests="(\d+)"[^>]*? failures="(\d+)" skipped="(\d+)"/g))
    junit.set(m[1]!.replace(/\\/g, "/").replace(/^.*conformance\/windows\//, ""), { tests: +m[2]!, failures: +m[3]!, skipped: +m[4]! });
}
function windowsCell(name: string): Cell | null {
  const files = laneFiles.filter((f) => new RegExp(`\\b${name}\\b`).test(laneText.get(f)!));
  if (!files.length) return null;
  const runs = files.map((f) => junit.get(f)).filter((r) => r !== undefined);
  if (!runs.length) return { status: "not-run", text: `exercised by ${files.join(", ")} under Wine; the lane has not run here` };
  const fail = runs.reduce((n, r) => n + r.failures, 0), pass = runs.reduce((n, r) => n + r.tests - r.failures - r.skipped, 0);
  return { status: fail ? "fail" : "pass", text: `under Wine: ${files.join(", ")}: ${pass} tests pass, ${fail} fail` };
}

const functionRows = [];
let scenarioTotal = 0;
for (const f of FUNCTIONS) {
  const file = `${root}/functions/${f.name}.ts`;
  let linux: Cell = { status: "none", text: "no scenarios" };
  if (existsSync(file)) {
    const scenarios = (await import(file)).default as Scenario[];
    scenarioTotal += scenarios.length;
    if (!live) linux = { status: "not-run", text: `${scenarios.length} scenarios, PHP absent` };
    else {
      const php = runPhp(scenarios), lib = runLibrary(scenarios);
      const failed = scenarios.filter((_, i) => !Bun.deepEquals(php[i], lib[i])).map((s) => s.name);
      linux = failed.length
        ? { status: "fail", text: `${scenarios.length - failed.length}/${scenarios.length} equal PHP${f.standIn ? "'s stand-in" : ""}; differ: ${failed.join("; ")}` }
        : { status: "pass", text: `${scenarios.length}/${scenarios.length} equal PHP${f.standIn ? ` (its stand-in ${f.standIn})` : ""}` };
    }
  }
  const win: Cell = windowsCell(f.name)
    ?? (f.where === "unix" ? { status: "na", text: "PHP defines it on Unix only" } : { status: "not-run", text: "not run under Wine" });
  const darwin: Cell = f.where === "windows" ? { status: "na", text: "Windows only" } : { status: "not-run", text: "no macOS machine here" };
  if (f.where === "windows" && linux.status === "none") linux = { status: "na", text: "Windows only" };
  functionRows.push({ name: f.name, family: f.family, origin: f.origin, cells: { linux, darwin, windows: win } });
}

// Constants: Linux values are checked against PHP itself; darwin and windows against their matrix rows.
const rows = readTsv(`${root}/matrix/constants.tsv`, ["name", "linux", "darwin", "windows", "source"]);
const phpConstants: Record<string, number> = live
  ? JSON.parse(Bun.spawnSync(["php", "-r", 'echo json_encode(get_defined_constants(true)["sockets"]);']).stdout.toString())
  : {};
const tables = {
  linux: (await import("../../src/platform/tables/linux.ts")).tables.constants,
  darwin: (await import("../../src/platform/tables/darwin.ts")).tables.constants,
  windows: (await import("../../src/platform/tables/windows.ts")).tables.constants,
};
const constantRows = rows.map(([name, lx, dw, wn]) => {
  const cell = (os: "linux" | "darwin" | "windows", v: string): Cell => {
    if (v === "-") return { status: "na", text: "-" };
    const table = tables[os][name!];
    if (table !== Number(v)) return { status: "fail", text: `table ${table} != matrix ${v}` };
    if (os === "linux" && live) return phpConstants[name!] === Number(v) ? { status: "pass", text: v } : { status: "fail", text: `PHP ${phpConstants[name!]}` };
    return { status: "matrix", text: v };
  };
  return { name: name!, cells: { linux: cell("linux", lx!), darwin: cell("darwin", dw!), windows: cell("windows", wn!) } };
});

// phpt map: every phpt of php-src's ext/sockets/tests, mapped to scenarios, still to do, or not applicable.
const phpt = existsSync(PHPT_PATH) ? readPhptMap() : [];
const pc = phptCounts(phpt);

const report: Report = {
  date: new Date().toISOString().slice(0, 10),
  bun: Bun.version,
  php: live ? Bun.spawnSync(["php", "-r", "echo PHP_VERSION;"]).stdout.toString() : "absent",
  scenarioTotal,
  functions: functionRows,
  constants: constantRows,
  phpt,
};
await Bun.write(`${root}/REPORT.md`, renderMarkdown(report));
await Bun.write(`${root}/report.html`, renderHtml(report));
console.log(`conformance/REPORT.md and conformance/report.html written (${functionRows.length} functions, ${constantRows.length} constants, ${phpt.length} phpt)`);
console.log(`phpt: ${pc.mapped} mapped of ${pc.applicable} applicable (${pc.todo} todo), ${pc.na} not applicable, ${pc.total} in all`);
