// A reusable set of handles for poll(): one pollfd per distinct handle, events OR-ed together, and
// every buffer grow-only, so that polling the same thousand sockets again allocates nothing.
import { os } from "./common.ts";
import { HandleSlots } from "./handle-slots.ts";

const { fd: FD, events: EV, revents: REV } = os.layout.pollfd!.fields;
const SIZE = os.layout.pollfd!.size;
const FD_OFF = FD![0], FD_WIDE = FD![1] === 8, EV_OFF = EV![0], REV_OFF = REV![0];
/** poll() takes an int of milliseconds: longer waits are made of several polls. */
const MAX_WAIT_MS = 0x7fffffff;

export class PollSet {
  /** Distinct handles added since begin(). */
  count = 0;
  #buf = new Uint8Array(SIZE * 64);
  #view = new DataView(this.#buf.buffer);
  /** Caller-defined bits per slot (which of select's sets the handle is in). */
  #tags = new Uint8Array(64);
  #slots = new HandleSlots();

  /** Starts a new set; the buffers stay. */
  begin(): void {
    this.count = 0;
    this.#slots.begin();
  }

  /** Adds events (and tag bits) for a handle, merging with what it already has. */
  add(fd: number, events: number, tag: number): void {
    let slot = this.#slots.find(fd);
    if (slot < 0) {
      slot = this.count++;
      this.#reserve(this.count);
      this.#slots.remember(fd, slot);
      const at = slot * SIZE;
      if (FD_WIDE) this.#view.setBigInt64(at + FD_OFF, BigInt(fd), true);
      else this.#view.setInt32(at + FD_OFF, fd, true);
      this.#view.setInt16(at + EV_OFF, events, true);
      this.#tags[slot] = tag;
    } else {
      const at = slot * SIZE + EV_OFF;
      this.#view.setInt16(at, this.#view.getInt16(at, true) | events, true);
      this.#tags[slot]! |= tag;
    }
  }

  /**
   * poll() over the set: -1 waits forever, otherwise at least `ms` milliseconds (any size).
   * Returns poll's result (-1: ask os.lastError()).
   */
  wait(ms: number): number {
    for (let i = 0; i < this.count; i++) this.#view.setInt16(i * SIZE + REV_OFF, 0, true);
    if (ms <= MAX_WAIT_MS) return os.poll(this.#buf, this.count, ms);
    const deadline = performance.now() + ms;
    for (;;) {
      const left = Math.ceil(deadline - performance.now());
      const n = os.poll(this.#buf, this.count, left > MAX_WAIT_MS ? MAX_WAIT_MS : left > 0 ? left : 0);
      if (n !== 0 || left <= MAX_WAIT_MS) return n;
    }
  }

  /** The events poll() reported for slot i. */
  revents(slot: number): number {
    return this.#view.getUint16(slot * SIZE + REV_OFF, true);
  }

  tag(slot: number): number {
    return this.#tags[slot]!;
  }

  /** The slot of a handle added since begin(), or -1. */
  slotOf(fd: number): number {
    return this.#slots.find(fd);
  }

  #reserve(n: number): void {
    if (n <= this.#tags.length) return;
    let cap = this.#tags.length;
    while (cap < n) cap *= 2;
    const buf = new Uint8Array(cap * SIZE);
    buf.set(this.#buf);
    const tags = new Uint8Array(cap);
    tags.set(this.#tags);
    this.#buf = buf;
    this.#view = new DataView(buf.buffer);
    this.#tags = tags;
  }
}
