// Datagrams over AF_INET, AF_INET6 and AF_UNIX with socket_sendto/socket_recvfrom, the sendto address
// cache, MSG_TRUNC, and socket_recv_into: caller memory, one OS call, no allocation per call.
import { heapStats } from "bun:jsc";
import { join } from "node:path";
import { describe, expect, test } from "bun:test";
import * as P from "../src/index.ts";
import { useSandbox } from "./fixtures/sandbox.ts";

const { opened, warnings, dir: tmp } = useSandbox("phps-dgram-");

/** A datagram socket whose reads give up after 2 s rather than hang a failing test. */
function dgram(family: number): P.Socket {
  const s = P.socket_create(family, P.SOCK_DGRAM, 0);
  if (s === false) throw new Error("socket_create failed");
  P.socket_set_option(s, P.SOL_SOCKET, P.SO_RCVTIMEO, { sec: 2, usec: 0 });
  opened.push(s);
  return s;
}

/** A datagram socket bound to host:0, and the port it got. */
function bound(family: number, host: string): [P.Socket, number] {
  const s = dgram(family);
  expect(P.socket_bind(s, host, 0)).toBe(true);
  const a = P.ref(), p = P.ref<number>();
  P.socket_getsockname(s, a, p);
  return [s, p.value];
}

describe("sendto and recvfrom", () => {
  for (const [name, family, host] of [["IPv4", P.AF_INET, "127.0.0.1"], ["IPv6", P.AF_INET6, "::1"]] as const) {
    test(`${name}: the sender's address and exact port`, () => {
      const [u, up] = bound(family, host);
      const [w, wp] = bound(family, host);
      expect(P.socket_sendto(w, "ping", 4, 0, host, up)).toBe(4);
      const d = P.ref(), a = P.ref(), p = P.ref();
      expect(P.socket_recvfrom(u, d, 100, 0, a, p)).toBe(4);
      expect([d.value, a.value, p.value]).toEqual(["ping", host, wp]);
      // Answer the address recvfrom gave.
      expect(P.socket_sendto(u, "pong", 4, 0, a.value as string, p.value as number)).toBe(4);
      expect(P.socket_recvfrom(w, d, 100, 0, a, p)).toBe(4);
      expect([d.value, a.value, p.value]).toEqual(["pong", host, up]);
    });
  }

  test("unix: a bound sender's path, and \"\" for an unbound one", () => {
    const srv = join(tmp(), "srv.sock"), cli = join(tmp(), "cli.sock");
    const s = dgram(P.AF_UNIX);
    expect(P.socket_bind(s, srv)).toBe(true);
    const anon = dgram(P.AF_UNIX);
    const named = dgram(P.AF_UNIX);
    expect(P.socket_bind(named, cli)).toBe(true);
    P.socket_sendto(anon, "anon", 4, 0, srv);
    P.socket_sendto(named, "named", 5, 0, srv);
    const d = P.ref(), a = P.ref(), port = P.ref("kept");
    expect(P.socket_recvfrom(s, d, 100, 0, a, port)).toBe(4);
    expect([d.value, a.value, port.value]).toEqual(["anon", "", "kept"]);
    expect(P.socket_recvfrom(s, d, 100, 0, a, port)).toBe(5);
    expect([d.value, a.value, port.value]).toEqual(["named", cli, "kept"]);
  });

  test("unix: sendto cuts a path at 107 bytes as PHP does", () => {
    const room = 107 - tmp().length - 1;
    if (room < 1) return; // the temporary folder alone is too long here
    const path = join(tmp(), "q".repeat(room));
    const s = dgram(P.AF_UNIX);
    expect(P.socket_bind(s, path)).toBe(true);
    const c = dgram(P.AF_UNIX);
    expect(P.socket_sendto(c, "cut", 3, 0, `${path}-more-that-does-not-fit`)).toBe(3);
    const d = P.ref(), a = P.ref();
    expect(P.socket_recvfrom(s, d, 10, 0, a)).toBe(3);
    expect(d.value).toBe("cut");
  });

  test("MSG_TRUNC: the full size is returned, the string holds what fit (PHP pads with heap bytes)", () => {
    const [u, up] = bound(P.AF_INET, "127.0.0.1");
    const w = dgram(P.AF_INET);
    P.socket_sendto(w, "hello world", 11, 0, "127.0.0.1", up);
    P.socket_sendto(w, "second", 6, 0, "127.0.0.1", up);
    const d = P.ref(), a = P.ref(), p = P.ref();
    expect(P.socket_recvfrom(u, d, 5, P.MSG_TRUNC, a, p)).toBe(11);
    expect(d.value).toBe("hello");
    expect(P.socket_recv(u, d, 3, P.MSG_TRUNC | P.MSG_PEEK)).toBe(6);
    expect(d.value).toBe("sec");
    expect(P.socket_recv(u, d, 100, 0)).toBe(6);
    expect(d.value).toBe("second");
  });

  test("the address cache follows every change of destination and family", () => {
    const [u4, p4] = bound(P.AF_INET, "127.0.0.1");
    const [v4, q4] = bound(P.AF_INET, "127.0.0.1");
    const [u6, p6] = bound(P.AF_INET6, "::1");
    const w4 = dgram(P.AF_INET), w6 = dgram(P.AF_INET6);
    const plan: [P.Socket, string, number, P.Socket][] = [];
    for (let i = 0; i < 60; i++) {
      const pick = i % 5;
      if (pick === 0 || pick === 3) plan.push([w4, "127.0.0.1", p4, u4]);
      else if (pick === 1) plan.push([w4, "127.0.0.1", q4, v4]);
      else if (pick === 2) plan.push([w6, "::1", p6, u6]);
      else plan.push([w6, "::ffff:127.0.0.1", p4, u4]); // same port as a v4 entry, other family
    }
    plan.forEach(([from, host, port], i) => expect(P.socket_sendto(from, `m${i}`, 10, 0, host, port)).toBe(`m${i}`.length));
    // A failed lookup in between must not leave a stale destination behind.
    expect(P.socket_sendto(w4, "x", 1, 0, "::1", p4)).toBe(false);
    expect(P.socket_sendto(w4, "last", 4, 0, "127.0.0.1", q4)).toBe(4);
    const got = new Map<P.Socket, string[]>([[u4, []], [v4, []], [u6, []]]);
    const d = P.ref(), a = P.ref(), p = P.ref();
    for (const s of got.keys()) {
      for (let i = 0; i < 100 && P.socket_recvfrom(s, d, 100, P.MSG_DONTWAIT, a, p) !== false; i++) got.get(s)!.push(d.value as string);
    }
    const want = new Map<P.Socket, string[]>([[u4, []], [v4, []], [u6, []]]);
    plan.forEach(([, , , to], i) => want.get(to)!.push(`m${i}`));
    want.get(v4)!.push("last");
    expect(got).toEqual(want);
    expect(warnings).toEqual(["socket_sendto(): Host lookup failed [-10001]: Unknown host"]);
  });

  test("two sockets answering each other each keep their own destination", () => {
    const [u, up] = bound(P.AF_INET, "127.0.0.1");
    const [v, vp] = bound(P.AF_INET, "127.0.0.1");
    const d = P.ref(), a = P.ref(), p = P.ref();
    for (let i = 0; i < 20; i++) {
      expect(P.socket_sendto(u, `u${i}`, 10, 0, "127.0.0.1", vp)).toBe(`u${i}`.length);
      expect(P.socket_recvfrom(v, d, 100, 0, a, p)).toBe(`u${i}`.length);
      expect([d.value, a.value, p.value]).toEqual([`u${i}`, "127.0.0.1", up]);
      expect(P.socket_sendto(v, `v${i}`, 10, 0, a.value as string, p.value as number)).toBe(`v${i}`.length);
      expect(P.socket_recvfrom(u, d, 100, 0, a, p)).toBe(`v${i}`.length);
      expect([d.value, a.value, p.value]).toEqual([`v${i}`, "127.0.0.1", vp]);
    }
    expect(warnings).toEqual([]);
  });

  test("a socket sending to more peers in turn than it keeps reaches each one, strings and bytes", () => {
    const peers = Array.from({ length: 6 }, () => bound(P.AF_INET, "127.0.0.1"));
    const w = dgram(P.AF_INET);
    for (let round = 0; round < 3; round++) {
      peers.forEach(([, port], i) => {
        const text = `r${round}p${i}`;
        const data = i % 2 ? text : new Uint8Array(Buffer.from(text));
        expect(P.socket_sendto(w, data, 100, 0, "127.0.0.1", port)).toBe(text.length);
      });
      // Back to the first peers while they are still kept, then on around the ring.
      expect(P.socket_sendto(w, new Uint8Array([65]), 1, 0, "127.0.0.1", peers[5]![1])).toBe(1);
    }
    const d = P.ref();
    peers.forEach(([s], i) => {
      const got: string[] = [];
      while (P.socket_recv(s, d, 100, P.MSG_DONTWAIT) !== false) got.push(d.value as string);
      const want = [0, 1, 2].flatMap((r) => (i === 5 ? [`r${r}p5`, "A"] : [`r${r}p${i}`]));
      expect(got).toEqual(want);
    });
    expect(warnings).toEqual([]);
  });

  test("a large read length takes what is there without allocating it", () => {
    const [u, up] = bound(P.AF_INET, "127.0.0.1");
    const w = dgram(P.AF_INET);
    P.socket_sendto(w, "small", 5, 0, "127.0.0.1", up);
    const d = P.ref(), a = P.ref(), p = P.ref();
    const before = process.memoryUsage().rss;
    expect(P.socket_recvfrom(u, d, 1_000_000_000, 0, a, p)).toBe(5);
    expect(d.value).toBe("small");
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});

describe("socket_recv_into", () => {
  test("writes at the view's own offset, up to `length`", () => {
    const pair = P.ref<P.Socket[]>();
    P.socket_create_pair(P.AF_UNIX, P.SOCK_DGRAM, 0, pair);
    const [a, b] = pair.value;
    opened.push(a!, b!);
    const backing = new Uint8Array(12).fill(0xee);
    P.socket_write(b!, "abcdef");
    expect(P.socket_recv_into(a!, backing.subarray(4, 10), 0, 3)).toBe(3); // the datagram is cut at 3 bytes
    expect([...backing]).toEqual([0xee, 0xee, 0xee, 0xee, 97, 98, 99, 0xee, 0xee, 0xee, 0xee, 0xee]);
    const words = new Uint32Array(2);
    P.socket_write(b!, "12345678");
    expect(P.socket_recv_into(a!, words)).toBe(8);
    expect(Buffer.from(words.buffer).toString()).toBe("12345678");
  });

  test("bad arguments throw before any OS call", () => {
    const s = dgram(P.AF_INET);
    const buf = new Uint8Array(4);
    expect(() => P.socket_recv_into(s, "nope" as unknown as Uint8Array)).toThrow("socket_recv_into(): Argument #2 ($buffer) must be of type Uint8Array, string given");
    expect(() => P.socket_recv_into(s, buf, 0, 5)).toThrow(P.ValueError);
    expect(() => P.socket_recv_into(s, buf, 0, -1)).toThrow(P.ValueError);
    expect(() => P.socket_recv_into(s, buf, 0, Number.MAX_SAFE_INTEGER)).toThrow(P.ValueError);
    expect(() => P.socket_recv_into(s, buf, "x" as unknown as number)).toThrow(TypeError);
  });

  // Counts every cell in the GC heap, live or not yet collected: what a batch of calls allocated.
  const cells = (): number => Object.values(heapStats().objectTypeCounts).reduce((n, c) => n + c, 0);
  function cellsPerBatch(batch: () => void): number {
    Bun.gc(true);
    const before = cells();
    batch();
    return cells() - before;
  }

  test("100,000 send + recv_into round trips allocate nothing", () => {
    const pair = P.ref<P.Socket[]>();
    P.socket_create_pair(P.AF_UNIX, P.SOCK_STREAM, 0, pair);
    const [a, b] = pair.value as [P.Socket, P.Socket];
    opened.push(a, b);
    const out = new Uint8Array(64).fill(7), into = new Uint8Array(64);
    let total = 0;
    const trips = (n: number) => () => {
      for (let i = 0; i < n; i++) {
        P.socket_send(b, out, 64, 0);
        total += P.socket_recv_into(a, into) as number;
      }
    };
    let sink: unknown = null;
    const allocating = (n: number) => () => {
      for (let i = 0; i < n; i++) sink = { i };
    };
    trips(5_000)(); // warm-up: the JIT-compiled path is what is measured
    allocating(5_000)();
    const overhead = cellsPerBatch(() => {});
    // The probe sees about one cell per small object (so a near-zero count below means something).
    expect(cellsPerBatch(allocating(10_000)) - overhead).toBeGreaterThan(9_000);
    let extra = 0;
    const capacity = heapStats().heapCapacity;
    for (let batch = 0; batch < 10; batch++) extra += cellsPerBatch(trips(10_000)) - overhead;
    expect(total).toBe(64 * 105_000);
    expect(extra).toBeLessThan(100); // 100,000 round trips: nothing per call
    expect(heapStats().heapCapacity - capacity).toBeLessThan(256 * 1024);
    void sink;
  });

  test("100,000 UDP sendto + recv_into calls between two sockets allocate nothing", () => {
    const [u, up] = bound(P.AF_INET, "127.0.0.1");
    const [v, vp] = bound(P.AF_INET, "127.0.0.1");
    const out = new Uint8Array(64).fill(7), into = new Uint8Array(64);
    let total = 0;
    // Each socket sends to its own peer: the destinations alternate, and neither is encoded again.
    const trips = (n: number) => () => {
      for (let i = 0; i < n; i++) {
        P.socket_sendto(u, out, 64, 0, "127.0.0.1", vp);
        total += P.socket_recv_into(v, into) as number;
        P.socket_sendto(v, into, 64, 0, "127.0.0.1", up);
        total += P.socket_recv_into(u, into) as number;
      }
    };
    trips(2_500)();
    const overhead = cellsPerBatch(() => {});
    let extra = 0;
    for (let batch = 0; batch < 10; batch++) extra += cellsPerBatch(trips(2_500)) - overhead;
    expect(total).toBe(128 * 27_500);
    expect(extra).toBeLessThan(100);
  });
});
