// socket_sendmsg, socket_recvmsg and socket_cmsg_space. PHP 8's forms take and give message arrays
// (name, iov, control, flags); an IOVec as the second argument selects PHP 4/5's form (see iovec.ts).
// Everything the msghdr points at is packed into one block of native memory for the call.
import { argc, int, typeError } from "../php/args.ts";
import { ValueError, warn } from "../php/errors.ts";
import { IOVec } from "../iovec.ts";
import { CMSG_HDR, IOVEC_SIZE, MSGHDR_SIZE, cmsgLen, cmsgSpace, cmsgs, writeCmsg, writeIovec, writeMsghdr } from "../msghdr.ts";
import { releaseScratch } from "../platform/native-memory.ts";
import type { Ref } from "../php/ref.ts";
import { Socket, ensureOpen, globals, os, refArg, sockArg, sockStrerror, socketError } from "./common.ts";
import * as shared from "./emulated-blocking.ts";
import { cmsgDataTo, dropReceived, entryFor, rightsSpace, type Received } from "./cmsg.ts";
import { legacyRecvmsg, legacySendmsg } from "./iovec.ts";
import { align8, messageText, receivedFds, recvInto, scratch, type Got } from "./msg-io.ts";
import { Conv, aggregate, cInt, converting, isArray, long, member, uint32, valuesOf, type PhpArray } from "./msg-convert.ts";
import { nameFrom, nameTo, type Name } from "./msg-name.ts";
import { toStr } from "./options-convert.ts";
import { phpBytes } from "./sockaddr.ts";

/** PHP's limits for recvmsg: buffer_size at most 100 MiB, 8 KiB when not given. */
const MAX_BUFFER = 100 * 1024 * 1024;
const DEFAULT_BUFFER = 8192;
const MAX_IO = 0x7fffffff;

const msghdr = new Uint8Array(MSGHDR_SIZE);

/** PHP's LONG_CHECK_VALID_INT: an int argument that must fit a C int. */
function cIntArg(fn: string, pos: number, name: string, v: number): number {
  if (v < -2147483648 || v > 2147483647) throw new ValueError(`${fn}(): Argument #${pos} ($${name}) must be between -2147483648 and 2147483647`);
  return v;
}

interface OutCmsg {
  level: number;
  type: number;
  data: Uint8Array;
}

/** One element of "control": level, type, then the data for the registered pair. */
function controlFrom(c: Conv, fn: string, s: Socket, elem: unknown): OutCmsg {
  // PHP leaves a missing level or type uninitialised; here it is 0, which no registered pair uses.
  let level = 0, type = 0;
  aggregate(c, elem, [["level", false, (x) => void (level = cInt(c, x))]]);
  aggregate(c, elem, [["type", false, (x) => void (type = cInt(c, x))]]);
  const e = entryFor(level, type);
  if (!e) c.fail(`cmsghdr with level ${level} and type ${type} not supported`);
  const data = member(elem as PhpArray, "data");
  let len = e.size;
  if (e.varSize > 0) {
    if (data === undefined) c.fail("cmsghdr should have a 'data' element here");
    len = rightsSpace(c, data);
  }
  const bytes = new Uint8Array(len);
  if (data !== undefined) c.in("data", () => e.from(c, fn, s, data, new DataView(bytes.buffer)));
  return { level, type, data: bytes };
}

/** A string or bytes of an "iov" element. */
function iovBytes(s: Socket, v: unknown): Uint8Array {
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return phpBytes(s, toStr(v));
}

interface SendPlan {
  name: Name | null;
  iov: Uint8Array[];
  control: OutCmsg[];
}

function sendPlan(c: Conv, fn: string, s: Socket, msg: PhpArray): SendPlan {
  const plan: SendPlan = { name: null, iov: [], control: [] };
  aggregate(c, msg, [
    ["name", false, (v) => void (plan.name = nameFrom(c, fn, s, v, true))],
    ["iov", false, (v) => {
      if (!isArray(v)) c.fail("expected an array here");
      valuesOf(v).forEach((x, i) => c.in(`element #${i + 1}`, () => plan.iov.push(iovBytes(s, x))));
    }],
    ["control", false, (v) => {
      if (!isArray(v)) c.fail("expected an array here");
      valuesOf(v).forEach((x, i) => c.in(`element #${i}`, () => plan.control.push(controlFrom(c, fn, s, x))));
    }],
  ]);
  return plan;
}

function sendmsg(fn: string, s: Socket, plan: SendPlan, flags: number): number | false {
  const dataLen = plan.iov.reduce((n, b) => n + b.length, 0);
  if (dataLen > MAX_IO) throw new ValueError(`${fn}(): Argument #2 ($message) must hold at most ${MAX_IO} bytes of data`);
  const ctlLen = plan.control.reduce((n, m) => n + cmsgSpace(m.data.length), 0);
  const nameAt = 0, iovAt = align8(plan.name?.bytes.length ?? 0), ctlAt = iovAt + align8(plan.iov.length * IOVEC_SIZE);
  const dataAt = ctlAt + align8(ctlLen);
  const block = scratch(fn, dataAt + dataLen);
  try {
    const b = block.bytes;
    if (plan.name) b.set(plan.name.bytes, nameAt);
    let at = dataAt;
    plan.iov.forEach((d, i) => {
      b.set(d, at);
      writeIovec(b, iovAt, i, block.ptr + at, d.length);
      at += d.length;
    });
    at = ctlAt;
    for (const m of plan.control) {
      writeCmsg(b, at, cmsgLen(m.data.length), m.level, m.type);
      b.set(m.data, at + CMSG_HDR);
      at += cmsgSpace(m.data.length);
    }
    writeMsghdr(msghdr, {
      name: plan.name ? block.ptr + nameAt : 0,
      namelen: plan.name?.len ?? 0,
      iov: plan.iov.length ? block.ptr + iovAt : 0,
      iovlen: plan.iov.length,
      control: ctlLen ? block.ptr + ctlAt : 0,
      controllen: ctlLen,
    });
    const r = s.sharedFd ? shared.message(false, s, msghdr, flags) : os.sendmsg!(s.fd, msghdr, flags);
    if (r < 0) {
      socketError(s, fn, "Error in sendmsg", os.lastError());
      return false;
    }
    return r;
  } finally {
    releaseScratch(block);
  }
}

/**
 * PHP 8: socket_sendmsg(Socket $socket, array $message, int $flags = 0): int|false. The message's
 * "name" addresses a datagram, "iov" holds the data (strings, or bytes), "control" the ancillary data.
 * PHP 4/5: socket_sendmsg(Socket $socket, IOVec $iovec, int $flags, string $addr, int $port = 0): bool.
 */
export function socket_sendmsg(socket: Socket, message: PhpArray, flags?: number): number | false;
export function socket_sendmsg(socket: Socket, iovec: IOVec, flags: number, addr: string, port?: number): boolean;
export function socket_sendmsg(socket: Socket, message: PhpArray | IOVec, flags: unknown = 0, ...rest: unknown[]): number | boolean {
  const fn = "socket_sendmsg";
  if (message instanceof IOVec) return legacySendmsg(fn, arguments.length, socket, message, flags, rest[0], rest[1]);
  argc(fn, arguments.length, 2, 3);
  const s = sockArg(fn, socket);
  if (!isArray(message)) throw typeError(fn, 2, "message", "array", message);
  // PHP checks that the flags fit a C int before it looks at the socket.
  const fl = cIntArg(fn, 3, "flags", arguments.length > 2 ? int(fn, 3, "flags", flags) : 0);
  ensureOpen(fn, s);
  const plan = converting(fn, () => sendPlan(new Conv("user"), fn, s, message));
  return plan ? sendmsg(fn, s, plan, fl) : false;
}

interface RecvPlan {
  name: Name | null;
  buffer: number;
  controllen: number;
}

function recvPlan(c: Conv, fn: string, s: Socket, msg: PhpArray): RecvPlan {
  const plan: RecvPlan = { name: null, buffer: DEFAULT_BUFFER, controllen: 0 };
  aggregate(c, msg, [
    ["name", false, (v) => void (plan.name = nameFrom(c, fn, s, v, false))],
    ["buffer_size", false, (v) => {
      const n = long(c, v);
      if (n < 0n || n > BigInt(MAX_BUFFER)) c.fail(`the buffer size must be between 1 and ${MAX_BUFFER}; given ${n}`);
      plan.buffer = Number(n);
    }],
    ["controllen", true, (v) => {
      const n = uint32(c, v);
      if (n === 0) c.fail("controllen cannot be 0");
      plan.controllen = n;
    }],
  ]);
  return plan;
}

function resultOf(c: Conv, s: Socket, g: Got, got: Received): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  out.name = c.in("name", () => (g.name ? nameTo(c, s, g.name) : null));
  out.control = c.in("control", () => {
    const list: unknown[] = [];
    let i = 1;
    for (const m of cmsgs(g.control, g.control.length)) {
      c.in(`element #${i++}`, () => {
        const e: Record<string, unknown> = { level: m.level, type: m.type };
        list.push(e);
        e.data = c.in("data", () => cmsgDataTo(c, m.level, m.type, m.len, m.data, got));
      });
    }
    return list;
  });
  out.iov = g.n > 0 ? [messageText(s, g.data)] : [];
  out.flags = g.flags;
  return out;
}

/**
 * PHP 8: socket_recvmsg(Socket $socket, array &$message, int $flags = 0): int|false. $message gives
 * "controllen" (required), "buffer_size" and "name"; it is replaced by name, control, iov and flags.
 * PHP 4/5: socket_recvmsg(Socket $socket, IOVec $iovec, array &$control, int &$controllen,
 * int &$flags, string &$addr, int &$port = null): bool.
 */
export function socket_recvmsg(socket: Socket, message: Ref, flags?: number): number | false;
export function socket_recvmsg(socket: Socket, iovec: IOVec, control: Ref, controllen: Ref, flags: Ref, addr: Ref, port?: Ref): boolean;
export function socket_recvmsg(socket: Socket, message: unknown, flags: unknown = 0, ...rest: unknown[]): number | boolean {
  const fn = "socket_recvmsg";
  if (message instanceof IOVec) return legacyRecvmsg(fn, arguments.length, socket, message, flags, rest[0], rest[1], rest[2], rest[3]);
  argc(fn, arguments.length, 2, 3);
  const s = sockArg(fn, socket);
  const ref = refArg(fn, 2, "message", message);
  if (!isArray(ref.value)) throw typeError(fn, 2, "message", "array", ref.value);
  const fl = cIntArg(fn, 3, "flags", arguments.length > 2 ? int(fn, 3, "flags", flags) : 0);
  ensureOpen(fn, s);
  const msg = ref.value;
  const plan = converting(fn, () => recvPlan(new Conv("user"), fn, s, msg));
  if (!plan) return false;
  const g = recvInto(fn, s, plan.name ? plan.name.bytes.length : null, plan.name?.len ?? 0, plan.buffer, plan.controllen, fl);
  if (typeof g === "number") {
    // PHP records this failure globally only, and warns even when it only means "try again".
    const e = os.lastError();
    globals.lastError = e;
    warn(fn, `Error in recvmsg [${e}]: ${sockStrerror(e)}`);
    return false;
  }
  const got = receivedFds(g.control);
  const out = converting(fn, () => resultOf(new Conv("native"), s, g, got));
  if (!out) {
    dropReceived(got);
    ref.value = false;
    return g.n;
  }
  for (const fd of got.raw) os.close(fd);
  ref.value = out;
  return g.n;
}

/**
 * socket_cmsg_space(int $level, int $type, int $num = 0): ?int — the controllen for such a message.
 * PHP's null ("too large") cannot happen once every argument fits a C int, so this always gives a number.
 */
export function socket_cmsg_space(level: number, type: number, num: number = 0): number {
  const fn = "socket_cmsg_space";
  argc(fn, arguments.length, 2, 3);
  const lv = int(fn, 1, "level", level), ty = int(fn, 2, "type", type);
  const n = arguments.length > 2 ? int(fn, 3, "num", num) : 0;
  cIntArg(fn, 1, "level", lv);
  cIntArg(fn, 2, "type", ty);
  cIntArg(fn, 3, "num", n);
  if (n < 0) throw new ValueError(`${fn}(): Argument #3 ($num) must be greater than or equal to 0`);
  const e = entryFor(lv, ty);
  // PHP's one ValueError here without the function's name in front.
  if (!e) throw new ValueError(`Pair level ${lv} and/or type ${ty} is not supported`);
  return cmsgSpace(e.size + n * e.varSize);
}
