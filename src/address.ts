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

function put(b: Uint8Array, [off, size]: Field, v: number): void {
  if (size === 1) b[off] = v;
  else if (size === 2) (b[off] = v & 0xff), (b[off + 1] = (v >> 8) & 0xff);
  else for (let i = 0; i < size; i++) b[off + i] = i < 4 ? (v >>> (8 * i)) & 0xff : 0;
}
function get(b: Uint8Array, [off, size]: Field): number {
  if (size === 1) return b[off]!;
  if (size === 2) return b[off]! | (b[off + 1]! << 8);
  return (b[off]! | (b[off + 1]! << 8) | (b[off + 2]! << 16) | (b[off + 3]! << 24)) >>> 0;
}

function header(b: Uint8Array, s: Struct, familyField: string, family: number, lenField: string): void {
  b.fill(0, 0, s.size);
  const lf = s.fields[lenField];
  if (lf) put(b, lf, s.size);
  put(b, s.fields[familyField]!, family);
}

/** Writes a sockaddr_in; `addr` is 4 bytes in network order. Returns the length to pass to the OS. */
export function encodeInet4(b: Uint8Array, addr: Uint8Array, port: number): number {
  header(b, in4, "sin_family", AF_INET, "sin_len");
  const p = in4.fields.sin_port![0];
  b[p] = (port >> 8) & 0xff;
  b[p + 1] = port & 0xff;
  b.set(addr.subarray(0, 4), in4.fields.sin_addr![0]);
  return in4.size;
}

/** Writes a sockaddr_in6; `addr` is 16 bytes. */
export function encodeInet6(b: Uint8Array, addr: Uint8Array, port: number, scope = 0, flow = 0): number {
  header(b, in6, "sin6_family", AF_INET6, "sin6_len");
  const p = in6.fields.sin6_port![0];
  b[p] = (port >> 8) & 0xff;
  b[p + 1] = port & 0xff;
  b.set(addr.subarray(0, 16), in6.fields.sin6_addr![0]);
  put(b, in6.fields.sin6_scope_id!, scope);
  put(b, in6.fields.sin6_flowinfo!, flow);
  return in6.size;
}

/** Writes a sockaddr_un; the length is the path's own (so a leading NUL makes a Linux abstract name). */
export function encodeUnix(b: Uint8Array, path: Uint8Array): number {
  const s = un ?? { size: 110, align: 2, fields: { sun_family: [0, 2] as Field } };
  header(b, s, "sun_family", AF_UNIX, "sun_len");
  b.set(path, SUN_PATH_OFF);
  const len = SUN_PATH_OFF + path.length;
  const lf = s.fields.sun_len;
  if (lf) put(b, lf, Math.min(len, 255));
  return len;
}

export function family(b: Uint8Array): number {
  return get(b, L.sockaddr!.fields.sa_family!);
}

export function port(b: Uint8Array): number {
  const off = (family(b) === AF_INET6 ? in6.fields.sin6_port! : in4.fields.sin_port!)[0];
  return (b[off]! << 8) | b[off + 1]!;
}

export function ipv4Text(b: Uint8Array, off = in4.fields.sin_addr![0]): string {
  return `${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`;
}

/** inet_ntop(AF_INET6) as glibc writes it: longest zero run (2+ groups) as "::", v4-mapped tails dotted. */
export function ipv6Text(b: Uint8Array, off = in6.fields.sin6_addr![0]): string {
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
  return get(b, in6.fields.sin6_scope_id!);
}

/** The raw bytes of a unix address's path (up to `len`, the length the OS gave back). */
export function unixPath(b: Uint8Array, len: number): Uint8Array {
  return b.subarray(SUN_PATH_OFF, Math.max(SUN_PATH_OFF, Math.min(len, SUN_PATH_OFF + SUN_PATH_SIZE)));
}
