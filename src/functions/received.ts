// Bytes just received -> the string a read gives, in the socket's encoding. Binary mode: one char per
// byte. UTF-8 mode on a stream: a read never ends inside a character; the 1-3 bytes that finish one are
// read at once (they nearly always arrived with the rest). Message sockets decode each message alone.
import { byteText, utf8Text } from "../bytes.ts";
import { C, os, type Socket } from "./common.ts";
import * as shared from "./emulated-blocking.ts";

const MSG_PEEK = C.MSG_PEEK!;
const MSG_WAITALL = C.MSG_WAITALL ?? 0;
const MSG_DONTWAIT = C.MSG_DONTWAIT ?? 0;
const SOCK_STREAM = C.SOCK_STREAM!;
const tail = new Uint8Array(4);

/** What decode() gives back: the string, and the bytes this call took from the OS (PHP's count). */
export const got = { text: "", bytes: 0 };

/** How many bytes the last character of b[0..n) still lacks (0 on a character boundary). */
export function missingUtf8(b: Uint8Array, n: number): number {
  for (let back = 1; back <= 3 && back <= n; back++) {
    const c = b[n - back]!;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const need = c >= 0xf8 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? need - back : 0;
  }
  return 0;
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** A stream socket (or one whose type is unknown): bytes flow on with no message boundaries. */
const isStream = (s: Socket): boolean => s.sockType === SOCK_STREAM || s.sockType === 0;

/**
 * Decodes n (> 0) bytes received into buf with `flags` into got.text / got.bytes. False when nothing
 * whole can be given yet: a non-blocking read that stopped inside a character, whose bytes now wait on
 * the socket for the next read (the caller reports EAGAIN, as for an empty non-blocking read).
 */
export function decode(s: Socket, buf: Uint8Array, n: number, flags: number): boolean {
  const peek = (flags & MSG_PEEK) !== 0;
  got.bytes = n;
  // The common case decodes buf[0..n) where it lies; b and len take over once bytes are joined.
  let b = buf, len = n;
  if (s.encoding === "binary" || !isStream(s)) {
    // Bytes a UTF-8 read left waiting come first, whatever the encoding is now.
    if (s.pending && isStream(s)) {
      b = join(s.pending, buf.subarray(0, n));
      len = b.length;
      if (!peek) s.pending = null;
    }
    got.text = s.encoding === "binary" ? byteText(b, 0, len) : utf8Text(b, 0, len);
    return true;
  }
  if (s.pending) (b = join(s.pending, buf.subarray(0, n))), (len = b.length);
  let miss = missingUtf8(b, len);
  let ended = false;
  if (miss > 0) {
    const wait = s.blocking && (flags & MSG_DONTWAIT) === 0;
    if (peek) {
      // Peek again far enough to see the whole character; nothing is consumed either way.
      const want = n + miss;
      const more = new Uint8Array(want);
      const k = s.sharedFd ? shared.recv(s, more, want, flags | (wait ? MSG_WAITALL : 0)) : os.recv(s.fd, more, want, flags | (wait ? MSG_WAITALL : 0));
      if (k > n) {
        b = s.pending ? join(s.pending, more.subarray(0, k)) : more.subarray(0, k);
        len = b.length;
        got.bytes = k;
        miss = missingUtf8(b, len);
      }
      ended = wait && k >= 0 && k < want; // a blocking WAITALL peek stops short only at end of stream
    } else {
      const k = s.sharedFd ? shared.recv(s, tail, miss, wait ? MSG_WAITALL : MSG_DONTWAIT) : os.recv(s.fd, tail, miss, wait ? MSG_WAITALL : MSG_DONTWAIT);
      if (k > 0) {
        b = join(b.subarray(0, len), tail.subarray(0, k));
        len = b.length;
        got.bytes += k;
        miss = missingUtf8(b, len);
      }
      ended = k === 0 || (wait && k > 0 && miss > 0);
    }
  }
  if (miss > 0 && !ended) {
    const whole = completeLength(b, len);
    if (!peek) s.pending = b.slice(whole, len);
    if (whole === 0) return false;
    got.text = utf8Text(b, 0, whole);
    return true;
  }
  // Whole characters, or the stream ended inside one: its bytes show as U+FFFD rather than vanish.
  if (!peek) s.pending = null;
  got.text = utf8Text(b, 0, len);
  return true;
}

/** Length of b[0..len) up to the start of its unfinished last character. */
function completeLength(b: Uint8Array, len: number): number {
  let i = len - 1;
  while (i > 0 && (b[i]! & 0xc0) === 0x80) i--;
  return Math.max(0, i);
}
