// The Linux ReadySet: an epoll instance that keeps the last call's handles registered, so a call
// with the same sockets as the one before costs one epoll_wait() however many there are (poll() and
// select() look at every handle on every call). Only the difference is re-registered.
import type { Socket } from "../socket.ts";
import { S, os } from "./common.ts";
import { EXCEPT, MAX_WAIT_MS, READ, WRITE, bitCount, leftUntil, readyRule, type ReadySet } from "./readyset.ts";
import { PollReady } from "./ready-poll.ts";

const EPOLLIN = S.EPOLLIN!, EPOLLOUT = S.EPOLLOUT!, EPOLLPRI = S.EPOLLPRI!, EPOLLERR = S.EPOLLERR!, EPOLLHUP = S.EPOLLHUP!;
const ADD = S.EPOLL_CTL_ADD!, DEL = S.EPOLL_CTL_DEL!, MOD = S.EPOLL_CTL_MOD!;
const EEXIST = S.EEXIST!, ENOENT = S.ENOENT!;
// Only Linux has epoll_event; elsewhere this class is never built (select.ts picks PollReady), but the
// module still loads, so nothing here may assume the layout exists.
const EV = os.layout.epoll_event;
const SIZE = EV?.size ?? 0, EV_OFF = EV?.fields.events?.[0] ?? 0, DATA_OFF = EV?.fields.data?.[0] ?? 0;
const ready = readyRule(EPOLLIN, EPOLLOUT, EPOLLPRI, EPOLLERR, EPOLLHUP);
const ask = (sets: number): number => (sets & READ ? EPOLLIN : 0) | (sets & WRITE ? EPOLLOUT : 0) | (sets & EXCEPT ? EPOLLPRI : 0);

export class EpollReady implements ReadySet {
  error = 0;
  #ep = -1;
  #stamp = 0;
  // This call: its distinct handles in order, their sockets, and per handle (valid where #seenAt is
  // this call's stamp) its sets and the sets it was found ready in.
  #list = new Int32Array(64);
  #socks: Socket[] = [];
  #n = 0;
  #seenAt = new Uint32Array(1024);
  #sets = new Uint8Array(1024);
  #ready = new Uint8Array(1024);
  #readyAt = new Uint32Array(1024);
  // The kernel's side, per handle: the events registered (0: none), for which socket, and a serial
  // carried in the event data, so that an event from a registration that outlived its socket is known.
  #reg = new Int32Array(1024);
  #regSock: (Socket | undefined)[] = [];
  #serial = new Uint32Array(1024);
  #nextSerial = 0;
  #regList = new Int32Array(64);
  #regN = 0;
  #ev = new Uint8Array(SIZE);
  #evView = new DataView(this.#ev.buffer);
  #out = new Uint8Array(SIZE * 64);
  #outView = new DataView(this.#out.buffer);
  #fallback: PollReady | null = null;

  begin(): void {
    this.#n = 0;
    if (++this.#stamp === 0x100000000) {
      this.#seenAt.fill(0);
      this.#readyAt.fill(0);
      this.#stamp = 1;
    }
  }

  add(sock: Socket, fd: number, sets: number): void {
    if (fd >= this.#seenAt.length) this.#grow(fd);
    if (this.#seenAt[fd] === this.#stamp) {
      this.#sets[fd]! |= sets;
      return;
    }
    this.#seenAt[fd] = this.#stamp;
    this.#sets[fd] = sets;
    if (this.#n === this.#list.length) {
      const list = new Int32Array(this.#n * 2);
      list.set(this.#list);
      this.#list = list;
    }
    this.#socks[this.#n] = sock;
    this.#list[this.#n++] = fd;
  }

  wait(ms: number): number {
    const n = this.#n;
    // Without an epoll instance (no descriptor left to make one) this call polls instead.
    if (this.#ep < 0 && (this.#ep = os.epollCreate!()) < 0) return this.#pollInstead(ms);
    if (!this.#sync(n)) return -1;
    if (this.#out.length < n * SIZE) {
      this.#out = new Uint8Array(this.#regList.length * SIZE);
      this.#outView = new DataView(this.#out.buffer);
    }
    const deadline = ms > 0 ? performance.now() + ms : 0;
    let left = ms, rebuilt = false;
    for (;;) {
      const k = os.epollWait!(this.#ep, this.#out, n, left > MAX_WAIT_MS ? MAX_WAIT_MS : left);
      if (k < 0) return (this.error = os.lastError()), -1;
      let count = 0, stale = false;
      for (let i = 0; i < k; i++) {
        const at = i * SIZE, ev = this.#outView.getUint32(at + EV_OFF, true);
        const fd = this.#outView.getUint32(at + DATA_OFF, true), serial = this.#outView.getUint32(at + DATA_OFF + 4, true);
        if (fd >= this.#seenAt.length || this.#seenAt[fd] !== this.#stamp || this.#serial[fd] !== serial) {
          stale = true;
          continue;
        }
        const bits = ready(this.#sets[fd]!, ev);
        if (bits) {
          this.#ready[fd] = bits;
          this.#readyAt[fd] = this.#stamp;
          count += bitCount(bits);
        } else {
          // Reported for no set it is in (a hang-up seen from the except set): select() would go on
          // waiting, so the handle sits out the rest of this call.
          this.#ctl(DEL, fd, 0);
          this.#reg[fd] = 0;
          this.#regSock[fd] = undefined;
        }
      }
      if (count > 0) return count;
      // A registration whose socket was closed while a copy of its descriptor lived on cannot be
      // removed by descriptor number: start a fresh instance, once.
      if (stale && !rebuilt) {
        rebuilt = true;
        if (!this.#sync(this.#reset())) return -1;
      }
      if (ms === 0) return 0;
      if (ms > 0 && (left = leftUntil(deadline)) === 0) return 0;
    }
  }

  readyIn(fd: number): number {
    return fd < this.#readyAt.length && this.#readyAt[fd] === this.#stamp ? this.#ready[fd]! : 0;
  }

  /** Makes the kernel's registrations the first `n` handles of the list: drops others, adds or changes. */
  #sync(n: number): boolean {
    if (this.#ep < 0 && (this.#ep = os.epollCreate!()) < 0) return (this.error = os.lastError()), false;
    for (let i = 0; i < this.#regN; i++) {
      const fd = this.#regList[i]!;
      if (this.#seenAt[fd] === this.#stamp || this.#reg[fd] === 0) continue;
      this.#ctl(DEL, fd, 0);
      this.#reg[fd] = 0;
      this.#regSock[fd] = undefined;
    }
    const list = this.#list, socks = this.#socks;
    for (let i = 0; i < n; i++) {
      const fd = list[i]!, sock = socks[i]!, want = ask(this.#sets[fd]!), had = this.#reg[fd]!;
      if (had === want && this.#regSock[fd] === sock) continue;
      let r: number;
      if (had === 0 || this.#regSock[fd] !== sock) {
        // A different socket on a known number: the old one was closed, and its registration with it.
        this.#serial[fd] = ++this.#nextSerial;
        r = this.#ctl(ADD, fd, want);
        if (r < 0 && os.lastError() === EEXIST) r = this.#ctl(MOD, fd, want);
      } else {
        r = this.#ctl(MOD, fd, want);
        if (r < 0 && os.lastError() === ENOENT) r = this.#ctl(ADD, fd, want);
      }
      // select() fails the same way on a descriptor that is not open (EBADF). What was registered
      // up to here is not in the kept list: forget the instance rather than track it.
      if (r < 0) {
        this.error = os.lastError();
        for (let j = 0; j <= i; j++) this.#forget(list[j]!);
        this.#reset();
        return false;
      }
      this.#reg[fd] = want;
      this.#regSock[fd] = sock;
    }
    // The registered set is now this call's: keep its list for the next call. Socket references of
    // a larger earlier call go (the same number of entries is simply overwritten next time).
    [this.#regList, this.#list] = [this.#list, this.#regList];
    this.#regN = n;
    if (socks.length > n) socks.length = n;
    return true;
  }

  #pollInstead(ms: number): number {
    const p = (this.#fallback ??= new PollReady());
    p.begin();
    for (let i = 0; i < this.#n; i++) p.add(this.#socks[i]!, this.#list[i]!, this.#sets[this.#list[i]!]!);
    const count = p.wait(ms);
    if (count < 0) return (this.error = p.error), -1;
    for (let i = 0; i < this.#n; i++) {
      const fd = this.#list[i]!;
      this.#ready[fd] = p.readyIn(fd);
      this.#readyAt[fd] = this.#stamp;
    }
    return count;
  }

  #ctl(op: number, fd: number, events: number): number {
    const v = this.#evView;
    v.setUint32(EV_OFF, events, true);
    v.setUint32(DATA_OFF, fd, true);
    v.setUint32(DATA_OFF + 4, this.#serial[fd]!, true);
    return os.epollCtl!(this.#ep, op, fd, this.#ev);
  }

  /**
   * Forgets every registration with the instance that held them; the kept list goes back into the
   * list to register (for a rebuild), and the count of those is returned.
   */
  #reset(): number {
    os.close(this.#ep);
    this.#ep = -1;
    if (this.#list.length < this.#regN) this.#list = new Int32Array(this.#regList.length);
    let m = 0;
    for (let i = 0; i < this.#regN; i++) {
      const fd = this.#regList[i]!;
      if (this.#reg[fd] !== 0) {
        this.#list[m] = fd;
        this.#socks[m++] = this.#regSock[fd]!;
      }
      this.#forget(fd);
    }
    this.#regN = 0;
    return m;
  }

  #forget(fd: number): void {
    this.#reg[fd] = 0;
    this.#regSock[fd] = undefined;
  }

  #grow(fd: number): void {
    let len = this.#seenAt.length;
    while (len <= fd) len *= 2;
    const u32 = (a: Uint32Array): Uint32Array<ArrayBuffer> => {
      const b = new Uint32Array(len);
      b.set(a);
      return b;
    };
    const u8 = (a: Uint8Array): Uint8Array<ArrayBuffer> => {
      const b = new Uint8Array(len);
      b.set(a);
      return b;
    };
    this.#seenAt = u32(this.#seenAt);
    this.#readyAt = u32(this.#readyAt);
    this.#serial = u32(this.#serial);
    this.#sets = u8(this.#sets);
    this.#ready = u8(this.#ready);
    const reg = new Int32Array(len);
    reg.set(this.#reg);
    this.#reg = reg;
  }
}
