// socket_send and socket_sendto. Data is a string in the socket's encoding or any ArrayBufferView,
// passed to the OS where it lies (no copy).
import * as A from "../address.ts";
import { argc, int, nullableInt, str } from "../php/args.ts";
import { ValueError } from "../php/errors.ts";
import { ensureOpen, os, sockArg, socketError, type Socket } from "./common.ts";
import { MAX_IO, dataArg } from "./io.ts";
import { encodeFor } from "./sockaddr.ts";

const utf8 = new TextEncoder();

/** The data argument checked in its place among the arguments (scalars become strings as in PHP). */
const dataValue = (fn: string, v: unknown): string | ArrayBufferView =>
  typeof v === "string" || ArrayBuffer.isView(v) ? v : str(fn, 2, "data", v);

export function socket_send(socket: Socket, data: string | ArrayBufferView, length: number, flags: number): number | false {
  const fn = "socket_send";
  argc(fn, arguments.length, 4, 4);
  const s = sockArg(fn, socket);
  const raw = dataValue(fn, data);
  const len = int(fn, 3, "length", length);
  const fl = int(fn, 4, "flags", flags) | 0;
  ensureOpen(fn, s);
  if (len < 0) throw new ValueError(`${fn}(): Argument #3 ($length) must be greater than or equal to 0`);
  const { bytes, length: size } = dataArg(fn, s, 2, raw);
  const r = os.send(s.fd, bytes, Math.min(len, size, MAX_IO), fl);
  if (r < 0) {
    socketError(s, fn, "Unable to write to socket", os.lastError());
    return false;
  }
  return r;
}

// Destinations are encoded into `dest`, except numeric ones, which each socket keeps with their own
// sockaddr (Socket.sentTo) so that sending to the same peer again costs no inet_pton and no encoding.
// A host name is looked up on every call, as PHP does.
const dest = new Uint8Array(A.SOCKADDR_MAX);
const NUMERIC = /^[0-9a-fA-F:.]+$/;
/** The sockaddr the last inetDestination gave (the socket's own, or `dest`). */
let inetSa: Uint8Array = dest;

function inetDestination(fn: string, s: Socket, address: string, port: number): number {
  const last = s.sentTo;
  if (last !== null && last.port === port && last.address === address) {
    inetSa = last.sa;
    return last.len;
  }
  inetSa = dest;
  const len = encodeFor(fn, s, dest, address, port, 5);
  if (len > 0 && NUMERIC.test(address)) {
    const to = last ?? (s.sentTo = { address, port, len, sa: new Uint8Array(A.SOCKADDR_MAX) });
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
  const r = os.sendto(s.fd, bytes, Math.min(len, size, MAX_IO), fl, sa, salen);
  if (r < 0) {
    socketError(s, fn, "Unable to write to socket", os.lastError());
    return false;
  }
  return r;
}
