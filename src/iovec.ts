// The IOVec object: PHP 4/5's iovec resource (socket_iovec_alloc) brought back as an object. Each vector
// is a block of the C heap and the iovec array that points at them is one too, so readv/writev and the old
// socket_recvmsg/socket_sendmsg hand the OS only memory the library owns. socket_iovec_free releases it
// at once; an IOVec dropped without it is released when collected.
import { allocNative, freeNative, type NativeBlock } from "./platform/native-memory.ts";
import { IOVEC_SIZE, writeIovec } from "./msghdr.ts";
import { PhpError } from "./php/errors.ts";

const TOKEN = Symbol("php-sockets.IOVec");

// The registry holds the list of pointers to free, never the IOVec itself.
interface Owned {
  ptrs: Set<number>;
}
const finalizer = new FinalizationRegistry<Owned>((o) => {
  for (const p of o.ptrs) freeNative(p);
  o.ptrs.clear();
});

export class IOVec {
  #vecs: NativeBlock[] = [];
  #array: NativeBlock | null = null;
  #stale = true;
  readonly #owned: Owned = { ptrs: new Set() };
  #freed = false;
  /**
   * Beyond PHP: the bytes the last socket_readv/socket_writev (or old-form socket_recvmsg/sendmsg)
   * moved. PHP 4's functions said only true or false; this tells how much of the vectors a partial
   * read filled.
   */
  transferred = 0;
  /**
   * How socket_iovec_fetch and socket_iovec_set read and write strings: "utf8" (the default, as for
   * sockets) or "binary" (PHP byte strings, one char per byte). Bytes (ArrayBufferViews) are stored as is.
   */
  encoding: "utf8" | "binary" = "utf8";

  constructor(token?: symbol) {
    if (token !== TOKEN) throw new PhpError("Cannot directly construct IOVec, use socket_iovec_alloc() instead");
    finalizer.register(this, this.#owned, this.#owned);
  }

  /** @internal An IOVec with vectors of these lengths (zero-filled); null when the C heap refuses. */
  static make(lengths: readonly number[]): IOVec | null {
    const v = new IOVec(TOKEN);
    for (const n of lengths) {
      if (!v.add(n)) {
        v.free();
        return null;
      }
    }
    return v;
  }

  get freed(): boolean {
    return this.#freed;
  }

  /** Number of vectors. */
  get count(): number {
    return this.#vecs.length;
  }

  /** Total length of the vectors in bytes. */
  get size(): number {
    let n = 0;
    for (const b of this.#vecs) n += b.size;
    return n;
  }

  /** @internal The bytes of vector i (a view of C memory: never kept past the IOVec's life). */
  vector(i: number): Uint8Array {
    return this.#vecs[i]!.bytes;
  }

  #block(n: number): NativeBlock | null {
    const b = allocNative(n);
    if (b) this.#owned.ptrs.add(b.ptr);
    return b;
  }

  #release(b: NativeBlock): void {
    this.#owned.ptrs.delete(b.ptr);
    freeNative(b.ptr);
  }

  /** @internal Appends a zero-filled vector of n bytes; false when the C heap refuses. */
  add(n: number): boolean {
    if (this.#freed) return false;
    const b = this.#block(n);
    if (!b) return false;
    this.#vecs.push(b);
    this.#stale = true;
    return true;
  }

  /** @internal Replaces vector i with a copy of `data`: the vector takes the data's length. */
  set(i: number, data: Uint8Array): boolean {
    const old = this.#vecs[i];
    if (this.#freed || !old) return false;
    const b = this.#block(data.length);
    if (!b) return false;
    b.bytes.set(data);
    this.#release(old);
    this.#vecs[i] = b;
    this.#stale = true;
    return true;
  }

  /** @internal Removes vector i; the ones after it move down. */
  delete(i: number): void {
    if (this.#freed || i < 0 || i >= this.#vecs.length) return;
    const [b] = this.#vecs.splice(i, 1);
    this.#release(b!);
    this.#stale = true;
  }

  /**
   * @internal The native iovec array over the vectors: its address and count (address 0 when there
   * are no vectors). Rebuilt after any change; null when the C heap refuses.
   */
  iovArray(): { ptr: number; count: number } | null {
    if (this.#freed) return null;
    if (this.#stale) {
      if (this.#array) this.#release(this.#array);
      this.#array = null;
      if (this.#vecs.length > 0) {
        const a = this.#block(this.#vecs.length * IOVEC_SIZE);
        if (!a) return null;
        this.#vecs.forEach((v, i) => writeIovec(a.bytes, 0, i, v.ptr, v.size));
        this.#array = a;
      }
      this.#stale = false;
    }
    return { ptr: this.#array?.ptr ?? 0, count: this.#vecs.length };
  }

  /** @internal Releases every block now (socket_iovec_free); the IOVec is unusable afterwards. */
  free(): void {
    if (this.#freed) return;
    this.#freed = true;
    finalizer.unregister(this.#owned);
    for (const p of this.#owned.ptrs) freeNative(p);
    this.#owned.ptrs.clear();
    this.#vecs = [];
    this.#array = null;
  }
}
