// socket_getsockname and socket_getpeername: the address and port, in PHP's text forms.
import * as A from "../address.ts";
import { argc } from "../php/args.ts";
import { ValueError } from "../php/errors.ts";
import { binaryString, utf8 } from "../bytes.ts";
import { ensureOpen, os, optRef, refArg, sockArg, socketError, type Socket } from "./common.ts";
import type { Ref } from "../php/ref.ts";

const sa = new Uint8Array(A.SOCKADDR_MAX);
const saLen = new Uint32Array(1);

/** A unix path as PHP reads sun_path: up to the first NUL (so an abstract name reads as ""). */
export function unixPathText(sock: Socket, path: Uint8Array): string {
  const nul = path.indexOf(0);
  const bytes = nul < 0 ? path : path.subarray(0, nul);
  return sock.encoding === "binary" ? binaryString(bytes) : utf8.decode(bytes);
}

/** Sets addr (and port, when given) from a sockaddr the OS filled; false for a family PHP cannot show. */
export function assignAddress(fn: string, sock: Socket, b: Uint8Array, len: number, addr: Ref, port: Ref | null): void {
  switch (A.family(b)) {
    case A.AF_INET6:
      addr.value = A.ipv6Text(b);
      if (port) port.value = A.port(b);
      return;
    case A.AF_INET:
      addr.value = A.ipv4Text(b);
      if (port) port.value = A.port(b);
      return;
    case A.AF_UNIX:
      addr.value = unixPathText(sock, A.unixPath(b, len));
      return;
    default:
      throw new ValueError(`${fn}(): Argument #1 ($socket) must be one of AF_UNIX, AF_INET, or AF_INET6`);
  }
}

function name(fn: string, peer: boolean, socket: unknown, address: unknown, port: unknown, given: number): boolean {
  argc(fn, given, 2, 3);
  const s = sockArg(fn, socket);
  const addr = refArg(fn, 2, "address", address);
  const p = optRef(fn, 3, "port", port);
  ensureOpen(fn, s);
  saLen[0] = sa.length;
  sa.fill(0);
  const r = peer ? os.getpeername(s.fd, sa, saLen) : os.getsockname(s.fd, sa, saLen);
  if (r !== 0) {
    socketError(s, fn, peer ? "unable to retrieve peer name" : "unable to retrieve socket name", os.lastError());
    return false;
  }
  assignAddress(fn, s, sa, saLen[0]!, addr, p);
  return true;
}

export function socket_getsockname(socket: Socket, address: Ref, port?: Ref): boolean {
  return name("socket_getsockname", false, socket, address, port, arguments.length);
}

export function socket_getpeername(socket: Socket, address: Ref, port?: Ref): boolean {
  return name("socket_getpeername", true, socket, address, port, arguments.length);
}
