// PHP's address conversion for bind/connect/sendto: a numeric address, else a host lookup, with
// PHP's warnings; unix paths checked against sun_path. Returns the sockaddr length, 0 after a warning.
import * as A from "../address.ts";
import { ValueError, warn } from "../php/errors.ts";
import { os, socketError, type Socket } from "./common.ts";

const enc = new TextEncoder();
const MAXFQDNLEN = 255;
const addr4 = new Uint8Array(4);
const addr6 = new Uint8Array(16);

/** A NUL-terminated copy of a string for the C calls. */
export function cstr(s: string): Uint8Array {
  const b = enc.encode(s);
  const out = new Uint8Array(b.length + 1);
  out.set(b);
  return out;
}

export function hasNul(s: string): boolean {
  return s.includes("\0");
}

/** php_set_inet_addr: fills addr4 or warns. */
function inet4(fn: string, sock: Socket, text: string): boolean {
  const c = cstr(text);
  if (!hasNul(text) && os.inetPton(A.AF_INET, c, addr4) === 1) return true;
  const host = text.length > MAXFQDNLEN || hasNul(text) ? null : os.gethostbyname(c);
  if (!host || host.addrs.length === 0) {
    socketError(sock, fn, "Host lookup failed", -10000 - os.hostError());
    return false;
  }
  if (host.family !== A.AF_INET) {
    warn(fn, "Host lookup failed: Non AF_INET domain returned on AF_INET socket");
    return false;
  }
  addr4.set(host.addrs[0]!.subarray(0, 4));
  return true;
}

/** php_set_inet6_addr: fills addr6 and returns the scope id, or -1 after a warning. */
function inet6(fn: string, sock: Socket, text: string): number {
  const c = cstr(text);
  if (hasNul(text) || os.inetPton(A.AF_INET6, c, addr6) !== 1) {
    const r = hasNul(text) ? -1 : os.resolve(c, A.AF_INET6);
    if (typeof r === "number") {
      socketError(sock, fn, "Host lookup failed", -10000 - os.hostError());
      return -1;
    }
    if (A.family(r) !== A.AF_INET6) {
      warn(fn, "Host lookup failed: Non AF_INET6 domain returned on AF_INET6 socket");
      return -1;
    }
    addr6.set(r.subarray(os.layout.sockaddr_in6!.fields.sin6_addr![0], os.layout.sockaddr_in6!.fields.sin6_addr![0] + 16));
  }
  const pct = text.indexOf("%");
  if (pct < 0) return 0;
  const scope = text.slice(pct + 1);
  if (/^[ \t\n\r\v\f]*[+-]?\d+[ \t\n\r\v\f]*$/.test(scope)) {
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
      const path = enc.encode(text);
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
