// socket_import_stream: a Socket on a dup() of the descriptor of a socket Bun made, so that the PHP
// functions can read and set its options. Closing the Socket closes only the duplicate.
import { afterAll, describe, expect, test } from "bun:test";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AF_INET, AF_INET6, SOCK_DGRAM, SOCK_STREAM, SOL_SOCKET, SOL_TCP, SO_KEEPALIVE, SO_TYPE, TCP_NODELAY, SO_RCVBUF, Socket,
  ref, restore_error_handler, set_error_handler, socket_close, socket_get_option, socket_getpeername, socket_getsockname,
  socket_import_stream, socket_read, socket_set_option, socket_write, socket_last_error, SOCKET_EAGAIN,
  MSG_WAITALL, SO_RCVTIMEO, socket_accept, socket_clear_error, socket_recv, socket_set_block, socket_set_nonblock,
  socket_recvmsg, socket_sendmsg,
} from "../src/index.ts";

const dir = mkdtempSync(join(tmpdir(), "phps-import-"));
const stops: Array<() => void> = [];
afterAll(() => {
  for (const s of stops.reverse()) s();
  rmSync(dir, { recursive: true, force: true });
});

const name = (s: Socket): [string, number] => {
  const a = ref<string>(), p = ref<number>();
  expect(socket_getsockname(s, a, p)).toBe(true);
  return [a.value, p.value];
};

/** A Bun.listen server that echoes, and a Bun.connect client to it. */
async function bunPair() {
  const server = Bun.listen({
    hostname: "127.0.0.1",
    port: 0,
    socket: { data: (s, d) => void s.write(d) },
  });
  stops.push(() => server.stop(true));
  const got: string[] = [];
  const client = await Bun.connect({ hostname: "127.0.0.1", port: server.port, socket: { data: (_, d) => void got.push(d.toString()) } });
  stops.push(() => client.end());
  return { server, client, got };
}

describe("socket_import_stream", () => {
  test("a Bun.listen listener: its name and options through the PHP functions", async () => {
    const { server } = await bunPair();
    const s = socket_import_stream(server) as Socket;
    expect(s).toBeInstanceOf(Socket);
    expect(s.fd).not.toBe((server as unknown as { fd: number }).fd);
    expect(name(s)).toEqual(["127.0.0.1", server.port]);
    expect(socket_get_option(s, SOL_SOCKET, SO_TYPE)).toBe(SOCK_STREAM);
    socket_close(s);
    // Bun's listener still accepts.
    const c = await Bun.connect({ hostname: "127.0.0.1", port: server.port, socket: { data() {} } });
    c.end();
  });

  test("a Bun.connect socket: options set here are Bun's; closing the Socket leaves Bun's open", async () => {
    const { client, got } = await bunPair();
    const s = socket_import_stream(client) as Socket;
    const peer = ref<string>(), port = ref<number>();
    expect(socket_getpeername(s, peer, port)).toBe(true);
    expect(port.value).toBe(client.remotePort);
    expect(socket_set_option(s, SOL_SOCKET, SO_KEEPALIVE, 1)).toBe(true);
    expect(socket_get_option(s, SOL_SOCKET, SO_KEEPALIVE)).toBe(1);
    expect(socket_set_option(s, SOL_TCP, TCP_NODELAY, 1)).toBe(true);
    expect(socket_get_option(s, SOL_TCP, TCP_NODELAY)).toBe(1);
    // The descriptors share one socket: what the Socket writes, the echo server returns to Bun's side.
    expect(socket_write(s, "via the Socket")).toBe(14);
    for (let i = 0; i < 100 && got.join("") !== "via the Socket"; i++) await Bun.sleep(5);
    expect(got.join("")).toBe("via the Socket");
    socket_close(s);
    client.write(" and Bun");
    for (let i = 0; i < 100 && !got.join("").endsWith(" and Bun"); i++) await Bun.sleep(5);
    expect(got.join("")).toBe("via the Socket and Bun");
  });

  test("Bun's sockets are non-blocking, the imported Socket blocking in PHP's sense", async () => {
    const { client } = await bunPair();
    const s = socket_import_stream(client) as Socket;
    // A PHP stream starts blocking; Bun's O_NONBLOCK is its event loop's, shared and left alone.
    expect(s.blocking).toBe(true);
    expect(s.sharedFd).toBe(true);
    expect(socket_set_nonblock(s)).toBe(true);
    // No data: a non-blocking read gives false at once (EAGAIN, no warning), it does not hang.
    expect(socket_read(s, 10)).toBe(false);
    expect(socket_last_error(s)).toBe(SOCKET_EAGAIN);
    socket_close(s);
  });

  // php-src's socket_import_stream_blocking.phpt: "a blocking Socket waits on the non-blocking descriptor
  // of the stream". Its stream_socket_pair and pcntl_fork become a Bun.listen connection from a child
  // process: a blocking call holds the JS thread, so the bytes it waits for must come from elsewhere.
  // Everything between the import and the last read is synchronous, so Bun's event loop cannot read
  // the child's bytes first.
  test("a blocking Socket waits on the non-blocking descriptor of the stream", async () => {
    let bunSide!: { write(d: string): number }, heard = "";
    const opened = Promise.withResolvers<void>();
    const server = Bun.listen({
      hostname: "127.0.0.1",
      port: 0,
      socket: { open: (c) => ((bunSide = c), opened.resolve()), data: (_, d) => void (heard += d.toString()) },
    });
    stops.push(() => server.stop(true));
    const child = Bun.spawn([process.execPath, join(import.meta.dir, "fixtures", "import-peer.ts"), "write", String(server.port)]);
    stops.push(() => child.kill());
    await opened.promise;
    const conn = bunSide as unknown as object;
    const s = socket_import_stream(conn) as Socket;
    expect(s.blocking).toBe(true);

    expect(socket_set_nonblock(s)).toBe(true);
    expect(socket_read(s, 10)).toBe(false);
    expect(socket_last_error(s)).toBe(SOCKET_EAGAIN);

    expect(socket_set_block(s)).toBe(true);
    expect(socket_set_option(s, SOL_SOCKET, SO_RCVTIMEO, { sec: 0, usec: 100_000 })).toBe(true);
    socket_clear_error(s);
    let t = performance.now();
    expect(socket_read(s, 10)).toBe(false); // silent, as a blocking socket's timeout is
    expect(performance.now() - t).toBeGreaterThanOrEqual(95);
    expect(socket_last_error(s)).toBe(SOCKET_EAGAIN);
    expect(socket_set_option(s, SOL_SOCKET, SO_RCVTIMEO, { sec: 0, usec: 0 })).toBe(true);

    // The child writes "hello" 150 ms after "go", then "abc" and "def" 150 ms apart.
    expect(socket_write(s, "go")).toBe(2);
    t = performance.now();
    expect(socket_read(s, 10)).toBe("hello");
    expect(performance.now() - t).toBeGreaterThanOrEqual(100);
    const data = ref<string>();
    expect(socket_recv(s, data, 6, MSG_WAITALL)).toBe(6);
    expect(data.value).toBe("abcdef");

    // Bun's side was never made blocking: its descriptor is still non-blocking, and its loop still runs.
    const again = socket_import_stream(conn) as Socket;
    expect(again.sharedFd).toBe(true);
    socket_close(again);
    socket_close(s);
    bunSide.write("bye");
    for (let i = 0; i < 200 && heard !== "ok"; i++) await Bun.sleep(5);
    expect(heard).toBe("ok");
    expect(await child.exited).toBe(0);
  });

  test("socket_accept on an imported listener waits for a connection, with SO_RCVTIMEO", () => {
    const server = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
    stops.push(() => server.stop(true));
    const s = socket_import_stream(server) as Socket;
    expect(socket_set_option(s, SOL_SOCKET, SO_RCVTIMEO, { sec: 0, usec: 50_000 })).toBe(true);
    const t = performance.now();
    expect(socket_accept(s)).toBe(false);
    expect(performance.now() - t).toBeGreaterThanOrEqual(45);
    expect(socket_last_error()).toBe(SOCKET_EAGAIN);
    expect(socket_set_option(s, SOL_SOCKET, SO_RCVTIMEO, { sec: 5, usec: 0 })).toBe(true);
    // The child connects 100 ms from now; the accept holds the JS thread, so Bun's loop cannot take it.
    const child = Bun.spawn([process.execPath, join(import.meta.dir, "fixtures", "import-peer.ts"), "connect", String(server.port)]);
    stops.push(() => child.kill());
    const c = socket_accept(s) as Socket;
    expect(c).toBeInstanceOf(Socket);
    // An accepted socket is the library's own: blocking, on a descriptor of its own.
    expect(c.sharedFd).toBe(false);
    expect(socket_read(c, 10)).toBe("hi");
    socket_close(c);
    socket_close(s);
  });

  test("socket_recvmsg and socket_sendmsg on an imported socket block in PHP's sense", async () => {
    const udp = await Bun.udpSocket({ hostname: "127.0.0.1" });
    stops.push(() => udp.close());
    const s = socket_import_stream(udp) as Socket;
    expect(s.sharedFd).toBe(true);
    expect(s.blocking).toBe(true);
    const message = () => ref<Record<string, unknown>>({ name: [], buffer_size: 16, controllen: 1 });
    // Nothing comes: the call waits out SO_RCVTIMEO, then fails as a blocking socket's timeout does.
    expect(socket_set_option(s, SOL_SOCKET, SO_RCVTIMEO, { sec: 0, usec: 60_000 })).toBe(true);
    let t = performance.now();
    const warned: string[] = [];
    set_error_handler((_, msg) => void warned.push(msg));
    try {
      expect(socket_recvmsg(s, message())).toBe(false);
    } finally {
      restore_error_handler();
    }
    expect(performance.now() - t).toBeGreaterThanOrEqual(55);
    expect(socket_last_error()).toBe(SOCKET_EAGAIN);
    expect(warned.length).toBe(1);
    // A datagram that another process sends 100 ms from now: the call waits for it.
    expect(socket_set_option(s, SOL_SOCKET, SO_RCVTIMEO, { sec: 5, usec: 0 })).toBe(true);
    const child = Bun.spawn([process.execPath, join(import.meta.dir, "fixtures", "import-peer.ts"), "datagram", String(udp.port)]);
    stops.push(() => child.kill());
    const m = message();
    t = performance.now();
    expect(socket_recvmsg(s, m)).toBe(4);
    expect(performance.now() - t).toBeGreaterThanOrEqual(50);
    expect(m.value.iov).toEqual(["late"]);
    const from = m.value.name as { addr: string; port: number };
    expect(from.addr).toBe("127.0.0.1");
    // A send goes at once (a datagram socket has room), through the same path; to itself, since the
    // child's port is closed by now and an ICMP refusal would reach Bun's loop as an error.
    expect(socket_sendmsg(s, { name: { addr: "127.0.0.1", port: udp.port }, iov: ["ok"] })).toBe(2);
    const back = message();
    expect(socket_recvmsg(s, back)).toBe(2);
    expect(back.value.iov).toEqual(["ok"]);
    // Non-blocking again: no wait, EAGAIN at once.
    expect(socket_set_nonblock(s)).toBe(true);
    set_error_handler(() => true);
    try {
      t = performance.now();
      expect(socket_recvmsg(s, message(), 0)).toBe(false);
      expect(performance.now() - t).toBeLessThan(50);
    } finally {
      restore_error_handler();
    }
    socket_close(s);
    expect(await child.exited).toBe(0);
  });

  test("a Bun UDP socket", async () => {
    const udp = await Bun.udpSocket({ hostname: "127.0.0.1" });
    stops.push(() => udp.close());
    const s = socket_import_stream(udp) as Socket;
    expect(socket_get_option(s, SOL_SOCKET, SO_TYPE)).toBe(SOCK_DGRAM);
    expect(name(s)).toEqual(["127.0.0.1", udp.port]);
    expect(s.family).toBe(AF_INET);
    expect(socket_set_option(s, SOL_SOCKET, SO_RCVBUF, 65536)).toBe(true);
    expect(socket_get_option(s, SOL_SOCKET, SO_RCVBUF) as number).toBeGreaterThanOrEqual(65536);
    socket_close(s);
  });

  test("node:net sockets and servers, IPv6 included", async () => {
    const server = net.createServer((c) => c.end("bye"));
    await new Promise<void>((r) => server.listen(0, "::1", r));
    stops.push(() => server.close());
    const port = (server.address() as net.AddressInfo).port;
    const fromServer = socket_import_stream(server) as Socket;
    expect(fromServer.family).toBe(AF_INET6);
    expect(name(fromServer)).toEqual(["::1", port]);
    socket_close(fromServer);
    const c = net.connect({ host: "::1", port });
    await new Promise((r) => c.once("connect", r));
    const fromClient = socket_import_stream(c) as Socket;
    const peer = ref<string>(), pp = ref<number>();
    expect(socket_getpeername(fromClient, peer, pp)).toBe(true);
    expect([peer.value, pp.value]).toEqual(["::1", port]);
    socket_close(fromClient);
    c.destroy();
    await new Promise((r) => c.once("close", r));
    expect(() => socket_import_stream(c)).toThrow(new TypeError("socket_import_stream(): supplied resource is not a valid stream resource"));
  });

  test("streams that are not sockets warn as PHP's STDIO streams do", async () => {
    const file = join(dir, "plain.txt");
    writeFileSync(file, "not a socket");
    const rs = createReadStream(file);
    await new Promise((r) => rs.once("open", r));
    const seen: string[] = [];
    set_error_handler((_, m) => (seen.push(m), true));
    try {
      expect(socket_import_stream(rs)).toBe(false);
    } finally {
      restore_error_handler();
      rs.destroy();
    }
    expect(seen).toEqual(["socket_import_stream(): Cannot represent a stream of type STDIO as a Socket Descriptor"]);
  });

  test("values that are not streams are TypeErrors", () => {
    expect(() => socket_import_stream({ fd: 3 })).toThrow("socket_import_stream(): Argument #1 ($stream) must be of type resource, array given");
    expect(() => socket_import_stream(3)).toThrow("must be of type resource, int given");
    expect(() => socket_import_stream(new (class Thing {})())).toThrow("must be of type resource, Thing given");
  });
});
