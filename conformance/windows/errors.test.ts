// Winsock's error codes and texts through the PHP functions, as PHP's Windows build reports them:
// the code is WSAGetLastError()'s, the text FormatMessage's with trailing CR/LF/periods cut, and ""
// where the system has no text (Wine lacks most Winsock texts). Skipped off Windows.
import { describe, expect, test } from "bun:test";
import * as P from "../../src/index.ts";
import { onWindows, quietly, socketKeeper, underWine, wineVersion } from "./lane.ts";

// Wine 8's texts for the codes it knows; every other Winsock code has none there. Other Wine versions
// may know more, so the exact table is held to Wine 8 only.
const WINE8 = wineVersion?.startsWith("8.") ?? false;
const WINE_TEXTS: Record<number, string> = {
  10004: "Call interrupted",
  10009: "Invalid file handle",
  10013: "Access denied",
  10014: "Invalid pointer address",
  10022: "Invalid argument",
  10024: "Too many open files",
  10054: "Connection reset by peer",
  10061: "Connection refused",
  11001: "Host not found",
  11002: "Nonauthoritative host not found",
  11003: "Nonrecoverable error",
  11004: "Name valid, no data record",
};
const WINE_SILENT = [10035, 10036, 10038, 10047, 10048, 10049, 10053, 10056, 10057, 10060];

/** What PHP prints for a code here: Wine 8's table, or (elsewhere) a text cut as PHP cuts it. */
function expectText(code: number, text: string): void {
  if (WINE8) return void expect(text).toBe(WINE_TEXTS[code] ?? "");
  expect(text).not.toMatch(/[.\r\n]$/);
  if (!underWine) expect(text.length).toBeGreaterThan(0);
}

const keep = socketKeeper();
const tcp = (family = P.AF_INET): P.Socket => keep(P.socket_create(family, P.SOCK_STREAM, P.SOL_TCP));

describe.skipIf(!onWindows)("Winsock errors through the PHP functions", () => {
  test("SOCKET_E* constants carry Winsock codes", () => {
    expect([P.SOCKET_EWOULDBLOCK, P.SOCKET_EAGAIN, P.SOCKET_EINPROGRESS]).toEqual([10035, 10035, 10036]);
    expect([P.SOCKET_EADDRINUSE, P.SOCKET_ECONNREFUSED, P.SOCKET_EAFNOSUPPORT]).toEqual([10048, 10061, 10047]);
    expect(P.SOCKET_EPIPE).toBe(32); // no Winsock code: the C runtime's errno value, as in PHP
  });

  test("a second bind to the same port: 10048, warned with the system's text", () => {
    const a = tcp(), b = tcp();
    expect(P.socket_bind(a, "127.0.0.1", 0)).toBe(true);
    const port = P.ref<number>();
    expect(P.socket_getsockname(a, P.ref(), port)).toBe(true);
    const { ret, warnings } = quietly(() => P.socket_bind(b, "127.0.0.1", port.value));
    expect(ret).toBe(false);
    expect(P.socket_last_error(b)).toBe(P.SOCKET_EADDRINUSE);
    expect(P.socket_last_error()).toBe(10048);
    const text = P.socket_strerror(10048);
    expectText(10048, text);
    expect(warnings).toEqual([`socket_bind(): Unable to bind address [10048]: ${text}`]);
  });

  test("a refused connect: 10061 Connection refused", () => {
    const probe = tcp();
    P.socket_bind(probe, "127.0.0.1", 0);
    const port = P.ref<number>();
    P.socket_getsockname(probe, P.ref(), port);
    P.socket_close(probe); // bound, never listening, now closed: nobody accepts on that port
    const c = tcp();
    const { ret, warnings } = quietly(() => P.socket_connect(c, "127.0.0.1", port.value));
    expect(ret).toBe(false);
    expect(P.socket_last_error(c)).toBe(P.SOCKET_ECONNREFUSED);
    const text = P.socket_strerror(10061);
    expectText(10061, text);
    expect(warnings).toEqual([`socket_connect(): unable to connect [10061]: ${text}`]);
  });

  test("a non-blocking read with nothing queued: 10035 and no warning", () => {
    const srv = tcp();
    P.socket_bind(srv, "127.0.0.1", 0);
    P.socket_listen(srv, 1);
    const port = P.ref<number>();
    P.socket_getsockname(srv, P.ref(), port);
    const cli = tcp();
    expect(P.socket_connect(cli, "127.0.0.1", port.value)).toBe(true);
    const acc = keep(P.socket_accept(srv));
    expect(P.socket_set_nonblock(acc)).toBe(true);
    const { ret, warnings } = quietly(() => P.socket_read(acc, 16));
    expect(ret).toBe(false);
    expect(P.socket_last_error(acc)).toBe(P.SOCKET_EWOULDBLOCK);
    expect(warnings).toEqual([]);
    // Back to blocking: the data written now is read at once.
    expect(P.socket_set_block(acc)).toBe(true);
    expect(P.socket_write(cli, "x")).toBe(1);
    expect(P.socket_read(acc, 16)).toBe("x");
  });

  test("socket_clear_error resets both the socket's and the global error", () => {
    const a = tcp(), b = tcp();
    P.socket_bind(a, "127.0.0.1", 0);
    const port = P.ref<number>();
    P.socket_getsockname(a, P.ref(), port);
    quietly(() => P.socket_bind(b, "127.0.0.1", port.value));
    P.socket_clear_error(b);
    P.socket_clear_error();
    expect([P.socket_last_error(b), P.socket_last_error()]).toEqual([0, 0]);
  });

  test("a host that does not resolve: PHP's Windows build records WSAGetLastError() itself (WSAHOST_NOT_FOUND ...)", () => {
    const c = tcp();
    const { ret, warnings } = quietly(() => P.socket_connect(c, "no-such-host.invalid", 80));
    expect(ret).toBe(false);
    const code = P.socket_last_error(c);
    expect([11001, 11002, 11003, 11004]).toContain(code);
    expect(P.socket_last_error()).toBe(code);
    expect(warnings).toEqual([`socket_connect(): Host lookup failed [${code}]: ${P.socket_strerror(code)}`]);
  });

  test.skipIf(!WINE8)("socket_strerror: Wine 8's texts, and \"\" where Wine has none", () => {
    for (const [code, text] of Object.entries(WINE_TEXTS)) expect([Number(code), P.socket_strerror(Number(code))]).toEqual([Number(code), text]);
    for (const code of WINE_SILENT) expect([code, P.socket_strerror(code)]).toEqual([code, ""]);
  });

  test.skipIf(WINE8)("socket_strerror: a text for every Winsock code on Windows, cut as PHP cuts it", () => {
    for (const code of [10004, 10013, 10022, 10035, 10036, 10038, 10047, 10048, 10049, 10054, 10057, 10060, 10061, 11001]) expectText(code, P.socket_strerror(code));
  });

  test("socket_strerror of non-Winsock codes: system texts, \"\" for unknown ones", () => {
    expect(P.socket_strerror(-1)).toBe("");
    expect(P.socket_strerror(2147483647)).toBe("");
    if (WINE8) expect(P.socket_strerror(0)).toBe("Success");
    else expect(P.socket_strerror(0).length).toBeGreaterThan(0);
  });
});

describe.skipIf(!underWine)("AF_UNIX under Wine", () => {
  test("Wine has no AF_UNIX: socket_create fails with 10047 (this checks the failure, not AF_UNIX)", () => {
    const { ret, warnings } = quietly(() => P.socket_create(P.AF_UNIX, P.SOCK_STREAM, 0));
    expect(ret).toBe(false);
    expect(P.socket_last_error()).toBe(P.SOCKET_EAFNOSUPPORT);
    expect(warnings).toEqual([`socket_create(): Unable to create socket [10047]: ${P.socket_strerror(10047)}`]);
  });
});
