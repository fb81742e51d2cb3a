// PHP's address conversion for bind/connect/sendto: a numeric address, else a host lookup, with
// PHP's warnings; unix paths checked against sun_path. Returns the sockaddr length, 0 after a warning.
import * as A from "../address.ts";
import { ValueError, warn } from "../php/errors.ts";
import { latin1Bytes } from "../bytes.ts";
import { os, socketError, type Socket } from "./common.ts";

const enc = new TextEncoder();
const MAXFQDNLEN = 255;
const addr4 = new Uint8Array(4);
const addr6 = new Uint8Array(16);
const C = os.constants;
// PHP asks getaddrinfo for IPv6 addresses with these flags, so IPv4 names come back v4-mapped.
const AI_V4MAPPED = C.AI_V4MAPPED ?? 0, AI_ADDRCONFIG = C.AI_ADDRCONFIG ?? 0;

/** A NUL-terminated copy of a string for the C calls. */
export function cstr(s: string): Uint8Array {
  const b = enc.encode(s);
  const out = new Uint8Array(b.length + 1);
  out.set(b);
  return out;
}

/** What C sees of a PHP string: the part before the first NUL. */
export function cText(s: string): string {
  const nul = s.indexOf("\0");
  return nul < 0 ? s : s.slice(0, nul);
}

/** The bytes of a PHP string argument: a byte string on a binary socket, else UTF-8 (a fresh copy). */
export function phpBytes(sock: Socket, s: string): Uint8Array {
  if (sock.encoding === "binary") {
    const b = latin1Bytes(s);
    if (b) return b.slice();
  }
  return enc.encode(s);
}

/** php_set_inet_addr: fills addr4 or warns. Only the text before a NUL counts, as C reads it. */
function inet4(fn: string, sock: Socket, text: string): boolean {
  const name = cText(text);
  const c = cstr(name);
  if (os.inetPton(A.AF_INET, c, addr4) === 1) return true;
  const host = c.length - 1 > MAXFQDNLEN ? null : os.gethostbyname(c);
  if (!host || host.addrs.length === 0) {
    socketError(sock, fn, "Host lookup failed", os.hostLookupError());
    return false;
  }
  if (host.family !== A.AF_INET) {
    warn(fn, "Host lookup failed: Non AF_INET domain returned on AF_INET socket");
    return false;
  }
  addr4.set(host.addrs[0]!.subarray(0, 4));
  return true;
}

const SCOPE_INT = /^[ \t\n\r\v\f]*[+-]?\d+[ \t\n\r\v\f]*$/;

/** php_set_inet6_addr: fills addr6 and returns the scope id, or -1 after a warning. */
function inet6(fn: string, sock: Socket, text: string): number {
  const name = cText(text);
  const c = cstr(name);
  if (os.inetPton(A.AF_INET6, c, addr6) !== 1) {
    const r = os.resolve(c, A.AF_INET6, AI_V4MAPPED | AI_ADDRCONFIG);
    if (typeof r === "number") {
      socketError(sock, fn, "Host lookup failed", os.hostLookupError());
      return -1;
    }
    if (A.family(r) !== A.AF_INET6 || r.length !== os.layout.sockaddr_in6!.size) {
      warn(fn, "Host lookup failed: Non AF_INET6 domain returned on AF_INET6 socket");
      return -1;
    }
    const off = os.layout.sockaddr_in6!.fields.sin6_addr![0];
    addr6.set(r.subarray(off, off + 16));
  }
  const pct = name.indexOf("%");
  if (pct < 0) return 0;
  const scope = name.slice(pct + 1);
  if (SCOPE_INT.test(scope) && Math.abs(Number(scope.trim())) < 2 ** 63) {
    // An integer scope is taken when it fits an unsigned int; any other number leaves it 0.
    const n = Number(scope.trim());
    return n > 0 && n <= 0xffffffff ? n : 0;
  }
  const idx = os.ifNameToIndex(cstr(scope));
  if (idx === 0) warn(fn, `no interface with name "${scope}" could be found`);
  return idx;
}

/**
 * Encodes (address, port) for the socket's family into buf. Returns the length, or 0 when a warning was
 * given. Throws PHP's ValueErrors (unix path too long, unknown family).
 */
export function encodeFor(fn: string, sock: Socket, buf: Uint8Array, text: string, port: number, addrPos = 2): number {
  switch (sock.family) {
    case A.AF_UNIX: {
      const path = phpBytes(sock, text);
      if (path.length >= A.SUN_PATH_SIZE) throw new ValueError(`${fn}(): Argument #${addrPos} ($address) must be less than ${A.SUN_PATH_SIZE}`);
      return A.encodeUnix(buf, path);
    }
    case A.AF_INET:
      return inet4(fn, sock, text) ? A.encodeInet4(buf, addr4, port & 0xffff) : 0;
    case A.AF_INET6: {
      const scope = inet6(fn, sock, text);
      return scope < 0 ? 0 : A.encodeInet6(buf, addr6, port & 0xffff, scope);
    }
    default:
      throw new ValueError(`${fn}(): Argument #1 ($socket) must be one of AF_UNIX, AF_INET, or AF_INET6`);
  }
}
