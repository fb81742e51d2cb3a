// socket_export_stream: sockets set up with the PHP functions (options Bun lacks, such as SO_REUSEPORT)
// and then served by Bun's own event loop. Loopback only; every server stops.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readlinkSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AF_INET, AF_INET6, AF_UNIX, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_STREAM, SOL_SOCKET, SO_REUSEPORT, Socket, PhpError, ValueError,
  ref, socket_bind, socket_close, socket_connect, socket_create, socket_create_pair, socket_export_stream,
  socket_getsockname, socket_listen, socket_read, socket_set_option, socket_write, socket_accept,
} from "../src/index.ts";

const dir = mkdtempSync(join(tmpdir(), "phps-export-"));
const cleanups: Array<() => void> = [];
afterAll(() => {
  for (const c of cleanups.reverse()) c();
  rmSync(dir, { recursive: true, force: true });
});

function listener(host = "127.0.0.1", family = AF_INET, port = 0, reusePort = false): { sock: Socket; port: number } {
  const sock = socket_create(family, SOCK_STREAM, 0) as Socket;
  if (reusePort) expect(socket_set_option(sock, SOL_SOCKET, SO_REUSEPORT, 1)).toBe(true);
  expect(socket_bind(sock, host, port)).toBe(true);
  expect(socket_listen(sock, 64)).toBe(true);
  const addr = ref(), p = ref<number>();
  socket_getsockname(sock, addr, p);
  return { sock, port: p.value };
}

/** Whether a descriptor number is open in this process, and what it is. */
const fdTarget = (fd: number): string | null => {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return null;
  }
};

const once = <T>(emitter: { once(ev: string, f: (x: T) => void): unknown }, ev: string, ms = 5000): Promise<T> =>
  new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${ev} within ${ms} ms`)), ms);
    emitter.once(ev, (x: T) => (clearTimeout(t), resolve(x)));
  });

describe("socket_export_stream", () => {
  test("two SO_REUSEPORT listeners on one port, exported, both answer through Bun while a timer keeps time", async () => {
    const a = listener("127.0.0.1", AF_INET, 0, true);
    const b = listener("127.0.0.1", AF_INET, a.port, true);
    expect(b.port).toBe(a.port);
    const served = [0, 0];
    const servers = [a, b].map(({ sock }, i) => {
      const server = socket_export_stream(sock) as net.Server;
      expect(server).toBeInstanceOf(net.Server);
      server.on("connection", (c) => {
        served[i]!++;
        c.end(`server ${i}\n`);
      });
      cleanups.push(() => server.close());
      return server;
    });
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 10);
    const t0 = performance.now();
    const replies: string[] = [];
    // The kernel spreads connections over the two listeners by hashing each client's address.
    for (let round = 0; round < 24; round++) {
      replies.push(
        ...(await Promise.all(
          Array.from({ length: 8 }, async () => {
            const c = net.connect({ host: "127.0.0.1", port: a.port });
            let text = "";
            c.on("data", (d) => (text += d.toString()));
            await once(c, "close");
            return text;
          }),
        )),
      );
    }
    await Bun.sleep(50);
    clearInterval(timer);
    const elapsed = performance.now() - t0;
    console.log(`192 clients in ${elapsed.toFixed(0)} ms: ${served[0]} to the first listener, ${served[1]} to the second`);
    expect(replies.length).toBe(192);
    expect(replies.every((r) => r === "server 0\n" || r === "server 1\n")).toBe(true);
    expect(served[0]! + served[1]!).toBe(192);
    expect(served[0]).toBeGreaterThan(0);
    expect(served[1]).toBeGreaterThan(0);
    let worst = 0;
    for (let i = 1; i < ticks.length; i++) worst = Math.max(worst, ticks[i]! - ticks[i - 1]!);
    console.log(`10 ms interval meanwhile: ${ticks.length} ticks, longest gap ${worst.toFixed(1)} ms`);
    // Bun serves the clients on this same thread: the timer only has to keep running between them.
    expect(worst).toBeLessThan(100);
    expect(ticks.length).toBeGreaterThan((elapsed / 10) * 0.4);
    for (const s of servers) s.close();
  }, 20_000);

  test("a connected socket: data both ways through node:net; the Socket is refused from then on", async () => {
    const l = listener();
    const c = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
    expect(socket_connect(c, "127.0.0.1", l.port)).toBe(true);
    const peer = socket_accept(l.sock) as Socket;
    cleanups.push(() => (socket_close(peer), socket_close(l.sock)));
    const fd = c.fd;
    const stream = socket_export_stream(c) as net.Socket;
    expect(stream).toBeInstanceOf(net.Socket);
    expect(socket_export_stream(c)).toBe(stream);
    expect(c.exported).toBe(true);
    expect(c.closed).toBe(false);
    expect(() => socket_write(c, "x")).toThrow(TypeError);
    expect(() => socket_write(c, "x")).toThrow("socket_write(): Argument #1 ($socket) has been exported to a stream and is owned by Bun's event loop");
    expect(() => socket_close(c)).toThrow(TypeError);
    // Checked where PHP checks a closed socket: after the other arguments are parsed.
    expect(() => socket_write(c, "x", "all" as unknown as number)).toThrow("socket_write(): Argument #3 ($length) must be of type ?int, string given");
    expect(() => socket_write(c, "x", -1)).toThrow("socket_write(): Argument #1 ($socket) has been exported to a stream and is owned by Bun's event loop");

    socket_write(peer, "from PHP's side\n");
    expect((await once<Buffer>(stream, "data")).toString()).toBe("from PHP's side\n");
    stream.write("from Bun's side\n");
    await Bun.sleep(20);
    expect(socket_read(peer, 100)).toBe("from Bun's side\n");
    // Bun owns the descriptor: destroying the stream closes it, once.
    stream.destroy();
    await once(stream, "close");
    expect(socket_read(peer, 100)).toBe("");
    expect(fdTarget(fd) === null || !fdTarget(fd)!.startsWith("socket:")).toBe(true);
  });

  test("the finalizer leaves an exported descriptor alone", async () => {
    // Two pairs whose first Sockets become unreachable: one exported, one merely dropped.
    const setup = () => {
      const p = ref<Socket[]>(), q = ref<Socket[]>();
      socket_create_pair(AF_UNIX, SOCK_STREAM, 0, p);
      socket_create_pair(AF_UNIX, SOCK_STREAM, 0, q);
      const exportedFd = p.value[0]!.fd, droppedFd = q.value[0]!.fd;
      const stream = socket_export_stream(p.value[0]!) as net.Socket;
      return { stream, theirs: p.value[1]!, other: q.value[1]!, exportedFd, droppedFd };
    };
    const { stream, theirs, other, exportedFd, droppedFd } = setup();
    cleanups.push(() => (socket_close(theirs), socket_close(other)));
    for (let i = 0; i < 10 && fdTarget(droppedFd)?.startsWith("socket:"); i++) {
      Bun.gc(true);
      await Bun.sleep(1);
    }
    // The dropped Socket was finalized (its descriptor closed); the exported one was not touched.
    expect(fdTarget(droppedFd)?.startsWith("socket:") ?? false).toBe(false);
    expect(fdTarget(exportedFd)?.startsWith("socket:")).toBe(true);
    socket_write(theirs, "still open");
    expect((await once<Buffer>(stream, "data")).toString()).toBe("still open");
    stream.destroy();
  });

  test("a unix listener at a path and an IPv6 listener are served by Bun", async () => {
    const path = join(dir, "srv.sock");
    const u = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
    expect(socket_bind(u, path)).toBe(true);
    expect(socket_listen(u, 8)).toBe(true);
    const six = listener("::1", AF_INET6);
    for (const [sock, connect] of [
      [u, () => net.connect({ path })],
      [six.sock, () => net.connect({ host: "::1", port: six.port })],
    ] as const) {
      const server = socket_export_stream(sock) as net.Server;
      server.on("connection", (c) => c.end("hello"));
      cleanups.push(() => server.close());
      const c = connect();
      let text = "";
      c.on("data", (d) => (text += d.toString()));
      await once(c, "close");
      expect(text).toBe("hello");
      server.close();
    }
  });

  test("what Bun cannot drive is refused with a clear error", () => {
    const d = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
    expect(() => socket_export_stream(d)).toThrow(ValueError);
    expect(() => socket_export_stream(d)).toThrow(
      "socket_export_stream(): Argument #1 ($socket) must be a SOCK_STREAM socket, SOCK_DGRAM given: Bun's event loop drives stream sockets only",
    );
    const pair = ref<Socket[]>();
    socket_create_pair(AF_UNIX, SOCK_SEQPACKET, 0, pair);
    expect(() => socket_export_stream(pair.value[0]!)).toThrow("must be a SOCK_STREAM socket, SOCK_SEQPACKET given");
    const fresh = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
    expect(() => socket_export_stream(fresh)).toThrow("socket_export_stream(): Argument #1 ($socket) must be connected or listening to be driven by Bun's event loop");
    // Refused sockets stay the caller's.
    expect(socket_write(pair.value[0]!, "still mine")).toBe(10);
    for (const s of [d, fresh, ...pair.value]) socket_close(s);
    expect(() => socket_export_stream(d)).toThrow(new PhpError("socket_export_stream(): Argument #1 ($socket) has already been closed"));
  });
});
