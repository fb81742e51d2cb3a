// The same round trips as raw bun:ffi calls into libc: what a JS caller pays with no library at all.
import { MSG_NOSIGNAL, closePair, fdPair, libc } from "./libc.ts";
import type { Transport } from "../cases.ts";
import type { Trips } from "./library.ts";

export function rawTrips(t: Transport, n: number): Trips {
  const p = fdPair(t);
  const out = new Uint8Array(n).fill(120), into = new Uint8Array(65536);
  const from = new Uint8Array(16), fromLen = new Uint32Array(1);
  const recvAll = (fd: number): void => {
    let got = libc.recv(fd, into, n, 0);
    while (got > 0 && got < n) {
      const k = libc.recv(fd, into.subarray(got), n - got, 0);
      if (k <= 0) break;
      got += k;
    }
    if (got !== n) throw new Error("recv");
  };
  const trip = t !== "udp"
    ? () => {
      if (libc.send(p.a, out, n, MSG_NOSIGNAL) !== n) throw new Error("send");
      recvAll(p.b);
      if (libc.send(p.b, into, n, MSG_NOSIGNAL) !== n) throw new Error("send");
      recvAll(p.a);
    }
    : () => {
      if (libc.sendto(p.a, out, n, 0, p.addrB, 16) !== n) throw new Error("sendto");
      fromLen[0] = 16;
      if (libc.recvfrom(p.b, into, 65536, 0, from, fromLen) !== n) throw new Error("recvfrom");
      if (libc.sendto(p.b, into, n, 0, from, fromLen[0]!) !== n) throw new Error("sendto");
      fromLen[0] = 16;
      if (libc.recvfrom(p.a, into, 65536, 0, from, fromLen) !== n) throw new Error("recvfrom");
    };
  return { trip, close: () => closePair(p) };
}

// The least any PHP-shaped JavaScript round trip costs: the same raw calls, with each payload turned into
// the string a read returns (one char a byte, Buffer's latin1Slice: the cheapest maker on Bun) and each
// string encoded back into bytes before it is sent (TextEncoder.encodeInto, ASCII as the payload is).
// A stream read that comes in parts is joined as strings, as a PHP-shaped read loop does.
export function rawStringTrips(t: Transport, n: number): Trips {
  const p = fdPair(t);
  const enc = new TextEncoder();
  // Reads land 256 bytes into their buffer, as the library's do: on AMD Zen a string made from bytes
  // at a page start copies about 6 times slower (see src/bytes.ts).
  const outBuf = Buffer.alloc(65536), inAll = Buffer.alloc(65536 + 256), inBuf = inAll.subarray(256);
  const slice = (Buffer.prototype as unknown as { latin1Slice(this: Buffer, s: number, e: number): string }).latin1Slice;
  const from = new Uint8Array(16), fromLen = new Uint32Array(1);
  const send = (fd: number, s: string): void => {
    const k = enc.encodeInto(s, outBuf).written;
    const r = t === "udp" ? libc.sendto(fd, outBuf, k, 0, fd === p.a ? p.addrB : from, fd === p.a ? 16 : fromLen[0]!) : libc.send(fd, outBuf, k, MSG_NOSIGNAL);
    if (r !== k) throw new Error("send");
  };
  const recv = (fd: number): string => {
    if (t === "udp") {
      fromLen[0] = 16;
      const k = libc.recvfrom(fd, inBuf, 65536, 0, from, fromLen);
      if (k !== n) throw new Error("recvfrom");
      return slice.call(inAll, 256, 256 + k);
    }
    let s = "";
    while (s.length < n) {
      const k = libc.recv(fd, inBuf, n - s.length, 0);
      if (k <= 0) throw new Error("recv");
      s += slice.call(inAll, 256, 256 + k);
    }
    return s;
  };
  const out = "x".repeat(n);
  const trip = () => {
    send(p.a, out);
    send(p.b, recv(p.b));
    if (recv(p.a).length !== n) throw new Error("short");
  };
  return { trip, close: () => closePair(p) };
}
