// Memory the library owns on the C heap, for what a struct points at (iovec bases, a msghdr's name,
// iovec array and control buffer). JS memory cannot serve there: a small TypedArray may move or its
// pointer go stale, so only the TypedArray passed directly as an FFI "buffer" argument may be JS memory.
import { toArrayBuffer, type Pointer } from "bun:ffi";
import { os } from "./index.ts";

/** A malloc'd block and a view of it. The view must not be touched once the block is freed. */
export interface NativeBlock {
  readonly ptr: number;
  readonly size: number;
  readonly bytes: Uint8Array;
}

/** False on a backend without malloc/free: the functions that need native memory then throw. */
export const nativeMemory = os.malloc !== undefined && os.free !== undefined;

/** Allocates `size` bytes (zeroed), or null when the C heap refuses. */
export function allocNative(size: number): NativeBlock | null {
  if (!nativeMemory || !Number.isSafeInteger(size) || size < 0) return null;
  // malloc(0) may return NULL: every block has at least one byte, so a null pointer always means failure.
  const n = Math.max(size, 1);
  const p = os.malloc!(n);
  if (!p) return null;
  const bytes = new Uint8Array(toArrayBuffer(p as Pointer, 0, n), 0, size);
  bytes.fill(0);
  return { ptr: p, size, bytes };
}

export function freeNative(p: number): void {
  if (p) os.free!(p);
}

// One reused scratch block serves the message calls (synchronous, never across an await). Requests
// over KEEP get a block of their own, freed by releaseScratch, so a rare large call does not pin memory.
const KEEP = 1 << 20;
let scratch: NativeBlock | null = null;

/** A block of at least `size` bytes, zeroed up to `size`; null when the C heap refuses. */
export function takeScratch(size: number): NativeBlock | null {
  if (size > KEEP) return allocNative(size);
  if (!scratch || scratch.size < size) {
    const next = allocNative(Math.max(size, 4096, scratch ? Math.min(scratch.size * 2, KEEP) : 0));
    if (!next) return null;
    if (scratch) freeNative(scratch.ptr);
    scratch = next;
  }
  scratch.bytes.fill(0, 0, size);
  return scratch;
}

/** Gives back a block from takeScratch: a one-off large block is freed, the shared one kept. */
export function releaseScratch(b: NativeBlock): void {
  if (b !== scratch) freeNative(b.ptr);
}
