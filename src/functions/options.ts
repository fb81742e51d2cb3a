// socket_get_option / socket_set_option and their old names socket_getopt / socket_setopt. The shape of
// each (level, option) comes from options-table.ts; this file reads and writes those shapes.
import { argc, int } from "../php/args.ts";
import { ValueError, warn } from "../php/errors.ts";
import { binaryString, utf8 } from "../bytes.ts";
import { S, Socket, ensureOpen, os, sockArg, socketError } from "./common.ts";
import { phpCall, toBool, toCInt, toHash, toLong } from "./options-convert.ts";
import { addr4ToIndex, ifIndexOf, indexToAddr4, mcastOp } from "./options-multicast.ts";
import { PKTINFO_SIZE, pktinfoFrom, pktinfoTo } from "./options-pktinfo.ts";
import { getEntry, setEntry } from "./options-table.ts";
import { phpBytes } from "./sockaddr.ts";

const L = os.layout;
const LINGER = L.linger!, TIMEVAL = L.timeval!;
const MEMINFO_KEYS = [
  ["rmem_alloc", "SK_MEMINFO_RMEM_ALLOC"], ["rcvbuf", "SK_MEMINFO_RCVBUF"], ["wmem_alloc", "SK_MEMINFO_WMEM_ALLOC"],
  ["sndbuf", "SK_MEMINFO_SNDBUF"], ["fwd_alloc", "SK_MEMINFO_FWD_ALLOC"], ["wmem_queued", "SK_MEMINFO_WMEM_QUEUED"],
  ["optmem", "SK_MEMINFO_OPTMEM"], ["backlog", "SK_MEMINFO_BACKLOG"], ["drops", "SK_MEMINFO_DROPS"],
] as const;
const MEMINFO_VARS = S.SK_MEMINFO_VARS ?? MEMINFO_KEYS.length;
/** TCP_CA_NAME_MAX: PHP reads the congestion control's name into 16 bytes. */
const CONGESTION_NAME = 16;

const optLen = new Uint32Array(1);

function readInt(v: DataView, [off, size]: readonly [number, number]): number {
  if (size === 8) return Number(v.getBigInt64(off, true));
  if (size === 2) return v.getUint16(off, true);
  if (size === 1) return v.getUint8(off);
  return v.getInt32(off, true);
}

function writeInt(v: DataView, [off, size]: readonly [number, number], n: bigint): void {
  if (size === 8) v.setBigInt64(off, BigInt.asIntN(64, n), true);
  else if (size === 2) v.setUint16(off, Number(BigInt.asUintN(16, n)), true);
  else v.setInt32(off, Number(BigInt.asIntN(32, n)), true);
}

/** getsockopt into a fresh zeroed buffer; the bytes the OS wrote, or null after PHP's warning. */
function fetch(fn: string, sock: Socket, level: number, option: number, size: number, msg = "Unable to retrieve socket option"): Uint8Array | null {
  const buf = new Uint8Array(size);
  optLen[0] = size;
  if (os.getsockopt(sock.fd, level | 0, option | 0, buf, optLen) !== 0) {
    socketError(sock, fn, msg, os.lastError());
    return null;
  }
  return buf.subarray(0, Math.min(optLen[0]!, size));
}

function getOption(fn: string, sock: Socket, level: number, option: number): unknown {
  const { kind } = getEntry(level, option);
  switch (kind) {
    case "linger": {
      const b = fetch(fn, sock, level, option, LINGER.size);
      if (!b) return false;
      const v = new DataView(b.buffer);
      return { l_onoff: readInt(v, LINGER.fields.l_onoff!), l_linger: readInt(v, LINGER.fields.l_linger!) };
    }
    case "timeval": {
      if (os.timeoutAsMillis) {
        const b = fetch(fn, sock, level, option, 4);
        if (!b) return false;
        const ms = new DataView(b.buffer).getInt32(0, true);
        // PHP's Windows build: C int arithmetic, so timeout * 1000 wraps as it does there.
        return { sec: ms ? Math.trunc(ms / 1000) : 0, usec: ms ? Math.imul(ms, 1000) % 1000000 : 0 };
      }
      const b = fetch(fn, sock, level, option, TIMEVAL.size);
      if (!b) return false;
      const v = new DataView(b.buffer);
      return { sec: readInt(v, TIMEVAL.fields.tv_sec!), usec: readInt(v, TIMEVAL.fields.tv_usec!) };
    }
    case "meminfo": {
      const b = fetch(fn, sock, level, option, MEMINFO_VARS * 4);
      if (!b) return false;
      if (b.length !== MEMINFO_VARS * 4) {
        warn(fn, "Unable to retrieve all socket meminfo data");
        return false;
      }
      const v = new DataView(b.buffer);
      const out: Record<string, number> = {};
      MEMINFO_KEYS.forEach(([key, name], i) => (out[key] = v.getUint32((S[name] ?? i) * 4, true)));
      return out;
    }
    case "congestion": {
      const b = fetch(fn, sock, level, option, CONGESTION_NAME);
      if (!b) return false;
      const nul = b.indexOf(0);
      const name = b.subarray(0, nul < 0 ? b.length : nul);
      return { name: sock.encoding === "binary" ? binaryString(name) : utf8.decode(name) };
    }
    case "mcastIf4": {
      const b = fetch(fn, sock, level, option, 4);
      if (!b) return false;
      const index = addr4ToIndex(fn, sock, b);
      return index < 0 ? false : index;
    }
    case "pktinfo6": {
      const b = fetch(fn, sock, level, option, PKTINFO_SIZE, "unable to get socket option");
      return b ? pktinfoTo(b) : false;
    }
    case "int": {
      const b = fetch(fn, sock, level, option, 4);
      if (!b) return false;
      // An option the OS answers in one byte is an unsigned char.
      return b.length === 1 ? b[0]! : new DataView(b.buffer).getInt32(0, true);
    }
  }
}

/** An array argument's key, or PHP's ValueError naming it. */
function need(fn: string, h: Map<string, unknown>, key: string): unknown {
  if (!h.has(key)) throw new ValueError(`${fn}(): Argument #4 ($value) must have key "${key}"`);
  return h.get(key);
}

/** setsockopt, with PHP's warning on failure. */
function apply(fn: string, sock: Socket, level: number, option: number, b: Uint8Array, len = b.length): boolean {
  if (os.setsockopt(sock.fd, level | 0, option | 0, b, len) !== 0) {
    socketError(sock, fn, "Unable to set socket option", os.lastError());
    return false;
  }
  return true;
}

const u8 = (n: number): Uint8Array => Uint8Array.of(n);
const i32 = (n: number): Uint8Array => new Uint8Array(Int32Array.of(n).buffer);
const u32 = (n: number): Uint8Array => new Uint8Array(Uint32Array.of(n).buffer);

function bytesOf(sock: Socket, v: unknown): Uint8Array {
  if (typeof v === "string") return phpBytes(sock, v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return new Uint8Array(0);
}

function setOption(fn: string, sock: Socket, level: number, option: number, value: unknown): boolean {
  const entry = setEntry(level, option);
  switch (entry.kind) {
    case "linger": {
      const h = toHash(value);
      const onoff = need(fn, h, "l_onoff"), linger = need(fn, h, "l_linger");
      const b = new Uint8Array(LINGER.size);
      const v = new DataView(b.buffer);
      // PHP stores both through an unsigned short.
      writeInt(v, LINGER.fields.l_onoff!, BigInt.asUintN(16, toLong(onoff)));
      writeInt(v, LINGER.fields.l_linger!, BigInt.asUintN(16, toLong(linger)));
      return apply(fn, sock, level, option, b);
    }
    case "timeval": {
      const h = toHash(value);
      const secV = need(fn, h, "sec"), usecV = need(fn, h, "usec");
      const sec = toLong(secV), usec = toLong(usecV);
      if (os.timeoutAsMillis) {
        const ms = BigInt.asIntN(64, sec * 1000n + usec / 1000n);
        return apply(fn, sock, level, option, i32(Number(BigInt.asIntN(32, ms))));
      }
      const b = new Uint8Array(TIMEVAL.size);
      const v = new DataView(b.buffer);
      writeInt(v, TIMEVAL.fields.tv_sec!, sec);
      writeInt(v, TIMEVAL.fields.tv_usec!, usec);
      return apply(fn, sock, level, option, b);
    }
    case "bytes": {
      const b = bytesOf(sock, value);
      // A zero length still gets real memory behind the pointer.
      return b.length ? apply(fn, sock, level, option, b) : apply(fn, sock, level, option, new Uint8Array(1), 0);
    }
    case "mcastIf4": {
      const index = ifIndexOf(fn, sock, value);
      if (index < 0) return false;
      const addr = indexToAddr4(fn, sock, index);
      return addr ? apply(fn, sock, level, option, addr) : false;
    }
    case "mcastIf6": {
      const index = ifIndexOf(fn, sock, value);
      return index < 0 ? false : apply(fn, sock, level, option, u32(index));
    }
    case "ttl4": {
      const n = toLong(value);
      if (n < 0n || n > 255n) throw new ValueError(`${fn}(): Argument #4 ($value) must be between 0 and 255`);
      return apply(fn, sock, level, option, u8(Number(n)));
    }
    case "loop4":
      return apply(fn, sock, level, option, u8(toBool(value) ? 1 : 0));
    case "hops6": {
      const n = toLong(value);
      if (n < -1n || n > 255n) throw new ValueError(`${fn}(): Argument #4 ($value) must be between -1 and 255`);
      return apply(fn, sock, level, option, i32(Number(n)));
    }
    case "loop6":
      return apply(fn, sock, level, option, i32(toBool(value) ? 1 : 0));
    case "pktinfo6": {
      const b = pktinfoFrom(fn, sock, value);
      return b ? apply(fn, sock, level, option, b) : false;
    }
    case "mcast":
      return mcastOp(fn, sock, level | 0, entry.op!, value);
    case "int":
      return apply(fn, sock, level, option, i32(toCInt(value)));
  }
}

// PHP parses every argument before it checks that the socket is still open.
function args(fn: string, socket: unknown, level: unknown, option: unknown): [Socket, number, number] {
  const s = sockArg(fn, socket);
  const lv = int(fn, 2, "level", level), opt = int(fn, 3, "option", option);
  return [ensureOpen(fn, s), lv, opt];
}

function get(fn: string, n: number, socket: unknown, level: unknown, option: unknown): unknown {
  argc(fn, n, 3, 3);
  return getOption(fn, ...args(fn, socket, level, option));
}

function set(fn: string, n: number, socket: unknown, level: unknown, option: unknown, value: unknown): boolean {
  argc(fn, n, 4, 4);
  const [s, lv, opt] = args(fn, socket, level, option);
  return phpCall(() => setOption(fn, s, lv, opt, value));
}

export type OptionValue = number | { [key: string]: number | string } | false;

/** An option's value: an int, or an array for the options PHP gives as arrays; false after a warning. */
export function socket_get_option(socket: Socket, level: number, option: number): OptionValue {
  return get("socket_get_option", arguments.length, socket, level, option) as OptionValue;
}

/** Sets an option from an int, a string or an array, as the option takes it. */
export function socket_set_option(socket: Socket, level: number, option: number, value: unknown): boolean {
  return set("socket_set_option", arguments.length, socket, level, option, value);
}

/** The old name of socket_get_option; PHP's messages carry this name. */
export function socket_getopt(socket: Socket, level: number, option: number): OptionValue {
  return get("socket_getopt", arguments.length, socket, level, option) as OptionValue;
}

/** The old name of socket_set_option. */
export function socket_setopt(socket: Socket, level: number, option: number, value: unknown): boolean {
  return set("socket_setopt", arguments.length, socket, level, option, value);
}
