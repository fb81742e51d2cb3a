// socket_addrinfo_*: getaddrinfo() results as PHP 8's final AddressInfo objects. Numeric hosts,
// localhost and /etc/services names only: nothing here asks the network.
import { describe, expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import {
  AF_INET, AF_INET6, AI_CANONNAME, AddressInfo, PhpError, SOCK_DGRAM, SOCK_STREAM, Socket, ref, socket_accept,
  socket_addrinfo_bind, socket_addrinfo_connect, socket_addrinfo_explain, socket_addrinfo_lookup, socket_close,
  socket_getsockname, socket_listen, socket_read, socket_write,
} from "../src/index.ts";

describe("AddressInfo", () => {
  test("is made only by socket_addrinfo_lookup, and is final", () => {
    const msg = "Cannot directly construct AddressInfo, use socket_addrinfo_lookup() instead";
    expect(() => new (AddressInfo as unknown as new () => unknown)()).toThrow(new PhpError(msg));
    class Sub extends (AddressInfo as unknown as new (...a: unknown[]) => object) {}
    expect(() => new Sub()).toThrow(msg);
    const [ai] = socket_addrinfo_lookup("127.0.0.1", "80", { ai_socktype: SOCK_STREAM }) as AddressInfo[];
    expect(ai).toBeInstanceOf(AddressInfo);
    expect(Object.keys(ai!)).toEqual([]);
    expect(Object.isFrozen(AddressInfo.prototype)).toBe(true);
  });
});

describe("socket_addrinfo_lookup and socket_addrinfo_explain", () => {
  test("numeric hosts, a service name and a canonical name", () => {
    const v6 = socket_addrinfo_lookup("::1", "https", { ai_socktype: SOCK_STREAM }) as AddressInfo[];
    expect(v6.map((a) => socket_addrinfo_explain(a))).toEqual([
      { ai_flags: 0, ai_family: AF_INET6, ai_socktype: SOCK_STREAM, ai_protocol: 6, ai_addr: { sin6_port: 443, sin6_addr: "::1" } },
    ]);
    const named = socket_addrinfo_lookup("localhost", "domain", { ai_flags: AI_CANONNAME, ai_family: AF_INET }) as AddressInfo[];
    const first = socket_addrinfo_explain(named[0]!);
    expect(first.ai_canonname).toBe("localhost");
    expect(first.ai_addr).toEqual({ sin_port: 53, sin_addr: "127.0.0.1" });
    expect(named.map((a) => socket_addrinfo_explain(a).ai_socktype)).toEqual([SOCK_STREAM, SOCK_DGRAM]);
  });

  test("10,000 lookups leave no descriptor open (services files are read and closed)", () => {
    const fds = readdirSync("/proc/self/fd").length;
    for (let i = 0; i < 10_000; i++) socket_addrinfo_lookup("127.0.0.1", i % 2 ? String(i) : "http", { ai_flags: AI_CANONNAME });
    expect(readdirSync("/proc/self/fd").length).toBe(fds);
  });
});

describe("socket_addrinfo_bind and socket_addrinfo_connect", () => {
  test("a listener and a client made from lookups talk", () => {
    const [here] = socket_addrinfo_lookup("127.0.0.1", "0", { ai_socktype: SOCK_STREAM }) as AddressInfo[];
    const srv = socket_addrinfo_bind(here!) as Socket;
    expect(srv).toBeInstanceOf(Socket);
    expect(socket_listen(srv, 1)).toBe(true);
    const addr = ref(), port = ref<number>();
    socket_getsockname(srv, addr, port);
    const [there] = socket_addrinfo_lookup("127.0.0.1", String(port.value), { ai_socktype: SOCK_STREAM }) as AddressInfo[];
    const c = socket_addrinfo_connect(there!) as Socket;
    expect(c).toBeInstanceOf(Socket);
    const acc = socket_accept(srv) as Socket;
    expect(socket_write(c, "over addrinfo")).toBe(13);
    expect(socket_read(acc, 100)).toBe("over addrinfo");
    for (const s of [c, acc, srv]) socket_close(s);
  });
});
