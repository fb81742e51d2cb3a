// IPV6_PKTINFO as socket_set_option/socket_get_option take and give it: ["addr" => string, "ifindex" =>
// int|string], converted with PHP's "error converting user data (path: ...)" warnings.
import * as A from "../address.ts";
import { warn } from "../php/errors.ts";
import { os, type Socket } from "./common.ts";
import { isPhpArray, isPhpInt, toHash, toLong, toStr } from "./options-convert.ts";
import { encodeFor, phpBytes } from "./sockaddr.ts";

const PK = os.layout.in6_pktinfo;
const SIN6_ADDR = os.layout.sockaddr_in6!.fields.sin6_addr![0];

class ConvError extends Error {
  constructor(readonly path: string, msg: string) {
    super(msg);
  }
}

/** php_set_inet6_addr on the text, whatever the socket's family (PHP converts the address that way). */
function inet6(fn: string, sock: Socket, text: string): Uint8Array | null {
  const buf = new Uint8Array(A.SOCKADDR_MAX);
  const family = sock.family;
  sock.family = A.AF_INET6;
  try {
    return encodeFor(fn, sock, buf, text, 0) === 0 ? null : buf.slice(SIN6_ADDR, SIN6_ADDR + 16);
  } finally {
    sock.family = family;
  }
}

function ifindex(sock: Socket, v: unknown): number {
  const path = "in6_pktinfo > ifindex";
  if (isPhpInt(v)) {
    const n = toLong(v);
    if (n < 0n || n > 0xffffffffn) {
      throw new ConvError(path, `the interface index cannot be negative or larger than 4294967295; given ${n}`);
    }
    return Number(n);
  }
  const name = toStr(v);
  const nul = name.indexOf("\0");
  const text = nul < 0 ? name : name.slice(0, nul);
  const b = phpBytes(sock, text);
  const c = new Uint8Array(b.length + 1);
  c.set(b);
  const idx = os.ifNameToIndex(c);
  if (idx === 0) throw new ConvError(path, `no interface with name "${text}" could be found`);
  return idx;
}

/** The in6_pktinfo bytes for `value`, or null after PHP's warning. */
export function pktinfoFrom(fn: string, sock: Socket, value: unknown): Uint8Array | null {
  if (!PK) return null;
  try {
    if (!isPhpArray(value)) throw new ConvError("in6_pktinfo", "expected an array here");
    const h = toHash(value);
    const out = new Uint8Array(PK.size);
    if (!h.has("addr")) throw new ConvError("in6_pktinfo", "The key 'addr' is required");
    const raw = h.get("addr");
    const addr = inet6(fn, sock, toStr(raw));
    if (!addr) {
      // PHP names the original value only when it was a string.
      const shown = typeof raw === "string" ? raw : "";
      throw new ConvError("in6_pktinfo > addr", `could not resolve address '${shown}' to get an AF_INET6 address`);
    }
    out.set(addr, PK.fields.ipi6_addr![0]);
    if (!h.has("ifindex")) throw new ConvError("in6_pktinfo", "The key 'ifindex' is required");
    new DataView(out.buffer).setUint32(PK.fields.ipi6_ifindex![0], ifindex(sock, h.get("ifindex")), true);
    return out;
  } catch (e) {
    if (!(e instanceof ConvError)) throw e;
    warn(fn, `error converting user data (path: ${e.path}): ${e.message}`);
    return null;
  }
}

/** ["addr" => ..., "ifindex" => ...] from the bytes getsockopt gave. */
export function pktinfoTo(b: Uint8Array): { addr: string; ifindex: number } {
  const f = PK!.fields;
  return { addr: A.ipv6Text(b, f.ipi6_addr![0]), ifindex: new DataView(b.buffer, b.byteOffset).getUint32(f.ipi6_ifindex![0], true) };
}

export const PKTINFO_SIZE = PK?.size ?? 20;
