// socket_create, socket_create_listen, socket_create_pair.
import { encodeInet4, AF_INET } from "../address.ts";
import { argc, int } from "../php/args.ts";
import { ValueError } from "../php/errors.ts";
import { C, MAX_SOCK_TYPE, Socket, domainMessage, globalError, os, refArg, socketError, typeMessage } from "./common.ts";

const DOMAINS = new Set([C.AF_UNIX, C.AF_INET, C.AF_INET6]);
const SOCK_STREAM = C.SOCK_STREAM!;

function checkDomainType(fn: string, domain: number, type: number): void {
  if (!DOMAINS.has(domain)) throw new ValueError(`${fn}(): Argument #1 ($domain) ${domainMessage}`);
  if (type > MAX_SOCK_TYPE) throw new ValueError(`${fn}(): Argument #2 ($type) ${typeMessage}`);
}

/** The int PHP hands to a C `int` parameter: the low 32 bits, signed. */
const cInt = (n: number): number => n | 0;

export function socket_create(domain: number, type: number, protocol: number): Socket | false {
  const fn = "socket_create";
  argc(fn, arguments.length, 3, 3);
  const d = int(fn, 1, "domain", domain), t = int(fn, 2, "type", type), p = int(fn, 3, "protocol", protocol);
  checkDomainType(fn, d, t);
  const fd = os.socket(d, cInt(t), cInt(p));
  if (fd < 0) {
    globalError(fn, "Unable to create socket", os.lastError());
    return false;
  }
  const s = Socket.wrap(fd, d);
  s.sockType = cInt(t);
  return s;
}

export function socket_create_listen(port: number, backlog: number = 128): Socket | false {
  const fn = "socket_create_listen";
  argc(fn, arguments.length, 1, 2);
  const p = int(fn, 1, "port", port), b = arguments.length > 1 ? int(fn, 2, "backlog", backlog) : 128;
  const sa = new Uint8Array(os.layout.sockaddr_in!.size);
  // PHP binds to the address gethostbyname("0.0.0.0") gives: INADDR_ANY.
  const len = encodeInet4(sa, new Uint8Array(4), p & 0xffff);
  const fd = os.socket(AF_INET, SOCK_STREAM, 0);
  const s = Socket.wrap(fd, AF_INET);
  s.sockType = SOCK_STREAM;
  if (fd < 0) {
    socketError(s, fn, "unable to create listening socket", os.lastError());
    return false;
  }
  if (os.bind(fd, sa, len) !== 0) {
    socketError(s, fn, "unable to bind to given address", os.lastError());
    s.close();
    return false;
  }
  if (os.listen(fd, cInt(b)) !== 0) {
    socketError(s, fn, "unable to listen on socket", os.lastError());
    s.close();
    return false;
  }
  return s;
}

export function socket_create_pair(domain: number, type: number, protocol: number, pair: unknown): boolean {
  const fn = "socket_create_pair";
  argc(fn, arguments.length, 4, 4);
  const d = int(fn, 1, "domain", domain), t = int(fn, 2, "type", type), p = int(fn, 3, "protocol", protocol);
  const out = refArg(fn, 4, "pair", pair);
  checkDomainType(fn, d, t);
  const fds = new Int32Array(2);
  if (os.socketpair(d, cInt(t), cInt(p), fds) !== 0) {
    globalError(fn, "Unable to create socket pair", os.lastError());
    return false;
  }
  const a = Socket.wrap(fds[0]!, d), b = Socket.wrap(fds[1]!, d);
  a.sockType = b.sockType = cInt(t);
  out.value = [a, b];
  return true;
}

export { cInt };
