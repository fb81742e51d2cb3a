// Blocking in PHP's sense on a descriptor another owner keeps non-blocking (socket_import_stream of a
// Bun socket: clearing O_NONBLOCK on the shared open socket would stall Bun's event loop). Such a
// Socket has `sharedFd` set; while `blocking`, a call that would give EAGAIN waits in poll() and tries
// again, for at most SO_RCVTIMEO/SO_SNDTIMEO (read at that moment, 0 = forever), as the OS would on a
// blocking descriptor. When the time is up the call is made once more, so its result and errno are
// the OS's own: EAGAIN, reported as a blocking socket with that timeout reports it.
import { C, S, os, type Socket } from "./common.ts";

const EAGAIN = S.EAGAIN!, EWOULDBLOCK = S.EWOULDBLOCK ?? EAGAIN, EINTR = S.EINTR!;
const POLLIN = S.POLLIN!, POLLOUT = S.POLLOUT!;
const MSG_DONTWAIT = C.MSG_DONTWAIT ?? 0, MSG_WAITALL = C.MSG_WAITALL ?? 0, MSG_PEEK = C.MSG_PEEK!;
const SOCK_STREAM = C.SOCK_STREAM!, SOL_SOCKET = C.SOL_SOCKET!;
const SO_RCVTIMEO = C.SO_RCVTIMEO!, SO_SNDTIMEO = C.SO_SNDTIMEO!;

const L = os.layout;
const pfd = new Uint8Array(L.pollfd!.size);
const pfdView = new DataView(pfd.buffer);
const PFD_FD = L.pollfd!.fields.fd!, PFD_EVENTS = L.pollfd!.fields.events![0];

/** poll() on one handle for `events`, at most `ms` (-1: without end); EINTR is retried. >0 ready, 0 timed out. */
export function waitFor(fd: number, events: number, ms: number): number {
  pfd.fill(0);
  if (PFD_FD[1] === 8) pfdView.setBigInt64(PFD_FD[0], BigInt(fd), true);
  else pfdView.setInt32(PFD_FD[0], fd, true);
  pfdView.setInt16(PFD_EVENTS, events, true);
  let r: number;
  while ((r = os.poll(pfd, 1, ms)) < 0 && os.lastError() === EINTR);
  return r;
}

const tv = new Uint8Array(Math.max(L.timeval!.size, 4));
const tvView = new DataView(tv.buffer);
const tvLen = new Uint32Array(1);
const field = ([off, size]: readonly [number, number]): number =>
  size === 8 ? Number(tvView.getBigInt64(off, true)) : tvView.getInt32(off, true);

/** The socket's SO_RCVTIMEO/SO_SNDTIMEO as a deadline (performance.now() ms); Infinity for none. */
function deadline(fd: number, option: number): number {
  tv.fill(0);
  tvLen[0] = os.timeoutAsMillis ? 4 : L.timeval!.size;
  if (os.getsockopt(fd, SOL_SOCKET, option, tv, tvLen) !== 0) return Infinity;
  const ms = os.timeoutAsMillis
    ? tvView.getInt32(0, true)
    : field(L.timeval!.fields.tv_sec!) * 1000 + Math.ceil(field(L.timeval!.fields.tv_usec!) / 1000);
  return ms > 0 ? performance.now() + ms : Infinity;
}

/** Waits until the handle is ready or the deadline passes; false once it has passed. */
function ready(fd: number, events: number, until: number): boolean {
  for (;;) {
    if (until === Infinity) return waitFor(fd, events, -1) !== 0;
    const left = until - performance.now();
    if (left <= 0) return false;
    // An error from poll itself is left for the next call to report.
    if (waitFor(fd, events, Math.ceil(left)) !== 0) return true;
  }
}

const transient = (): boolean => {
  const e = os.lastError();
  return e === EAGAIN || e === EWOULDBLOCK;
};

/** recv as on a blocking descriptor: waits for data, and under MSG_WAITALL for all `len` bytes of a stream. */
export function recv(s: Socket, buf: Uint8Array, len: number, flags: number): number {
  const wait = s.blocking && (flags & MSG_DONTWAIT) === 0;
  const all = wait && (flags & MSG_WAITALL) !== 0 && (flags & MSG_PEEK) === 0 && s.sockType === SOCK_STREAM;
  let got = 0, until = NaN;
  for (;;) {
    const n = os.recv(s.fd, got ? buf.subarray(got) : buf, len - got, flags);
    if (n > 0 && all && got + n < len) {
      got += n;
      continue;
    }
    if (n >= 0) return got + n;
    if (!wait || !transient()) return got || -1;
    if (until !== until) until = deadline(s.fd, SO_RCVTIMEO);
    if (!ready(s.fd, POLLIN, until)) {
      const m = os.recv(s.fd, got ? buf.subarray(got) : buf, len - got, flags);
      return m >= 0 ? got + m : got || -1;
    }
  }
}

/**
 * One call as on a blocking descriptor, for calls that move a whole datagram or message at once: made
 * again each time the handle is ready, until it succeeds, fails for good, or the deadline of
 * SO_RCVTIMEO (`recv`) or SO_SNDTIMEO passes, when it is made once more for the OS's own answer.
 */
function retried(s: Socket, flags: number, recv: boolean, call: () => number): number {
  const wait = s.blocking && (flags & MSG_DONTWAIT) === 0;
  let until = NaN;
  for (;;) {
    const n = call();
    if (n >= 0 || !wait || !transient()) return n;
    if (until !== until) until = deadline(s.fd, recv ? SO_RCVTIMEO : SO_SNDTIMEO);
    if (!ready(s.fd, recv ? POLLIN : POLLOUT, until)) return call();
  }
}

/** recvfrom as on a blocking descriptor (no MSG_WAITALL gathering: its callers read datagrams). */
export function recvfrom(s: Socket, buf: Uint8Array, len: number, flags: number, sa: Uint8Array, saLen: Uint32Array): number {
  const offered = saLen[0]!;
  return retried(s, flags, true, () => {
    saLen[0] = offered;
    return os.recvfrom(s.fd, buf, len, flags, sa, saLen);
  });
}

/** send as on a blocking descriptor: a stream's bytes all go, waiting for room as needed. */
export function send(s: Socket, bytes: Uint8Array, len: number, flags: number): number {
  const wait = s.blocking && (flags & MSG_DONTWAIT) === 0;
  const all = wait && s.sockType === SOCK_STREAM;
  let sent = 0, until = NaN;
  for (;;) {
    const n = os.send(s.fd, sent ? bytes.subarray(sent) : bytes, len - sent, flags);
    if (n >= 0) {
      sent += n;
      if (!all || sent >= len) return sent;
      continue;
    }
    if (!wait || !transient()) return sent || -1;
    if (until !== until) until = deadline(s.fd, SO_SNDTIMEO);
    if (!ready(s.fd, POLLOUT, until)) {
      const m = os.send(s.fd, sent ? bytes.subarray(sent) : bytes, len - sent, flags);
      return m >= 0 ? sent + m : sent || -1;
    }
  }
}

/** sendto as on a blocking descriptor (one datagram, or a stream's bytes through send). */
export function sendto(s: Socket, bytes: Uint8Array, len: number, flags: number, sa: Uint8Array, saLen: number): number {
  return retried(s, flags, false, () => os.sendto(s.fd, bytes, len, flags, sa, saLen));
}

/** accept as on a blocking listener (Linux's accept honours SO_RCVTIMEO too). */
export function accept(s: Socket, sa: Uint8Array, saLen: Uint32Array): number {
  const offered = saLen[0]!;
  let until = NaN, fd: number;
  for (;;) {
    fd = os.accept(s.fd, sa, saLen);
    if (fd >= 0 || !s.blocking || !transient()) break;
    if (until !== until) until = deadline(s.fd, SO_RCVTIMEO);
    const ok = ready(s.fd, POLLIN, until);
    saLen[0] = offered;
    if (!ok) {
      fd = os.accept(s.fd, sa, saLen);
      break;
    }
  }
  // The accepted socket is the library's own and blocking; BSDs pass the listener's O_NONBLOCK on.
  if (fd >= 0 && os.os !== "linux") os.setBlocking(fd, true);
  return fd;
}

/**
 * sendmsg/recvmsg as on a blocking descriptor: waits until the handle is ready, then calls again (the
 * kernel writes nothing back into the msghdr of a call that fails, so it serves again as it is). A
 * stream's sendmsg that the OS takes only in part returns that count, as a signal-interrupted one does.
 */
export function message(recv: boolean, s: Socket, msghdr: Uint8Array, flags: number): number {
  return retried(s, flags, recv, () => (recv ? os.recvmsg!(s.fd, msghdr, flags) : os.sendmsg!(s.fd, msghdr, flags)));
}
