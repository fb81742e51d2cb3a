// sockaddr encode/decode for IPv4, IPv6 (with scope id) and unix sockets (paths and Linux's abstract
// names), driven by the platform's generated struct layouts so that sa_len/one-byte families work too.
import { os } from "./platform/index.ts";
import type { Field, Struct } from "./platform/types.ts";

const L = os.layout;
const C = os.constants;
export const AF_UNIX = C.AF_UNIX ?? 1;
export const AF_INET = C.AF_INET ?? 2;
export const AF_INET6 = C.AF_INET6 ?? 23;

const in4 = L.sockaddr_in!;
const in6 = L.sockaddr_in6!;
const un = L.sockaddr_un;
export const SOCKADDR_MAX = L.sockaddr_storage?.size ?? 128;
/** sizeof(sun_path): PHP rejects unix addresses of this many bytes or more. */
export const SUN_PATH_SIZE = un ? un.fields.sun_path![1] : 108;
const SUN_PATH_OFF = un ? un.fields.sun_path![0] : 2;

// Fields are [offset, size] pairs from the layout; the hot paths take them as plain numbers resolved
// once at load (no array destructuring or field lookup per call).
function putAt(b: Uint8Array, off: number, size: number, v: number): void {
  if (size === 1) b[off] = v;
  else if (size === 2) (b[off] = v & 0xff), (b[off + 1] = (v >> 8) & 0xff);
  else for (let i = 0; i < size; i++) b[off + i] = i < 4 ? (v >>> (8 * i)) & 0xff : 0;
}
function getAt(b: Uint8Array, off: number, size: number): number {
  if (size === 1) return b[off]!;
  if (size === 2) return b[off]! | (b[off + 1]! << 8);
  return (b[off]! | (b[off + 1]! << 8) | (b[off + 2]! << 16) | (b[off + 3]! << 24)) >>> 0;
}

/** A sockaddr's size and where its family and (BSD) length fields are; lenOff is -1 where there is none. */
interface Head {
  size: number;
  famOff: number;
  famSize: number;
  lenOff: number;
  lenSize: number;
}
function head(s: Struct, familyField: string, lenField: string): Head {
  const f = s.fields[familyField]!, l = s.fields[lenField];
  return { size: s.size, famOff: f[0], famSize: f[1], lenOff: l ? l[0] : -1, lenSize: l ? l[1] : 0 };
}
/** Zeroes the struct and sets its length (where it has one) and family: what PHP does before filling it. */
function header(b: Uint8Array, h: Head, family: number): void {
  for (let i = 0; i < h.size; i++) b[i] = 0;
  if (h.lenOff >= 0) putAt(b, h.lenOff, h.lenSize, h.size);
  putAt(b, h.famOff, h.famSize, family);
}

const head4 = head(in4, "sin_family", "sin_len");
const head6 = head(in6, "sin6_family", "sin6_len");
const PORT4 = in4.fields.sin_port![0], ADDR4 = in4.fields.sin_addr![0];
const PORT6 = in6.fields.sin6_port![0], ADDR6 = in6.fields.sin6_addr![0];
const [SCOPE6, SCOPE6_SIZE] = in6.fields.sin6_scope_id!;
const [FLOW6, FLOW6_SIZE] = in6.fields.sin6_flowinfo!;
const [FAMILY, FAMILY_SIZE] = L.sockaddr!.fields.sa_family!;

/** Writes a sockaddr_in; `addr` is 4 bytes in network order. Returns the length to pass to the OS. */
export function encodeInet4(b: Uint8Array, addr: Uint8Array, port: number): number {
  header(b, head4, AF_INET);
  b[PORT4] = (port >> 8) & 0xff;
  b[PORT4 + 1] = port & 0xff;
  for (let i = 0; i < 4; i++) b[ADDR4 + i] = addr[i]!;
  return head4.size;
}

/** Writes a sockaddr_in6; `addr` is 16 bytes. */
export function encodeInet6(b: Uint8Array, addr: Uint8Array, port: number, scope = 0, flow = 0): number {
  header(b, head6, AF_INET6);
  b[PORT6] = (port >> 8) & 0xff;
  b[PORT6 + 1] = port & 0xff;
  for (let i = 0; i < 16; i++) b[ADDR6 + i] = addr[i]!;
  putAt(b, SCOPE6, SCOPE6_SIZE, scope);
  putAt(b, FLOW6, FLOW6_SIZE, flow);
  return head6.size;
}

const headUn = head(un ?? { size: 110, align: 2, fields: { sun_family: [0, 2] as Field } }, "sun_family", "sun_len");

/** Writes a sockaddr_un; the length is the path's own (so a leading NUL makes a Linux abstract name). */
export function encodeUnix(b: Uint8Array, path: Uint8Array): number {
  header(b, headUn, AF_UNIX);
  b.set(path, SUN_PATH_OFF);
  const len = SUN_PATH_OFF + path.length;
  if (headUn.lenOff >= 0) putAt(b, headUn.lenOff, headUn.lenSize, Math.min(len, 255));
  return len;
}

export function family(b: Uint8Array): number {
  return getAt(b, FAMILY, FAMILY_SIZE);
}

export function port(b: Uint8Array): number {
  const off = family(b) === AF_INET6 ? PORT6 : PORT4;
  return (b[off]! << 8) | b[off + 1]!;
}

// The last IPv4 address made into text: a datagram server hears from the same few peers again and again.
let lastIp = -1, lastIpText = "";
export function ipv4Text(b: Uint8Array, off = ADDR4): string {
  const ip = ((b[off]! << 24) | (b[off + 1]! << 16) | (b[off + 2]! << 8) | b[off + 3]!) >>> 0;
  if (ip !== lastIp) (lastIp = ip), (lastIpText = `${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`);
  return lastIpText;
}

/** inet_ntop(AF_INET6) as glibc writes it: longest zero run (2+ groups) as "::", v4-mapped tails dotted. */
export function ipv6Text(b: Uint8Array, off = ADDR6): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push((b[off + 2 * i]! << 8) | b[off + 2 * i + 1]!);
  let bestBase = -1, bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) (bestBase = i), (bestLen = j - i);
    i = j;
  }
  if (bestLen < 2) bestBase = -1;
  let out = "";
  for (let i = 0; i < 8; i++) {
    if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ":";
      continue;
    }
    if (i > 0) out += ":";
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && w[5] === 0xffff))) {
      out += ipv4Text(b, off + 12);
      break;
    }
    out += w[i]!.toString(16);
  }
  if (bestBase >= 0 && bestBase + bestLen === 8) out += ":";
  return out;
}

export function scopeId(b: Uint8Array): number {
  return getAt(b, SCOPE6, SCOPE6_SIZE);
}

/** The raw bytes of a unix address's path (up to `len`, the length the OS gave back). */
export function unixPath(b: Uint8Array, len: number): Uint8Array {
  return b.subarray(SUN_PATH_OFF, Math.max(SUN_PATH_OFF, Math.min(len, SUN_PATH_OFF + SUN_PATH_SIZE)));
}
