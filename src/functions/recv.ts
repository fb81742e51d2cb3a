// socket_recv, socket_recvfrom, and socket_recv_into (beyond PHP: a read into caller memory).
import * as A from "../address.ts";
import { readBuffer } from "../bytes.ts";
import { argc, int, typeError } from "../php/args.ts";
import { ArgumentCountError, ValueError } from "../php/errors.ts";
import type { Ref } from "../php/ref.ts";
import { C, S, Socket, ensureOpen, os, optRef, refArg, sockArg, socketError } from "./common.ts";
import { MAX_IO } from "./io.ts";
import { assignAddress } from "./names.ts";
import { decode, got } from "./received.ts";
import * as shared from "./emulated-blocking.ts";

const MSG_WAITALL = C.MSG_WAITALL ?? 0;
const MSG_TRUNC = C.MSG_TRUNC ?? 0;
const MSG_PEEK = C.MSG_PEEK!;
const MSG_DONTWAIT = C.MSG_DONTWAIT ?? 0;
const EAGAIN = S.EAGAIN!;
/** Reads go through one shared scratch buffer up to this size; a larger request takes what is there. */
const SCRATCH_CAP = 16 * 1024 * 1024;

const L = os.layout;
const sa = new Uint8Array(A.SOCKADDR_MAX);
const saLen = new Uint32Array(1);
const NO_ADDR = new Uint8Array(16);
const NO_PATH = new Uint8Array(0);

/**
 * The buffer a read of `len` bytes goes into. PHP allocates exactly `len`; here requests past the cap
 * read what is there (a stream never owes more), except MSG_WAITALL, which was promised the whole count.
 */
function bufferFor(len: number, flags: number): Uint8Array {
  const want = Math.min(len, MAX_IO);
  if (want > SCRATCH_CAP && flags & MSG_WAITALL) return new Uint8Array(want);
  return readBuffer(Math.min(want, SCRATCH_CAP));
}

/**
 * The buffer for one recv/recvfrom. MSG_TRUNC on TCP discards the data without writing the buffer, so
 * under that flag the buffer is zeroed first: a read never shows bytes an earlier read left there.
 */
function prepare(len: number, flags: number): Uint8Array {
  const buf = bufferFor(len, flags);
  if (flags & MSG_TRUNC) buf.fill(0, 0, Math.min(len, buf.length));
  return buf;
}

/**
 * Reads up to `length` bytes. `$data` gets the string, or null at end of stream and on failure (as in
 * PHP). Returns PHP's count, in bytes: in UTF-8 mode the string holds the decoded characters, so its
 * `.length` may differ; a datagram read with MSG_TRUNC returns the datagram's full size while the string
 * holds the bytes that fit.
 */
export function socket_recv(socket: Socket, data: Ref, length: number, flags: number): number | false {
  const fn = "socket_recv";
  argc(fn, arguments.length, 4, 4);
  const s = sockArg(fn, socket);
  const out = refArg(fn, 2, "data", data);
  const len = int(fn, 3, "length", length);
  const fl = int(fn, 4, "flags", flags) | 0;
  ensureOpen(fn, s);
  // PHP returns false without a word for a length under 1, leaving $data alone.
  if (len < 1) return false;
  const buf = prepare(len, fl);
  const cap = Math.min(len, buf.length);
  const n = s.sharedFd ? shared.recv(s, buf, cap, fl) : os.recv(s.fd, buf, cap, fl);
  if (n < 1) {
    out.value = null;
    if (n === 0) return 0;
    socketError(s, fn, "Unable to read from socket", os.lastError());
    return false;
  }
  if (!decode(s, buf, Math.min(n, cap), fl)) {
    out.value = null;
    s.fail(EAGAIN);
    return false;
  }
  out.value = got.text;
  return n > cap ? n : got.bytes;
}

/** Readies `sa` as PHP does (zeroed, family set) and gives the length to offer the OS. */
function addressSlot(family: number): number {
  if (family === A.AF_INET) return A.encodeInet4(sa, NO_ADDR, 0);
  if (family === A.AF_INET6) return A.encodeInet6(sa, NO_ADDR, 0);
  A.encodeUnix(sa, NO_PATH);
  return L.sockaddr_un?.size ?? 110;
}

/**
 * Reads a message and who sent it. `$address` gets the sender's address (a unix path, "" for an unbound
 * sender) and, for AF_INET/AF_INET6, `$port` its port, which those families require. On failure the
 * by-reference values stay as they were.
 */
export function socket_recvfrom(socket: Socket, data: Ref, length: number, flags: number, address: Ref, port?: Ref): number | false {
  const fn = "socket_recvfrom";
  argc(fn, arguments.length, 5, 6);
  const s = sockArg(fn, socket);
  const out = refArg(fn, 2, "data", data);
  const len = int(fn, 3, "length", length);
  const fl = int(fn, 4, "flags", flags) | 0;
  const addr = refArg(fn, 5, "address", address);
  const p = optRef(fn, 6, "port", port);
  ensureOpen(fn, s);
  if (len < 1) return false;
  if (s.family !== A.AF_UNIX && s.family !== A.AF_INET && s.family !== A.AF_INET6)
    throw new ValueError(`${fn}(): Argument #1 ($socket) must be one of AF_UNIX, AF_INET, or AF_INET6`);
  if (s.family !== A.AF_UNIX && !p) throw new ArgumentCountError(`Wrong parameter count for ${fn}()`);
  // PHP's own spelling differs for AF_INET6.
  const msg = s.family === A.AF_INET6 ? "unable to recvfrom" : "Unable to recvfrom";
  saLen[0] = addressSlot(s.family);
  const buf = prepare(len, fl);
  const cap = Math.min(len, buf.length);
  const n = s.sharedFd ? shared.recvfrom(s, buf, cap, fl, sa, saLen) : os.recvfrom(s.fd, buf, cap, fl, sa, saLen);
  if (n < 0) {
    socketError(s, fn, msg, os.lastError());
    return false;
  }
  let count = 0;
  if (n === 0) got.text = "";
  else if (!decode(s, buf, Math.min(n, cap), fl)) {
    s.fail(EAGAIN);
    return false;
  } else count = n > cap ? n : got.bytes;
  out.value = got.text;
  assignAddress(fn, s, sa, saLen[0]!, addr, p);
  return count;
}

/**
 * Beyond PHP: receives into caller memory (`buffer`, any ArrayBufferView; `length` bytes of it, all by
 * default) with one OS call and no allocation. Returns the byte count (0 at end of stream; a datagram's
 * full size under MSG_TRUNC, of which only `length` bytes were stored), or false with PHP's warning.
 */
export function socket_recv_into(socket: Socket, buffer: ArrayBufferView, flags: number = 0, length: number | null = null): number | false {
  const fn = "socket_recv_into";
  const given = arguments.length;
  // The common shape (an open Socket with nothing pending, a Uint8Array, int32 flags and length within
  // it) goes straight to the OS, as in socket_send: the checks below would let it through unchanged.
  if (given >= 2 && given <= 4 && socket instanceof Socket && socket.fd >= 0 && socket.pending === null && buffer instanceof Uint8Array && !socket.sharedFd) {
    const fl = given > 2 ? flags : 0;
    const n = given > 3 && length !== null ? length : buffer.length;
    if ((fl | 0) === fl && (n | 0) === n && n >= 0 && n <= buffer.length) {
      const r = os.recv(socket.fd, buffer, n, fl);
      if (r >= 0) return r;
      socketError(socket, fn, "Unable to read from socket", os.lastError());
      return false;
    }
  }
  argc(fn, given, 2, 4);
  const s = sockArg(fn, socket);
  if (!ArrayBuffer.isView(buffer)) throw typeError(fn, 2, "buffer", "Uint8Array", buffer);
  const fl = given > 2 ? int(fn, 3, "flags", flags) | 0 : 0;
  const size = buffer.byteLength;
  const n = given > 3 && length !== null && length !== undefined ? int(fn, 4, "length", length, "?int") : size;
  ensureOpen(fn, s);
  if (n < 0) throw new ValueError(`${fn}(): Argument #4 ($length) must be greater than or equal to 0`);
  if (n > size) throw new ValueError(`${fn}(): Argument #4 ($length) must be less than or equal to the byte length of argument #2 ($buffer)`);
  if (s.pending) return drainPending(s, buffer, Math.min(n, MAX_IO), fl);
  const r = s.sharedFd
    ? shared.recv(s, new Uint8Array(buffer.buffer, buffer.byteOffset, size), Math.min(n, MAX_IO), fl)
    : os.recv(s.fd, buffer as Uint8Array, Math.min(n, MAX_IO), fl);
  if (r < 0) {
    socketError(s, fn, "Unable to read from socket", os.lastError());
    return false;
  }
  return r;
}

/** Bytes a UTF-8 read left waiting come first; then whatever more is there, without blocking. */
function drainPending(s: Socket, view: ArrayBufferView, n: number, flags: number): number {
  const pending = s.pending!;
  const into = new Uint8Array(view.buffer, view.byteOffset, n);
  const k = Math.min(pending.length, n);
  into.set(pending.subarray(0, k));
  if ((flags & MSG_PEEK) === 0) s.pending = k < pending.length ? pending.slice(k) : null;
  if (k === n || k < pending.length) return k;
  const r = os.recv(s.fd, into.subarray(k), n - k, flags | MSG_DONTWAIT);
  return r > 0 ? k + r : k;
}
