// socket_send and socket_sendto. Data is a string in the socket's encoding or any ArrayBufferView,
// passed to the OS where it lies (no copy).
import * as A from "../address.ts";
import { argc, int, nullableInt, str } from "../php/args.ts";
import { ValueError } from "../php/errors.ts";
import { Socket, ensureOpen, os, sockArg, socketError } from "./common.ts";
import type { SentTo } from "../socket.ts";
import { MAX_IO, dataArg } from "./io.ts";
import { encodeFor } from "./sockaddr.ts";
import * as shared from "./emulated-blocking.ts";

const utf8 = new TextEncoder();

/** The data argument checked in its place among the arguments (scalars become strings as in PHP). */
const dataValue = (fn: string, v: unknown): string | ArrayBufferView =>
  typeof v === "string" || ArrayBuffer.isView(v) ? v : str(fn, 2, "data", v);

export function socket_send(socket: Socket, data: string | ArrayBufferView, length: number, flags: number): number | false {
  const fn = "socket_send";
  // The zero-copy shape (an open Socket, a Uint8Array, int32 length >= 0 and flags) goes straight to the
  // OS: the checks below would let it through unchanged, and the shorter path is about 2% of a unix
  // round trip per call, where the syscall is under 1 us.
  if (arguments.length === 4 && socket instanceof Socket && socket.fd >= 0 && !socket.sharedFd && data instanceof Uint8Array
    && (length | 0) === length && length >= 0 && (flags | 0) === flags) {
    const r = os.send(socket.fd, data, Math.min(length, data.length), flags);
    if (r >= 0) return r;
    socketError(socket, fn, "Unable to write to socket", os.lastError());
    return false;
  }
  argc(fn, arguments.length, 4, 4);
  const s = sockArg(fn, socket);
  const raw = dataValue(fn, data);
  const len = int(fn, 3, "length", length);
  const fl = int(fn, 4, "flags", flags) | 0;
  ensureOpen(fn, s);
  if (len < 0) throw new ValueError(`${fn}(): Argument #3 ($length) must be greater than or equal to 0`);
  const { bytes, length: size } = dataArg(fn, s, 2, raw);
  const r = s.sharedFd ? shared.send(s, bytes, Math.min(len, size, MAX_IO), fl) : os.send(s.fd, bytes, Math.min(len, size, MAX_IO), fl);
  if (r < 0) {
    socketError(s, fn, "Unable to write to socket", os.lastError());
    return false;
  }
  return r;
}

// Destinations are encoded into `dest`, except numeric ones, which each socket keeps (up to SENT_TO of
// them, with their sockaddrs: Socket.sentTo) so that sending to a known peer again costs no inet_pton
// and no encoding. A host name is looked up on every call, as PHP does.
const dest = new Uint8Array(A.SOCKADDR_MAX);
const NUMERIC = /^[0-9a-fA-F:.]+$/;
const SENT_TO = 4;
/** The sockaddr the last inetDestination gave (the socket's own, or `dest`). */
let inetSa: Uint8Array = dest;

/** The socket's kept sockaddr for (address, port), or null. */
function knownDestination(s: Socket, address: string, port: number): SentTo | null {
  const list = s.sentTo;
  if (list === null) return null;
  for (let i = 0; i < list.length; i++) {
    const to = list[i]!;
    if (to.port === port && to.address === address) return to;
  }
  return null;
}

function inetDestination(fn: string, s: Socket, address: string, port: number): number {
  const known = knownDestination(s, address, port);
  if (known !== null) {
    inetSa = known.sa;
    return known.len;
  }
  inetSa = dest;
  const len = encodeFor(fn, s, dest, address, port, 5);
  if (len > 0 && NUMERIC.test(address)) {
    // A new destination goes first; past SENT_TO the oldest one's record is reused for it.
    const list = (s.sentTo ??= []);
    const to = list.length < SENT_TO ? { address, port, len, sa: new Uint8Array(A.SOCKADDR_MAX) } : list.pop()!;
    list.unshift(to);
    to.sa.set(dest.subarray(0, len));
    (to.address = address), (to.port = port), (to.len = len);
    inetSa = to.sa;
  }
  return len;
}

const pathBytes = new Uint8Array(A.SUN_PATH_SIZE + 3);

/**
 * PHP copies a sendto path into sun_path as a C string: cut at the first NUL and at sizeof(sun_path)-1
 * bytes, with no error for a longer one (unlike bind and connect).
 */
function unixDestination(s: Socket, address: string): number {
  let n: number;
  if (s.encoding === "binary") {
    n = Math.min(address.length, pathBytes.length);
    for (let i = 0; i < n; i++) pathBytes[i] = address.charCodeAt(i) & 0xff;
  } else {
    n = utf8.encodeInto(address, pathBytes).written;
  }
  let end = pathBytes.subarray(0, n).indexOf(0);
  if (end < 0) end = n;
  return A.encodeUnix(dest, pathBytes.subarray(0, Math.min(end, A.SUN_PATH_SIZE - 1)));
}

export function socket_sendto(
  socket: Socket, data: string | ArrayBufferView, length: number, flags: number, address: string, port: number | null = null,
): number | false {
  const fn = "socket_sendto";
  // The zero-copy shape to a destination this socket already sent to goes straight to the OS, as in
  // socket_send: the checks below would let it through unchanged, to that same sockaddr.
  if (arguments.length === 6 && socket instanceof Socket && socket.fd >= 0 && !socket.sharedFd && data instanceof Uint8Array
    && (length | 0) === length && length >= 0 && (flags | 0) === flags && typeof address === "string" && (port! | 0) === port) {
    const to = knownDestination(socket, address, port);
    if (to !== null) {
      const r = os.sendto(socket.fd, data, Math.min(length, data.length), flags, to.sa, to.len);
      if (r >= 0) return r;
      socketError(socket, fn, "Unable to write to socket", os.lastError());
      return false;
    }
  }
  argc(fn, arguments.length, 5, 6);
  const s = sockArg(fn, socket);
  const raw = dataValue(fn, data);
  const len = int(fn, 3, "length", length);
  const fl = int(fn, 4, "flags", flags) | 0;
  const addr = str(fn, 5, "address", address);
  const p = arguments.length > 5 ? nullableInt(fn, 6, "port", port) : null;
  ensureOpen(fn, s);
  if (len < 0) throw new ValueError(`${fn}(): Argument #3 ($length) must be greater than or equal to 0`);
  let salen: number, sa: Uint8Array = dest;
  switch (s.family) {
    case A.AF_UNIX:
      salen = unixDestination(s, addr);
      break;
    case A.AF_INET:
    case A.AF_INET6:
      if (p === null)
        throw new ValueError(`${fn}(): Argument #6 ($port) cannot be null when the socket type is ${s.family === A.AF_INET ? "AF_INET" : "AF_INET6"}`);
      salen = inetDestination(fn, s, addr, p);
      if (salen === 0) return false;
      sa = inetSa;
      break;
    default:
      throw new ValueError(`${fn}(): Argument #1 ($socket) must be one of AF_UNIX, AF_INET, or AF_INET6`);
  }
  // Encoded last: a string's bytes sit in the shared scratch, which no later step may reuse first.
  const { bytes, length: size } = dataArg(fn, s, 2, raw);
  const r = s.sharedFd ? shared.sendto(s, bytes, Math.min(len, size, MAX_IO), fl, sa, salen) : os.sendto(s.fd, bytes, Math.min(len, size, MAX_IO), fl, sa, salen);
  if (r < 0) {
    socketError(s, fn, "Unable to write to socket", os.lastError());
    return false;
  }
  return r;
}
