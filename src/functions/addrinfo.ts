// socket_addrinfo_lookup, socket_addrinfo_explain, socket_addrinfo_bind, socket_addrinfo_connect, and
// PHP 8's final class AddressInfo that carries one getaddrinfo() result between them.
import * as A from "../address.ts";
import { argc, phpType, str, typeError } from "../php/args.ts";
import { E_WARNING, PhpError, ValueError, emit } from "../php/errors.ts";
import type { AddrInfo, AddrInfoHints } from "../platform/types.ts";
import { S, Socket, globalError, os, socketError } from "./common.ts";
import { cstr } from "./sockaddr.ts";
import { utf8 } from "../bytes.ts";

const TOKEN = Symbol("php-sockets.AddressInfo");
const AF_UNSPEC = S.AF_UNSPEC ?? 0;

let infoOf: (a: AddressInfo) => AddrInfo;

/** PHP 8's AddressInfo: opaque, made only by socket_addrinfo_lookup, and final (no subclass can be built). */
export class AddressInfo {
  readonly #ai: AddrInfo;

  constructor(token?: symbol, ai?: AddrInfo) {
    if (token !== TOKEN || new.target !== AddressInfo || !ai)
      throw new PhpError("Cannot directly construct AddressInfo, use socket_addrinfo_lookup() instead");
    this.#ai = ai;
  }

  static {
    infoOf = (a) => a.#ai;
  }
}
Object.freeze(AddressInfo.prototype);

/** An AddressInfo argument (always parameter #1, $address). */
function infoArg(fn: string, v: unknown): AddrInfo {
  if (!(v instanceof AddressInfo)) throw typeError(fn, 1, "address", "AddressInfo", v);
  return infoOf(v);
}

const HINT_KEYS = '"ai_flags", "ai_socktype", "ai_protocol", or "ai_family"';
const INT_KEY = /^(0|-[1-9]\d{0,18}|[1-9]\d{0,18})$/;
const NUMERIC_PREFIX = /^[ \t\n\r\v\f]*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)/;
const INT64_MAX = 2n ** 63n - 1n, INT64_MIN = -(2n ** 63n);

/** The low 32 bits of a PHP int, as C's `int` hint fields keep them. */
const low32 = (n: bigint): number => Number(BigInt.asIntN(32, n));

/**
 * PHP's zval_get_long (no TypeError, no deprecation): numeric string prefixes, floats wrapped modulo
 * 2^64, arrays by emptiness, objects as 1 with a warning; then truncated to a C int.
 */
function hintInt(v: unknown): number {
  switch (typeof v) {
    case "number":
      if (Number.isInteger(v)) return Math.abs(v) <= Number.MAX_SAFE_INTEGER ? v | 0 : low32(BigInt(v));
      return Number.isFinite(v) ? low32(BigInt(Math.trunc(v))) : 0;
    case "bigint":
      return low32(v);
    case "boolean":
      return v ? 1 : 0;
    case "string": {
      const m = NUMERIC_PREFIX.exec(v);
      if (!m) return 0;
      const text = m[1]!;
      if (m[3] === undefined && m[4] === undefined && !text.includes(".")) {
        const n = BigInt(text);
        return low32(n > INT64_MAX ? INT64_MAX : n < INT64_MIN ? INT64_MIN : n);
      }
      const d = Number(text);
      // A float string saturates where a float would wrap.
      if (d >= 9223372036854775807) return low32(INT64_MAX);
      if (d <= -9223372036854775808) return low32(INT64_MIN);
      return low32(BigInt(Math.trunc(d)));
    }
    case "undefined":
      return 0;
    case "object": {
      if (v === null) return 0;
      const t = phpType(v);
      if (t === "array") return (Array.isArray(v) ? v.length : Object.keys(v).length) > 0 ? 1 : 0;
      emit(E_WARNING, `Object of class ${t} could not be converted to int`);
      return 1;
    }
    default:
      return 0;
  }
}

function parseHints(fn: string, v: unknown): AddrInfoHints {
  const hints: AddrInfoHints = { flags: 0, family: 0, socktype: 0, protocol: 0 };
  if (phpType(v) !== "array") throw typeError(fn, 3, "hints", "array", v);
  // A PHP list (packed array) is skipped whole, and integer keys are never hints.
  if (Array.isArray(v)) return hints;
  for (const [key, value] of Object.entries(v as object)) {
    if (INT_KEY.test(key)) continue;
    switch (key) {
      case "ai_flags":
        hints.flags = hintInt(value);
        break;
      case "ai_socktype":
        hints.socktype = hintInt(value);
        break;
      case "ai_protocol":
        hints.protocol = hintInt(value);
        break;
      case "ai_family":
        hints.family = hintInt(value);
        break;
      default:
        throw new ValueError(`${fn}(): Argument #3 ($hints) must only contain array keys ${HINT_KEYS}`);
    }
  }
  return hints;
}

/** A `?string` parameter. */
function nullableStr(fn: string, pos: number, name: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const t = phpType(v);
  if (t !== "string" && t !== "int" && t !== "float" && t !== "bool") throw typeError(fn, pos, name, "?string", v);
  return str(fn, pos, name, v);
}

function getaddrinfo(fn: string): NonNullable<typeof os.getaddrinfo> {
  if (!os.getaddrinfo) throw new PhpError(`Call to undefined function ${fn}()`);
  return os.getaddrinfo.bind(os);
}

export function socket_addrinfo_lookup(host: string, service: string | null = null, hints: unknown = []): AddressInfo[] | false {
  const fn = "socket_addrinfo_lookup";
  argc(fn, arguments.length, 1, 3);
  const h = str(fn, 1, "host", host);
  const svc = arguments.length > 1 ? nullableStr(fn, 2, "service", service) : null;
  const hi = parseHints(fn, arguments.length > 2 ? hints : []);
  // C strings: a NUL ends the name, as it does for PHP.
  const res = getaddrinfo(fn)(cstr(h), svc === null ? null : cstr(svc), hi);
  if (typeof res === "number") return false;
  return res.filter((r) => r.family !== AF_UNSPEC).map((r) => new AddressInfo(TOKEN, r));
}

export function socket_addrinfo_explain(address: AddressInfo): Record<string, unknown> {
  const fn = "socket_addrinfo_explain";
  argc(fn, arguments.length, 1, 1);
  const ai = infoArg(fn, address);
  const out: Record<string, unknown> = {
    ai_flags: ai.flags,
    ai_family: ai.family,
    ai_socktype: ai.socktype,
    ai_protocol: ai.protocol,
  };
  if (ai.canonname) out.ai_canonname = utf8.decode(ai.canonname);
  const addr: Record<string, unknown> = {};
  const b = ai.addr;
  if (ai.family === A.AF_INET && b.length >= os.layout.sockaddr_in!.size) {
    addr.sin_port = A.port(b);
    addr.sin_addr = A.ipv4Text(b);
  } else if (ai.family === A.AF_INET6 && b.length >= os.layout.sockaddr_in6!.size) {
    addr.sin6_port = A.port(b);
    addr.sin6_addr = A.ipv6Text(b);
  }
  out.ai_addr = addr;
  return out;
}

/** socket(), then bind() or connect() to the result's address; PHP's warnings on failure. */
function open(fn: string, address: unknown, connect: boolean): Socket | false {
  const ai = infoArg(fn, address);
  const fd = os.socket(ai.family, ai.socktype, ai.protocol);
  if (fd < 0) {
    globalError(fn, "Unable to create socket", os.lastError());
    return false;
  }
  const s = Socket.wrap(fd, ai.family);
  s.sockType = ai.socktype;
  switch (ai.family) {
    case A.AF_UNIX:
      // PHP refuses unix addresses from getaddrinfo, without a word.
      s.close();
      return false;
    case A.AF_INET:
    case A.AF_INET6:
      break;
    default:
      s.close();
      throw new ValueError(`${fn}(): Argument #1 ($address) ${connect ? "socket type " : ""}must be one of AF_UNIX, AF_INET, or AF_INET6`);
  }
  const r = connect ? os.connect(fd, ai.addr, ai.addr.length) : os.bind(fd, ai.addr, ai.addr.length);
  if (r !== 0) {
    socketError(s, fn, connect ? "Unable to connect address" : "Unable to bind address", os.lastError());
    s.close();
    return false;
  }
  return s;
}

export function socket_addrinfo_bind(address: AddressInfo): Socket | false {
  argc("socket_addrinfo_bind", arguments.length, 1, 1);
  return open("socket_addrinfo_bind", address, false);
}

export function socket_addrinfo_connect(address: AddressInfo): Socket | false {
  argc("socket_addrinfo_connect", arguments.length, 1, 1);
  return open("socket_addrinfo_connect", address, true);
}
