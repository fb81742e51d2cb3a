// socket_wsaprotocol_info_export/import/release: a socket shared through WSADuplicateSocket and a named
// file mapping, as php-src's wsaprotocol_info_0.phpt drives it (same process, via getmypid), then
// across two bun.exe processes. Skipped off Windows, where PHP does not define these functions.
import { describe, expect, test } from "bun:test";
import * as P from "../../src/index.ts";
import { os } from "../../src/platform/index.ts";
import { cstr } from "../../src/functions/sockaddr.ts";
import { onWindows, quietly, socketKeeper, wineVersion } from "./lane.ts";

const keep = socketKeeper();
const WINE8 = wineVersion?.startsWith("8.") ?? false;

/** A TCP socket listening on 127.0.0.1 (the phpt binds localhost:10000; any free port will do). */
function listener(family = P.AF_INET): { lsn: P.Socket; port: number } {
  const host = family === P.AF_INET6 ? "::1" : "127.0.0.1";
  const lsn = keep(P.socket_create(family, P.SOCK_STREAM, P.SOL_TCP));
  expect(P.socket_bind(lsn, host, 0)).toBe(true);
  expect(P.socket_listen(lsn, 5)).toBe(true);
  const port = P.ref<number>();
  expect(P.socket_getsockname(lsn, P.ref(), port)).toBe(true);
  return { lsn, port: port.value };
}

/** Connects to the port, accepts through `via`, and checks that data crosses both ways. */
function serveOne(via: P.Socket, port: number, family = P.AF_INET): void {
  const cli = keep(P.socket_create(family, P.SOCK_STREAM, P.SOL_TCP));
  expect(P.socket_connect(cli, family === P.AF_INET6 ? "::1" : "127.0.0.1", port)).toBe(true);
  const acc = keep(P.socket_accept(via));
  expect(P.socket_write(cli, "hello")).toBe(5);
  expect(P.socket_read(acc, 16)).toBe("hello");
  expect(P.socket_write(acc, "back")).toBe(4);
  expect(P.socket_read(cli, 16)).toBe("back");
}

const ID = /^php_wsa_for_\d+$/;

describe.skipIf(!onWindows)("socket_wsaprotocol_info_* (wsaprotocol_info_0.phpt)", () => {
  test("duplicate in the same process: import works, release gives true, closing the duplicate leaves the original usable", () => {
    const { lsn, port } = listener();
    const { ret: info, warnings } = quietly(() => P.socket_wsaprotocol_info_export(lsn, process.pid));
    expect(warnings).toEqual([]);
    expect(info).toMatch(ID);
    const dup = keep(P.socket_wsaprotocol_info_import(info as string));
    expect(dup).toBeInstanceOf(P.Socket);
    expect(P.socket_wsaprotocol_info_release(info as string)).toBe(true);
    expect(P.socket_wsaprotocol_info_release(info as string)).toBe(false); // released once only

    // The duplicate is the same listening socket: same name, and it accepts.
    const addr = P.ref<string>(), p = P.ref<number>();
    expect(P.socket_getsockname(dup, addr, p)).toBe(true);
    expect([addr.value, p.value]).toEqual(["127.0.0.1", port]);
    serveOne(dup, port);

    P.socket_close(dup);
    expect(() => P.socket_accept(dup)).toThrow("socket_accept(): Argument #1 ($socket) has already been closed");
    serveOne(lsn, port);
  });

  test("an invalid PID: PHP's warning with the code in hex, and false", () => {
    const { lsn } = listener();
    const { ret, warnings } = quietly(() => P.socket_wsaprotocol_info_export(lsn, 123412341));
    expect(ret).toBe(false);
    const text = P.socket_strerror(10022);
    if (WINE8) expect(text).toBe("Invalid argument");
    const msg = "socket_wsaprotocol_info_export(): Unable to export WSA protocol info [0x00002726]";
    expect(warnings).toEqual([text ? `${msg}: ${text}` : msg]);
  });

  test("importing \"garbage\": no such mapping, ERROR_FILE_NOT_FOUND in hex, and false", () => {
    const { ret, warnings } = quietly(() => P.socket_wsaprotocol_info_import("garbage"));
    expect(ret).toBe(false);
    expect(warnings).toEqual(["socket_wsaprotocol_info_import(): Unable to open file mapping [0x00000002]"]);
  });

  test("release closes the mapping: an id cannot be imported after it; unknown ids give false", () => {
    const { lsn } = listener();
    const info = P.socket_wsaprotocol_info_export(lsn, process.pid) as string;
    expect(P.socket_wsaprotocol_info_release(info)).toBe(true);
    const { ret, warnings } = quietly(() => P.socket_wsaprotocol_info_import(info));
    expect(ret).toBe(false);
    expect(warnings).toEqual(["socket_wsaprotocol_info_import(): Unable to open file mapping [0x00000002]"]);
    expect(quietly(() => [P.socket_wsaprotocol_info_release("garbage"), P.socket_wsaprotocol_info_release("")])).toEqual({ ret: [false, false], warnings: [] });
  });

  test("an info is good for one socket: a second import of the same id fails, the first socket stays whole", () => {
    const { lsn, port } = listener();
    const info = P.socket_wsaprotocol_info_export(lsn, process.pid) as string;
    const dup = keep(P.socket_wsaprotocol_info_import(info));
    // Windows allows one use of an info; Wine would give the same handle again, which the backend refuses.
    const { ret, warnings } = quietly(() => P.socket_wsaprotocol_info_import(info));
    expect(ret).toBe(false);
    expect(warnings).toEqual([expect.stringMatching(/^socket_wsaprotocol_info_import\(\): Unable to import WSA protocol info \[0x[0-9a-f]{8}\]/)]);
    if (WINE8) expect(warnings).toEqual(["socket_wsaprotocol_info_import(): Unable to import WSA protocol info [0x00002726]: Invalid argument"]);
    serveOne(dup, port);
    expect(P.socket_wsaprotocol_info_release(info)).toBe(true);
  });

  test("ids count up per process; a datagram and an IPv6 socket keep their family", () => {
    const udp = keep(P.socket_create(P.AF_INET, P.SOCK_DGRAM, P.SOL_UDP));
    expect(P.socket_bind(udp, "127.0.0.1", 0)).toBe(true);
    const a = P.socket_wsaprotocol_info_export(udp, process.pid) as string;
    const { lsn: six, port } = listener(P.AF_INET6);
    const b = P.socket_wsaprotocol_info_export(six, process.pid) as string;
    expect([a, b]).toEqual([expect.stringMatching(ID), expect.stringMatching(ID)]);
    expect(Number(b.slice(12))).toBe(Number(a.slice(12)) + 1);

    const udp2 = keep(P.socket_wsaprotocol_info_import(a));
    const port4 = P.ref<number>();
    P.socket_getsockname(udp, P.ref(), port4);
    const tx = keep(P.socket_create(P.AF_INET, P.SOCK_DGRAM, P.SOL_UDP));
    expect(P.socket_sendto(tx, "dgram", 5, 0, "127.0.0.1", port4.value)).toBe(5);
    const buf = P.ref<string>(), from = P.ref<string>(), fromPort = P.ref<number>();
    expect(P.socket_recvfrom(udp2, buf, 16, 0, from, fromPort)).toBe(5); // needs the family: AF_INET
    expect([buf.value, from.value]).toEqual(["dgram", "127.0.0.1"]);

    const six2 = keep(P.socket_wsaprotocol_info_import(b));
    const addr = P.ref<string>();
    expect(P.socket_getsockname(six2, addr, P.ref())).toBe(true); // needs the family: AF_INET6
    expect(addr.value).toBe("::1");
    serveOne(six2, port, P.AF_INET6);
    expect([P.socket_wsaprotocol_info_release(a), P.socket_wsaprotocol_info_release(b)]).toEqual([true, true]);
  });

  test("a name another process already holds is passed over, never overwritten", () => {
    const { lsn } = listener();
    const first = P.socket_wsaprotocol_info_export(lsn, process.pid) as string;
    const n = Number(first.slice(12));
    // Stand in for another process that exported php_wsa_for_<n+1> first (each process counts from 0).
    const size = os.layout.WSAPROTOCOL_INFOA!.size;
    const squat = os.mappingCreate!(cstr(`php_wsa_for_${n + 1}`), size);
    expect(squat).toBeGreaterThan(0);
    try {
      const next = P.socket_wsaprotocol_info_export(lsn, process.pid) as string;
      expect(next).toBe(`php_wsa_for_${n + 2}`);
      const theirs = new Uint8Array(size).fill(0xee);
      expect(os.mappingCopy!(squat, theirs, false)).toBe(0);
      expect(theirs.every((b) => b === 0)).toBe(true); // still the other process's (empty) info
      expect(P.socket_wsaprotocol_info_release(next)).toBe(true);
    } finally {
      os.closeHandle!(squat);
      P.socket_wsaprotocol_info_release(first);
    }
  });

  test("a closed socket is PHP's Error; arguments are checked as PHP checks them", () => {
    const s = P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP) as P.Socket;
    P.socket_close(s);
    expect(() => P.socket_wsaprotocol_info_export(s, process.pid)).toThrow("socket_wsaprotocol_info_export(): Argument #1 ($socket) has already been closed");
    expect(() => (P.socket_wsaprotocol_info_import as Function)()).toThrow("socket_wsaprotocol_info_import() expects exactly 1 argument, 0 given");
    expect(() => P.socket_wsaprotocol_info_export("x" as unknown as P.Socket, 1)).toThrow("socket_wsaprotocol_info_export(): Argument #1 ($socket) must be of type Socket, string given");
    // As PHP's zpp: every argument's type first, then the closed socket.
    expect(() => P.socket_wsaprotocol_info_export(s, "pid" as unknown as number)).toThrow("socket_wsaprotocol_info_export(): Argument #2 ($process_id) must be of type int, string given");
  });
});

describe.skipIf(!onWindows)("socket_wsaprotocol_info_* across processes", () => {
  test("a second bun.exe imports the listener by id and accepts a connection through it", async () => {
    const { lsn, port } = listener();
    const child = Bun.spawn([process.execPath, `${import.meta.dir}/wsa-child.ts`], { stdin: "pipe", stdout: "pipe", stderr: "pipe" });
    const lines = lineReader(child.stdout);
    try {
      // Bun.spawn's pid is the child's Windows process id, the one WSADuplicateSocket needs.
      const id = P.socket_wsaprotocol_info_export(lsn, child.pid);
      expect(id).toMatch(ID);
      child.stdin.write(`${id}\n`);
      await child.stdin.end();
      // Wait with the event loop free until the child holds the socket: the calls below block this thread.
      expect(await lines.next()).toBe("imported");

      const cli = keep(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));
      expect(P.socket_set_option(cli, P.SOL_SOCKET, P.SO_RCVTIMEO, { sec: 20, usec: 0 })).toBe(true);
      expect(P.socket_connect(cli, "127.0.0.1", port)).toBe(true);
      expect(P.socket_read(cli, 64)).toBe(`child ${child.pid}`);
      expect(await lines.next()).toBe("ok");
      expect(await child.exited).toBe(0);
      expect(P.socket_wsaprotocol_info_release(id as string)).toBe(true);
      serveOne(lsn, port); // the parent's socket outlives the child's copy
    } finally {
      child.kill();
    }
  }, 60_000);
});

/** The lines of a child's stdout, one at a time ("" at its end). */
function lineReader(stream: ReadableStream<Uint8Array>): { next(): Promise<string> } {
  const reader = stream.getReader(), dec = new TextDecoder();
  let buf = "";
  return {
    async next() {
      while (!buf.includes("\n")) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += dec.decode(value, { stream: true });
      }
      const nl = buf.indexOf("\n");
      const line = nl < 0 ? buf : buf.slice(0, nl);
      buf = nl < 0 ? "" : buf.slice(nl + 1);
      return line.trim();
    },
  };
}
