// Where a library call's time goes: how many OS calls each PHP function makes, and what each piece
// around the syscall costs on its own (argument checks, string encode/decode, scratch views), next to
// the cost of an FFI call and of the cheapest socket syscall. All measured by mitata.
import * as lib from "../src/index.ts";
import { os } from "../src/platform/index.ts";
import { argc, int } from "../src/php/args.ts";
import { sockArg } from "../src/functions/common.ts";
import { readBuffer, toBytes } from "../src/bytes.ts";
import { decode } from "../src/functions/received.ts";
import { dlopen } from "bun:ffi";
import { measure } from "mitata";
import { SIZES, SELECT_SOCKETS } from "./cases.ts";

type Fn = (...a: any[]) => any;
const L = lib as unknown as Record<string, Fn | undefined>;

export interface CallCount {
  fn: string;
  calls: Record<string, number>;
}

/** Counts the backend calls one PHP call makes, by wrapping every method of the platform object. */
export function countOsCalls(): CallCount[] {
  const counts: Record<string, number> = {};
  const table = os as unknown as Record<string, unknown>;
  const saved: Record<string, Fn> = {};
  for (const [k, v] of Object.entries(table)) {
    if (typeof v !== "function") continue;
    saved[k] = v as Fn;
    table[k] = (...a: unknown[]) => ((counts[k] = (counts[k] ?? 0) + 1), (v as Fn)(...a));
  }
  const out: CallCount[] = [];
  const count = (fn: string, call: () => unknown) => {
    for (const k of Object.keys(counts)) delete counts[k];
    call();
    out.push({ fn, calls: { ...counts } });
  };
  try {
    const r = lib.ref<[lib.Socket, lib.Socket]>();
    lib.socket_create_pair(lib.AF_UNIX, lib.SOCK_STREAM, 0, r);
    const [a, b] = r.value;
    const buf = new Uint8Array(64);
    count("socket_write (64 B string)", () => lib.socket_write(a, "x".repeat(64)));
    count("socket_read (64 B, binary read)", () => lib.socket_read(b, 64));
    lib.socket_write(a, "line\n");
    count("socket_read (PHP_NORMAL_READ, one line)", () => lib.socket_read(b, 64, lib.PHP_NORMAL_READ));
    if (L.socket_send) count("socket_send (64 B Uint8Array)", () => L.socket_send!(a, buf, 64, 0));
    if (L.socket_recv) count("socket_recv (64 B)", () => L.socket_recv!(b, lib.ref(), 64, 0));
    if (L.socket_send) L.socket_send(a, buf, 64, 0);
    if (L.socket_recv_into) count("socket_recv_into (64 B)", () => L.socket_recv_into!(b, buf, 0));
    lib.socket_close(a);
    lib.socket_close(b);
    if (L.socket_sendto && L.socket_recvfrom) {
      const u = lib.socket_create(lib.AF_INET, lib.SOCK_DGRAM, lib.SOL_UDP) as lib.Socket;
      lib.socket_bind(u, "127.0.0.1", 0);
      const addr = lib.ref(), port = lib.ref<number>();
      lib.socket_getsockname(u, addr, port);
      const v = lib.socket_create(lib.AF_INET, lib.SOCK_DGRAM, lib.SOL_UDP) as lib.Socket;
      lib.socket_bind(v, "127.0.0.1", 0);
      const vport = lib.ref<number>();
      lib.socket_getsockname(v, lib.ref(), vport);
      const sendto = (to: number) => L.socket_sendto!(u, "x".repeat(64), 64, 0, "127.0.0.1", to);
      count("socket_sendto (64 B string, IPv4, first call)", () => sendto(port.value));
      count("socket_sendto (again, to the same peer)", () => sendto(port.value));
      sendto(vport.value);
      count("socket_sendto (to each of two peers in turn)", () => sendto(port.value));
      count("socket_recvfrom (64 B)", () => L.socket_recvfrom!(u, lib.ref(), 64, 0, lib.ref(), lib.ref()));
      lib.socket_close(v);
      lib.socket_close(u);
    }
    if (L.socket_select) {
      const all: lib.Socket[] = [];
      for (let i = 0; i < SELECT_SOCKETS; i += 2) {
        const p = lib.ref<[lib.Socket, lib.Socket]>();
        lib.socket_create_pair(lib.AF_UNIX, lib.SOCK_STREAM, 0, p);
        all.push(...p.value);
      }
      lib.socket_write(all[1]!, "x");
      count(`socket_select (${SELECT_SOCKETS} sockets, one ready, first call)`, () => L.socket_select!(all.slice(), null, null, 0));
      count("socket_select (again, the same sockets)", () => L.socket_select!(all.slice(), null, null, 0));
      all.forEach((s) => lib.socket_close(s));
    }
  } finally {
    Object.assign(table, saved);
  }
  return out;
}

export interface Piece {
  piece: string;
  /** Nanoseconds per call, by payload size (or a single value under key 0). */
  ns: Record<number, number>;
}

const ns = async (f: () => unknown): Promise<number> => (await measure(f, { min_cpu_time: 80e6 })).p50;

export async function pieces(): Promise<Piece[]> {
  const out: Piece[] = [];
  const libc = dlopen("libc.so.6", {
    abs: { args: ["i32"], returns: "i32" },
    recv: { args: ["i32", "buffer", "usize", "i32"], returns: "i32" },
  }).symbols;
  const r = lib.ref<[lib.Socket, lib.Socket]>();
  lib.socket_create_pair(lib.AF_UNIX, lib.SOCK_STREAM, 0, r);
  const [a, b] = r.value;
  const bin = lib.ref<[lib.Socket, lib.Socket]>();
  lib.socket_create_pair(lib.AF_UNIX, lib.SOCK_STREAM, 0, bin);
  lib.socket_set_encoding(bin.value[0], "binary");
  const small = new Uint8Array(64);
  const MSG_DONTWAIT = lib.MSG_DONTWAIT;
  out.push({ piece: "bun:ffi call with no syscall (abs)", ns: { 0: await ns(() => libc.abs(-1)) } });
  out.push({ piece: "recv() syscall that fails at once (EAGAIN), raw bun:ffi", ns: { 0: await ns(() => libc.recv(b.fd, small, 64, MSG_DONTWAIT)) } });
  out.push({ piece: "the same through the platform backend (os.recv)", ns: { 0: await ns(() => os.recv(b.fd, small, 64, MSG_DONTWAIT)) } });
  const checks = function (this: unknown, s: unknown, n: unknown) {
    argc("socket_read", arguments.length, 2, 3);
    return int("socket_read", 2, "length", n) + sockArg("socket_read", s).fd;
  };
  out.push({ piece: "argument checks of socket_read (argc, sockArg, int)", ns: { 0: await ns(() => checks(a, 64)) } });
  const enc: Record<number, number> = {}, encBin: Record<number, number> = {}, dec: Record<number, number> = {}, decBin: Record<number, number> = {};
  const view: Record<number, number> = {};
  for (const n of SIZES) {
    const text = "x".repeat(n);
    enc[n] = await ns(() => toBytes(a, text));
    encBin[n] = await ns(() => toBytes(bin.value[0], text));
    const buf = readBuffer(n);
    buf.fill(120, 0, n);
    dec[n] = await ns(() => decode(a, buf, n, 0));
    decBin[n] = await ns(() => decode(bin.value[0], buf, n, 0));
    view[n] = await ns(() => readBuffer(n));
  }
  out.push({ piece: "write: string to bytes, UTF-8 (toBytes)", ns: enc });
  out.push({ piece: "write: string to bytes, binary (toBytes)", ns: encBin });
  out.push({ piece: "read: the buffer reads land in (readBuffer, no view per call)", ns: view });
  out.push({ piece: "read: scratch bytes to string, UTF-8 (received.ts decode)", ns: dec });
  out.push({ piece: "read: scratch bytes to string, binary (received.ts decode)", ns: decBin });
  for (const s of [a, b, ...bin.value]) lib.socket_close(s);
  return out;
}
