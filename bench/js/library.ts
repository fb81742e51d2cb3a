// The library's two data paths on one connected pair of a transport:
//  - PHP-shaped: strings in and out (socket_write + socket_read; socket_sendto + socket_recvfrom for UDP),
//    in the default UTF-8 mode and in binary mode (PHP byte strings);
//  - zero-copy: a Uint8Array out (socket_send / socket_sendto) and caller memory in (socket_recv_into).
// Functions that have not landed yet are detected, and their cases skipped, so a later run picks them up.
import * as lib from "../../src/index.ts";
import { noDelay } from "./libc.ts";
import { rawStringTrips, rawTrips } from "./raw.ts";
import type { Transport } from "../cases.ts";

type Fn = (...a: any[]) => any;
const has = (name: string): boolean => typeof (lib as Record<string, unknown>)[name] === "function";
const fn = (name: string): Fn => (lib as unknown as Record<string, Fn>)[name]!;

export type LibPath = "strings" | "binary" | "zero-copy";

/** Why a path cannot run yet on a transport, or null when it can. */
export function missing(path: LibPath, t: Transport): string | null {
  const need = path === "zero-copy"
    ? [t === "udp" ? "socket_sendto" : "socket_send", "socket_recv_into"]
    : t === "udp" ? ["socket_sendto", "socket_recvfrom"] : [];
  const absent = need.filter((n) => !has(n));
  return absent.length ? `${absent.join(", ")} not in the library yet` : null;
}

interface SockPair {
  a: lib.Socket;
  b: lib.Socket;
  portA: number;
  portB: number;
}

function check<T>(v: T | false, what: string): T {
  if (v === false) throw new Error(`${what} failed: ${lib.socket_strerror(lib.socket_last_error())}`);
  return v;
}

function portOf(s: lib.Socket): number {
  const addr = lib.ref(), port = lib.ref<number>();
  check(lib.socket_getsockname(s, addr, port), "socket_getsockname");
  return port.value;
}

function setNoDelay(s: lib.Socket): void {
  if (has("socket_set_option")) check(fn("socket_set_option")(s, lib.SOL_TCP, lib.TCP_NODELAY, 1), "socket_set_option");
  else noDelay(s.fd); // until socket_set_option lands: the same option, set on the handle directly
}

export function libPair(t: Transport): SockPair {
  if (t === "unix") {
    const r = lib.ref<[lib.Socket, lib.Socket]>();
    check(lib.socket_create_pair(lib.AF_UNIX, lib.SOCK_STREAM, 0, r), "socket_create_pair");
    return { a: r.value[0], b: r.value[1], portA: 0, portB: 0 };
  }
  if (t === "tcp") {
    const l = check(lib.socket_create(lib.AF_INET, lib.SOCK_STREAM, lib.SOL_TCP), "socket_create");
    check(lib.socket_bind(l, "127.0.0.1", 0), "socket_bind");
    check(lib.socket_listen(l, 1), "socket_listen");
    const a = check(lib.socket_create(lib.AF_INET, lib.SOCK_STREAM, lib.SOL_TCP), "socket_create");
    check(lib.socket_connect(a, "127.0.0.1", portOf(l)), "socket_connect");
    const b = check(lib.socket_accept(l), "socket_accept");
    lib.socket_close(l);
    setNoDelay(a);
    setNoDelay(b);
    return { a, b, portA: 0, portB: 0 };
  }
  const a = check(lib.socket_create(lib.AF_INET, lib.SOCK_DGRAM, lib.SOL_UDP), "socket_create");
  const b = check(lib.socket_create(lib.AF_INET, lib.SOCK_DGRAM, lib.SOL_UDP), "socket_create");
  check(lib.socket_bind(a, "127.0.0.1", 0), "socket_bind");
  check(lib.socket_bind(b, "127.0.0.1", 0), "socket_bind");
  return { a, b, portA: portOf(a), portB: portOf(b) };
}

export interface Trips {
  trip(): void;
  close(): void;
}

const fail = (what: string): never => {
  throw new Error(`${what}: ${lib.socket_strerror(lib.socket_last_error())}`);
};

/** socket_read until n chars (bytes: the payload is ASCII) are in; a stream may split a large write. */
function readAll(s: lib.Socket, n: number): string {
  let got = lib.socket_read(s, n);
  if (got === false) return fail("socket_read");
  while (got.length < n) {
    const more = lib.socket_read(s, n - got.length);
    if (more === false || more === "") return fail("socket_read");
    got += more;
  }
  return got;
}

function stringTrips(p: SockPair, t: Transport, n: number): () => void {
  const out = "x".repeat(n);
  if (t !== "udp") {
    return () => {
      if (lib.socket_write(p.a, out) !== n) fail("socket_write");
      const got = readAll(p.b, n);
      if (lib.socket_write(p.b, got) !== n) fail("socket_write");
      if (readAll(p.a, n).length !== n) fail("short read");
    };
  }
  const sendto = fn("socket_sendto"), recvfrom = fn("socket_recvfrom");
  const buf = lib.ref<string>(), from = lib.ref<string>(), port = lib.ref<number>();
  const portB = p.portB;
  return () => {
    if (sendto(p.a, out, n, 0, "127.0.0.1", portB) !== n) fail("socket_sendto");
    if (recvfrom(p.b, buf, 65536, 0, from, port) !== n) fail("socket_recvfrom");
    if (sendto(p.b, buf.value, n, 0, from.value, port.value) !== n) fail("socket_sendto");
    if (recvfrom(p.a, buf, 65536, 0, from, port) !== n) fail("socket_recvfrom");
  };
}

function zeroCopyTrips(p: SockPair, t: Transport, n: number): () => void {
  const out = new Uint8Array(n).fill(120), into = new Uint8Array(65536);
  const recvInto = fn("socket_recv_into");
  // Reads exactly n bytes into `into`; only a split stream read takes the slower subarray route.
  const recvAll = (s: lib.Socket): void => {
    let got = recvInto(s, into, 0, n);
    if (got === false || got <= 0) fail("socket_recv_into");
    while (got < n) {
      const k = recvInto(s, into.subarray(got), 0, n - got);
      if (k === false || k <= 0) fail("socket_recv_into");
      got += k;
    }
  };
  if (t !== "udp") {
    const send = fn("socket_send");
    return () => {
      if (send(p.a, out, n, 0) !== n) fail("socket_send");
      recvAll(p.b);
      if (send(p.b, into, n, 0) !== n) fail("socket_send");
      recvAll(p.a);
    };
  }
  const sendto = fn("socket_sendto");
  const { portA, portB } = p;
  return () => {
    if (sendto(p.a, out, n, 0, "127.0.0.1", portB) !== n) fail("socket_sendto");
    if (recvInto(p.b, into, 0) !== n) fail("socket_recv_into");
    if (sendto(p.b, into, n, 0, "127.0.0.1", portA) !== n) fail("socket_sendto");
    if (recvInto(p.a, into, 0) !== n) fail("socket_recv_into");
  };
}

/** The round trips of one fd-level case by the name bench/cell.ts and bench/side-by-side.ts take. */
export function tripsOf(impl: LibPath | "raw" | "raw-strings", t: Transport, n: number): Trips {
  return impl === "raw" ? rawTrips(t, n) : impl === "raw-strings" ? rawStringTrips(t, n) : libTrips(impl, t, n);
}

export function libTrips(path: LibPath, t: Transport, n: number): Trips {
  const p = libPair(t);
  if (path === "binary") {
    lib.socket_set_encoding(p.a, "binary");
    lib.socket_set_encoding(p.b, "binary");
  }
  const trip = path === "zero-copy" ? zeroCopyTrips(p, t, n) : stringTrips(p, t, n);
  return {
    trip,
    close() {
      lib.socket_close(p.a);
      lib.socket_close(p.b);
    },
  };
}
