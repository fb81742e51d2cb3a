// Scatter/gather and messages on Winsock: socket_sendmsg through WSASendMsg, socket_recvmsg through
// the WSARecvMsg that WSAIoctl hands out (PHP's Windows build does the same), socket_send/recv and
// sendto/recvfrom, socket_writev/readv over a WSAMSG, and socket_addrinfo_*. Skipped off Windows.
import { describe, expect, test } from "bun:test";
import * as P from "../../src/index.ts";
import { onWindows, quietly, socketKeeper } from "./lane.ts";

const keep = socketKeeper();

/** A UDP receiver bound on loopback and an unbound sender, for each family. */
function udp(family: number): { rx: P.Socket; tx: P.Socket; host: string; port: number } {
  const host = family === P.AF_INET ? "127.0.0.1" : "::1";
  const rx = keep(P.socket_create(family, P.SOCK_DGRAM, P.SOL_UDP));
  expect(P.socket_bind(rx, host, 0)).toBe(true);
  const port = P.ref<number>();
  P.socket_getsockname(rx, P.ref(), port);
  const tx = keep(P.socket_create(family, P.SOCK_DGRAM, P.SOL_UDP));
  return { rx, tx, host, port: port.value };
}

describe.skipIf(!onWindows)("send/recv families", () => {
  test("socket_send/socket_recv with MSG_PEEK over TCP", () => {
    const srv = keep(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));
    P.socket_bind(srv, "127.0.0.1", 0);
    P.socket_listen(srv, 1);
    const port = P.ref<number>();
    P.socket_getsockname(srv, P.ref(), port);
    const cli = keep(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));
    expect(P.socket_connect(cli, "127.0.0.1", port.value)).toBe(true);
    const acc = keep(P.socket_accept(srv));
    expect(P.socket_send(cli, "peek then read", 14, 0)).toBe(14);
    const buf = P.ref<string>();
    expect(P.socket_recv(acc, buf, 4, P.MSG_PEEK)).toBe(4);
    expect(buf.value).toBe("peek");
    expect(P.socket_recv(acc, buf, 100, P.MSG_WAITALL & 0)).toBe(14);
    expect(buf.value).toBe("peek then read");
    const into = new Uint8Array(8);
    P.socket_send(cli, "bytes", 5, 0);
    expect(P.socket_recv_into(acc, into)).toBe(5);
    expect(new TextDecoder().decode(into.subarray(0, 5))).toBe("bytes");
  });

  for (const [name, family] of [["IPv4", P.AF_INET], ["IPv6", P.AF_INET6]] as const) {
    test(`socket_sendto/socket_recvfrom over ${name} UDP`, () => {
      const { rx, tx, host, port } = udp(family);
      expect(P.socket_sendto(tx, "addressed", 9, 0, host, port)).toBe(9);
      const buf = P.ref<string>(), from = P.ref<string>(), fromPort = P.ref<number>();
      expect(P.socket_recvfrom(rx, buf, 100, 0, from, fromPort)).toBe(9);
      const txPort = P.ref<number>();
      P.socket_getsockname(tx, P.ref(), txPort);
      expect([buf.value, from.value, fromPort.value]).toEqual(["addressed", host, txPort.value]);
    });
  }
});

describe.skipIf(!onWindows)("socket_sendmsg / socket_recvmsg (WSASendMsg / WSARecvMsg)", () => {
  for (const [name, family] of [["IPv4", P.AF_INET], ["IPv6", P.AF_INET6]] as const) {
    test(`${name} UDP: gathered iov out, the datagram and its sender in`, () => {
      const { rx, tx, host, port } = udp(family);
      expect(P.socket_sendmsg(tx, { name: { addr: host, port }, iov: ["gathered ", "from ", "three"], control: [] }, 0)).toBe(19);
      const msg = P.ref<unknown>({ name: [], buffer_size: 100, controllen: 64 });
      expect(P.socket_recvmsg(rx, msg, 0)).toBe(19);
      const txPort = P.ref<number>();
      P.socket_getsockname(tx, P.ref(), txPort);
      const v6 = family === P.AF_INET6 ? { flowinfo: 0, scope_id: 0 } : {};
      expect(msg.value).toEqual({
        name: { family, addr: host, port: txPort.value, ...v6 },
        control: [],
        iov: ["gathered from three"],
        flags: 0,
      });
    });
  }

  test("a datagram longer than buffer_size: Winsock fails with WSAEMSGSIZE (10040), not MSG_TRUNC", () => {
    const { rx, tx, host, port } = udp(P.AF_INET);
    expect(P.socket_sendto(tx, "0123456789", 10, 0, host, port)).toBe(10);
    const msg = P.ref<unknown>({ name: [], buffer_size: 4, controllen: 64 });
    const { ret, warnings } = quietly(() => P.socket_recvmsg(rx, msg, 0));
    expect(ret).toBe(false);
    expect(P.socket_last_error()).toBe(P.SOCKET_EMSGSIZE);
    expect(warnings).toEqual([`socket_recvmsg(): Error in recvmsg [10040]: ${P.socket_strerror(10040)}`]);
  });
});

describe.skipIf(!onWindows)("socket_writev / socket_readv over WSABUF arrays", () => {
  test("connected UDP: three vectors out, two in", () => {
    const { rx, tx, host, port } = udp(P.AF_INET);
    expect(P.socket_connect(tx, host, port)).toBe(true);
    const out = P.socket_iovec_alloc(3, 3, 4, 5);
    P.socket_iovec_set(out, 0, "abc");
    P.socket_iovec_set(out, 1, "defg");
    P.socket_iovec_set(out, 2, "hijkl");
    expect(P.socket_writev(tx, out)).toBe(true);
    const into = P.socket_iovec_alloc(2, 5, 7);
    expect(P.socket_readv(rx, into)).toBe(true);
    expect([P.socket_iovec_fetch(into, 0), P.socket_iovec_fetch(into, 1)]).toEqual(["abcde", "fghijkl"]);
    P.socket_iovec_free(out);
    P.socket_iovec_free(into);
  });
});

describe.skipIf(!onWindows)("socket_addrinfo_* (getaddrinfo)", () => {
  test("lookup, explain, bind, connect over loopback", () => {
    const found = P.socket_addrinfo_lookup("127.0.0.1", "0", { ai_family: P.AF_INET, ai_socktype: P.SOCK_STREAM });
    expect(Array.isArray(found)).toBe(true);
    const ai = (found as P.AddressInfo[])[0]!;
    const e = P.socket_addrinfo_explain(ai) as { ai_family: number; ai_socktype: number; ai_addr: { sin_addr: string } };
    expect([e.ai_family, e.ai_socktype, e.ai_addr.sin_addr]).toEqual([P.AF_INET, P.SOCK_STREAM, "127.0.0.1"]);
    const srv = keep(P.socket_addrinfo_bind(ai));
    expect(P.socket_listen(srv, 1)).toBe(true);
    const port = P.ref<number>();
    P.socket_getsockname(srv, P.ref(), port);
    const [to] = P.socket_addrinfo_lookup("127.0.0.1", String(port.value), { ai_family: P.AF_INET, ai_socktype: P.SOCK_STREAM }) as P.AddressInfo[];
    const cli = keep(P.socket_addrinfo_connect(to!));
    keep(P.socket_accept(srv));
    expect(P.socket_write(cli, "via addrinfo")).toBe(12);
  });
});
