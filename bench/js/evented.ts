// Bun's and Node's own networking, the way they are meant to be used: an async echo server and a
// client in this one thread's event loop. A round trip writes N bytes, the server echoes them, and it
// ends when the client has all N back: the same work as the blocking shape, driven by events.
import * as net from "node:net";
import * as dgram from "node:dgram";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Transport } from "../cases.ts";

/** Runs one round trip of `n` bytes per call; close() stops both ends and the server. */
export interface Evented {
  trip(): Promise<void>;
  close(): Promise<void>;
}

/** Counts echoed bytes and resolves the pending trip once all of them are back. */
class Waiter {
  need = 0;
  got = 0;
  done: (() => void) | null = null;
  arrived(bytes: number): void {
    this.got += bytes;
    if (this.got >= this.need && this.done) {
      const d = this.done;
      this.done = null;
      d();
    }
  }
  expect(n: number, start: () => void): Promise<void> {
    return new Promise<void>((resolve) => {
      this.need = n;
      this.got = 0;
      this.done = resolve;
      start();
    });
  }
}

// Bun sockets write what the kernel takes and return the count; the rest waits for drain().
interface Queue {
  q: Uint8Array[];
}
function bunWrite(s: Bun.Socket<Queue>, d: Uint8Array): void {
  if (s.data.q.length > 0) return void s.data.q.push(d);
  const k = s.write(d);
  if (k < d.byteLength) s.data.q.push(d.subarray(Math.max(k, 0)));
}
function bunDrain(s: Bun.Socket<Queue>): void {
  while (s.data.q.length > 0) {
    const d = s.data.q[0]!;
    const k = s.write(d);
    if (k < d.byteLength) return void (s.data.q[0] = d.subarray(Math.max(k, 0)));
    s.data.q.shift();
  }
}

function tempPath(): { path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "php-sockets-bench-"));
  return { path: join(dir, "echo.sock"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function bunStream(transport: "unix" | "tcp", n: number): Promise<Evented> {
  const tmp = tempPath();
  const handler = {
    open(s: Bun.Socket<Queue>) {
      s.data = { q: [] };
      if (transport === "tcp") s.setNoDelay(true);
    },
    data: (s: Bun.Socket<Queue>, d: Uint8Array) => bunWrite(s, d),
    drain: bunDrain,
  };
  const tcp = transport === "tcp" ? Bun.listen<Queue>({ hostname: "127.0.0.1", port: 0, socket: handler }) : null;
  const server = tcp ?? Bun.listen<Queue>({ unix: tmp.path, socket: handler });
  const w = new Waiter();
  const clientHandler = {
    open(s: Bun.Socket<Queue>) {
      s.data = { q: [] };
      if (transport === "tcp") s.setNoDelay(true);
    },
    data: (_s: Bun.Socket<Queue>, d: Uint8Array) => w.arrived(d.byteLength),
    drain: bunDrain,
  };
  const client = transport === "unix"
    ? await Bun.connect<Queue>({ unix: tmp.path, socket: clientHandler })
    : await Bun.connect<Queue>({ hostname: "127.0.0.1", port: tcp!.port, socket: clientHandler });
  const payload = new Uint8Array(n).fill(120);
  return {
    trip: () => w.expect(n, () => bunWrite(client, payload)),
    async close() {
      client.end();
      server.stop(true);
      tmp.cleanup();
    },
  };
}

export async function nodeStream(transport: "unix" | "tcp", n: number): Promise<Evented> {
  const tmp = tempPath();
  const server = net.createServer({ noDelay: true }, (s) => s.on("data", (d) => s.write(d)));
  await new Promise<void>((r) => (transport === "unix" ? server.listen(tmp.path, r) : server.listen(0, "127.0.0.1", r)));
  const w = new Waiter();
  const addr = server.address() as net.AddressInfo;
  const client = transport === "unix" ? net.connect(tmp.path) : net.connect(addr.port, "127.0.0.1");
  await new Promise<void>((r) => client.once("connect", () => r()));
  client.setNoDelay(true);
  client.on("data", (d: Buffer) => w.arrived(d.byteLength));
  const payload = Buffer.alloc(n, 120);
  return {
    trip: () => w.expect(n, () => void client.write(payload)),
    async close() {
      client.destroy();
      await new Promise<void>((r) => server.close(() => r()));
      tmp.cleanup();
    },
  };
}

export async function bunUdp(n: number): Promise<Evented> {
  const w = new Waiter();
  const echo = await Bun.udpSocket({
    hostname: "127.0.0.1",
    socket: { data: (s, d, port, addr) => void s.send(d, port, addr) },
  });
  const client = await Bun.udpSocket({ hostname: "127.0.0.1", socket: { data: (_s, d) => w.arrived(d.byteLength) } });
  const payload = new Uint8Array(n).fill(120);
  return {
    trip: () => w.expect(n, () => void client.send(payload, echo.port, "127.0.0.1")),
    async close() {
      client.close();
      echo.close();
    },
  };
}

export async function nodeUdp(n: number): Promise<Evented> {
  const w = new Waiter();
  const echo = dgram.createSocket("udp4");
  echo.on("message", (d, r) => echo.send(d, r.port, r.address));
  await new Promise<void>((r) => echo.bind(0, "127.0.0.1", r));
  const client = dgram.createSocket("udp4");
  client.on("message", (d) => w.arrived(d.byteLength));
  await new Promise<void>((r) => client.bind(0, "127.0.0.1", r));
  const port = echo.address().port;
  const payload = Buffer.alloc(n, 120);
  return {
    trip: () => w.expect(n, () => client.send(payload, port, "127.0.0.1")),
    async close() {
      await new Promise<void>((r) => client.close(() => r()));
      await new Promise<void>((r) => echo.close(() => r()));
    },
  };
}

export function evented(impl: "Bun.listen" | "node:net", t: Transport, n: number): Promise<Evented> {
  if (t === "udp") return impl === "Bun.listen" ? bunUdp(n) : nodeUdp(n);
  return impl === "Bun.listen" ? bunStream(t, n) : nodeStream(t, n);
}
