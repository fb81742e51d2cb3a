// Options that do something observable on loopback (timeouts, multicast delivery on lo), the library's
// own additions (byte values, binary mode), and hostile values: every (level, option) PHP treats
// specially gets shapes it does not expect, and nothing may crash or reach the OS as a bad length.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import * as P from "../src/index.ts";

const opened: P.Socket[] = [];
const warnings: string[] = [];

beforeAll(() => void P.set_error_handler((_, text) => void warnings.push(text)));
afterAll(() => void P.restore_error_handler());
afterEach(() => {
  for (const s of opened.splice(0)) if (!s.closed) P.socket_close(s);
  warnings.length = 0;
});

function sock(domain: number, type: number, protocol = 0): P.Socket {
  const s = P.socket_create(domain, type, protocol);
  if (s === false) throw new Error("socket_create failed");
  opened.push(s);
  return s;
}

/** A UDP socket bound to host:0 with a bounded read timeout, and its port. */
function receiver(domain: number, host: string, timeout = { sec: 2, usec: 0 }): [P.Socket, number] {
  const s = sock(domain, P.SOCK_DGRAM, P.SOL_UDP);
  expect(P.socket_set_option(s, P.SOL_SOCKET, P.SO_RCVTIMEO, timeout)).toBe(true);
  expect(P.socket_bind(s, host, 0)).toBe(true);
  const a = P.ref(), p = P.ref<number>();
  expect(P.socket_getsockname(s, a, p)).toBe(true);
  return [s, p.value];
}

describe("observable effects", () => {
  test("SO_RCVTIMEO bounds a blocking read", () => {
    const [s] = receiver(P.AF_INET, "127.0.0.1", { sec: 0, usec: 200000 });
    const t0 = performance.now();
    expect(P.socket_recvfrom(s, P.ref(), 16, 0, P.ref(), P.ref())).toBe(false);
    const ms = performance.now() - t0;
    expect(ms).toBeGreaterThan(150);
    expect(ms).toBeLessThan(3000);
    expect(P.socket_last_error(s)).toBe(P.SOCKET_EAGAIN);
  });

  test("IPv4 multicast on lo: a joined group hears what is sent through IP_MULTICAST_IF lo", () => {
    const [r, port] = receiver(P.AF_INET, "0.0.0.0", { sec: 0, usec: 300000 });
    expect(P.socket_set_option(r, P.IPPROTO_IP, P.MCAST_JOIN_GROUP, { group: "224.0.0.199", interface: "lo" })).toBe(true);
    const w = sock(P.AF_INET, P.SOCK_DGRAM, P.SOL_UDP);
    expect(P.socket_set_option(w, P.IPPROTO_IP, P.IP_MULTICAST_IF, "lo")).toBe(true);
    expect(P.socket_get_option(w, P.IPPROTO_IP, P.IP_MULTICAST_IF)).toBe(1);
    expect(P.socket_set_option(w, P.IPPROTO_IP, P.IP_MULTICAST_TTL, 1)).toBe(true);
    expect(P.socket_sendto(w, "hello group", 11, 0, "224.0.0.199", port)).toBe(11);
    const buf = P.ref<string>();
    expect(P.socket_recvfrom(r, buf, 64, 0, P.ref(), P.ref())).toBe(11);
    expect(buf.value).toBe("hello group");
    // After leaving, the group is no longer heard.
    expect(P.socket_set_option(r, P.IPPROTO_IP, P.MCAST_LEAVE_GROUP, { group: "224.0.0.199", interface: "lo" })).toBe(true);
    expect(P.socket_sendto(w, "unheard", 7, 0, "224.0.0.199", port)).toBe(7);
    expect(P.socket_recvfrom(r, buf, 64, 0, P.ref(), P.ref())).toBe(false);
  });

  test("IPv6 multicast on lo: ff02::x joined, the interface read back, left", () => {
    // lo has no IPv6 multicast route here (PHP's sendto fails the same way), so only membership is checked.
    const [r] = receiver(P.AF_INET6, "::");
    const g = { group: "ff02::1:4242", interface: 1 };
    expect(P.socket_set_option(r, P.IPPROTO_IPV6, P.MCAST_JOIN_GROUP, g)).toBe(true);
    expect(P.socket_set_option(r, P.IPPROTO_IPV6, P.MCAST_JOIN_GROUP, g)).toBe(false);
    expect(P.socket_last_error(r)).toBe(P.SOCKET_EADDRINUSE);
    expect(P.socket_set_option(r, P.IPPROTO_IPV6, P.IPV6_MULTICAST_IF, "lo")).toBe(true);
    expect(P.socket_get_option(r, P.IPPROTO_IPV6, P.IPV6_MULTICAST_IF)).toBe(1);
    expect(P.socket_set_option(r, P.IPPROTO_IPV6, P.MCAST_LEAVE_GROUP, g)).toBe(true);
  });

  test("source filters on lo: a blocked source is not heard, an unblocked one is", () => {
    const [r, port] = receiver(P.AF_INET, "0.0.0.0", { sec: 0, usec: 300000 });
    const g = { group: "224.0.0.198", interface: "lo" };
    expect(P.socket_set_option(r, P.IPPROTO_IP, P.MCAST_JOIN_GROUP, g)).toBe(true);
    expect(P.socket_set_option(r, P.IPPROTO_IP, P.MCAST_BLOCK_SOURCE, { ...g, source: "127.0.0.1" })).toBe(true);
    const w = sock(P.AF_INET, P.SOCK_DGRAM, P.SOL_UDP);
    expect(P.socket_set_option(w, P.IPPROTO_IP, P.IP_MULTICAST_IF, 1)).toBe(true);
    expect(P.socket_sendto(w, "blocked", 7, 0, "224.0.0.198", port)).toBe(7);
    const buf = P.ref<string>();
    expect(P.socket_recvfrom(r, buf, 64, 0, P.ref(), P.ref())).toBe(false);
    expect(P.socket_set_option(r, P.IPPROTO_IP, P.MCAST_UNBLOCK_SOURCE, { ...g, source: "127.0.0.1" })).toBe(true);
    expect(P.socket_sendto(w, "heard", 5, 0, "224.0.0.198", port)).toBe(5);
    expect(P.socket_recvfrom(r, buf, 64, 0, P.ref(), P.ref())).toBe(5);
  });
});

describe("the library's additions", () => {
  test("byte values for string options: a Uint8Array is a byte string", () => {
    const s = sock(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP);
    expect(P.socket_set_option(s, P.SOL_TCP, P.TCP_CONGESTION, new TextEncoder().encode("reno"))).toBe(true);
    expect(P.socket_get_option(s, P.SOL_TCP, P.TCP_CONGESTION)).toEqual({ name: "reno" });
    expect(P.socket_set_option(s, P.SOL_SOCKET, P.SO_BINDTODEVICE, Uint8Array.of(0x6c, 0x6f))).toBe(true);
  });

  test("binary sockets read the congestion name as a byte string", () => {
    const s = sock(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP);
    P.socket_set_encoding(s, "binary");
    expect(P.socket_set_option(s, P.SOL_TCP, P.TCP_CONGESTION, "reno")).toBe(true);
    expect(P.socket_get_option(s, P.SOL_TCP, P.TCP_CONGESTION)).toEqual({ name: "reno" });
  });

  test("a conversion Error is thrown after the call, its warnings lost, the error handler restored", () => {
    const s = sock(P.AF_INET, P.SOCK_DGRAM, P.SOL_UDP);
    class Thing {}
    expect(() => P.socket_set_option(s, P.IPPROTO_IP, P.MCAST_JOIN_GROUP, { group: new Thing() })).toThrow(
      "Object of class Thing could not be converted to string",
    );
    expect(warnings).toEqual([]);
    expect(P.socket_last_error(s)).toBeLessThan(-10000);
    expect(P.socket_set_option(s, P.IPPROTO_IP, P.IP_MULTICAST_IF, "nosuch0")).toBe(false);
    expect(warnings).toEqual(['socket_set_option(): No interface with name "nosuch0" could be found']);
  });

  test("the shapes returned", () => {
    const s = sock(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP);
    expect(P.socket_get_option(s, P.SOL_SOCKET, P.SO_TYPE)).toBe(P.SOCK_STREAM);
    expect(P.socket_get_option(s, P.SOL_SOCKET, P.SO_LINGER)).toEqual({ l_onoff: 0, l_linger: 0 });
    expect(P.socket_get_option(s, P.SOL_SOCKET, P.SO_SNDTIMEO)).toEqual({ sec: 0, usec: 0 });
    const m = P.socket_get_option(s, P.SOL_SOCKET, P.SO_MEMINFO) as Record<string, number>;
    expect(Object.keys(m)).toEqual(["rmem_alloc", "rcvbuf", "wmem_alloc", "sndbuf", "fwd_alloc", "wmem_queued", "optmem", "backlog", "drops"]);
    for (const n of Object.values(m)) expect(n).toBeGreaterThanOrEqual(0);
  });
});

describe("hostile values never crash", () => {
  const big = "x".repeat(1 << 20);
  const nested: Record<string, unknown> = { a: { b: { c: [1, [2, [3]]] } } };
  const cyclic: Record<string, unknown> = { group: "224.0.0.1" };
  cyclic.self = cyclic;
  const values: unknown[] = [
    undefined, null, true, false, 0, -0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 63, -(2 ** 64), 2 ** 31, 12n, -(2n ** 70n),
    "", "0", "abc", "\u0000", "lo\u0000", "\u20ac\u{1f600}", big, [], [1, 2], {}, nested, cyclic, new Uint8Array(0),
    new Uint8Array(4096), new Float64Array(3), new ArrayBuffer(8), () => 1, Symbol("s"), new Map([["group", "224.0.0.1"]]),
    { l_onoff: big, l_linger: nested, sec: NaN, usec: -Infinity, group: big, source: big, interface: big, addr: big, ifindex: -1n },
    { group: "224.0.0.1", interface: 2 ** 40 }, { group: "224.0.0.1", source: "::1", interface: "lo" }, { addr: "::1", ifindex: 2n ** 40n },
  ];
  const names: Array<[string, string]> = [
    ["SOL_SOCKET", "SO_LINGER"], ["SOL_SOCKET", "SO_RCVTIMEO"], ["SOL_SOCKET", "SO_SNDTIMEO"], ["SOL_SOCKET", "SO_BINDTODEVICE"],
    ["SOL_SOCKET", "SO_MEMINFO"], ["SOL_SOCKET", "SO_MARK"], ["SOL_TCP", "TCP_CONGESTION"], ["SOL_TCP", "TCP_NOTSENT_LOWAT"],
    ["IPPROTO_IP", "IP_MULTICAST_IF"], ["IPPROTO_IP", "IP_MULTICAST_TTL"], ["IPPROTO_IP", "IP_MULTICAST_LOOP"],
    ["IPPROTO_IP", "MCAST_JOIN_GROUP"], ["IPPROTO_IP", "MCAST_JOIN_SOURCE_GROUP"], ["IPPROTO_IP", "MCAST_BLOCK_SOURCE"],
    ["IPPROTO_IPV6", "IPV6_MULTICAST_IF"], ["IPPROTO_IPV6", "IPV6_MULTICAST_HOPS"], ["IPPROTO_IPV6", "IPV6_MULTICAST_LOOP"],
    ["IPPROTO_IPV6", "IPV6_PKTINFO"], ["IPPROTO_IPV6", "MCAST_LEAVE_GROUP"], ["IPPROTO_IPV6", "MCAST_LEAVE_SOURCE_GROUP"],
  ];
  const C = P as unknown as Record<string, number>;

  test("every special option with every shape, on each kind of socket", () => {
    const socks = [
      sock(P.AF_INET, P.SOCK_DGRAM, P.SOL_UDP), sock(P.AF_INET6, P.SOCK_DGRAM, P.SOL_UDP),
      sock(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP), sock(P.AF_UNIX, P.SOCK_STREAM, 0),
    ];
    const allowed = new Set(["ValueError", "Error", "TypeError"]);
    let calls = 0;
    const t0 = performance.now();
    for (const s of socks) {
      for (const [level, opt] of names) {
        for (const value of values) {
          calls++;
          try {
            const r = P.socket_set_option(s, C[level]!, C[opt]!, value);
            expect(typeof r).toBe("boolean");
          } catch (e) {
            expect(allowed.has((e as Error).name)).toBe(true);
          }
          const g = P.socket_get_option(s, C[level]!, C[opt]!);
          expect(g === false || typeof g === "number" || typeof g === "object").toBe(true);
        }
      }
    }
    expect(calls).toBe(socks.length * names.length * values.length);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  test("levels and options beyond a C int wrap as PHP's do, and never fail outside the OS", () => {
    const s = sock(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP);
    for (const n of [2 ** 32 + 1, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53)]) {
      expect(typeof P.socket_get_option(s, n, n)).not.toBe("undefined");
      expect(typeof P.socket_set_option(s, n, n, 1)).toBe("boolean");
    }
    expect(P.socket_get_option(s, 2 ** 32 + P.SOL_SOCKET, P.SO_TYPE)).toBe(P.SOCK_STREAM);
  });
});
