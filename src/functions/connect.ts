// socket_bind, socket_listen, socket_accept, socket_connect, socket_shutdown, socket_close.
import { argc, int, nullableInt, str } from "../php/args.ts";
import { ValueError } from "../php/errors.ts";
import * as A from "../address.ts";
import { Socket, ensureOpen, openSockArg, os, sockArg, socketError } from "./common.ts";
import { encodeFor } from "./sockaddr.ts";
import * as shared from "./emulated-blocking.ts";

const sa = new Uint8Array(A.SOCKADDR_MAX);
const saLen = new Uint32Array(1);

export function socket_bind(socket: Socket, address: string, port: number = 0): boolean {
  const fn = "socket_bind";
  argc(fn, arguments.length, 2, 3);
  const s = sockArg(fn, socket);
  const addr = str(fn, 2, "address", address);
  const p = arguments.length > 2 ? int(fn, 3, "port", port) : 0;
  ensureOpen(fn, s);
  const len = encodeFor(fn, s, sa, addr, p);
  if (len === 0) return false;
  if (os.bind(s.fd, sa, len) !== 0) {
    socketError(s, fn, "Unable to bind address", os.lastError());
    return false;
  }
  return true;
}

export function socket_listen(socket: Socket, backlog: number = 0): boolean {
  const fn = "socket_listen";
  argc(fn, arguments.length, 1, 2);
  const s = sockArg(fn, socket);
  const b = arguments.length > 1 ? int(fn, 2, "backlog", backlog) : 0;
  ensureOpen(fn, s);
  if (os.listen(s.fd, b | 0) !== 0) {
    socketError(s, fn, "unable to listen on socket", os.lastError());
    return false;
  }
  return true;
}

export function socket_accept(socket: Socket): Socket | false {
  const fn = "socket_accept";
  argc(fn, arguments.length, 1, 1);
  const s = openSockArg(fn, socket);
  saLen[0] = sa.length;
  sa.fill(0, 0, 2);
  const fd = s.sharedFd ? shared.accept(s, sa, saLen) : os.accept(s.fd, sa, saLen);
  if (fd < 0) {
    // PHP records the failure on the new (discarded) socket, so only the global error changes.
    socketError(null, fn, "unable to accept incoming connection", os.lastError());
    return false;
  }
  const out = Socket.wrap(fd, A.family(sa));
  out.sockType = s.sockType;
  return out;
}

export function socket_connect(socket: Socket, address: string, port: number | null = null): boolean {
  const fn = "socket_connect";
  argc(fn, arguments.length, 2, 3);
  const s = sockArg(fn, socket);
  const addr = str(fn, 2, "address", address);
  const p = arguments.length > 2 ? nullableInt(fn, 3, "port", port) : null;
  ensureOpen(fn, s);
  if (p === null && (s.family === A.AF_INET || s.family === A.AF_INET6))
    throw new ValueError(`${fn}(): Argument #3 ($port) cannot be null when the socket type is ${s.family === A.AF_INET ? "AF_INET" : "AF_INET6"}`);
  const len = encodeFor(fn, s, sa, addr, p ?? 0);
  if (len === 0) return false;
  if (os.connect(s.fd, sa, len) !== 0) {
    socketError(s, fn, "unable to connect", os.lastError());
    return false;
  }
  return true;
}

export function socket_shutdown(socket: Socket, mode: number = 2): boolean {
  const fn = "socket_shutdown";
  argc(fn, arguments.length, 1, 2);
  const s = sockArg(fn, socket);
  const how = arguments.length > 1 ? int(fn, 2, "mode", mode) : 2;
  ensureOpen(fn, s);
  if (os.shutdown(s.fd, how | 0) !== 0) {
    socketError(s, fn, "Unable to shutdown socket", os.lastError());
    return false;
  }
  return true;
}

export function socket_close(socket: Socket): void {
  const fn = "socket_close";
  argc(fn, arguments.length, 1, 1);
  openSockArg(fn, socket).close();
}
