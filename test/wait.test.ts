// socket_wait and socket_select_async: readiness awaited off the JS thread (one poller Worker in
// poll()), never blocking Bun's event loop and never spinning. Loopback only; every wait is bounded.
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import {
  AF_INET, AF_UNIX, SOCK_DGRAM, SOCK_STREAM, Socket, PhpError, ValueError, ref, restore_error_handler, set_error_handler,
  socket_bind, socket_close, socket_create, socket_create_pair, socket_export_stream, socket_getsockname, socket_listen,
  socket_recvfrom, socket_select_async, socket_sendto, socket_set_nonblock, socket_wait, socket_write, socket_last_error,
  socket_read,
  type Ref,
} from "../src/index.ts";

const opened: Socket[] = [];
afterAll(() => {
  for (const s of opened) if (!s.closed && !s.exported) socket_close(s);
});

function udp(): { sock: Socket; port: number } {
  const sock = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
  opened.push(sock);
  socket_bind(sock, "127.0.0.1", 0);
  const addr = ref(), port = ref<number>();
  socket_getsockname(sock, addr, port);
  socket_set_nonblock(sock);
  return { sock, port: port.value };
}

function pair(type = SOCK_STREAM): [Socket, Socket] {
  const p = ref<Socket[]>();
  socket_create_pair(AF_UNIX, type, 0, p);
  opened.push(...p.value);
  return [p.value[0]!, p.value[1]!];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Warnings emitted while `f` runs. */
async function warnings<T>(f: () => Promise<T> | T): Promise<[T, string[]]> {
  const seen: string[] = [];
  set_error_handler((_, msg) => (seen.push(msg), true));
  try {
    return [await f(), seen];
  } finally {
    restore_error_handler();
  }
}

describe("socket_wait", () => {
  test("times out, then wakes when a datagram arrives", async () => {
    const a = udp(), b = udp();
    let t0 = performance.now();
    expect(await socket_wait(a.sock, "read", 40)).toBe(false);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(35);
    setTimeout(() => socket_sendto(b.sock, "ping", 4, 0, "127.0.0.1", a.port), 20);
    t0 = performance.now();
    expect(await socket_wait(a.sock, "read", 5000)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(2000);
    const buf = ref(), from = ref(), port = ref();
    expect(socket_recvfrom(a.sock, buf, 100, 0, from, port)).toBe(4);
    expect(buf.value).toBe("ping");
  });

  test("already ready resolves at once; timeout 0 only looks", async () => {
    const [x, y] = pair();
    expect(await socket_wait(x, "write")).toBe(true);
    expect(await socket_wait(x, "read", 0)).toBe(false);
    socket_write(y, "z");
    expect(await socket_wait(x, "read", 0)).toBe(true);
  });

  test("argument errors throw at once, before any promise", () => {
    const [x] = pair();
    expect(() => socket_wait(x, "both" as "read")).toThrow(new ValueError('socket_wait(): Argument #2 ($mode) must be either "read" or "write"'));
    expect(() => socket_wait(x, "read", -1)).toThrow(new ValueError("socket_wait(): Argument #3 ($timeout_ms) must be greater than or equal to 0"));
    expect(() => socket_wait(x, "read", [] as unknown as number)).toThrow("socket_wait(): Argument #3 ($timeout_ms) must be of type ?int, array given");
    expect(() => socket_wait("x" as unknown as Socket, "read")).toThrow("socket_wait(): Argument #1 ($socket) must be of type Socket, string given");
    const c = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
    socket_close(c);
    expect(() => socket_wait(c, "read")).toThrow(new PhpError("socket_wait(): Argument #1 ($socket) has already been closed"));
    // PHP's order: every argument parsed (types, deprecations), then the closed socket, then the values.
    expect(() => socket_wait(c, "read", "soon" as unknown as number)).toThrow("socket_wait(): Argument #3 ($timeout_ms) must be of type ?int, string given");
    expect(() => socket_wait(c, [] as unknown as "read")).toThrow("socket_wait(): Argument #2 ($mode) must be of type string, array given");
    expect(() => socket_wait(c, "both" as "read")).toThrow(new PhpError("socket_wait(): Argument #1 ($socket) has already been closed"));
    expect(() => socket_wait(c, "read", -1)).toThrow(new PhpError("socket_wait(): Argument #1 ($socket) has already been closed"));
  });

  test("a socket closed while a wait is pending rejects it, and its number's next owner is not confused", async () => {
    const [x, y] = pair();
    const other = pair();
    const otherWait = socket_wait(other[0], "read", 5000);
    const p = socket_wait(x, "read");
    await sleep(10);
    const fd = x.fd;
    socket_close(x);
    await expect(p).rejects.toThrow("socket_wait(): Argument #1 ($socket) has been closed while waiting");
    // The next socket most likely takes the same number; waiting on it works as on any other.
    const [z, w] = pair();
    const reused = z.fd === fd || w.fd === fd;
    const zWait = socket_wait(z, "read", 5000);
    await sleep(10);
    expect(await Promise.race([zWait, sleep(30).then(() => "pending")])).toBe("pending");
    socket_write(w, "!");
    expect(await zWait).toBe(true);
    socket_write(other[1], "?");
    expect(await otherWait).toBe(true);
    socket_close(y);
    console.log(`descriptor ${fd} ${reused ? "was" : "was not"} reused by the next socket`);
  });

  test("closing a socket under a pending wait closes it at once: the peer sees the end", async () => {
    const [x, y] = pair();
    const p = socket_wait(x, "read");
    await sleep(10);
    socket_close(x);
    await expect(p).rejects.toThrow("has been closed while waiting");
    expect(await socket_wait(y, "read", 1000)).toBe(true);
    expect(socket_read(y, 10)).toBe("");
  });

  test("a socket exported while a wait is pending rejects it", async () => {
    const srv = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
    opened.push(srv);
    socket_bind(srv, "127.0.0.1", 0);
    socket_listen(srv, 1);
    const p = socket_wait(srv, "read");
    await sleep(5);
    const server = socket_export_stream(srv);
    await expect(p).rejects.toThrow("socket_wait(): Argument #1 ($socket) has been exported to a stream while waiting");
    (server as import("node:net").Server).close();
  });

  test("1,000 sockets waiting cost under 1% of a core, then all wake", async () => {
    const N = 1000;
    const socks: Socket[] = [];
    const peers: Socket[] = [];
    for (let i = 0; i < N / 2; i++) {
      const [a, b] = pair(SOCK_DGRAM);
      socks.push(a, b);
      peers.push(b, a);
    }
    const waits = socks.map((s) => socket_wait(s, "read", 30_000));
    await sleep(200); // the poller is in poll() over 1,001 descriptors
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await sleep(3000);
    const used = process.cpuUsage(c0);
    const wall = performance.now() - t0;
    const pct = ((used.user + used.system) / 1000 / wall) * 100;
    console.log(`idle with ${N} pending waits: ${pct.toFixed(2)}% of a core (process, poller included)`);
    expect(pct).toBeLessThan(1);
    const t1 = performance.now();
    for (const p of peers) socket_write(p, "x");
    const results = await Promise.all(waits);
    expect(results.every((r) => r === true)).toBe(true);
    expect(performance.now() - t1).toBeLessThan(5000);
    for (const s of socks) socket_close(s);
  }, 20_000);

  test("a UDP echo served with socket_wait while a 10 ms interval keeps its schedule", async () => {
    const server = udp();
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 10);
    let served = 0;
    let stop = false;
    const serve = (async () => {
      const buf = ref(), from = ref<string>(), port = ref<number>();
      while (!stop) {
        if (!(await socket_wait(server.sock, "read", 100))) continue;
        while (socket_recvfrom(server.sock, buf, 1500, 0, from, port) !== false) {
          socket_sendto(server.sock, buf.value as string, (buf.value as string).length, 0, from.value, port.value);
          served++;
        }
      }
    })();
    const [sent, got] = await echoClient(server.port, 1000);
    stop = true;
    await serve;
    clearInterval(timer);
    console.log(`socket_wait echo: ${got} of ${sent} datagrams echoed in 1 s`);
    expect(got).toBe(sent);
    expect(served).toBe(sent);
    expect(sent).toBeGreaterThan(100);
    checkSchedule(ticks);
  }, 20_000);
});

describe("socket_select_async", () => {
  test("filters arrays in place as socket_select does, keys kept for objects", async () => {
    const a = udp(), b = udp(), c = udp();
    const read = [a.sock, b.sock, c.sock];
    const keyed = { first: a.sock, second: b.sock, 7: c.sock } as Record<string, Socket>;
    setTimeout(() => socket_sendto(a.sock, "x", 1, 0, "127.0.0.1", b.port), 20);
    expect(await socket_select_async(read, null, null, 5)).toBe(1);
    expect(read).toEqual([b.sock]);
    expect(await socket_select_async(keyed, null, null, 0)).toBe(1);
    expect(Object.keys(keyed)).toEqual(["second"]);
    const viaRef: Ref = ref([a.sock, b.sock]);
    const write: Ref = ref([a.sock]);
    expect(await socket_select_async(viaRef, write, null, 0)).toBe(2);
    expect(viaRef.value).toEqual([b.sock]);
    expect(write.value).toEqual([a.sock]);
  });

  test("a timeout gives 0 and empties the arrays; null seconds waits without end", async () => {
    const a = udp(), b = udp();
    const read = [a.sock];
    const t0 = performance.now();
    expect(await socket_select_async(read, null, null, 0, 50_000)).toBe(0);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    expect(read).toEqual([]);
    const again = [a.sock];
    setTimeout(() => socket_sendto(b.sock, "y", 1, 0, "127.0.0.1", a.port), 30);
    expect(await socket_select_async(again, [], null, null)).toBe(1);
    expect(again).toEqual([a.sock]);
  });

  test("socket_select's checks and warnings under its own name", async () => {
    const a = udp();
    expect(() => socket_select_async([], [], null, 0)).toThrow(new ValueError("socket_select_async(): At least one array argument must be passed"));
    expect(() => socket_select_async(["x"], null, null, 0)).toThrow("socket_select_async(): Argument #1 ($read) must only have elements of type Socket, string given");
    expect(() => socket_select_async([a.sock], null, null, "soon" as unknown as number)).toThrow("socket_select_async(): Argument #4 ($seconds) must be of type ?int, string given");
    const [r, seen] = await warnings(() => socket_select_async([a.sock], null, null, -1));
    expect(r).toBe(false);
    expect(seen).toEqual(["socket_select_async(): Unable to select [22]: Invalid argument"]);
    expect(socket_last_error()).toBe(22);
  });

  test("a hung-up socket watched only for urgent data does not spin: select() would not count it", async () => {
    const [x, y] = pair();
    socket_close(y);
    const c0 = process.cpuUsage(), t0 = performance.now();
    expect(await socket_select_async(null, null, [x], 0, 500_000)).toBe(0);
    const wall = performance.now() - t0, u = process.cpuUsage(c0);
    const pct = ((u.user + u.system) / 1000 / wall) * 100;
    console.log(`hung-up socket in the except set: ${wall.toFixed(0)} ms, ${pct.toFixed(2)}% of a core`);
    expect(wall).toBeGreaterThanOrEqual(450);
    expect(pct).toBeLessThan(10);
  });

  test("a socket closed while waiting rejects, naming its set", async () => {
    const a = udp(), b = udp();
    const p = socket_select_async([a.sock], [], [b.sock], 10);
    await sleep(10);
    socket_close(b.sock);
    await expect(p).rejects.toThrow("socket_select_async(): Argument #3 ($except) contains a socket closed while waiting");
  });

  test("a UDP echo served with socket_select_async while a 10 ms interval keeps its schedule", async () => {
    const s1 = udp(), s2 = udp();
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 10);
    let stop = false, served = 0;
    const serve = (async () => {
      const buf = ref(), from = ref<string>(), port = ref<number>();
      while (!stop) {
        const read = [s1.sock, s2.sock];
        const n = await socket_select_async(read, null, null, 0, 100_000);
        if (n === false) throw new Error(`socket_select_async failed: ${socket_last_error()}`);
        if (!n) continue;
        for (const s of read)
          while (socket_recvfrom(s, buf, 1500, 0, from, port) !== false) {
            socket_sendto(s, buf.value as string, (buf.value as string).length, 0, from.value, port.value);
            served++;
          }
      }
    })();
    const [[sent1, got1], [sent2, got2]] = await Promise.all([echoClient(s1.port, 1000), echoClient(s2.port, 1000)]);
    stop = true;
    await serve;
    clearInterval(timer);
    console.log(`socket_select_async echo: ${got1 + got2} of ${sent1 + sent2} datagrams echoed in 1 s on two sockets`);
    expect(got1 + got2).toBe(sent1 + sent2);
    expect(served).toBe(sent1 + sent2);
    expect(Math.min(sent1, sent2)).toBeGreaterThan(100);
    checkSchedule(ticks);
  }, 20_000);
});

describe("the poller never keeps an idle process alive", () => {
  const script = (body: string) => `
    import * as P from ${JSON.stringify(join(import.meta.dir, "..", "src", "index.ts"))};
    const p = P.ref(); P.socket_create_pair(P.AF_UNIX, P.SOCK_STREAM, 0, p);
    const [a, b] = p.value;
    ${body}
  `;
  const run = async (body: string, limitMs: number) => {
    const t0 = performance.now();
    const child = Bun.spawn([process.execPath, "-e", script(body)], { stdout: "pipe", stderr: "pipe" });
    const timer = setTimeout(() => child.kill(), limitMs);
    const code = await child.exited;
    clearTimeout(timer);
    return { code, ms: performance.now() - t0, out: await new Response(child.stdout).text(), err: await new Response(child.stderr).text() };
  };

  test("exits once its waits are done", async () => {
    const r = await run(`P.socket_write(b, "x"); console.log(await P.socket_wait(a, "read", 1000)); console.log(await P.socket_wait(b, "read", 50));`, 10_000);
    expect(r.err).toBe("");
    expect(r.out).toBe("true\nfalse\n");
    expect(r.code).toBe(0);
  }, 15_000);

  test("stays alive while a wait is pending", async () => {
    const r = await run(`setTimeout(() => P.socket_write(b, "late"), 700); console.log(await P.socket_wait(a, "read"));`, 10_000);
    expect(r.out).toBe("true\n");
    expect(r.code).toBe(0);
    expect(r.ms).toBeGreaterThanOrEqual(650);
  }, 15_000);
});

/**
 * Echo load on 127.0.0.1:port from Bun's own UDP socket: 8 datagrams in flight for `ms`, then waits for
 * the last echoes. Gives [sent, echoed].
 */
async function echoClient(port: number, ms: number): Promise<[number, number]> {
  let got = 0, sent = 0;
  const end = performance.now() + ms;
  const { promise, resolve } = Promise.withResolvers<void>();
  const client = await Bun.udpSocket({
    socket: {
      data() {
        got++;
        if (performance.now() < end) client.send(`m${sent++}`, port, "127.0.0.1");
        else if (got === sent) resolve();
      },
    },
  });
  while (sent < 8) client.send(`m${sent++}`, port, "127.0.0.1");
  const timer = setTimeout(resolve, ms + 5000);
  await promise;
  clearTimeout(timer);
  client.close();
  return [sent, got];
}

/** The interval kept ticking: no gap much longer than its period while the server was busy. */
function checkSchedule(ticks: number[]): void {
  // About 100 ticks in a second of load; the interval must not starve.
  expect(ticks.length).toBeGreaterThan(70);
  let worst = 0;
  for (let i = 1; i < ticks.length; i++) worst = Math.max(worst, ticks[i]! - ticks[i - 1]!);
  console.log(`10 ms interval: ${ticks.length} ticks, longest gap ${worst.toFixed(1)} ms`);
  expect(worst).toBeLessThan(60);
}
