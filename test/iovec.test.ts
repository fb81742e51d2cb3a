// PHP 4/5's scatter/gather API: writev of several vectors arrives as one stream, readv fills vectors in
// order, bounds and freed vectors give PHP-style errors and never touch memory, and the old forms of
// socket_sendmsg/socket_recvmsg that take an IOVec.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import * as P from "../src/index.ts";

const warnings: string[] = [];
const opened: P.Socket[] = [];

beforeAll(() => void P.set_error_handler((_, text) => void warnings.push(text)));
afterAll(() => void P.restore_error_handler());
afterEach(() => {
  for (const s of opened.splice(0)) if (!s.closed) P.socket_close(s);
  warnings.length = 0;
});

function track(s: P.Socket | false): P.Socket {
  if (s === false) throw new Error(`socket call failed: ${warnings.join("; ")}`);
  opened.push(s);
  // No read in these tests may hang: each gives up after 5 s.
  P.socket_set_option(s, P.SOL_SOCKET, P.SO_RCVTIMEO, { sec: 5, usec: 0 });
  return s;
}

function unixPair(type = P.SOCK_STREAM): [P.Socket, P.Socket] {
  const r = P.ref<P.Socket[]>();
  expect(P.socket_create_pair(P.AF_UNIX, type, 0, r)).toBe(true);
  return [track(r.value[0]!), track(r.value[1]!)];
}

function tcpPair(): [P.Socket, P.Socket] {
  const srv = track(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));
  expect(P.socket_bind(srv, "127.0.0.1", 0)).toBe(true);
  expect(P.socket_listen(srv, 1)).toBe(true);
  const h = P.ref(), p = P.ref<number>();
  P.socket_getsockname(srv, h, p);
  const cli = track(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));
  expect(P.socket_connect(cli, "127.0.0.1", p.value)).toBe(true);
  return [cli, track(P.socket_accept(srv))];
}

function iovec(...parts: string[]): P.IOVec {
  const v = P.socket_iovec_alloc(parts.length, ...parts.map(() => 0));
  parts.forEach((s, i) => expect(P.socket_iovec_set(v, i, s)).toBe(true));
  return v;
}

const fetchAll = (v: P.IOVec): string[] => Array.from({ length: v.count }, (_, i) => P.socket_iovec_fetch(v, i));

describe("writev and readv", () => {
  test("three vectors written with writev arrive as one stream", () => {
    const [cli, acc] = tcpPair();
    const v = iovec("GET / HTTP/1.0\r\n", "Host: example\r\n", "\r\n");
    expect(P.socket_writev(cli, v)).toBe(true);
    expect(v.transferred).toBe(33);
    let got = "";
    for (let i = 0; i < 10 && got.length < 33; i++) got += P.socket_read(acc, 100) || "";
    expect(got).toBe("GET / HTTP/1.0\r\nHost: example\r\n\r\n");
  });

  test("readv fills the vectors in order", () => {
    const [a, b] = unixPair();
    P.socket_write(a, "abcdefghij");
    const v = P.socket_iovec_alloc(3, 2, 3, 5);
    expect(P.socket_readv(b, v)).toBe(true);
    expect(v.transferred).toBe(10);
    expect(fetchAll(v)).toEqual(["ab", "cde", "fghij"]);
  });

  test("a short read fills the first bytes; transferred tells how many", () => {
    const [a, b] = unixPair();
    const v = P.socket_iovec_alloc(3, 2, 2, 2);
    P.socket_iovec_set(v, 2, "zz");
    P.socket_write(a, "abc");
    expect(P.socket_readv(b, v)).toBe(true);
    expect(v.transferred).toBe(3);
    expect(fetchAll(v)).toEqual(["ab", "c\0", "zz"]);
  });

  test("end of stream is true with nothing transferred", () => {
    const [a, b] = unixPair();
    P.socket_close(a);
    const v = P.socket_iovec_alloc(1, 4);
    expect(P.socket_readv(b, v)).toBe(true);
    expect(v.transferred).toBe(0);
  });

  test("a datagram is one message: writev of three vectors, read back whole", () => {
    const [a, b] = unixPair(P.SOCK_DGRAM);
    expect(P.socket_writev(a, iovec("test ", "thing", "\n"))).toBe(true);
    const buf = P.ref();
    expect(P.socket_recv(b, buf, 100, 0)).toBe(11);
    expect(buf.value).toBe("test thing\n");
  });

  test("a megabyte over TCP in 256 vectors, read back with readv", () => {
    const [cli, acc] = tcpPair();
    const parts = Array.from({ length: 256 }, (_, i) => String.fromCharCode(65 + (i % 26)).repeat(4096));
    const w = iovec(...parts);
    // A non-blocking writev cannot stall the test; it may take less than all of it.
    expect(P.socket_set_nonblock(cli)).toBe(true);
    expect(P.socket_writev(cli, w)).toBe(true);
    const sent = w.transferred;
    expect(sent).toBeGreaterThan(0);
    const r = P.socket_iovec_alloc(4, 100000, 200000, 300000, 448576);
    const chunks: string[] = [];
    let got = 0;
    for (const deadline = Date.now() + 10_000; got < sent && Date.now() < deadline; ) {
      expect(P.socket_readv(acc, r)).toBe(true);
      chunks.push(fetchAll(r).join("").slice(0, r.transferred));
      got += r.transferred;
    }
    expect(got).toBe(sent);
    expect(chunks.join("")).toBe(parts.join("").slice(0, sent));
  });

  test("failures: warnings with errno, and nothing for EAGAIN", () => {
    const s = track(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));
    const v = P.socket_iovec_alloc(1, 3);
    expect(P.socket_readv(s, v)).toBe(false);
    expect(P.socket_writev(s, v)).toBe(false);
    expect(warnings.splice(0)).toEqual([
      "socket_readv(): unable to read from socket [107]: Transport endpoint is not connected",
      "socket_writev(): Unable to write to socket [32]: Broken pipe",
    ]);
    const [, b] = unixPair();
    P.socket_set_nonblock(b);
    expect(P.socket_readv(b, v)).toBe(false);
    expect(P.socket_last_error(b)).toBe(P.SOCKET_EAGAIN);
    expect(warnings).toEqual([]);
  });

  test("more vectors than the OS takes in one call is the OS's error", () => {
    const [a] = unixPair();
    const v = P.socket_iovec_alloc(0);
    for (let i = 0; i < 1100; i++) P.socket_iovec_add(v, 1);
    expect(P.socket_writev(a, v)).toBe(false);
    expect(warnings.splice(0)).toEqual(["socket_writev(): Unable to write to socket [90]: Message too long"]);
    P.socket_iovec_free(v);
  });
});

describe("the vectors", () => {
  test("set gives the vector the value's length; bytes and binary strings are kept as they are", () => {
    const v = P.socket_iovec_alloc(2, 4, 4);
    P.socket_iovec_set(v, 0, "much longer than four");
    P.socket_iovec_set(v, 1, new Uint8Array([0, 255, 0]));
    expect(v.size).toBe(21 + 3);
    expect(P.socket_iovec_fetch(v, 0)).toBe("much longer than four");
    v.encoding = "binary";
    expect(P.socket_iovec_fetch(v, 1)).toBe("\x00\xff\x00");
    P.socket_iovec_set(v, 0, "\xe9t\xe9");
    expect(P.socket_iovec_fetch(v, 0)).toBe("\xe9t\xe9");
    expect(() => P.socket_iovec_set(v, 0, "€")).toThrow("must be a byte string");
    v.encoding = "utf8";
    P.socket_iovec_set(v, 0, "été");
    expect(P.socket_iovec_fetch(v, 0)).toBe("été");
    expect(v.vector(0).length).toBe(5);
  });

  test("positions past the vectors warn and touch nothing", () => {
    const v = P.socket_iovec_alloc(2, 1, 1);
    for (const pos of [2, -1, 1e9, 2 ** 53]) {
      expect(P.socket_iovec_fetch(v, pos)).toBe("");
      expect(P.socket_iovec_set(v, pos, "x")).toBe(false);
      expect(P.socket_iovec_delete(v, pos)).toBe(false);
    }
    expect(warnings.length).toBe(12);
    expect(new Set(warnings)).toEqual(new Set([
      "socket_iovec_fetch(): Can't access a vector position past the amount of vectors set in the array",
      "socket_iovec_set(): Can't access a vector position outside of the vector array bounds",
      "socket_iovec_delete(): Can't delete an IO vector that is out of array bounds",
    ]));
    expect(v.count).toBe(2);
  });

  test("lengths out of range are a ValueError and allocate nothing", () => {
    expect(() => P.socket_iovec_alloc(1, -1)).toThrow("socket_iovec_alloc(): Argument #2 ($lengths) must be greater than or equal to 0");
    expect(() => P.socket_iovec_alloc(1, 2 ** 31)).toThrow("must be less than or equal to 2147483647");
    expect(() => P.socket_iovec_alloc(2, 2 ** 31 - 1, 1)).toThrow("must not hold more than 2147483647 bytes in total");
    expect(() => P.socket_iovec_alloc(5, 1)).toThrow("socket_iovec_alloc() expects at least 6 arguments, 2 given");
    expect(() => P.socket_iovec_alloc(-1)).toThrow("must be greater than or equal to 0");
    const v = P.socket_iovec_alloc(1, 10);
    expect(() => P.socket_iovec_add(v, -5)).toThrow(P.ValueError);
    expect(() => P.socket_iovec_add(v, 2 ** 31 - 10)).toThrow("in total");
    expect(v.count).toBe(1);
  });

  test("a freed IOVec is PHP's Error everywhere, and freeing is once", () => {
    const [a] = unixPair();
    const v = P.socket_iovec_alloc(1, 8);
    expect(P.socket_iovec_free(v)).toBe(true);
    expect(v.freed).toBe(true);
    for (const f of [
      () => P.socket_iovec_free(v),
      () => P.socket_iovec_fetch(v, 0),
      () => P.socket_iovec_set(v, 0, "x"),
      () => P.socket_iovec_add(v, 1),
      () => P.socket_iovec_delete(v, 0),
      () => P.socket_writev(a, v),
      () => P.socket_readv(a, v),
      () => P.socket_sendmsg(a, v, 0, "x"),
    ]) expect(f).toThrow(P.PhpError);
    expect(() => P.socket_iovec_fetch(v, 0)).toThrow("socket_iovec_fetch(): Argument #1 ($iovec) has already been freed");
  });

  test("IOVec cannot be constructed directly; its internals refuse bad positions", () => {
    expect(() => new (P.IOVec as unknown as new () => unknown)()).toThrow("Cannot directly construct IOVec, use socket_iovec_alloc() instead");
    const v = P.socket_iovec_alloc(1, 1);
    expect(v.set(5, new Uint8Array(1))).toBe(false);
    v.delete(9);
    expect(v.add(-1)).toBe(false);
    expect(v.count).toBe(1);
  });

  test("IOVecs dropped without socket_iovec_free are released by the finalizer", async () => {
    // 10 rounds of 20 MiB of vectors, each round dropped: without the finalizer 200 MiB would stay.
    const rss = () => process.memoryUsage().rss;
    Bun.gc(true);
    const before = rss();
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 20; i++) P.socket_iovec_alloc(1, 1 << 20);
      Bun.gc(true);
      await Bun.sleep(20);
    }
    Bun.gc(true);
    await Bun.sleep(50);
    expect(rss() - before).toBeLessThan(100 * 1024 * 1024);
  });
});

describe("the PHP 4/5 forms of socket_sendmsg and socket_recvmsg", () => {
  test("sendmsg to an address, recvmsg with the sender's address and port", () => {
    const u = track(P.socket_create(P.AF_INET, P.SOCK_DGRAM, P.SOL_UDP));
    expect(P.socket_bind(u, "127.0.0.1", 0)).toBe(true);
    const h = P.ref(), up = P.ref<number>();
    P.socket_getsockname(u, h, up);
    const w = track(P.socket_create(P.AF_INET, P.SOCK_DGRAM, P.SOL_UDP));
    expect(P.socket_bind(w, "127.0.0.1", 0)).toBe(true);
    const wp = P.ref<number>();
    P.socket_getsockname(w, h, wp);

    const out = iovec("old ", "style");
    expect(P.socket_sendmsg(w, out, 0, "127.0.0.1", up.value)).toBe(true);
    expect(out.transferred).toBe(9);

    const into = P.socket_iovec_alloc(2, 4, 10);
    const control = P.ref(), controllen = P.ref(0), flags = P.ref(0), addr = P.ref(), port = P.ref();
    expect(P.socket_recvmsg(u, into, control, controllen, flags, addr, port)).toBe(true);
    expect(into.transferred).toBe(9);
    expect(fetchAll(into)).toEqual(["old ", "style\0\0\0\0\0"]);
    expect([control.value, controllen.value, flags.value, addr.value, port.value]).toEqual([[], 0, 0, "127.0.0.1", wp.value]);
  });

  test("recvmsg gives the first control message raw, and MSG_TRUNC in the flags", () => {
    const [a, b] = unixPair(P.SOCK_DGRAM);
    P.socket_set_option(b, P.SOL_SOCKET, P.SO_PASSCRED, 1);
    P.socket_write(a, "credentials please");
    const into = P.socket_iovec_alloc(1, 5);
    const control = P.ref<Record<string, unknown>>(), controllen = P.ref(64), flags = P.ref(0), addr = P.ref();
    expect(P.socket_recvmsg(b, into, control, controllen, flags, addr)).toBe(true);
    expect(P.socket_iovec_fetch(into, 0)).toBe("crede");
    expect(flags.value & P.MSG_TRUNC).toBe(P.MSG_TRUNC);
    expect(controllen.value).toBe(P.socket_cmsg_space(P.SOL_SOCKET, P.SCM_CREDENTIALS));
    expect(control.value.cmsg_level).toBe(P.SOL_SOCKET);
    expect(control.value.cmsg_type).toBe(P.SCM_CREDENTIALS);
    const data = control.value.cmsg_data as string;
    expect(data.length).toBe(12);
    const pid = data.charCodeAt(0) | (data.charCodeAt(1) << 8) | (data.charCodeAt(2) << 16) | (data.charCodeAt(3) << 24);
    expect(pid).toBe(process.pid);
    expect(addr.value).toBe("");
  });

  test("descriptors cannot travel in the old form: any that arrive are closed", () => {
    const [a, b] = unixPair(P.SOCK_DGRAM);
    const x = track(P.socket_create(P.AF_INET, P.SOCK_DGRAM, 0));
    const count = () => require("node:fs").readdirSync("/proc/self/fd").length as number;
    const before = count();
    P.socket_sendmsg(a, { iov: ["x"], control: [{ level: P.SOL_SOCKET, type: P.SCM_RIGHTS, data: [x, x] }] });
    const control = P.ref(), flags = P.ref(0), addr = P.ref();
    expect(P.socket_recvmsg(b, P.socket_iovec_alloc(1, 1), control, P.ref(100), flags, addr)).toBe(true);
    expect(count()).toBe(before);
  });

  test("argument errors and OS failures", () => {
    const s = track(P.socket_create(P.AF_INET, P.SOCK_DGRAM, P.SOL_UDP));
    const v = P.socket_iovec_alloc(1, 1);
    // Calls TypeScript would refuse, as a JavaScript caller may make them.
    const send = P.socket_sendmsg as (...a: unknown[]) => unknown, recv = P.socket_recvmsg as (...a: unknown[]) => unknown;
    expect(() => send(s, v)).toThrow("socket_sendmsg() expects at least 4 arguments, 2 given");
    expect(() => recv(s, v, P.ref())).toThrow("socket_recvmsg() expects at least 6 arguments, 3 given");
    expect(() => recv(s, v, [], P.ref(0), P.ref(0), P.ref())).toThrow("Argument #3 ($control) could not be passed by reference");
    expect(P.socket_sendmsg(s, v, 0, "no-such-host.invalid", 7)).toBe(false);
    expect(P.socket_sendmsg(s, v, 0, "127.0.0.1", 0)).toBe(false);
    P.socket_set_nonblock(s);
    expect(P.socket_recvmsg(s, v, P.ref(), P.ref(0), P.ref(0), P.ref(), P.ref())).toBe(false);
    expect(warnings).toEqual([
      "socket_sendmsg(): Host lookup failed [-10001]: Unknown host",
      "socket_sendmsg(): unable to send message [22]: Invalid argument",
    ]);
    expect(P.socket_last_error(s)).toBe(P.SOCKET_EAGAIN);
  });

  test("a closed socket or a freed IOVec is checked once every argument is parsed, as PHP 8 does", () => {
    const s = P.socket_create(P.AF_INET, P.SOCK_DGRAM, P.SOL_UDP) as P.Socket;
    P.socket_close(s);
    const v = P.socket_iovec_alloc(1, 1);
    const send = P.socket_sendmsg as (...a: unknown[]) => unknown, recv = P.socket_recvmsg as (...a: unknown[]) => unknown;
    expect(() => send(s, v, "x", "127.0.0.1")).toThrow("socket_sendmsg(): Argument #3 ($flags) must be of type int, string given");
    expect(() => send(s, v, 0, [], 7)).toThrow("socket_sendmsg(): Argument #4 ($addr) must be of type string, array given");
    expect(() => send(s, v, 0, "127.0.0.1", "x")).toThrow("socket_sendmsg(): Argument #5 ($port) must be of type int, string given");
    expect(() => send(s, v, null, "127.0.0.1")).toThrow("socket_sendmsg(): Argument #1 ($socket) has already been closed");
    expect(warnings).toEqual(["socket_sendmsg(): Passing null to parameter #3 ($flags) of type int is deprecated"]);
    expect(() => recv(s, v, [], P.ref(0), P.ref(0), P.ref())).toThrow("Argument #3 ($control) could not be passed by reference");
    expect(() => recv(s, v, P.ref(), P.ref(0), P.ref(0), P.ref())).toThrow("socket_recvmsg(): Argument #1 ($socket) has already been closed");
    // The socket comes first, then the IOVec.
    P.socket_iovec_free(v);
    expect(() => send(s, v, 0, "127.0.0.1")).toThrow("socket_sendmsg(): Argument #1 ($socket) has already been closed");
    const t = track(P.socket_create(P.AF_INET, P.SOCK_DGRAM, P.SOL_UDP));
    expect(() => send(t, v, "x", "127.0.0.1")).toThrow("socket_sendmsg(): Argument #3 ($flags) must be of type int, string given");
    expect(() => send(t, v, 0, "127.0.0.1")).toThrow("socket_sendmsg(): Argument #2 ($iovec) has already been freed");
    expect(() => recv(t, v, P.ref(), P.ref(0), P.ref(0), P.ref())).toThrow("socket_recvmsg(): Argument #2 ($iovec) has already been freed");
  });
});
