// socket_export_stream and socket_import_stream: PHP's bridge between Socket objects and streams,
// where Bun's own sockets are the streams. Export hands the descriptor to Bun's event loop (which
// owns and closes it from then on); import gives a Socket on a dup() of a Bun socket's descriptor.
import net from "node:net";
import * as A from "../address.ts";
import { argc, phpType } from "../php/args.ts";
import { PhpError, ValueError, warn } from "../php/errors.ts";
import { C, S, Socket, globalError, openSockArg, os, socketError } from "./common.ts";

/** What socket_export_stream gives: a connected socket, or a server for a listening one. */
export type ExportedStream = net.Socket | net.Server;

const SOL_SOCKET = C.SOL_SOCKET!, SO_TYPE = C.SO_TYPE!;
const SO_ACCEPTCONN = S.SO_ACCEPTCONN, SO_DOMAIN = S.SO_DOMAIN;
const SOCK_STREAM = C.SOCK_STREAM!, ENOTSOCK = S.ENOTSOCK!;
const TYPE_NAMES: Record<number, string> = {};
for (const n of ["SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_SEQPACKET", "SOCK_RDM"]) if (C[n] !== undefined) TYPE_NAMES[C[n]!] = n;

const exported = new WeakMap<Socket, ExportedStream>();
const intBox = new Int32Array(1);
const intBytes = new Uint8Array(intBox.buffer);
const lenBox = new Uint32Array(1);
const sa = new Uint8Array(os.layout.sockaddr_storage?.size ?? 128);

/** An int socket option, or -1 (then os.lastError()). */
function intOption(fd: number, level: number, name: number): number {
  intBox[0] = 0;
  lenBox[0] = 4;
  return os.getsockopt(fd, level, name, intBytes, lenBox) === 0 ? intBox[0]! : -1;
}

/**
 * Hands a connected or listening stream socket to Bun's event loop: a node:net Socket for a connected
 * one, a node:net Server (add "connection" listeners) for a listening one. The Socket object is
 * done with from then on (the functions refuse it), and only Bun closes the descriptor. Exporting
 * again gives the same stream, as in PHP.
 */
export function socket_export_stream(socket: Socket): ExportedStream | false {
  const fn = "socket_export_stream";
  argc(fn, arguments.length, 1, 1);
  if (socket instanceof Socket && socket.exported) {
    const prev = exported.get(socket);
    if (prev) return prev;
  }
  const s = openSockArg(fn, socket);
  const type = intOption(s.fd, SOL_SOCKET, SO_TYPE);
  if (type < 0) {
    socketError(s, fn, "Failed to create stream", os.lastError());
    return false;
  }
  // Bun adopts stream sockets only: it would take a datagram descriptor and never report a thing.
  if (type !== SOCK_STREAM)
    throw new ValueError(`${fn}(): Argument #1 ($socket) must be a SOCK_STREAM socket, ${TYPE_NAMES[type] ?? `type ${type}`} given: Bun's event loop drives stream sockets only`);
  const listening = SO_ACCEPTCONN !== undefined ? intOption(s.fd, SOL_SOCKET, SO_ACCEPTCONN) === 1 : false;
  if (!listening) {
    lenBox[0] = sa.length;
    if (os.getpeername(s.fd, sa, lenBox) !== 0)
      throw new ValueError(`${fn}(): Argument #1 ($socket) must be connected or listening to be driven by Bun's event loop`);
  }
  const fd = s.fd;
  let stream: ExportedStream;
  if (listening) {
    const server = net.createServer();
    server.listen({ fd });
    stream = server;
  } else {
    stream = net.connect({ fd } as net.NetConnectOpts);
  }
  // From here Bun owns the descriptor: the finalizer lets go of it, and nothing here closes it.
  s.exported = true;
  s.release();
  exported.set(s, stream);
  return stream;
}

/** The descriptor of a Bun or node:net socket or server, -1 when it is closed, null when `v` is no stream. */
function streamFd(v: object): number | null {
  if (v instanceof Socket) return null;
  if (v instanceof net.Socket || v instanceof net.Server) {
    const fd = (v as unknown as { _handle?: { fd?: unknown } | null })._handle?.fd;
    return typeof fd === "number" ? fd : -1;
  }
  // Bun.listen / Bun.connect / Bun.udpSocket objects, and fs streams, expose `fd`.
  const fd = (v as { fd?: unknown }).fd;
  return typeof fd === "number" ? fd : null;
}

/**
 * A Socket on a dup() of a stream's descriptor: a node:net Socket or Server, or a socket, listener or
 * UDP socket of Bun's own API. The two descriptors share one open socket (options and queued data);
 * closing the Socket closes only the duplicate. The Socket starts blocking in PHP's sense, while the
 * descriptor stays as non-blocking as Bun needs it: blocking calls wait for readiness instead
 * (honouring SO_RCVTIMEO/SO_SNDTIMEO), and socket_set_block/socket_set_nonblock change only the Socket.
 */
export function socket_import_stream(stream: unknown): Socket | false {
  const fn = "socket_import_stream";
  argc(fn, arguments.length, 1, 1);
  const fd = typeof stream === "object" && stream !== null && !Array.isArray(stream) && phpType(stream) !== "array" ? streamFd(stream) : null;
  if (fd === null) throw new TypeError(`${fn}(): Argument #1 ($stream) must be of type resource, ${phpType(stream)} given`);
  if (fd < 0) throw new TypeError(`${fn}(): supplied resource is not a valid stream resource`);
  const type = intOption(fd, SOL_SOCKET, SO_TYPE);
  if (type < 0) {
    const e = os.lastError();
    // A descriptor that is not a socket (a file or pipe stream) is PHP's STDIO stream.
    if (e === ENOTSOCK) warn(fn, "Cannot represent a stream of type STDIO as a Socket Descriptor");
    else globalError(fn, "Unable to obtain socket type", e);
    return false;
  }
  if (!os.dup) throw new PhpError(`${fn}(): descriptors cannot be duplicated on this platform`);
  const dup = os.dup(fd);
  if (dup < 0) {
    globalError(fn, "Unable to duplicate the stream's socket", os.lastError());
    return false;
  }
  const s = Socket.wrap(dup, 0);
  s.sockType = type;
  // The family as PHP finds it: SO_DOMAIN where the OS has it, else the bound address.
  const domain = SO_DOMAIN !== undefined ? intOption(dup, SOL_SOCKET, SO_DOMAIN) : -1;
  if (domain >= 0) s.family = domain;
  else {
    lenBox[0] = sa.length;
    sa.fill(0, 0, 2);
    if (os.getsockname(dup, sa, lenBox) !== 0) {
      socketError(s, fn, "Unable to obtain socket family", os.lastError());
      s.close();
      return false;
    }
    s.family = A.family(sa);
  }
  const nb = os.isNonBlocking(dup);
  if (nb < 0) {
    socketError(s, fn, "Unable to obtain blocking state", os.lastError());
    s.close();
    return false;
  }
  // Bun keeps its descriptors non-blocking for its event loop, which is no mode a PHP user chose: the
  // Socket starts blocking, as a PHP stream does, and waits without touching the shared O_NONBLOCK.
  s.blocking = true;
  s.sharedFd = nb === 1;
  return s;
}
