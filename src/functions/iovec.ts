// PHP 4/5's scatter/gather API, brought back: socket_iovec_alloc/add/delete/fetch/set/free,
// socket_readv/socket_writev, and the old forms of socket_sendmsg/socket_recvmsg that take an IOVec.
// The texts and results follow the PHP 4 manual and sources; where PHP 4 was plainly broken (readv and
// writev warned and returned false on every successful transfer, delete left the count unchanged) the
// documented behaviour is what runs. Positions and lengths are checked before any memory is touched.
import * as A from "../address.ts";
import { ArgumentCountError, PhpError, ValueError, warn } from "../php/errors.ts";
import { argc, int, str, typeError } from "../php/args.ts";
import { binaryString, latin1Bytes, utf8 } from "../bytes.ts";
import { IOVec } from "../iovec.ts";
import { MSGHDR_SIZE, cmsgs, messageLayouts, writeMsghdr } from "../msghdr.ts";
import { ensureOpen, os, optRef, refArg, sockArg, socketError, type Socket } from "./common.ts";
import * as shared from "./emulated-blocking.ts";
import { dropReceived } from "./cmsg.ts";
import { receivedFds, recvInto } from "./msg-io.ts";
import { unixPathText } from "./names.ts";
import { encodeFor } from "./sockaddr.ts";
import { allocNative, freeNative, nativeMemory } from "../platform/native-memory.ts";

/** No vector, and no IOVec in total, may pass what one readv/writev can report. */
const MAX_LEN = 0x7fffffff;
const enc = new TextEncoder();
const msghdr = new Uint8Array(MSGHDR_SIZE);

/**
 * An IOVec argument where it is parsed: TypeError for anything else. As with a Socket in PHP 8, whether
 * it was freed is asked only once every argument is parsed (ensureLive), before any value is checked.
 */
function iovArg(fn: string, pos: number, v: unknown): IOVec {
  if (!(v instanceof IOVec)) throw typeError(fn, pos, "iovec", "IOVec", v);
  return v;
}

/** PHP's Error for an IOVec already freed. */
function ensureLive(fn: string, pos: number, v: IOVec): IOVec {
  if (v.freed) throw new PhpError(`${fn}(): Argument #${pos} ($iovec) has already been freed`);
  return v;
}

/** A vector length argument: 0 to 2^31-1 bytes. */
function lengthArg(fn: string, pos: number, name: string, v: unknown): number {
  return checkLength(fn, pos, name, int(fn, pos, name, v));
}

function checkLength(fn: string, pos: number, name: string, n: number): number {
  if (n < 0) throw new ValueError(`${fn}(): Argument #${pos} ($${name}) must be greater than or equal to 0`);
  if (n > MAX_LEN) throw new ValueError(`${fn}(): Argument #${pos} ($${name}) must be less than or equal to ${MAX_LEN}`);
  return n;
}

function checkTotal(fn: string, total: number): void {
  if (total > MAX_LEN) throw new ValueError(`${fn}(): the vectors of an IOVec must not hold more than ${MAX_LEN} bytes in total`);
}

const outOfMemory = (fn: string, n: number): PhpError => new PhpError(`${fn}(): Out of memory (tried to allocate ${n} bytes)`);

function needNative(fn: string): void {
  if (!nativeMemory || !messageLayouts || !os.sendmsg || !os.recvmsg) throw new PhpError(`${fn}(): not supported on this platform`);
}

/** socket_iovec_alloc(int $num_vectors, int ...$lengths): IOVec — vectors of these lengths, zero-filled. */
export function socket_iovec_alloc(num_vectors: number, ...lengths: number[]): IOVec {
  const fn = "socket_iovec_alloc";
  argc(fn, arguments.length, 1, Infinity);
  const n = int(fn, 1, "num_vectors", num_vectors);
  if (n < 0) throw new ValueError(`${fn}(): Argument #1 ($num_vectors) must be greater than or equal to 0`);
  if (lengths.length < n) throw new ArgumentCountError(`${fn}() expects at least ${n + 1} arguments, ${arguments.length} given`);
  needNative(fn);
  // As in PHP 4, lengths past num_vectors are not used.
  const lens = lengths.slice(0, n).map((l, i) => lengthArg(fn, i + 2, "lengths", l));
  checkTotal(fn, lens.reduce((a, b) => a + b, 0));
  const v = IOVec.make(lens);
  if (!v) throw outOfMemory(fn, lens.reduce((a, b) => a + b, 0));
  return v;
}

/** socket_iovec_fetch(IOVec $iovec, int $iovec_position): string — the whole vector, in the IOVec's encoding. */
export function socket_iovec_fetch(iovec: IOVec, iovec_position: number): string {
  const fn = "socket_iovec_fetch";
  argc(fn, arguments.length, 2, 2);
  const v = iovArg(fn, 1, iovec);
  const i = int(fn, 2, "iovec_position", iovec_position);
  ensureLive(fn, 1, v);
  if (i < 0 || i >= v.count) {
    warn(fn, "Can't access a vector position past the amount of vectors set in the array");
    return "";
  }
  const b = v.vector(i);
  return v.encoding === "binary" ? binaryString(b) : utf8.decode(b);
}

/** The bytes of a value to store: bytes as they are, strings in the IOVec's encoding. */
function valueBytes(fn: string, v: IOVec, val: unknown): Uint8Array {
  if (ArrayBuffer.isView(val)) return new Uint8Array(val.buffer, val.byteOffset, val.byteLength);
  const s = str(fn, 3, "new_val", val);
  if (v.encoding !== "binary") return enc.encode(s);
  const b = latin1Bytes(s);
  if (!b) throw new ValueError(`${fn}(): Argument #3 ($new_val) must be a byte string (chars 0-255) for an IOVec in binary mode`);
  return b;
}

/**
 * socket_iovec_set(IOVec $iovec, int $iovec_position, string $new_val): bool. As in PHP 4 the vector
 * becomes the new value: its length is the value's length, longer or shorter than before (here with
 * every byte kept, NULs included, where PHP 4 stopped at the first NUL).
 */
export function socket_iovec_set(iovec: IOVec, iovec_position: number, new_val: string | ArrayBufferView): boolean {
  const fn = "socket_iovec_set";
  argc(fn, arguments.length, 3, 3);
  const v = iovArg(fn, 1, iovec);
  const i = int(fn, 2, "iovec_position", iovec_position);
  const bytes = valueBytes(fn, v, new_val);
  ensureLive(fn, 1, v);
  if (i < 0 || i >= v.count) {
    warn(fn, "Can't access a vector position outside of the vector array bounds");
    return false;
  }
  checkTotal(fn, v.size - v.vector(i).length + bytes.length);
  if (!v.set(i, bytes)) throw outOfMemory(fn, bytes.length);
  return true;
}

/** socket_iovec_add(IOVec $iovec, int $iov_len): bool — appends a zero-filled vector. */
export function socket_iovec_add(iovec: IOVec, iov_len: number): boolean {
  const fn = "socket_iovec_add";
  argc(fn, arguments.length, 2, 2);
  const v = iovArg(fn, 1, iovec);
  const len = int(fn, 2, "iov_len", iov_len);
  ensureLive(fn, 1, v);
  const n = checkLength(fn, 2, "iov_len", len);
  checkTotal(fn, v.size + n);
  if (!v.add(n)) throw outOfMemory(fn, n);
  return true;
}

/** socket_iovec_delete(IOVec $iovec, int $iov_pos): bool — removes a vector; later ones move down. */
export function socket_iovec_delete(iovec: IOVec, iov_pos: number): boolean {
  const fn = "socket_iovec_delete";
  argc(fn, arguments.length, 2, 2);
  const v = iovArg(fn, 1, iovec);
  const i = int(fn, 2, "iov_pos", iov_pos);
  ensureLive(fn, 1, v);
  if (i < 0 || i >= v.count) {
    warn(fn, "Can't delete an IO vector that is out of array bounds");
    return false;
  }
  v.delete(i);
  return true;
}

/** socket_iovec_free(IOVec $iovec): bool — releases the vectors now; the IOVec cannot be used again. */
export function socket_iovec_free(iovec: IOVec): boolean {
  const fn = "socket_iovec_free";
  argc(fn, arguments.length, 1, 1);
  ensureLive(fn, 1, iovArg(fn, 1, iovec)).free();
  return true;
}

/** The native iovec array of an IOVec, or PHP's out-of-memory error. */
function arrayOf(fn: string, v: IOVec): { ptr: number; count: number } {
  needNative(fn);
  const a = v.iovArray();
  if (!a) throw outOfMemory(fn, v.count * 16);
  return a;
}

/** One sendmsg/recvmsg over the IOVec's vectors, with an optional peer address. */
function transfer(recv: boolean, s: Socket, a: { ptr: number; count: number }, flags: number, name: Uint8Array | null, namelen: number): number {
  // The address is copied to native memory for the call: msg_name must not point into JS memory.
  const nb = name ? allocNative(name.length) : null;
  if (name && !nb) return -2;
  try {
    if (nb && name) nb.bytes.set(name);
    writeMsghdr(msghdr, { name: nb?.ptr ?? 0, namelen: nb ? namelen : 0, iov: a.ptr, iovlen: a.count, control: 0, controllen: 0 });
    if (s.sharedFd) return shared.message(recv, s, msghdr, flags);
    return recv ? os.recvmsg!(s.fd, msghdr, flags) : os.sendmsg!(s.fd, msghdr, flags);
  } finally {
    if (nb) freeNative(nb.ptr);
  }
}

/**
 * socket_readv(Socket $socket, IOVec $iovec): bool — one read that fills the vectors in order. As PHP 4
 * documented, the result is only true or false: a short read fills the first bytes and leaves the rest
 * of the vectors as they were; $iovec->transferred tells how many bytes came.
 */
export function socket_readv(socket: Socket, iovec: IOVec): boolean {
  const fn = "socket_readv";
  argc(fn, arguments.length, 2, 2);
  const s = sockArg(fn, socket);
  const v = iovArg(fn, 2, iovec);
  ensureOpen(fn, s);
  ensureLive(fn, 2, v);
  const r = transfer(true, s, arrayOf(fn, v), 0, null, 0);
  if (r < 0) {
    socketError(s, fn, "unable to read from socket", os.lastError());
    return false;
  }
  v.transferred = r;
  return true;
}

/** socket_writev(Socket $socket, IOVec $iovec): bool — the vectors, in order, in one write. */
export function socket_writev(socket: Socket, iovec: IOVec): boolean {
  const fn = "socket_writev";
  argc(fn, arguments.length, 2, 2);
  const s = sockArg(fn, socket);
  const v = iovArg(fn, 2, iovec);
  ensureOpen(fn, s);
  ensureLive(fn, 2, v);
  const r = transfer(false, s, arrayOf(fn, v), 0, null, 0);
  if (r < 0) {
    socketError(s, fn, "Unable to write to socket", os.lastError());
    return false;
  }
  v.transferred = r;
  return true;
}

const sa = new Uint8Array(A.SOCKADDR_MAX);

/** PHP 4/5: socket_sendmsg(Socket $socket, IOVec $iovec, int $flags, string $addr, int $port = 0): bool. */
export function legacySendmsg(fn: string, given: number, socket: unknown, iovec: IOVec, flags: unknown, addr: unknown, port: unknown): boolean {
  argc(fn, given, 4, 5);
  const s = sockArg(fn, socket);
  const v = iovArg(fn, 2, iovec);
  const fl = int(fn, 3, "flags", flags) | 0;
  const text = str(fn, 4, "addr", addr);
  const p = given > 4 ? int(fn, 5, "port", port) : 0;
  ensureOpen(fn, s);
  ensureLive(fn, 2, v);
  const a = arrayOf(fn, v);
  const len = encodeFor(fn, s, sa, text, p, 4);
  if (len === 0) return false;
  const r = transfer(false, s, a, fl, sa.subarray(0, len), len);
  if (r < 0) {
    socketError(s, fn, "unable to send message", os.lastError());
    return false;
  }
  v.transferred = r;
  return true;
}

/** The sizeof(struct cmsghdr) PHP 4 wanted before it gave recvmsg a control buffer. */
const CMSGHDR_SIZE = os.layout.cmsghdr!.size;

/**
 * PHP 4/5: socket_recvmsg(Socket $socket, IOVec $iovec, array &$control, int &$controllen, int &$flags,
 * string &$addr, int &$port = null): bool. $controllen and $flags go in (buffer size, recvmsg flags)
 * and come back (bytes of control data, msg_flags); $control gets the first control message as
 * ["cmsg_level" =>, "cmsg_type" =>, "cmsg_data" => its bytes]. Descriptors cannot travel this way (PHP 4
 * had no way to use them): any that arrive are closed. Use PHP 8's form for SCM_RIGHTS.
 */
export function legacyRecvmsg(
  fn: string, given: number, socket: unknown, iovec: IOVec, control: unknown, controllen: unknown, flags: unknown, addr: unknown, port: unknown,
): boolean {
  argc(fn, given, 6, 7);
  const s = sockArg(fn, socket);
  const v = iovArg(fn, 2, iovec);
  const ctlRef = refArg(fn, 3, "control", control);
  const lenRef = refArg(fn, 4, "controllen", controllen);
  const flRef = refArg(fn, 5, "flags", flags);
  const addrRef = refArg(fn, 6, "addr", addr);
  const portRef = given > 6 ? optRef(fn, 7, "port", port) : null;
  ensureOpen(fn, s);
  ensureLive(fn, 2, v);
  const want = int(fn, 4, "controllen", lenRef.value);
  const fl = int(fn, 5, "flags", flRef.value) | 0;
  const ctl = want > CMSGHDR_SIZE ? Math.min(want, MAX_LEN) : 0;
  const g = recvInto(fn, s, A.SOCKADDR_MAX, A.SOCKADDR_MAX, 0, ctl, fl, arrayOf(fn, v));
  if (typeof g === "number") {
    socketError(s, fn, "unable to receive message", os.lastError());
    return false;
  }
  dropReceived(receivedFds(g.control));
  v.transferred = g.n;
  lenRef.value = g.control.length;
  flRef.value = g.flags;
  const first = cmsgs(g.control, g.control.length).next();
  ctlRef.value = first.done ? [] : { cmsg_level: first.value.level, cmsg_type: first.value.type, cmsg_data: binaryString(first.value.data) };
  const name = g.name!;
  if (s.family === A.AF_UNIX) addrRef.value = A.family(name) === A.AF_UNIX ? unixPathText(s, A.unixPath(name, name.length)) : "";
  else if (s.family === A.AF_INET6) addrRef.value = A.family(name) === A.AF_INET6 ? A.ipv6Text(name) : "::";
  else addrRef.value = A.family(name) === A.AF_INET ? A.ipv4Text(name) : "0.0.0.0";
  if (portRef) portRef.value = A.family(name) === A.AF_INET || A.family(name) === A.AF_INET6 ? A.port(name) : 0;
  return true;
}
