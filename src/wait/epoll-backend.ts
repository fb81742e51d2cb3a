// The epoll strategy's main-thread half (Linux). One registration per descriptor, one-shot: the
// kernel disarms it when it reports, and this thread re-arms it (epoll_ctl is safe to call while the
// poller sleeps in epoll_wait), so a new wait costs one system call and never wakes the poller. Each
// arming carries a new generation in the event's data, so a report that was already on its way when
// the registration changed is recognised and dropped.
import { os } from "../platform/index.ts";
import type { Backend, OnFire } from "./backend.ts";
import type { Fired, StartMessage } from "./shared.ts";

const S = os.system;
const POLLIN = S.POLLIN!, POLLOUT = S.POLLOUT!, POLLPRI = S.POLLPRI!, POLLERR = S.POLLERR!, POLLHUP = S.POLLHUP!;
const EPOLLIN = S.EPOLLIN!, EPOLLOUT = S.EPOLLOUT!, EPOLLPRI = S.EPOLLPRI!, EPOLLERR = S.EPOLLERR!, EPOLLHUP = S.EPOLLHUP!;
const EPOLLONESHOT = S.EPOLLONESHOT!;
const ADD = S.EPOLL_CTL_ADD!, MOD = S.EPOLL_CTL_MOD!, DEL = S.EPOLL_CTL_DEL!;
const ENOENT = S.ENOENT!, EEXIST = S.EEXIST!;
const ALWAYS = POLLERR | POLLHUP;

/** Whether this platform can take the epoll strategy. */
export const epollAvailable = (): boolean =>
  !!(os.epollCreate && os.epollCtl && os.epollWait && os.layout.epoll_event && S.EPOLLONESHOT !== undefined);

const toEpoll = (ev: number): number =>
  (ev & POLLIN ? EPOLLIN : 0) | (ev & POLLOUT ? EPOLLOUT : 0) | (ev & POLLPRI ? EPOLLPRI : 0);
const fromEpoll = (ev: number): number =>
  (ev & EPOLLIN ? POLLIN : 0) | (ev & EPOLLOUT ? POLLOUT : 0) | (ev & EPOLLPRI ? POLLPRI : 0) |
  (ev & EPOLLERR ? POLLERR : 0) | (ev & EPOLLHUP ? POLLHUP : 0);

interface Wait {
  fd: number;
  events: number;
  cb: OnFire;
}

interface Registration {
  /** The generation the kernel's registration carries now. */
  gen: number;
  /** Events armed in the kernel (0: registered but disarmed). */
  armed: number;
  registered: boolean;
  waits: Map<number, Wait>;
}

export class EpollBackend implements Backend {
  pending = 0;
  #ep = -1;
  #gen = 0;
  #nextTicket = 1;
  readonly #regs = new Map<number, Registration>();
  readonly #byTicket = new Map<number, Wait>();
  readonly #ev: Uint8Array;
  readonly #view: DataView;
  readonly #evOff: number;
  readonly #dataOff: number;

  constructor() {
    const E = os.layout.epoll_event!;
    this.#ev = new Uint8Array(E.size);
    this.#view = new DataView(this.#ev.buffer);
    this.#evOff = E.fields.events![0];
    this.#dataOff = E.fields.data![0];
  }

  prepare(): StartMessage {
    this.#ep = os.epollCreate!();
    if (this.#ep < 0) throw new Error(`php-sockets: the readiness poller could not create an epoll set (error ${os.lastError()})`);
    return { kind: "epoll", ep: this.#ep };
  }

  deliver(fired: Fired): void {
    const due: Array<[OnFire, number]> = [];
    for (let j = 0; j + 2 < fired.length; j += 3) {
      const fd = fired[j]!, gen = fired[j + 1]!, raw = fired[j + 2]!;
      if (raw < 0) {
        // epoll_wait failed for good: every pending wait hears it.
        for (const [t, w] of this.#byTicket) (this.#drop(t, w), due.push([w.cb, raw]));
        continue;
      }
      const reg = this.#regs.get(fd);
      if (!reg || reg.gen !== gen) continue;
      reg.armed = 0; // one-shot: the kernel disarmed it when it reported
      const rev = fromEpoll(raw);
      for (const [t, w] of reg.waits) if (rev & (w.events | ALWAYS)) (this.#drop(t, w), due.push([w.cb, rev]));
      this.#rearm(fd, reg);
    }
    for (const [cb, rev] of due) cb(rev);
  }

  arm(fd: number, events: number, cb: OnFire): number {
    let reg = this.#regs.get(fd);
    if (!reg) this.#regs.set(fd, (reg = { gen: 0, armed: 0, registered: false, waits: new Map() }));
    const ticket = this.#nextTicket++;
    const w: Wait = { fd, events, cb };
    reg.waits.set(ticket, w);
    this.#byTicket.set(ticket, w);
    this.pending++;
    this.#rearm(fd, reg);
    return ticket;
  }

  cancel(ticket: number): void {
    const w = this.#byTicket.get(ticket);
    if (!w) return;
    this.#drop(ticket, w);
    const reg = this.#regs.get(w.fd);
    if (reg) this.#rearm(w.fd, reg);
  }

  forget(fd: number): void {
    const reg = this.#regs.get(fd);
    if (!reg) return;
    for (const [t, w] of reg.waits) this.#drop(t, w);
    if (reg.registered) os.epollCtl!(this.#ep, DEL, fd, this.#ev);
    this.#regs.delete(fd);
  }

  #drop(ticket: number, w: Wait): void {
    this.#byTicket.delete(ticket);
    this.#regs.get(w.fd)?.waits.delete(ticket);
    this.pending--;
  }

  /** Arms the kernel's registration for exactly the events still waited for (none: removed). */
  #rearm(fd: number, reg: Registration): void {
    let want = 0;
    for (const w of reg.waits.values()) want |= toEpoll(w.events);
    if (want === reg.armed) return;
    if (want === 0) {
      // Removed rather than armed for nothing: the kernel adds EPOLLERR|EPOLLHUP to every mask, and a
      // hung-up socket would then be reported again and again. (A registration that has reported is
      // disabled whole, hang-ups included, until re-armed: that one may stay.)
      os.epollCtl!(this.#ep, DEL, fd, this.#ev);
      reg.registered = false;
      reg.armed = 0;
      return;
    }
    reg.gen = this.#gen = (this.#gen + 1) | 0;
    this.#view.setUint32(this.#evOff, want | EPOLLONESHOT, true);
    this.#view.setInt32(this.#dataOff, fd, true);
    this.#view.setInt32(this.#dataOff + 4, reg.gen, true);
    let r = os.epollCtl!(this.#ep, reg.registered ? MOD : ADD, fd, this.#ev);
    if (r < 0) {
      // The number now names another socket than the one registered (closed behind our back), or
      // the registration is older than this entry: take the other operation.
      const e = os.lastError();
      if (e === ENOENT || e === EEXIST) r = os.epollCtl!(this.#ep, e === ENOENT ? ADD : MOD, fd, this.#ev);
    }
    if (r < 0) {
      const err = -os.lastError();
      for (const [t, w] of [...reg.waits]) (this.#drop(t, w), queueMicrotask(() => w.cb(err)));
      reg.armed = 0;
      return;
    }
    reg.registered = true;
    reg.armed = want;
  }
}
