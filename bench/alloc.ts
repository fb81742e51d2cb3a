// Does a path allocate? 100,000 round trips of 64 bytes over a unix stream pair, in batches that each
// start from a full GC: the GC heap's growth across a batch is what the batch allocated (JSC only grows
// its heap for new cells), and the object count after a final GC is what stayed alive.
import { heapStats } from "bun:jsc";
import { libTrips, missing, type LibPath } from "./js/library.ts";
import { rawTrips } from "./js/raw.ts";
import type { Trips } from "./js/library.ts";

export interface Alloc {
  impl: string;
  calls: number;
  /** GC-heap bytes allocated per round trip (4 socket calls). */
  bytesPerTrip: number;
  /** Objects still alive after the run and a full GC, minus those before it. */
  retained: number;
  note?: string;
}

const TRIPS = 100_000, BATCH = 10_000, SIZE = 64;

function check(impl: string, c: Trips): Alloc {
  for (let i = 0; i < 2_000; i++) c.trip(); // JIT warm-up: compiled code must be what is measured
  // Two full collections: what the previous case left behind must be gone before counting.
  Bun.gc(true);
  Bun.gc(true);
  const before = heapStats().objectCount;
  let grown = 0;
  for (let b = 0; b < TRIPS / BATCH; b++) {
    Bun.gc(true);
    const cap = heapStats().heapCapacity;
    for (let i = 0; i < BATCH; i++) c.trip();
    grown += heapStats().heapCapacity - cap;
  }
  Bun.gc(true);
  Bun.gc(true);
  const retained = heapStats().objectCount - before;
  return { impl, calls: TRIPS * 4, bytesPerTrip: grown / TRIPS, retained };
}

export function allocChecks(labels: Record<LibPath, string>): Alloc[] {
  const out: Alloc[] = [];
  for (const path of ["zero-copy", "strings", "binary"] as LibPath[]) {
    const why = missing(path, "unix");
    if (why) {
      out.push({ impl: labels[path], calls: 0, bytesPerTrip: 0, retained: 0, note: why });
      continue;
    }
    const c = libTrips(path, "unix", SIZE);
    try {
      out.push(check(labels[path], c));
    } finally {
      c.close();
    }
  }
  const r = rawTrips("unix", SIZE);
  try {
    out.push(check("bun:ffi raw", r));
  } finally {
    r.close();
  }
  return out;
}
