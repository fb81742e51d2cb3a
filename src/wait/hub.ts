// The main thread's side of the poller: starts the Worker once, lazily, arms and cancels one-shot
// slots in shared memory, and turns the poller's messages into calls of the waiting code's callbacks.
// The Worker keeps the process alive only while a wait is pending.
import { os } from "../platform/index.ts";
import {
  ARMED, EVENTS, FD, FREE, GEN_LIMIT, HEADER_BYTES, HWM, MAX_SLOTS, SHARED_BYTES, SLOT_INTS, STATE, STATE_MASK, WAKE,
  type StartMessage,
} from "./shared.ts";

/** Called once with poll()'s revents for the descriptor, or -errno when poll() itself failed. */
export type OnFire = (revents: number) => void;

interface Hub {
  worker: Worker;
  hdr: Int32Array;
  slots: Int32Array;
  wakeFd: number;
}

let hub: Hub | null = null;
let starting: Promise<Hub> | null = null;
let refd = false;
let pending = 0;
let hwm = 0;
const free: number[] = [];
/** The armed value (generation and state) each slot was last armed with; 0 once free. */
const armedVal = new Int32Array(MAX_SLOTS);
const gens = new Int32Array(MAX_SLOTS);
const callbacks: Array<OnFire | undefined> = [];
const ONE = new Uint8Array([1]);

/** Starts the poller (once; later calls share the first start). */
export function startHub(): Promise<void> {
  if (hub) return Promise.resolve();
  starting ??= launch().then(
    (h) => ((hub = h), h),
    (err) => {
      starting = null;
      throw err;
    },
  );
  return starting.then(() => undefined);
}

export const hubReady = (): boolean => hub !== null;

async function launch(): Promise<Hub> {
  const C = os.constants;
  const pair = new Int32Array(2);
  if (os.socketpair(C.AF_UNIX!, C.SOCK_STREAM!, 0, pair) !== 0)
    throw new Error(`php-sockets: the readiness poller needs a socket pair (error ${os.lastError()})`);
  os.setBlocking(pair[0]!, false);
  os.setBlocking(pair[1]!, false);
  const sab = new SharedArrayBuffer(SHARED_BYTES);
  const worker = new Worker(new URL("./poller.ts", import.meta.url).href);
  await new Promise<void>((resolve, reject) => {
    worker.onmessage = () => resolve();
    worker.onerror = (e) => reject(new Error(`php-sockets: the readiness poller failed to start: ${e.message}`));
  });
  worker.postMessage({ sab, wakeFd: pair[1]! } satisfies StartMessage);
  worker.onerror = null;
  worker.onmessage = (e: MessageEvent<Int32Array>) => deliver(e.data);
  worker.unref();
  return { worker, hdr: new Int32Array(sab, 0, HEADER_BYTES / 4), slots: new Int32Array(sab, HEADER_BYTES), wakeFd: pair[0]! };
}

function deliver(fired: Int32Array): void {
  for (let j = 0; j + 2 < fired.length; j += 3) {
    const slot = fired[j]!, val = fired[j + 1]!;
    // A slot cancelled (and maybe reused) since the poller claimed it has another value: ignore it.
    if (armedVal[slot] !== val) continue;
    const cb = callbacks[slot]!;
    release(slot);
    cb(fired[j + 2]!);
  }
  keepAlive();
}

/**
 * Arms a one-shot wait for `events` on `fd` (after startHub() resolved). Returns a ticket for cancel(),
 * or -1 when MAX_SLOTS waits are already pending.
 */
export function arm(fd: number, events: number, cb: OnFire): number {
  const h = hub!;
  const slot = free.length ? free.pop()! : hwm < MAX_SLOTS ? hwm++ : -1;
  if (slot < 0) return -1;
  const gen = (gens[slot] = (gens[slot]! + 1) % GEN_LIMIT);
  const val = (gen << 2) | ARMED;
  const base = slot * SLOT_INTS;
  Atomics.store(h.slots, base + FD, fd);
  Atomics.store(h.slots, base + EVENTS, events);
  Atomics.store(h.slots, base + STATE, val);
  if (Atomics.load(h.hdr, HWM) < hwm) Atomics.store(h.hdr, HWM, hwm);
  armedVal[slot] = val;
  callbacks[slot] = cb;
  pending++;
  keepAlive();
  wake(h);
  return slot * GEN_LIMIT * 4 + val;
}

/** Cancels a wait that has not fired (a no-op once it has); the poller drops the descriptor at once. */
export function cancel(ticket: number): void {
  const slot = Math.floor(ticket / (GEN_LIMIT * 4)), val = ticket % (GEN_LIMIT * 4);
  if (armedVal[slot] !== val) return;
  release(slot);
  keepAlive();
  // Wake the poller so that it stops holding the descriptor (a closed socket stays open while polled).
  wake(hub!);
}

function release(slot: number): void {
  const h = hub!;
  Atomics.store(h.slots, slot * SLOT_INTS + STATE, (armedVal[slot]! & ~STATE_MASK) | FREE);
  armedVal[slot] = 0;
  callbacks[slot] = undefined;
  free.push(slot);
  pending--;
}

function wake(h: Hub): void {
  if (Atomics.compareExchange(h.hdr, WAKE, 0, 1) === 0) os.send(h.wakeFd, ONE, 1, 0);
}

function keepAlive(): void {
  if (!hub) return;
  if (pending > 0 && !refd) (hub.worker.ref(), (refd = true));
  else if (pending === 0 && refd) (hub.worker.unref(), (refd = false));
}

/** Waits pending now (for tests and the benchmark). */
export const pendingWaits = (): number => pending;
