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
