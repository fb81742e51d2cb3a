// Smoke test for the Windows lane: Bun's own Windows build, under Wine, reaching Winsock (ws2_32)
// through bun:ffi. Run by .ci/windows-lane.sh; skipped on any other OS.
import { describe, expect, test, afterAll } from "bun:test";
import { dlopen, FFIType } from "bun:ffi";

const AF_INET = 2, SOCK_STREAM = 1, SOCK_DGRAM = 2, IPPROTO_TCP = 6, IPPROTO_UDP = 17;
const SOL_SOCKET = 0xffff, SO_TYPE = 0x1008, FIONBIO = 0x8004667e | 0;
const POLLRDNORM = 0x100, POLLWRNORM = 0x10;
const WSAEWOULDBLOCK = 10035, WSAEADDRINUSE = 10048;
const INVALID_SOCKET = 2n ** 64n - 1n;

const isWindows = process.platform === "win32";

// SOCKET is a UINT_PTR: u64_fast (a number while it fits), never ptr.
const ws = isWindows
  ? dlopen("ws2_32.dll", {
      WSAStartup: { args: [FFIType.u16, FFIType.ptr], returns: FFIType.i32 },
      WSACleanup: { args: [], returns: FFIType.i32 },
      WSAGetLastError: { args: [], returns: FFIType.i32 },
      socket: { args: [FFIType.i32, FFIType.i32, FFIType.i32], returns: FFIType.u64_fast },
      closesocket: { args: [FFIType.u64_fast], returns: FFIType.i32 },
      bind: { args: [FFIType.u64_fast, FFIType.ptr, FFIType.i32], returns: FFIType.i32 },
      listen: { args: [FFIType.u64_fast, FFIType.i32], returns: FFIType.i32 },
      connect: { args: [FFIType.u64_fast, FFIType.ptr, FFIType.i32], returns: FFIType.i32 },
      accept: { args: [FFIType.u64_fast, FFIType.ptr, FFIType.ptr], returns: FFIType.u64_fast },
      getsockname: { args: [FFIType.u64_fast, FFIType.ptr, FFIType.ptr], returns: FFIType.i32 },
      getsockopt: {
        args: [FFIType.u64_fast, FFIType.i32, FFIType.i32, FFIType.ptr, FFIType.ptr],
        returns: FFIType.i32,
      },
      ioctlsocket: { args: [FFIType.u64_fast, FFIType.i32, FFIType.ptr], returns: FFIType.i32 },
      send: { args: [FFIType.u64_fast, FFIType.ptr, FFIType.i32, FFIType.i32], returns: FFIType.i32 },
      recv: { args: [FFIType.u64_fast, FFIType.ptr, FFIType.i32, FFIType.i32], returns: FFIType.i32 },
      sendto: {
        args: [FFIType.u64_fast, FFIType.ptr, FFIType.i32, FFIType.i32, FFIType.ptr, FFIType.i32],
        returns: FFIType.i32,
      },
      recvfrom: {
        args: [FFIType.u64_fast, FFIType.ptr, FFIType.i32, FFIType.i32, FFIType.ptr, FFIType.ptr],
        returns: FFIType.i32,
      },
      WSAPoll: { args: [FFIType.ptr, FFIType.u32, FFIType.i32], returns: FFIType.i32 },
    }).symbols
  : null;

const opened: (number | bigint)[] = [];
function open(type: number, proto: number): number | bigint {
  const s = ws!.socket(AF_INET, type, proto);
  expect(BigInt(s)).not.toBe(INVALID_SOCKET);
  opened.push(s);
  return s;
}

/** sockaddr_in for 127.0.0.1:port (16 bytes; port and address in network order). */
function loopback(port = 0): Uint8Array {
  const sa = new Uint8Array(16);
  const dv = new DataView(sa.buffer);
  dv.setUint16(0, AF_INET, true);
  dv.setUint16(2, port, false);
  sa.set([127, 0, 0, 1], 4);
  return sa;
}

function boundPort(s: number | bigint): number {
  const sa = new Uint8Array(16);
  const len = new Int32Array([16]);
  expect(ws!.getsockname(s, sa, len)).toBe(0);
  expect(len[0]).toBe(16);
  return new DataView(sa.buffer).getUint16(2, false);
}

/** One WSAPOLLFD (16 bytes on Win64: SOCKET fd, short events, short revents). */
function pollOne(s: number | bigint, events: number, timeoutMs: number): { n: number; revents: number } {
  const pfd = new Uint8Array(16);
  const dv = new DataView(pfd.buffer);
  dv.setBigUint64(0, BigInt(s), true);
  dv.setInt16(8, events, true);
  const n = ws!.WSAPoll(pfd, 1, timeoutMs);
  return { n, revents: dv.getUint16(10, true) };
}

describe.skipIf(!isWindows)("winsock under wine", () => {
  afterAll(() => {
    for (const s of opened) ws!.closesocket(s);
    ws!.WSACleanup();
  });

  test("WSAStartup 2.2", () => {
    const data = new Uint8Array(512);
    expect(ws!.WSAStartup(0x0202, data)).toBe(0);
    expect(data[0]).toBe(2); // wVersion low byte
    expect(data[1]).toBe(2);
  });

  test("a second bind to the same 127.0.0.1 port fails with WSAEADDRINUSE", () => {
    const a = open(SOCK_STREAM, IPPROTO_TCP);
    const b = open(SOCK_STREAM, IPPROTO_TCP);
    expect(ws!.bind(a, loopback(), 16)).toBe(0);
    const port = boundPort(a);
    expect(port).toBeGreaterThan(0);
    expect(ws!.bind(b, loopback(port), 16)).toBe(-1);
    expect(ws!.WSAGetLastError()).toBe(WSAEADDRINUSE);
  });

  test("getsockopt SO_TYPE", () => {
    const s = open(SOCK_DGRAM, IPPROTO_UDP);
    const val = new Int32Array(1); // zeroed: Wine may write fewer bytes than asked
    const len = new Int32Array([4]);
    expect(ws!.getsockopt(s, SOL_SOCKET, SO_TYPE, new Uint8Array(val.buffer), new Uint8Array(len.buffer))).toBe(0);
    expect(val[0]).toBe(SOCK_DGRAM);
  });

  test("UDP send/recv over 127.0.0.1", () => {
    const rx = open(SOCK_DGRAM, IPPROTO_UDP);
    const tx = open(SOCK_DGRAM, IPPROTO_UDP);
    expect(ws!.bind(rx, loopback(), 16)).toBe(0);
    const port = boundPort(rx);
    const msg = new TextEncoder().encode("hello over udp");
    expect(ws!.sendto(tx, msg, msg.length, 0, loopback(port), 16)).toBe(msg.length);
    expect(pollOne(rx, POLLRDNORM, 2000)).toEqual({ n: 1, revents: POLLRDNORM });
    const buf = new Uint8Array(64);
    const from = new Uint8Array(16);
    const fromLen = new Int32Array([16]);
    const n = ws!.recvfrom(rx, buf, buf.length, 0, from, new Uint8Array(fromLen.buffer));
    expect(n).toBe(msg.length);
    expect(new TextDecoder().decode(buf.subarray(0, n))).toBe("hello over udp");
    expect(fromLen[0]).toBe(16);
    expect([...from.subarray(4, 8)]).toEqual([127, 0, 0, 1]);
    expect(new DataView(from.buffer).getUint16(2, false)).toBe(boundPort(tx));
  });

  test("TCP connect/accept, WSAPoll readiness, non-blocking recv", () => {
    const listener = open(SOCK_STREAM, IPPROTO_TCP);
    expect(ws!.bind(listener, loopback(), 16)).toBe(0);
    expect(ws!.listen(listener, 8)).toBe(0);
    const port = boundPort(listener);

    // Nothing pending yet: poll times out with 0.
    expect(pollOne(listener, POLLRDNORM, 0).n).toBe(0);

    const client = open(SOCK_STREAM, IPPROTO_TCP);
    expect(ws!.connect(client, loopback(port), 16)).toBe(0);

    // A pending connection makes the listener readable.
    const ready = pollOne(listener, POLLRDNORM, 2000);
    expect(ready.n).toBe(1);
    expect(ready.revents & POLLRDNORM).toBe(POLLRDNORM);

    const peer = new Uint8Array(16);
    const peerLen = new Int32Array([16]);
    const server = ws!.accept(listener, peer, new Uint8Array(peerLen.buffer));
    expect(BigInt(server)).not.toBe(INVALID_SOCKET);
    opened.push(server);
    expect(new DataView(peer.buffer).getUint16(2, false)).toBe(boundPort(client));

    // A connected socket is writable at once.
    expect(pollOne(client, POLLWRNORM, 2000)).toEqual({ n: 1, revents: POLLWRNORM });

    // Non-blocking recv with nothing queued: WSAEWOULDBLOCK.
    expect(ws!.ioctlsocket(server, FIONBIO, new Uint8Array(new Uint32Array([1]).buffer))).toBe(0);
    const buf = new Uint8Array(64);
    expect(ws!.recv(server, buf, buf.length, 0)).toBe(-1);
    expect(ws!.WSAGetLastError()).toBe(WSAEWOULDBLOCK);

    const msg = new TextEncoder().encode("ping");
    expect(ws!.send(client, msg, msg.length, 0)).toBe(4);
    expect(pollOne(server, POLLRDNORM, 2000)).toEqual({ n: 1, revents: POLLRDNORM });
    expect(ws!.recv(server, buf, buf.length, 0)).toBe(4);
    expect(new TextDecoder().decode(buf.subarray(0, 4))).toBe("ping");

    // Orderly close by the client: readable, then recv returns 0.
    expect(ws!.closesocket(client)).toBe(0);
    opened.splice(opened.indexOf(client), 1);
    expect(pollOne(server, POLLRDNORM, 2000).n).toBe(1);
    expect(ws!.recv(server, buf, buf.length, 0)).toBe(0);
  });
});
