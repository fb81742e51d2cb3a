// mitata drives every in-process measurement. The rate is taken from the median sample (each sample
// is a batch of calls), which is steadier on a busy machine than the mean.
import { measure } from "mitata";

export interface Budget {
  /** Nanoseconds of measured time per case (mitata's min_cpu_time). */
  cpuTime: number;
}

/** Calls per second of `f` (sync or async), measured by mitata. */
export async function rate(f: () => unknown, costly: boolean, budget: Budget): Promise<number> {
  const stats = await measure(f, {
    min_cpu_time: budget.cpuTime,
    // Batches small enough that a 64 KiB case still gets a dozen samples inside its budget.
    batch_samples: costly ? 64 : 1024,
    min_samples: 12,
    warmup_samples: 2,
  });
  return 1e9 / stats.p50;
}
