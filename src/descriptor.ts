// A descriptor that is not a socket. PHP 8's socket_recvmsg turns a received SCM_RIGHTS descriptor that
// is not a socket into a stream resource; here it becomes a FileDescriptor, whose number Bun's fs
// functions take (fs.readSync(fd.fd, ...)). socket_sendmsg takes one, as PHP takes a stream, to pass a
// file, pipe or terminal on.
import { os } from "./platform/index.ts";

// A received descriptor dropped without close() is closed when collected, as PHP frees a stream.
interface Box {
  fd: number;
}
const finalizer = new FinalizationRegistry<Box>((b) => {
  if (b.fd >= 0) os.close(b.fd);
  b.fd = -1;
});

export class FileDescriptor {
  readonly #box: Box;
  readonly #owned: boolean;

  /**
   * Wraps a descriptor of the caller's (to send it): the library never closes it unless close() is
   * called. Descriptors received with socket_recvmsg are the library's, and closed when collected.
   */
  constructor(fd: number, owned = false) {
    if (!Number.isSafeInteger(fd) || fd < 0 || fd > 0x7fffffff) throw new TypeError("FileDescriptor: fd must be a non-negative integer");
    this.#box = { fd };
    this.#owned = owned;
    if (owned) finalizer.register(this, this.#box, this.#box);
  }

  /** The descriptor number, or -1 once closed. */
  get fd(): number {
    return this.#box.fd;
  }

  get closed(): boolean {
    return this.#box.fd < 0;
  }

  /** Closes the descriptor (once). */
  close(): void {
    const fd = this.#box.fd;
    this.#box.fd = -1;
    if (this.#owned) finalizer.unregister(this.#box);
    if (fd >= 0) os.close(fd);
  }
}
