// The poll() strategy's main-thread half: waits are slots in shared memory that the poller scans
// before each poll(); a wake-up byte makes it rescan after a change.
import { os } from "../platform/index.ts";
import type { Backend, OnFire } from "./backend.ts";
import {
  ARMED, EVENTS, FD, FREE, GEN_LIMIT, HEADER_BYTES, HWM, MAX_SLOTS, SHARED_BYTES, SLOT_INTS, STATE, STATE_MASK, WAKE,
  type Fired, type StartMessage,
} from "./shared.ts";

const ONE = new Uint8Array([1]);

export class PollBackend implements Backend {
  pending = 0;
  #hdr!: Int32Array;
  #slots!: Int32Array;
  #wakeFd = -1;
  #hwm = 0;
  readonly #free: number[] = [];
  /** The armed value (generation and state) each slot was last armed with; 0 once free. */
  readonly #armedVal = new Int32Array(MAX_SLOTS);
  readonly #gens = new Int32Array(MAX_SLOTS);
  readonly #callbacks: Array<OnFire | undefined> = [];

  prepare(): StartMessage {
    const C = os.constants;
    const pair = new Int32Array(2);
    if (os.socketpair(C.AF_UNIX!, C.SOCK_STREAM!, 0, pair) !== 0)
      throw new Error(`php-sockets: the readiness poller needs a socket pair (error ${os.lastError()})`);
    os.setBlocking(pair[0]!, false);
    os.setBlocking(pair[1]!, false);
    const sab = new SharedArrayBuffer(SHARED_BYTES);
    this.#hdr = new Int32Array(sab, 0, HEADER_BYTES / 4);
    this.#slots = new Int32Array(sab, HEADER_BYTES);
    this.#wakeFd = pair[0]!;
    return { kind: "poll", sab, wakeFd: pair[1]! };
  }

  deliver(fired: Fired): void {
    for (let j = 0; j + 2 < fired.length; j += 3) {
      const slot = fired[j]!, val = fired[j + 1]!;
      // A slot cancelled (and maybe reused) since the poller claimed it has another value: ignore it.
      if (this.#armedVal[slot] !== val) continue;
      const cb = this.#callbacks[slot]!;
      this.#release(slot);
      cb(fired[j + 2]!);
    }
  }

  arm(fd: number, events: number, cb: OnFire): number {
    const slot = this.#free.length ? this.#free.pop()! : this.#hwm < MAX_SLOTS ? this.#hwm++ : -1;
    if (slot < 0) return -1;
    const gen = (this.#gens[slot] = (this.#gens[slot]! + 1) % GEN_LIMIT);
    const val = (gen << 2) | ARMED;
    const base = slot * SLOT_INTS;
    Atomics.store(this.#slots, base + FD, fd);
    Atomics.store(this.#slots, base + EVENTS, events);
    Atomics.store(this.#slots, base + STATE, val);
    if (Atomics.load(this.#hdr, HWM) < this.#hwm) Atomics.store(this.#hdr, HWM, this.#hwm);
    this.#armedVal[slot] = val;
    this.#callbacks[slot] = cb;
    this.pending++;
    this.#wake();
    return slot * GEN_LIMIT * 4 + val;
  }

  cancel(ticket: number): void {
    const slot = Math.floor(ticket / (GEN_LIMIT * 4)), val = ticket % (GEN_LIMIT * 4);
    if (this.#armedVal[slot] !== val) return;
    this.#release(slot);
    // Wake the poller so that it stops holding the descriptor (a socket stays open while polled).
    this.#wake();
  }

  forget(): void {
    // Nothing is kept per descriptor: cancelling its waits was enough.
  }

  #release(slot: number): void {
    Atomics.store(this.#slots, slot * SLOT_INTS + STATE, (this.#armedVal[slot]! & ~STATE_MASK) | FREE);
    this.#armedVal[slot] = 0;
    this.#callbacks[slot] = undefined;
    this.#free.push(slot);
    this.pending--;
  }

  #wake(): void {
    if (Atomics.compareExchange(this.#hdr, WAKE, 0, 1) === 0) os.send(this.#wakeFd, ONE, 1, 0);
  }
}
