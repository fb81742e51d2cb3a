// The poller Worker: one thread asleep in epoll_wait() (Linux) or poll() until a pending wait's
// descriptor is ready. It never runs a callback on another thread: it posts the ready waits' numbers
// to the main thread, which owns everything else.
import { os } from "../platform/index.ts";
import {
  ARMED, EVENTS, FD, FIRED, HEADER_BYTES, HWM, SLOT_INTS, STATE, STATE_MASK, WAKE, type StartMessage,
} from "./shared.ts";

declare const self: Worker;

const S = os.system;
const POLLIN = S.POLLIN!, POLLERR = S.POLLERR!, POLLHUP = S.POLLHUP!, POLLNVAL = S.POLLNVAL!;
const EINTR = S.EINTR!, EAGAIN = S.EAGAIN!, ENOMEM = S.ENOMEM ?? -1;
const MSG_DONTWAIT = os.constants.MSG_DONTWAIT ?? 0;
const ALWAYS = POLLERR | POLLHUP | POLLNVAL;
const nap = new Int32Array(new SharedArrayBuffer(4));

// A message posted before this module finished loading would be lost: say when to send it.
self.onmessage = (e: MessageEvent<StartMessage>) => {
  self.onmessage = null;
  const m = e.data;
  if (m.kind === "epoll") runEpoll(m.ep);
  else runPoll(m.sab, m.wakeFd);
};
postMessage("loaded");

function post(out: number[]): void {
  const msg = Int32Array.from(out);
  postMessage(msg, [msg.buffer]);
}

/** A failed wait call: true to try again (interrupted, or kernel memory short for the moment). */
function retry(err: number): boolean {
  if (err === EINTR) return true;
  if (err === EAGAIN || err === ENOMEM) {
    Atomics.wait(nap, 0, 0, 5);
    return true;
  }
  return false;
}

function runEpoll(ep: number): void {
  const E = os.layout.epoll_event!;
  const SIZE = E.size, EV_OFF = E.fields.events![0], DATA_OFF = E.fields.data![0];
  const MAX = 256;
  const buf = new Uint8Array(SIZE * MAX);
  const view = new DataView(buf.buffer);
  for (;;) {
    const n = os.epollWait!(ep, buf, MAX, -1);
    if (n < 0) {
      const err = os.lastError();
      if (retry(err)) continue;
      // The epoll handle is gone or broken: nothing more can be waited for.
      post([-1, 0, -err]);
      return;
    }
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const at = i * SIZE;
      // data is the 64-bit union: the descriptor in the low half, the registration's generation above.
      out.push(view.getInt32(at + DATA_OFF, true), view.getInt32(at + DATA_OFF + 4, true), view.getUint32(at + EV_OFF, true) & 0x7fffffff);
    }
    if (out.length) post(out);
  }
}

function runPoll(sab: SharedArrayBuffer, wakeFd: number): void {
  const P = os.layout.pollfd!;
  const SIZE = P.size, FD_OFF = P.fields.fd![0], FD_WIDE = P.fields.fd![1] === 8;
  const EV_OFF = P.fields.events![0], REV_OFF = P.fields.revents![0];
  const hdr = new Int32Array(sab, 0, HEADER_BYTES / 4);
  const slots = new Int32Array(sab, HEADER_BYTES);
  let cap = 64;
  let fds = new Uint8Array(cap * SIZE);
  let view = new DataView(fds.buffer);
  // The armed slots seen by this round: slot number, its armed value, its pollfd index.
  let armed = new Int32Array(cap * 3);
  const index = new Map<number, number>();
  const drain = new Uint8Array(256);

  const put = (k: number, fd: number, events: number): void => {
    const at = k * SIZE;
    if (FD_WIDE) view.setBigInt64(at + FD_OFF, BigInt(fd), true);
    else view.setInt32(at + FD_OFF, fd, true);
    view.setInt16(at + EV_OFF, events, true);
    view.setInt16(at + REV_OFF, 0, true);
  };
  const grow = (need: number): void => {
    if (need <= cap) return;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap * SIZE);
    next.set(fds);
    fds = next;
    view = new DataView(fds.buffer);
    const a = new Int32Array(cap * 3);
    a.set(armed);
    armed = a;
  };

  for (;;) {
    index.clear();
    put(0, wakeFd, POLLIN);
    let n = 1, m = 0;
    const hwm = Atomics.load(hdr, HWM);
    for (let i = 0; i < hwm; i++) {
      const base = i * SLOT_INTS;
      const val = Atomics.load(slots, base + STATE);
      if ((val & STATE_MASK) !== ARMED) continue;
      const fd = Atomics.load(slots, base + FD), events = Atomics.load(slots, base + EVENTS);
      let k = index.get(fd);
      if (k === undefined) {
        grow(n + 1);
        k = n++;
        put(k, fd, events);
        index.set(fd, k);
      } else {
        view.setInt16(k * SIZE + EV_OFF, view.getInt16(k * SIZE + EV_OFF, true) | events, true);
      }
      grow(m + 1);
      armed[m * 3] = i;
      armed[m * 3 + 1] = val;
      armed[m * 3 + 2] = k;
      m++;
    }

    const r = os.poll(fds, n, -1);
    let failed = 0;
    if (r < 0) {
      failed = os.lastError();
      if (retry(failed)) continue;
    }
    if (r > 0 && view.getInt16(REV_OFF, true) !== 0) {
      while (os.recv(wakeFd, drain, drain.length, MSG_DONTWAIT) > 0);
      // From here on a new wait makes the main thread send another byte: none is lost.
      Atomics.store(hdr, WAKE, 0);
    }

    const out: number[] = [];
    for (let j = 0; j < m; j++) {
      const i = armed[j * 3]!, val = armed[j * 3 + 1]!, k = armed[j * 3 + 2]!;
      let rev: number;
      if (failed) {
        // poll() itself failed (EINVAL past RLIMIT_NOFILE): every armed wait hears it once.
        rev = -failed;
      } else {
        rev = view.getUint16(k * SIZE + REV_OFF, true);
        const wanted = Atomics.load(slots, i * SLOT_INTS + EVENTS) | ALWAYS;
        if ((rev & wanted) === 0) continue;
      }
      if (Atomics.compareExchange(slots, i * SLOT_INTS + STATE, val, (val & ~STATE_MASK) | FIRED) === val) out.push(i, val, rev);
    }
    if (out.length) post(out);
  }
}
