// socket_read and socket_write: PHP's stream-style reads (binary, or up to the end of a line) and writes.
import { argc, int, nullableInt, str } from "../php/args.ts";
import { ValueError } from "../php/errors.ts";
import { bytesOut, readBuffer, toBytes, type Bytes } from "../bytes.ts";
import { C, S, Socket, ensureOpen, os, sockArg, socketError } from "./common.ts";
import { decode, got } from "./received.ts";
import * as shared from "./emulated-blocking.ts";
import { waitFor } from "./emulated-blocking.ts";

const PHP_NORMAL_READ = C.PHP_NORMAL_READ!;
const PHP_BINARY_READ = C.PHP_BINARY_READ!;

const EAGAIN = S.EAGAIN!, EWOULDBLOCK = S.EWOULDBLOCK ?? EAGAIN, EINTR = S.EINTR!, ECONNRESET = S.ECONNRESET!;
const ESPIPE = S.ESPIPE ?? -1;
const MSG_PEEK = C.MSG_PEEK!;
const SOCK_STREAM = C.SOCK_STREAM!;
const POLLIN = S.POLLIN!;
/** PHP's PHP_IS_TRANSIENT_ERROR: a non-blocking read with nothing to read is not worth a warning. */
export const isTransient = (e: number): boolean => e === EAGAIN || e === EWOULDBLOCK;
/** Reads are capped so that no length over what the OS call can report is ever passed. */
export const MAX_IO = 0x7fffffff;

/** Blocks in poll() until the handle is readable: how a non-blocking PHP_NORMAL_READ waits (PHP spins). */
export function waitReadable(fd: number): void {
  waitFor(fd, POLLIN, -1);
}

/**
 * PHP's php_read: up to `max` bytes, stopping after the first '\r' or '\n'. Gives the byte count, or -1
 * with the error code in `err[0]`. Stream sockets peek for the line end and consume it in one recv
 * instead of one recv per byte; the bytes consumed and the result are PHP's.
 */
function readLine(s: Socket, buf: Uint8Array, max: number, err: Int32Array): number {
  if (s.sockType !== SOCK_STREAM) return readLineBytewise(s, buf, max, err);
  let n = 0;
  for (;;) {
    const view = n === 0 ? buf : buf.subarray(n, max);
    const k = os.recv(s.fd, view, max - n, MSG_PEEK);
    if (k < 0) {
      const e = os.lastError();
      if (e === EAGAIN || e === EWOULDBLOCK || e === EINTR || e === ESPIPE) {
        // PHP retries until the line is whole; wait for data instead of spinning.
        waitReadable(s.fd);
        continue;
      }
      return (err[0] = e), -1;
    }
    if (k === 0) {
      // End of stream: a non-blocking PHP read returns the partial line; a blocking one gives up after
      // 200 empty reads with ECONNRESET (the partial line already consumed).
      return endOfStream(s, n, err);
    }
    let take = k, found = false;
    for (let i = 0; i < k; i++) {
      const c = view[i];
      if (c === 10 || c === 13) {
        take = i + 1;
        found = true;
        break;
      }
    }
    const got = os.recv(s.fd, view, take, 0);
    if (got < 0) return (err[0] = os.lastError()), -1;
    n += got;
    if ((found && got === take) || n >= max) return n;
  }
}

/**
 * A line read's end of stream after n bytes: the partial line on a non-blocking socket, ECONNRESET on a
 * blocking one. PHP reads O_NONBLOCK with fcntl at the start of every call; its answer matters only
 * here, so only here is it asked (one OS call less per line).
 */
function endOfStream(s: Socket, n: number, err: Int32Array): number {
  if (s.sharedFd) return s.blocking ? ((err[0] = ECONNRESET), -1) : n;
  const nonblock = os.isNonBlocking(s.fd);
  if (nonblock < 0) return (err[0] = os.lastError()), -1;
  if (nonblock === 1) return n;
  return (err[0] = ECONNRESET), -1;
}

/** PHP's loop itself, for datagram and seqpacket sockets where each recv takes a whole message. */
function readLineBytewise(s: Socket, buf: Uint8Array, max: number, err: Int32Array): number {
  let n = 0;
  for (;;) {
    const m = os.recv(s.fd, buf.subarray(n, n + 1), 1, 0);
    if (m > 0) {
      n++;
      const c = buf[n - 1];
      if (c === 10 || c === 13 || n >= max) return n;
      continue;
    }
    if (m === 0) return endOfStream(s, n, err);
    const e = os.lastError();
    if (e === EAGAIN || e === EWOULDBLOCK || e === EINTR || e === ESPIPE) {
      waitReadable(s.fd);
      continue;
    }
    return (err[0] = e), -1;
  }
}

const errBox = new Int32Array(1);

export function socket_read(socket: Socket, length: number, mode: number = PHP_BINARY_READ): string | false {
  const fn = "socket_read";
  argc(fn, arguments.length, 2, 3);
  const s = sockArg(fn, socket);
  const len = int(fn, 2, "length", length);
  const type = arguments.length > 2 ? int(fn, 3, "mode", mode) : PHP_BINARY_READ;
  ensureOpen(fn, s);
  // PHP returns false without a word for a length under 1.
  if (len < 1) return false;
  const want = Math.min(len, MAX_IO);
  const buf = readBuffer(Math.min(want, 16 * 1024 * 1024));
  const cap = Math.min(want, buf.length);
  const n = type === PHP_NORMAL_READ ? readLine(s, buf, cap, errBox) : s.sharedFd ? shared.recv(s, buf, cap, 0) : os.recv(s.fd, buf, cap, 0);
  if (n < 0) {
    const e = type === PHP_NORMAL_READ ? errBox[0]! : os.lastError();
    if (isTransient(e)) s.fail(e);
    else socketError(s, fn, "unable to read from socket", e);
    return false;
  }
  if (n === 0) return "";
  // A UTF-8 read ends on a whole character (see received.ts); when none is whole yet on a
  // non-blocking socket, its bytes wait on the socket and the read is an EAGAIN like any empty one.
  if (!decode(s, buf, n, 0)) {
    s.fail(EAGAIN);
    return false;
  }
  return got.text;
}

export function socket_write(socket: Socket, data: string | ArrayBufferView, length: number | null = null): number | false {
  const fn = "socket_write";
  argc(fn, arguments.length, 2, 3);
  const s = sockArg(fn, socket);
  const { bytes, length: size } = dataArg(fn, s, 2, data);
  const l = arguments.length > 2 ? nullableInt(fn, 3, "length", length) : null;
  ensureOpen(fn, s);
  if (l !== null && l < 0) throw new ValueError(`${fn}(): Argument #3 ($length) must be greater than or equal to 0`);
  const n = l === null ? size : Math.min(l, size);
  const r = s.sharedFd ? shared.send(s, bytes, Math.min(n, MAX_IO), 0) : os.send(s.fd, bytes, Math.min(n, MAX_IO), 0);
  if (r < 0) {
    socketError(s, fn, "unable to write to socket", os.lastError());
    return false;
  }
  return r;
}

/**
 * A data argument: a string in the socket's encoding, or any ArrayBufferView. Gives the shared bytesOut
 * (the bytes and their count), to be used before any other call can fill it again.
 */
export function dataArg(fn: string, s: Socket, pos: number, v: unknown): Bytes {
  if (typeof v === "string" || ArrayBuffer.isView(v)) {
    if (toBytes(s, v as string | ArrayBufferView)) return bytesOut;
    throw new ValueError(`${fn}(): Argument #${pos} ($data) must be a byte string (chars 0-255) on a socket in binary mode`);
  }
  // Scalars convert as PHP's string parameters do; arrays and objects are a TypeError there.
  toBytes(s, str(fn, pos, "data", v));
  return bytesOut;
}
