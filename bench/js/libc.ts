// Raw bun:ffi: libc opened directly, no library in between. The floor a JS caller can reach, and the
// socket setup for the fd-level cases. Linux only (the benchmark's platform).
import { dlopen } from "bun:ffi";

export const libc = dlopen("libc.so.6", {
  socket: { args: ["i32", "i32", "i32"], returns: "i32" },
  socketpair: { args: ["i32", "i32", "i32", "buffer"], returns: "i32" },
  bind: { args: ["i32", "buffer", "u32"], returns: "i32" },
  listen: { args: ["i32", "i32"], returns: "i32" },
  connect: { args: ["i32", "buffer", "u32"], returns: "i32" },
  accept: { args: ["i32", "ptr", "ptr"], returns: "i32" },
  getsockname: { args: ["i32", "buffer", "buffer"], returns: "i32" },
  setsockopt: { args: ["i32", "i32", "i32", "buffer", "u32"], returns: "i32" },
  close: { args: ["i32"], returns: "i32" },
  send: { args: ["i32", "buffer", "usize", "i32"], returns: "i32" },
  recv: { args: ["i32", "buffer", "usize", "i32"], returns: "i32" },
  sendto: { args: ["i32", "buffer", "usize", "i32", "buffer", "u32"], returns: "i32" },
  recvfrom: { args: ["i32", "buffer", "usize", "i32", "buffer", "buffer"], returns: "i32" },
  poll: { args: ["buffer", "u64", "i32"], returns: "i32" },
}).symbols;

// Linux x86-64 values (glibc headers).
export const AF_UNIX = 1, AF_INET = 2, SOCK_STREAM = 1, SOCK_DGRAM = 2;
export const IPPROTO_TCP = 6, TCP_NODELAY = 1, MSG_NOSIGNAL = 0x4000, POLLIN = 1;

const one = new Int32Array([1]);
export function noDelay(fd: number): void {
  if (libc.setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, one, 4) !== 0) throw new Error("setsockopt TCP_NODELAY");
}

/** A sockaddr_in for 127.0.0.1:port. */
export function loopback(port = 0): Uint8Array {
  const sa = new Uint8Array(16);
  const v = new DataView(sa.buffer);
  v.setUint16(0, AF_INET, true);
  v.setUint16(2, port, false);
  sa.set([127, 0, 0, 1], 4);
  return sa;
}

export const portOf = (sa: Uint8Array): number => (sa[2]! << 8) | sa[3]!;

function boundName(fd: number): Uint8Array {
  const sa = new Uint8Array(16), len = new Uint32Array([16]);
  if (libc.getsockname(fd, sa, len) !== 0) throw new Error("getsockname");
  return sa;
}

/** Two connected descriptors of a transport, and for UDP each one's bound address. */
export interface FdPair {
  a: number;
  b: number;
  addrA: Uint8Array;
  addrB: Uint8Array;
}

export function fdPair(transport: "unix" | "tcp" | "udp"): FdPair {
  if (transport === "unix") {
    const fds = new Int32Array(2);
    if (libc.socketpair(AF_UNIX, SOCK_STREAM, 0, fds) !== 0) throw new Error("socketpair");
    return { a: fds[0]!, b: fds[1]!, addrA: new Uint8Array(0), addrB: new Uint8Array(0) };
  }
  if (transport === "tcp") {
    const l = libc.socket(AF_INET, SOCK_STREAM, 0);
    if (libc.bind(l, loopback(), 16) !== 0 || libc.listen(l, 1) !== 0) throw new Error("listen");
    const a = libc.socket(AF_INET, SOCK_STREAM, 0);
    if (libc.connect(a, boundName(l), 16) !== 0) throw new Error("connect");
    const b = libc.accept(l, null, null);
    libc.close(l);
    noDelay(a);
    noDelay(b);
    return { a, b, addrA: new Uint8Array(0), addrB: new Uint8Array(0) };
  }
  const a = libc.socket(AF_INET, SOCK_DGRAM, 0), b = libc.socket(AF_INET, SOCK_DGRAM, 0);
  if (libc.bind(a, loopback(), 16) !== 0 || libc.bind(b, loopback(), 16) !== 0) throw new Error("bind");
  return { a, b, addrA: boundName(a), addrB: boundName(b) };
}

export function closePair(p: FdPair): void {
  libc.close(p.a);
  libc.close(p.b);
}
