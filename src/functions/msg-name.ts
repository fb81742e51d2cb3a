// A message's "name" (its peer address) as PHP 8's sendmsg/recvmsg take and give it: ["family" =>,
// "addr" =>, "port" =>] for IPv4, plus "flowinfo" and "scope_id" for IPv6, ["family" =>, "path" =>]
// for unix sockets. The family defaults to the socket's own.
import * as A from "../address.ts";
import { binaryString, utf8 } from "../bytes.ts";
import { os, type Socket } from "./common.ts";
import { Conv, aggregate, cInt, isArray, member, netUint16, saFamily, uint32 } from "./msg-convert.ts";
import { toStr } from "./options-convert.ts";
import { encodeFor, phpBytes } from "./sockaddr.ts";

const in4 = os.layout.sockaddr_in!, in6 = os.layout.sockaddr_in6!, un = os.layout.sockaddr_un;
const FAMILY_BYTES = os.layout.sockaddr!.fields.sa_family![1];
const SUN_PATH_OFF = un ? un.fields.sun_path![0] : 2;
const UNIX_SIZE = un?.size ?? SUN_PATH_OFF + A.SUN_PATH_SIZE;

/** A sockaddr for msg_name: its bytes and the msg_namelen to give. */
export interface Name {
  bytes: Uint8Array;
  len: number;
}

const cText = (s: string): string => {
  const nul = s.indexOf("\0");
  return nul < 0 ? s : s.slice(0, nul);
};

/** php_set_inet_addr / php_set_inet6_addr on a text, for a family that may not be the socket's own. */
export function resolve(fn: string, sock: Socket, family: number, text: string): Uint8Array | null {
  const buf = new Uint8Array(A.SOCKADDR_MAX);
  const own = sock.family;
  sock.family = family;
  try {
    if (encodeFor(fn, sock, buf, text, 0) === 0) return null;
  } finally {
    sock.family = own;
  }
  const [off, size] = family === A.AF_INET ? in4.fields.sin_addr! : in6.fields.sin6_addr!;
  return buf.slice(off, off + size);
}

function inet4(c: Conv, fn: string, sock: Socket, v: unknown, fill: boolean): Name {
  const bytes = new Uint8Array(in4.size);
  if (!fill) return { bytes, len: in4.size };
  let addr: Uint8Array = new Uint8Array(4), port = 0;
  aggregate(c, v, [
    ["family", false, (x) => void saFamily(c, x, FAMILY_BYTES)],
    ["addr", false, (x) => {
      const text = toStr(x);
      const a = resolve(fn, sock, A.AF_INET, text);
      if (!a) return c.fail(`could not resolve address '${cText(text)}' to get an AF_INET address`);
      addr = a;
    }],
    ["port", false, (x) => void (port = netUint16(c, x))],
  ]);
  return { bytes, len: A.encodeInet4(bytes, addr, port) };
}

function inet6(c: Conv, fn: string, sock: Socket, v: unknown, fill: boolean): Name {
  const bytes = new Uint8Array(in6.size);
  if (!fill) return { bytes, len: in6.size };
  let addr: Uint8Array = new Uint8Array(16), port = 0, flow = 0, scope = 0;
  aggregate(c, v, [
    ["family", false, (x) => void saFamily(c, x, FAMILY_BYTES)],
    ["addr", false, (x) => {
      const a = resolve(fn, sock, A.AF_INET6, toStr(x));
      // PHP quotes the member itself here, so only a string shows.
      if (!a) return c.fail(`could not resolve address '${typeof x === "string" ? cText(x) : ""}' to get an AF_INET6 address`);
      addr = a;
    }],
    ["port", false, (x) => void (port = netUint16(c, x))],
    ["flowinfo", false, (x) => void (flow = uint32(c, x))],
    ["scope_id", false, (x) => void (scope = uint32(c, x))],
  ]);
  return { bytes, len: A.encodeInet6(bytes, addr, port, scope, flow) };
}

function unix(c: Conv, sock: Socket, v: unknown, fill: boolean): Name {
  const bytes = new Uint8Array(UNIX_SIZE);
  if (!fill) return { bytes, len: UNIX_SIZE };
  let path: Uint8Array = new Uint8Array(0);
  aggregate(c, v, [
    ["family", false, (x) => void saFamily(c, x, FAMILY_BYTES)],
    ["path", false, (x) => {
      const p = phpBytes(sock, toStr(x));
      if (p.length === 0) c.fail("the path is cannot be empty");
      if (p.length >= A.SUN_PATH_SIZE) c.fail(`the path is too long, the maximum permitted length is ${A.SUN_PATH_SIZE - 1}`);
      path = p;
    }],
  ]);
  // PHP measures the path as C does: up to a NUL, or past a leading NUL (Linux's abstract names).
  const from = path[0] === 0 ? 1 : 0;
  let end = path.indexOf(0, from);
  if (end < 0) end = path.length;
  // No path at all: sun_path stays zero, which C measures as the abstract name "" (one byte).
  return { bytes, len: A.encodeUnix(bytes, path.length === 0 ? new Uint8Array(1) : path.subarray(0, end)) };
}

/**
 * The msg_name for a message array's "name" member. `fill` is false for recvmsg, which only sizes the
 * buffer for the family (PHP checks the family but converts nothing else).
 */
export function nameFrom(c: Conv, fn: string, sock: Socket, v: unknown, fill: boolean): Name {
  if (!isArray(v)) c.fail("expected an array here");
  const f = member(v, "family");
  const family = f !== undefined && f !== null ? c.in("family", () => cInt(c, f)) : sock.family;
  switch (family) {
    case A.AF_INET:
      if (sock.family !== A.AF_INET && sock.family !== A.AF_INET6) c.fail(`the specified family (number ${family}) is not supported on this socket`);
      return inet4(c, fn, sock, v, fill);
    case A.AF_INET6:
      if (sock.family !== A.AF_INET6) c.fail("the specified family (AF_INET6) is not supported on this socket");
      return inet6(c, fn, sock, v, fill);
    case A.AF_UNIX:
      if (sock.family !== A.AF_UNIX) c.fail("the specified family (AF_UNIX) is not supported on this socket");
      return unix(c, sock, v, fill);
    default:
      return c.fail("the only families currently supported are AF_INET, AF_INET6 and AF_UNIX");
  }
}

/** The "name" array of a received message (null when the OS left the address empty). */
export function nameTo(c: Conv, sock: Socket, b: Uint8Array): Record<string, unknown> | null {
  const family = A.family(b);
  if (family === 0) return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  switch (family) {
    case A.AF_INET:
      return { family, addr: A.ipv4Text(b), port: A.port(b) };
    case A.AF_INET6:
      return {
        family,
        addr: A.ipv6Text(b),
        port: A.port(b),
        flowinfo: dv.getUint32(in6.fields.sin6_flowinfo![0], true),
        scope_id: A.scopeId(b),
      };
    case A.AF_UNIX: {
      const out: Record<string, unknown> = { family };
      c.in("path", () => {
        const p = b.subarray(SUN_PATH_OFF, SUN_PATH_OFF + A.SUN_PATH_SIZE);
        const nul = p.indexOf(0);
        if (nul < 0) c.fail("could not find a NUL in the path");
        out.path = sock.encoding === "binary" ? binaryString(p.subarray(0, nul)) : utf8.decode(p.subarray(0, nul));
      });
      return out;
    }
    default:
      return c.fail(`cannot read struct sockaddr with family ${family}; not supported`);
  }
}
