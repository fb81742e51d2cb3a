// The portable ReadySet: one poll() over every distinct handle of the call. Buffers are grow-only, so
// polling the same sockets again allocates nothing; there is no FD_SETSIZE ceiling.
import type { Socket } from "../socket.ts";
import { S, os } from "./common.ts";
import { EXCEPT, MAX_WAIT_MS, READ, WRITE, bitCount, leftUntil, readyRule, type ReadySet } from "./readyset.ts";
import { HandleSlots } from "./handle-slots.ts";

const { fd: FD, events: EV, revents: REV } = os.layout.pollfd!.fields;
const SIZE = os.layout.pollfd!.size;
const FD_OFF = FD![0], FD_WIDE = FD![1] === 8, EV_OFF = EV![0], REV_OFF = REV![0];
const POLLIN = S.POLLIN!, POLLOUT = S.POLLOUT!, POLLPRI = S.POLLPRI!, POLLERR = S.POLLERR!, POLLHUP = S.POLLHUP!;
const POLLNVAL = S.POLLNVAL!, EBADF = S.EBADF!;
/** What each set asks for (the NORM/BAND bits too, as the kernel's select() does). */
const ASK_READ = POLLIN | (S.POLLRDNORM ?? 0) | (S.POLLRDBAND ?? 0);
const ASK_WRITE = POLLOUT | (S.POLLWRNORM ?? 0) | (S.POLLWRBAND ?? 0);
const ready = readyRule(ASK_READ, ASK_WRITE, POLLPRI, POLLERR, POLLHUP);
const ask = (sets: number): number => (sets & READ ? ASK_READ : 0) | (sets & WRITE ? ASK_WRITE : 0) | (sets & EXCEPT ? POLLPRI : 0);

export class PollReady implements ReadySet {
  error = 0;
  #n = 0;
  #buf = new Uint8Array(SIZE * 64);
  #view = new DataView(this.#buf.buffer);
  /** Per slot: the sets the handle is in, and the sets it was found ready in. */
  #sets = new Uint8Array(64);
  #ready = new Uint8Array(64);
  #slots = new HandleSlots();

  begin(): void {
    this.#n = 0;
    this.#slots.begin();
  }

  add(_sock: Socket, fd: number, sets: number): void {
    let slot = this.#slots.find(fd);
    if (slot < 0) {
      slot = this.#n++;
      this.#reserve(this.#n);
      this.#setFd(slot, fd);
      this.#slots.remember(fd, slot);
      this.#sets[slot] = sets;
    } else {
      this.#sets[slot]! |= sets;
    }
  }

  wait(ms: number): number {
    const n = this.#n, view = this.#view;
    for (let i = 0; i < n; i++) {
      this.#ready[i] = 0;
      view.setInt16(i * SIZE + EV_OFF, ask(this.#sets[i]!), true);
    }
    const deadline = ms > 0 ? performance.now() + ms : 0;
    let left = ms;
    for (;;) {
      const k = os.poll(this.#buf, n, left > MAX_WAIT_MS ? MAX_WAIT_MS : left);
      if (k < 0) return (this.error = os.lastError()), -1;
      let count = 0;
      if (k > 0) {
        for (let i = 0; i < n; i++) {
          const rev = view.getUint16(i * SIZE + REV_OFF, true);
          if (rev === 0) continue;
          // select() refuses the whole call when a descriptor is not open.
          if (rev & POLLNVAL) return (this.error = EBADF), -1;
          const bits = ready(this.#sets[i]!, rev);
          if (bits) count += bitCount((this.#ready[i] = bits));
          // Reported for no set it is in (a hang-up seen from the except set): select() would go on
          // waiting, so leave the handle out of this call's further polls.
          else this.#setFd(i, -1);
        }
      }
      if (count > 0 || ms === 0) return count;
      if (ms > 0 && (left = leftUntil(deadline)) === 0) return 0;
    }
  }

  readyIn(fd: number): number {
    const slot = this.#slots.find(fd);
    return slot < 0 ? 0 : this.#ready[slot]!;
  }

  #setFd(slot: number, fd: number): void {
    if (FD_WIDE) this.#view.setBigInt64(slot * SIZE + FD_OFF, BigInt(fd), true);
    else this.#view.setInt32(slot * SIZE + FD_OFF, fd, true);
  }

  #reserve(n: number): void {
    if (n <= this.#sets.length) return;
    let cap = this.#sets.length;
    while (cap < n) cap *= 2;
    const buf = new Uint8Array(cap * SIZE);
    buf.set(this.#buf);
    this.#buf = buf;
    this.#view = new DataView(buf.buffer);
    const sets = new Uint8Array(cap), ready = new Uint8Array(cap);
    sets.set(this.#sets);
    this.#sets = sets;
    this.#ready = ready;
  }
}
