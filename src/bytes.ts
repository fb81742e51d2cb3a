// Strings and bytes: writes take a string or any ArrayBufferView; reads give a string in the socket's
// encoding. UTF-8 reads never split a character: an incomplete tail waits on the socket for the next read.
import type { Socket } from "./socket.ts";

const encoder = new TextEncoder();
/** UTF-8 text of bytes, BOM kept: a leading EF BB BF is data on a socket, as it is to PHP. */
export const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
// TextDecoder("latin1") is really windows-1252 (0x80 reads as "€"); byte strings need ISO-8859-1.
const latin1 = { decode: (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1") };

// One scratch buffer for the synchronous calls; it grows to the largest request and is never shared
// across an await, so reuse is safe.
let scratch = new Uint8Array(64 * 1024);
// The same memory seen as a Buffer (for its native latin1/UTF-16 writers) and as 32-bit words.
let scratchBuf = Buffer.from(scratch.buffer);
let scratch32 = new Uint32Array(scratch.buffer);
export function scratchOf(n: number): Uint8Array {
  if (scratch.length < n) {
    scratch = new Uint8Array(Math.max(n, scratch.length * 2));
    scratchBuf = Buffer.from(scratch.buffer);
    scratch32 = new Uint32Array(scratch.buffer, 0, scratch.length >>> 2);
  }
  return scratch;
}
/** Strings are encoded into the scratch buffer up to this many bytes (the cap reads use too). */
const SCRATCH_MAX = 16 * 1024 * 1024;

/** The bytes of a value to write, and how many. Strings in binary mode must be byte strings. */
export function toBytes(sock: Socket, data: string | ArrayBufferView): Uint8Array | null {
  if (typeof data !== "string") {
    return data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  if (sock.encoding === "binary") return latin1Bytes(data);
  // encodeInto a reused buffer avoids an allocation per write; 3 bytes per UTF-16 unit is the worst case.
  const max = data.length * 3;
  if (max <= SCRATCH_MAX) {
    const buf = scratchOf(max);
    const { written } = encoder.encodeInto(data, buf);
    return buf.subarray(0, written);
  }
  return encoder.encode(data);
}

/** A PHP byte string held in JS: one char per byte. Null when a char is over 0xFF (not a byte). */
export function latin1Bytes(s: string): Uint8Array | null {
  const n = s.length;
  if (n >= NATIVE_LATIN1 && 2 * n + 4 <= SCRATCH_MAX) return latin1Native(s, n);
  const out = n <= 65536 ? scratchOf(n).subarray(0, n) : new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return null;
    out[i] = c;
  }
  return out;
}

// A per-char JS loop costs about 1 ns a char; from this length on, the check and the copy are done by
// Buffer's native writers and a word-wide scan, about 5 times faster at 64 KiB.
const NATIVE_LATIN1 = 256;
function latin1Native(s: string, n: number): Uint8Array | null {
  const buf = scratchOf(2 * n + 4);
  // As UTF-16LE a char over 0xFF has a nonzero high byte; each 32-bit word holds two chars
  // (Bun runs on little-endian machines only).
  scratchBuf.write(s, 0, 2 * n, "utf16le");
  const w = scratch32, words = n >>> 1;
  let hi = n & 1 ? w[words]! & 0xff00 : 0;
  let i = 0;
  for (; i + 8 <= words; i += 8) hi |= w[i]! | w[i + 1]! | w[i + 2]! | w[i + 3]! | w[i + 4]! | w[i + 5]! | w[i + 6]! | w[i + 7]!;
  for (; i < words; i++) hi |= w[i]!;
  if (hi & 0xff00ff00) return null;
  scratchBuf.write(s, 0, n, "latin1");
  return buf.subarray(0, n);
}

/** Bytes as a PHP byte string (binary mode): one char per byte, all 256 values round-trip. */
export function binaryString(b: Uint8Array): string {
  // Reads land in the scratch buffer: decode through its Buffer view instead of wrapping each one anew.
  if (b.buffer === scratch.buffer) return scratchBuf.toString("latin1", b.byteOffset, b.byteOffset + b.byteLength);
  return latin1.decode(b);
}
