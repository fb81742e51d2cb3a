// Data over Winsock through the PHP functions: TCP and UDP over IPv4 and IPv6 loopback,
// socket_create_pair's Windows emulation, PHP_NORMAL_READ, names, and the netdb helpers.
// AF_UNIX cases run on real Windows only; under Wine they are reported as skipped, never passed.
import { describe, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import * as P from "../../src/index.ts";
import { onWindows, quietly, socketKeeper, underWine } from "./lane.ts";

const keep = socketKeeper();

const LOOPBACK = { [P.AF_INET]: "127.0.0.1", [P.AF_INET6]: "::1" } as Record<number, string>;

/** A listening TCP socket on loopback, a client connected to it, and the accepted end. */
function tcpPair(family: number): { srv: P.Socket; cli: P.Socket; acc: P.Socket; port: number } {
  const host = LOOPBACK[family]!;
  const srv = keep(P.socket_create(family, P.SOCK_STREAM, P.SOL_TCP));
  expect(P.socket_bind(srv, host, 0)).toBe(true);
  expect(P.socket_listen(srv, 4)).toBe(true);
  const port = P.ref<number>();
  expect(P.socket_getsockname(srv, P.ref(), port)).toBe(true);
  const cli = keep(P.socket_create(family, P.SOCK_STREAM, P.SOL_TCP));
  expect(P.socket_connect(cli, host, port.value)).toBe(true);
  const acc = keep(P.socket_accept(srv));
  return { srv, cli, acc, port: port.value };
}

describe.skipIf(!onWindows)("TCP round trips", () => {
  for (const [name, family] of [["IPv4", P.AF_INET], ["IPv6", P.AF_INET6]] as const) {
    test(`${name}: both ways, names, shutdown, end of stream`, () => {
      const { cli, acc, port } = tcpPair(family);
      const host = LOOPBACK[family]!;
      expect(P.socket_write(cli, "ping from the client")).toBe(20);
      expect(P.socket_read(acc, 100)).toBe("ping from the client");
      expect(P.socket_write(acc, "pong ✓")).toBe(8);
      expect(P.socket_read(cli, 100)).toBe("pong ✓");

      const addr = P.ref<string>(), p = P.ref<number>();
      expect(P.socket_getpeername(acc, addr, p)).toBe(true);
      expect(addr.value).toBe(host);
      const mine = P.ref<number>();
      expect(P.socket_getsockname(cli, P.ref(), mine)).toBe(true);
      expect(p.value).toBe(mine.value);
      expect(P.socket_getsockname(acc, addr, p)).toBe(true);
      expect([addr.value, p.value]).toEqual([host, port]);

      expect(P.socket_shutdown(cli, 1)).toBe(true);
      expect(P.socket_read(acc, 100)).toBe("");
    });
  }

  test("PHP_NORMAL_READ stops after each line end", () => {
    const { cli, acc } = tcpPair(P.AF_INET);
    expect(P.socket_write(cli, "one\ntwo\r\nthree")).toBe(14);
    expect(P.socket_read(acc, 100, P.PHP_NORMAL_READ)).toBe("one\n");
    expect(P.socket_read(acc, 100, P.PHP_NORMAL_READ)).toBe("two\r");
    expect(P.socket_read(acc, 100, P.PHP_NORMAL_READ)).toBe("\n");
    expect(P.socket_read(acc, 3, P.PHP_BINARY_READ)).toBe("thr");
  });

  test("a large write arrives whole", () => {
    const { cli, acc } = tcpPair(P.AF_INET);
    const data = new Uint8Array(200_000).map((_, i) => 32 + (i % 95)); // ASCII: one char per byte either way
    let sent = 0;
    let got = 0;
    // Interleave writes and reads so neither side's buffer fills.
    while (got < data.length) {
      if (sent < data.length) {
        const n = P.socket_write(cli, data.subarray(sent, sent + 16384));
        expect(n).toBeGreaterThan(0);
        sent += n as number;
      }
      const s = P.socket_read(acc, 65536) as string;
      expect(typeof s).toBe("string");
      for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== data[got + i]) throw new Error(`byte ${got + i} differs`);
      got += s.length;
    }
    expect(got).toBe(data.length);
  });

  test("socket_create_listen binds INADDR_ANY and accepts", () => {
    const probe = keep(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));
    P.socket_bind(probe, "127.0.0.1", 0);
    const port = P.ref<number>();
    P.socket_getsockname(probe, P.ref(), port);
    P.socket_close(probe);
    const srv = keep(P.socket_create_listen(port.value));
    const addr = P.ref<string>();
    expect(P.socket_getsockname(srv, addr)).toBe(true);
    expect(addr.value).toBe("0.0.0.0");
    const cli = keep(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));
    expect(P.socket_connect(cli, "127.0.0.1", port.value)).toBe(true);
    keep(P.socket_accept(srv));
  });
});

describe.skipIf(!onWindows)("UDP round trips", () => {
  for (const [name, family] of [["IPv4", P.AF_INET], ["IPv6", P.AF_INET6]] as const) {
    test(`${name}: a connected sender, a bound receiver`, () => {
      const host = LOOPBACK[family]!;
      const rx = keep(P.socket_create(family, P.SOCK_DGRAM, P.SOL_UDP));
      expect(P.socket_bind(rx, host, 0)).toBe(true);
      const port = P.ref<number>();
      P.socket_getsockname(rx, P.ref(), port);
      const tx = keep(P.socket_create(family, P.SOCK_DGRAM, P.SOL_UDP));
      expect(P.socket_connect(tx, host, port.value)).toBe(true);
      expect(P.socket_write(tx, "datagram one")).toBe(12);
      expect(P.socket_write(tx, "two")).toBe(3);
      expect(P.socket_read(rx, 100)).toBe("datagram one");
      expect(P.socket_read(rx, 100)).toBe("two");

      const free = keep(P.socket_create(family, P.SOCK_DGRAM, P.SOL_UDP));
      expect(P.socket_sendto(free, "to you", 6, 0, host, port.value)).toBe(6);
      const buf = P.ref<string>(), from = P.ref<string>(), fromPort = P.ref<number>();
      expect(P.socket_recvfrom(rx, buf, 100, 0, from, fromPort)).toBe(6);
      expect([buf.value, from.value]).toEqual(["to you", host]);
      const freePort = P.ref<number>();
      P.socket_getsockname(free, P.ref(), freePort);
      expect(fromPort.value).toBe(freePort.value);
    });
  }
});

describe.skipIf(!onWindows)("socket_create_pair: PHP's Windows emulation", () => {
  test("AF_INET stream: a connected loopback pair", () => {
    const pair = P.ref<P.Socket[]>();
    expect(P.socket_create_pair(P.AF_INET, P.SOCK_STREAM, 0, pair)).toBe(true);
    const [a, b] = pair.value.map(keep) as [P.Socket, P.Socket];
    expect(P.socket_write(a, "to b")).toBe(4);
    expect(P.socket_read(b, 10)).toBe("to b");
    expect(P.socket_write(b, "to a")).toBe(4);
    expect(P.socket_read(a, 10)).toBe("to a");
    const addr = P.ref<string>();
    expect(P.socket_getpeername(a, addr)).toBe(true);
    expect(addr.value).toBe("127.0.0.1");
  });

  test("AF_INET datagram: no listen, so WSAECONNABORTED (10053)", () => {
    const { ret, warnings } = quietly(() => P.socket_create_pair(P.AF_INET, P.SOCK_DGRAM, 0, P.ref()));
    expect(ret).toBe(false);
    expect(P.socket_last_error()).toBe(10053);
    expect(warnings).toEqual([`socket_create_pair(): Unable to create socket pair [10053]: ${P.socket_strerror(10053)}`]);
  });

  test("AF_INET6 and AF_UNIX: WSAENOPROTOOPT (10042), as PHP's socketpair_win32", () => {
    for (const d of [P.AF_INET6, P.AF_UNIX]) {
      const { ret, warnings } = quietly(() => P.socket_create_pair(d, P.SOCK_STREAM, 0, P.ref()));
      expect(ret).toBe(false);
      expect(P.socket_last_error()).toBe(10042);
      expect(warnings).toEqual([`socket_create_pair(): Unable to create socket pair [10042]: ${P.socket_strerror(10042)}`]);
    }
  });
});

describe.skipIf(!onWindows)("netdb helpers", () => {
  test("gethostbyname, getservbyname, getprotobyname", () => {
    expect(P.gethostbyname("localhost")).toBe("127.0.0.1");
    expect(P.gethostbyname("192.0.2.7")).toBe("192.0.2.7");
    expect(P.gethostbyname("no-such-host.invalid")).toBe("no-such-host.invalid");
    expect(P.getservbyname("http", "tcp")).toBe(80);
    expect(P.getservbyname("no-such-service", "tcp")).toBe(false);
    expect(P.getprotobyname("tcp")).toBe(6);
    expect(P.getprotobyname("udp")).toBe(17);
    expect(P.getprotobyname("no-such-protocol")).toBe(false);
  });
});

// Real Windows (10 1803 and later) has AF_UNIX stream sockets; Wine has none, so these are skipped
// there and show in the lane's output as "(skip) ... not run under Wine".
describe.skipIf(!onWindows)("AF_UNIX", () => {
  test.skipIf(underWine)("AF_UNIX stream round trip (not run under Wine: Wine has no AF_UNIX)", () => {
    const path = `${process.env.TEMP ?? "."}\\phps-${process.pid}.sock`;
    rmSync(path, { force: true });
    const srv = keep(P.socket_create(P.AF_UNIX, P.SOCK_STREAM, 0));
    expect(P.socket_bind(srv, path)).toBe(true);
    expect(P.socket_listen(srv, 1)).toBe(true);
    const cli = keep(P.socket_create(P.AF_UNIX, P.SOCK_STREAM, 0));
    expect(P.socket_connect(cli, path)).toBe(true);
    const acc = keep(P.socket_accept(srv));
    expect(P.socket_write(cli, "over a unix socket")).toBe(18);
    expect(P.socket_read(acc, 100)).toBe("over a unix socket");
    rmSync(path, { force: true });
  });
});
