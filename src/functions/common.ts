// What every PHP socket function shares: the Socket argument check and PHP_SOCKET_ERROR's warning.
import { os } from "../platform/index.ts";
import { typeError } from "../php/args.ts";
import { PhpError, warn } from "../php/errors.ts";
import { isRef, type Ref } from "../php/ref.ts";
import { Socket, globals } from "../socket.ts";

export { os, Socket, globals };
export const C = os.constants;
export const S = os.system;

/**
 * A Socket argument where PHP's parser meets it: TypeError for anything else. Whether it is still open
 * is ensureOpen's question, asked after every argument is parsed (PHP's ENSURE_SOCKET_VALID follows
 * zend_parse_parameters), so a bad later argument or its deprecation comes first.
 */
export function sockArg(fn: string, v: unknown, pos = 1, name = "socket"): Socket {
  if (v instanceof Socket) return v;
  throw typeError(fn, pos, name, "Socket", v);
}

/** PHP's ENSURE_SOCKET_VALID: Error once closed; TypeError once exported (Bun owns the handle then). */
export function ensureOpen(fn: string, s: Socket, pos = 1, name = "socket"): Socket {
  // An open handle means neither closed nor exported (export gives the handle up): the common case.
  if (s.fd >= 0) return s;
  if (s.exported) throw new TypeError(`${fn}(): Argument #${pos} ($${name}) has been exported to a stream and is owned by Bun's event loop`);
  throw new PhpError(`${fn}(): Argument #${pos} ($${name}) has already been closed`);
}

/** Both at once, for functions whose only parsed argument is the Socket. */
export const openSockArg = (fn: string, v: unknown): Socket => ensureOpen(fn, sockArg(fn, v));

/** PHP's sockets_strerror: resolver errors are stored as -10000 - h_errno. */
export function sockStrerror(code: number): string {
  return code < -10000 ? os.hstrerror(-code - 10000) : os.strerror(code);
}

const EAGAIN = S.EAGAIN, EWOULDBLOCK = S.EWOULDBLOCK ?? S.EAGAIN, EINPROGRESS = S.EINPROGRESS;

/**
 * PHP_SOCKET_ERROR: records the code on the socket and globally, then warns "msg [code]: text", except
 * for the codes that only mean "not yet" (EAGAIN, EWOULDBLOCK, EINPROGRESS), which PHP keeps quiet.
 * A null socket stands for one PHP made and threw away (socket_accept): only the global error stays.
 */
export function socketError(sock: Socket | null, fn: string, msg: string, code: number): void {
  if (sock) sock.fail(code);
  else globals.lastError = code;
  if (code === EAGAIN || code === EWOULDBLOCK || code === EINPROGRESS) return;
  warn(fn, `${msg} [${code}]: ${sockStrerror(code)}`);
}

/** The same warning for failures that have no socket yet (socket_create, socket_create_pair). */
export function globalError(fn: string, msg: string, code: number): void {
  globals.lastError = code;
  warn(fn, `${msg} [${code}]: ${sockStrerror(code)}`);
}

/** A by-reference parameter: the caller must give a ref() (PHP needs a variable there). */
export function refArg(fn: string, pos: number, name: string, v: unknown): Ref {
  if (!isRef(v)) throw new TypeError(`${fn}(): Argument #${pos} ($${name}) could not be passed by reference; pass ref()`);
  return v;
}

/** Like refArg, but an omitted optional argument gives null. */
export const optRef = (fn: string, pos: number, name: string, v: unknown): Ref | null =>
  v === undefined ? null : refArg(fn, pos, name, v);

/** Socket types PHP's socket_create accepts (it rejects type > 10, nothing else). */
export const MAX_SOCK_TYPE = 10;

export const domainMessage = "must be one of AF_UNIX, AF_INET6, or AF_INET";
export const typeMessage = "must be one of SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_RAW, or SOCK_RDM";
