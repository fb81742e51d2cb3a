// Every timed process runs on one CPU, the same for all: both ends of a round trip live in one thread,
// so one core is all any implementation uses, and a process the scheduler moves between cores (or
// shares with the GC's helper threads on the other one) measures the move, not the code.
import { cpus } from "node:os";

const cpu = cpus().length - 1;
const taskset = cpu > 0 ? Bun.which("taskset") : null;

/** The command, run on the benchmark's CPU where taskset is available. */
export const pinned = (cmd: string[]): string[] => (taskset ? [taskset, "-c", String(cpu), ...cmd] : cmd);

/** What the report says about it. */
export const pinning = (): string => (taskset ? `every timed process pinned to CPU ${cpu} (taskset)` : "processes not pinned (no taskset)");
