// CLOCK_MONOTONIC through libc, in nanoseconds: one clock for this process and its children (Bun's
// performance.now and process.hrtime start from each process's own origin).
import { dlopen } from "bun:ffi";

const CLOCK_MONOTONIC = 1; // Linux
const { symbols } = dlopen("libc.so.6", { clock_gettime: { args: ["i32", "buffer"], returns: "i32" } });
const ts = new BigInt64Array(2);

export function monoNs(): bigint {
  symbols.clock_gettime(CLOCK_MONOTONIC, ts);
  return ts[0]! * 1_000_000_000n + ts[1]!;
}
