// Writes a run's files: RESULTS.md (the tables, the readiness section, then CHANGES.md, the record of
// optimisations kept by hand, each heading one level down), WAIT.md, results.svg, and results.json,
// from which `bun run bench --report` writes the others again without measuring (after CHANGES.md moves).
import type { Cell } from "./cases.ts";
import { markdown } from "./report/markdown.ts";
import { svg } from "./report/svg.ts";
import type { Results } from "./report/model.ts";
import { waitMarkdown, type WaitResults } from "./wait.ts";

const dir = import.meta.dir;
const nested = (md: string): string => md.replace(/^(#+) /gm, "#$1 ");

export interface Saved {
  results: Results;
  wait: WaitResults;
  /** Every round's figure of every cell; results.cells keeps each cell's best. */
  rounds: (Cell & { round: number })[];
}

export async function write(results: Results, wait: WaitResults, rounds: Saved["rounds"]): Promise<void> {
  const changes = await Bun.file(`${dir}/CHANGES.md`).text();
  await Bun.write(`${dir}/RESULTS.md`, `${markdown(results).trimEnd()}\n\n${nested(waitMarkdown(wait)).trimEnd()}\n\n${nested(changes).trimEnd()}\n`);
  await Bun.write(`${dir}/WAIT.md`, waitMarkdown(wait));
  await Bun.write(`${dir}/results.svg`, svg(results));
  const saved: Saved = { results, wait, rounds };
  await Bun.write(`${dir}/results.json`, `${JSON.stringify(saved, null, 1)}\n`);
}

/** The files again from results.json. */
export async function rewrite(): Promise<void> {
  const saved = (await Bun.file(`${dir}/results.json`).json()) as Saved;
  await write(saved.results, saved.wait, saved.rounds);
}
