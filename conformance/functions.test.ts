// Replays every scenario of conformance/functions/ in PHP 8.2 and in the library; the transcripts
// (returns, by-reference values, warnings, exceptions) must be equal. On Linux PHP must be present:
// its absence fails here rather than skipping.
import { describe, expect, test } from "bun:test";
import { Glob } from "bun";
import { phpAvailable, runLibrary, runPhp } from "./harness/differential.ts";
import type { Scenario } from "./harness/scenario.ts";

const dir = `${import.meta.dir}/functions`;
const files = [...new Glob("*.ts").scanSync(dir)].sort();
const live = process.platform === "linux";

test("PHP 8.2 with sockets is present (the live oracle)", () => {
  if (live) expect(phpAvailable()).toBe(true);
});

for (const file of files) {
  const scenarios = (await import(`${dir}/${file}`)).default as Scenario[];
  describe(file.replace(/\.ts$/, ""), () => {
    const php = live && phpAvailable() ? runPhp(scenarios) : null;
    const lib = runLibrary(scenarios);
    scenarios.forEach((sc, i) => {
      test(sc.name, () => {
        expect(lib[i]!.steps.length).toBe(sc.steps.length);
        if (php) expect(lib[i]).toEqual(php[i]!);
      });
    });
  });
}
