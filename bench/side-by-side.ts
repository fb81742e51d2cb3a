// The library against the floor in one process: `bun bench/side-by-side.ts TRANSPORT SIZE` runs raw
// bun:ffi, zero-copy, raw + strings, binary strings and strings on one case, alternating short batches,
// and prints each one's best batch (ns per round trip) as JSON. Separate processes differ by 10% or
// more in their memory layout alone; alternating in one process leaves only the code's own cost.
// (The two string paths share call sites here, which can only make the library look slower.)
import type { Transport } from "./cases.ts";
import { tripsOf } from "./js/library.ts";

export const SIDE_BY_SIDE = ["raw", "zero-copy", "raw-strings", "binary", "strings"] as const;
export type SideBySide = Record<(typeof SIDE_BY_SIDE)[number], number>;

const ROUNDS = 16;

if (import.meta.main) {
  const t = process.argv[2] as Transport, n = Number(process.argv[3]);
  const trips = SIDE_BY_SIDE.map((k) => [k, tripsOf(k, t, n)] as const);
  const per = n > 32768 ? 100 : 1000;
  // Warm-up: every variant until its JIT tiers are up.
  for (const [, c] of trips) for (let i = 0; i < per * 4; i++) c.trip();
  const best: Partial<SideBySide> = {};
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, c] of trips) {
      const t0 = Bun.nanoseconds();
      for (let i = 0; i < per; i++) c.trip();
      const ns = (Bun.nanoseconds() - t0) / per;
      if (!(ns >= (best[k] ?? Infinity))) best[k] = ns;
    }
  }
  for (const [, c] of trips) c.close();
  console.log(JSON.stringify(best));
}
