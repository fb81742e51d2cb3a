// The Socket object (PHP 8's final class Socket): the OS handle and the state PHP keeps beside it.
import { os } from "./platform/index.ts";
import { PhpError } from "./php/errors.ts";

const TOKEN = Symbol("php-sockets.Socket");

/** The extension's global last error (socket_last_error() without a socket). */
export const globals = { lastError: 0 };

// A Socket dropped without socket_close is closed when collected, as PHP closes a socket when its
// last reference goes. The registry holds only the handle box, never the Socket.
interface HandleBox {
  fd: number;
}
const finalizer = new FinalizationRegistry<HandleBox>((box) => {
  if (box.fd >= 0) os.close(box.fd);
  box.fd = -1;
});

/**
 * @internal Called while a handle is still open, just before it is closed or given to another owner,
 * so that pending readiness waits (src/wait) let go of the descriptor before its number can be reused.
 */
export const handleHooks: { beforeRelease: ((s: Socket) => void) | null } = { beforeRelease: null };

export type Encoding = "utf8" | "binary";

/** @internal A numeric socket_sendto destination (text and port as given) and its sockaddr. */
export interface SentTo {
  address: string;
  port: number;
  len: number;
  sa: Uint8Array;
}

export class Socket {
  /** @internal OS handle; -1 once closed or handed to another owner. */
  fd: number;
  /** @internal Address family (PHP's php_sock->type). */
  family: number;
  /** @internal SOCK_STREAM, SOCK_DGRAM, ... as created (0 when not known). */
  sockType = 0;
  /** @internal PHP's php_sock->blocking. */
  blocking = true;
  /**
   * @internal The descriptor is shared with an owner that keeps it non-blocking (socket_import_stream
   * of a Bun socket): `blocking` is then kept here only, and emulated (functions/emulated-blocking.ts).
   */
  sharedFd = false;
  /** @internal PHP's per-socket error. */
  error = 0;
  /** @internal How strings are read and written. */
  encoding: Encoding = "utf8";
  /** @internal Bytes of a UTF-8 character not yet complete at the end of the last read. */
  pending: Uint8Array | null = null;
  /** @internal Set when Bun's event loop owns the descriptor (socket_export_stream). */
  exported = false;
  /**
   * @internal The last few socket_sendto destinations given as numeric addresses, with their sockaddrs,
   * newest first, so that sending to a known peer again encodes nothing (send.ts). Per socket: two
   * sockets answering each other each keep their own peers.
   */
  sentTo: SentTo[] | null = null;
  readonly #box: HandleBox;

  constructor(token?: symbol, fd = -1, family = 0) {
    if (token !== TOKEN) throw new PhpError("Cannot directly construct Socket, use socket_create() instead");
    this.fd = fd;
    this.family = family;
    this.#box = { fd };
    finalizer.register(this, this.#box, this.#box);
  }

  /** @internal */
  static wrap(fd: number, family: number): Socket {
    return new Socket(TOKEN, fd, family);
  }

  /** An exported socket is not closed: Bun owns it, and the functions say so (see sockArg). */
  get closed(): boolean {
    return this.fd < 0 && !this.exported;
  }

  /** @internal Closes the handle once; the finalizer then has nothing left to do. */
  close(): number {
    const fd = this.fd;
    if (fd >= 0) handleHooks.beforeRelease?.(this);
    this.fd = -1;
    this.#box.fd = -1;
    finalizer.unregister(this.#box);
    return fd >= 0 ? os.close(fd) : 0;
  }

  /** @internal Gives the handle up to another owner (Bun's event loop) without closing it. */
  release(): number {
    const fd = this.fd;
    if (fd >= 0) handleHooks.beforeRelease?.(this);
    this.fd = -1;
    this.#box.fd = -1;
    finalizer.unregister(this.#box);
    return fd;
  }

  /** @internal Records a failure as PHP does: on the socket and globally. */
  fail(code: number): void {
    this.error = code;
    globals.lastError = code;
  }
}
