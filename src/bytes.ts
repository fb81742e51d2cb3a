// Strings and bytes: writes take a string or any ArrayBufferView; reads give a string in the socket's
// encoding. UTF-8 reads never split a character: an incomplete tail waits on the socket for the next read.
import type { Socket } from "./socket.ts";

const encoder = new TextEncoder();
/** UTF-8 text of bytes, BOM kept: a leading EF BB BF is data on a socket, as it is to PHP. */
export const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

// One scratch buffer for the synchronous calls; it grows to the largest request and is never shared
// across an await, so reuse is safe. Strings to write are encoded at its start; reads land READ_AT
// bytes in. That offset is for AMD CPUs (Zen), where `rep movsb` runs about 6 times slower when the
// destination lies less than 64 bytes ahead of the source modulo 4 KiB: a large string made from the
// bytes copies them into a fresh allocation whose data starts about 20 bytes into a page, so bytes read
// at a page start take the slow case (64 KiB: 40 us instead of 6 us), and bytes read 256 bytes in do not.
const READ_AT = 256;
let scratch = new Uint8Array(64 * 1024 + READ_AT);
// The same memory seen as a Buffer (for its native text codecs) and as 32-bit words, and the read area.
let scratchBuf = Buffer.from(scratch.buffer);
let scratch32 = new Uint32Array(scratch.buffer);
let readArea = scratch.subarray(READ_AT);
function grow(n: number): void {
  scratch = new Uint8Array(Math.max(n, scratch.length * 2));
  scratchBuf = Buffer.from(scratch.buffer);
  scratch32 = new Uint32Array(scratch.buffer, 0, scratch.length >>> 2);
  readArea = scratch.subarray(READ_AT);
}
/** The scratch buffer, at least n bytes long. */
export function scratchOf(n: number): Uint8Array {
  if (scratch.length < n) grow(n);
  return scratch;
}
/** Where reads go: part of the scratch buffer, at least n bytes long, the same view until it grows. */
export function readBuffer(n: number): Uint8Array {
  if (readArea.length < n) grow(n + READ_AT);
  return readArea;
}
/** Strings are encoded into the scratch buffer up to this many bytes (the cap reads use too). */
const SCRATCH_MAX = 16 * 1024 * 1024;

/** Bytes [start, end) of b as text, decoded by Buffer's native codecs with no view made for the read area. */
function text(enc: "utf8" | "latin1", b: Uint8Array, start: number, end: number): string {
  // One byte (an ASCII one in UTF-8) is one char: JSC keeps those strings ready, no call needed.
  if (end - start === 1) {
    const c = b[start]!;
    if (c < 0x80 || enc === "latin1") return String.fromCharCode(c);
  }
  if (b === readArea) {
    return enc === "latin1" ? slices.latin1Slice.call(scratchBuf, READ_AT + start, READ_AT + end) : slices.utf8Slice.call(scratchBuf, READ_AT + start, READ_AT + end);
  }
  return Buffer.from(b.buffer, b.byteOffset + start, end - start).toString(enc);
}
// Buffer's per-encoding slicers (in Node and Bun alike) skip toString's argument and encoding dispatch:
// a 1 KiB latin1 string costs about 270 ns instead of 390 on Bun 1.4.5. toString stands in where absent.
type Slicer = (this: Buffer, start: number, end: number) => string;
const proto = Buffer.prototype as unknown as Record<string, Slicer | undefined>;
const slices = {
  latin1Slice: proto.latin1Slice ?? function (this: Buffer, s: number, e: number) { return this.toString("latin1", s, e); },
  utf8Slice: proto.utf8Slice ?? function (this: Buffer, s: number, e: number) { return this.toString("utf8", s, e); },
};
/**
 * Bytes [start, end) of b as UTF-8 text. Buffer's decoder gives what `utf8.decode` gives: the BOM kept,
 * each maximal invalid subpart as one U+FFFD (the WHATWG rule both follow).
 */
export const utf8Text = (b: Uint8Array, start: number, end: number): string => text("utf8", b, start, end);
/** Bytes [start, end) of b as a PHP byte string: one char per byte (ISO-8859-1, not windows-1252). */
export const byteText = (b: Uint8Array, start: number, end: number): string => text("latin1", b, start, end);

/** What toBytes gives: the bytes to write (a caller's view, or the scratch buffer) and how many. */
export interface Bytes {
  bytes: Uint8Array;
  length: number;
}
/** Shared by every write: filled by toBytes and read at once by the caller, so no view is made per call. */
export const bytesOut: Bytes = { bytes: scratch, length: 0 };

/** The bytes of a value to write, into bytesOut. False when a string in binary mode is not a byte string. */
export function toBytes(sock: Socket, data: string | ArrayBufferView): boolean {
  if (typeof data !== "string") {
    bytesOut.bytes = data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    bytesOut.length = data.byteLength;
    return true;
  }
  if (sock.encoding === "binary") {
    const b = latin1Encode(data);
    if (!b) return false;
    bytesOut.bytes = b;
    bytesOut.length = data.length;
    return true;
  }
  // encodeInto a reused buffer avoids an allocation per write; 3 bytes per UTF-16 unit is the worst case.
  const max = data.length * 3;
  if (max <= SCRATCH_MAX) {
    const buf = scratchOf(max);
    bytesOut.bytes = buf;
    bytesOut.length = encoder.encodeInto(data, buf).written;
    return true;
  }
  const b = encoder.encode(data);
  bytesOut.bytes = b;
  bytesOut.length = b.length;
  return true;
}

/** A PHP byte string held in JS: one char per byte. Null when a char is over 0xFF (not a byte). */
export function latin1Bytes(s: string): Uint8Array | null {
  const b = latin1Encode(s);
  return b === null || b.length === s.length ? b : b.subarray(0, s.length);
}

/** The bytes of a byte string at the start of the returned buffer (the scratch, or a fresh one), or null. */
function latin1Encode(s: string): Uint8Array | null {
  const n = s.length;
  // ASCII is the common case, and ASCII is its own UTF-8: from ASCII_PROBE chars on, one native
  // encodeInto beats the char loop (1 KiB: 50 ns; 64 KiB: 3 us instead of 15). It wrote the byte string
  // exactly when it took every char and wrote one byte for each, since any other char takes two or more.
  // Other Latin-1 strings go on to latin1Native: Bun 1.4.5 UTF-8-encodes them at about 6 ns a char.
  if (n >= ASCII_PROBE && n <= SCRATCH_MAX) {
    const buf = scratchOf(n);
    const r = encoder.encodeInto(s, buf);
    if (r.read === n && r.written === n) return buf;
  }
  if (n >= NATIVE_LATIN1 && 2 * n + 4 <= SCRATCH_MAX) return latin1Native(s, n);
  const out = n <= 65536 ? scratchOf(n) : new Uint8Array(n);
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
const ASCII_PROBE = 32;
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
  return buf;
}

/** Bytes as a PHP byte string (binary mode): one char per byte, all 256 values round-trip. */
export const binaryString = (b: Uint8Array): string => byteText(b, 0, b.length);
