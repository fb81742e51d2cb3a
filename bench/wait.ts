// `bun bench/wait.ts [--quick]`: the awaitable readiness API (socket_wait, socket_select_async) against
// a blocking socket_select loop and against Bun.udpSocket, on UDP over 127.0.0.1:
//   - wake-up latency: a peer process sends a datagram stamped with CLOCK_MONOTONIC every few ms; the
//     server's code subtracts the stamp when it runs (readiness to the awaiting code, send included);
//   - idle CPU: 1,000 pending socket_waits for a few seconds (process.cpuUsage counts the poller too);
//   - throughput: a peer process keeps 16 datagrams in flight against an echo server for a while.
// Writes bench/WAIT.md; waitBench() and waitMarkdown() let another runner include it.
import { cpus, release } from "node:os";
import { join } from "node:path";
import {
  AF_INET, AF_UNIX, SOCK_DGRAM, Socket, ref, socket_bind, socket_close, socket_create, socket_create_pair, socket_getsockname,
  socket_recvfrom, socket_select, socket_select_async, socket_sendto, socket_set_nonblock, socket_wait,
} from "../src/index.ts";
import { monoNs } from "./wait-clock.ts";

type Server = "socket_wait" | "socket_select_async" | "socket_select (blocking)" | "Bun.udpSocket";
const SERVERS: Server[] = ["socket_wait", "socket_select_async", "socket_select (blocking)", "Bun.udpSocket"];

export interface WaitResults {
  meta: { date: string; cpu: string; cores: number; os: string; bun: string };
  latency: Array<{ server: Server; samples: number; p50us: number; p99us: number }>;
  idle: { waits: number; seconds: number; cpuPct: number; baselinePct: number };
  throughput: Array<{ server: Server; echoesPerSec: number; sent: number; echoed: number }>;
  settings: { latencySamples: number; gapMs: number; throughputMs: number; window: number };
}

const PEER = join(import.meta.dir, "wait-peer.ts");

function udpServer(): { sock: Socket; port: number } {
  const sock = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
  socket_bind(sock, "127.0.0.1", 0);
  const a = ref(), p = ref<number>();
  socket_getsockname(sock, a, p);
  socket_set_nonblock(sock);
  return { sock, port: p.value };
}

function peer(args: string[]) {
  return Bun.spawn([process.execPath, PEER, ...args], { stdout: "pipe", stderr: "inherit" });
}

const pct = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** Runs one server kind until `stop()` says so; `onDatagram` gets each payload; echoes when asked. */
async function serve(kind: Server, echo: boolean, onDatagram: (text: string) => void, stop: () => boolean, deadlineMs: number) {
  if (kind === "Bun.udpSocket") {
    const { promise, resolve } = Promise.withResolvers<void>();
    const s = await Bun.udpSocket({
      hostname: "127.0.0.1",
      socket: {
        data(sock, data, port, address) {
          onDatagram(data.toString());
          if (echo) sock.send(data, port, address);
          if (stop()) resolve();
        },
      },
    });
    return {
      port: s.port,
      done: (async () => {
        const t = setTimeout(resolve, deadlineMs);
        await promise;
        clearTimeout(t);
        s.close();
      })(),
    };
  }
  const { sock, port } = udpServer();
  const buf = ref<string>(), from = ref<string>(), fromPort = ref<number>();
  const end = performance.now() + deadlineMs;
  const drain = () => {
    while (socket_recvfrom(sock, buf, 2048, 0, from, fromPort) !== false) {
      onDatagram(buf.value);
      if (echo) socket_sendto(sock, buf.value, buf.value.length, 0, from.value, fromPort.value);
    }
  };
  const loop = async () => {
    // Let the peer process start before a blocking loop takes the thread.
    await Bun.sleep(0);
    while (!stop() && performance.now() < end) {
      if (kind === "socket_wait") {
        if (await socket_wait(sock, "read", 200)) drain();
      } else if (kind === "socket_select_async") {
        if (await socket_select_async([sock], null, null, 0, 200_000)) drain();
      } else {
        // PHP's way: the JS thread sleeps in select() and nothing else runs meanwhile.
        if (socket_select([sock], null, null, 0, 200_000)) drain();
      }
    }
    socket_close(sock);
  };
  return { port, done: loop() };
}

async function latency(kind: Server, samples: number, gapMs: number) {
  const lat: number[] = [];
  let s!: Awaited<ReturnType<typeof serve>>;
  s = await serve(kind, false, (t) => lat.push(Number(monoNs() - BigInt(t)) / 1000), () => lat.length >= samples, samples * gapMs + 5000);
  const p = peer(["sender", String(s.port), String(samples), String(gapMs)]);
  await s.done;
  p.kill();
  await p.exited;
  // The first samples include the poller's start and the JIT's warm-up.
  const warm = lat.slice(Math.min(20, lat.length >> 3));
  return { server: kind, samples: warm.length, p50us: pct(warm, 0.5), p99us: pct(warm, 0.99) };
}

async function throughput(kind: Server, ms: number, window: number) {
  let n = 0, finished = false;
  const s = await serve(kind, true, () => n++, () => finished, ms + 3000);
  const p = peer(["client", String(s.port), String(ms), String(window)]);
  const out = (async () => {
    const text = await new Response(p.stdout).text();
    finished = true;
    return JSON.parse(text) as { sent: number; echoed: number; ms: number };
  })();
  await p.exited;
  const r = await out;
  await s.done;
  return { server: kind, echoesPerSec: r.echoed / (r.ms / 1000), sent: r.sent, echoed: r.echoed };
}

async function idleCpu(waits: number, seconds: number) {
  const measure = async () => {
    const c0 = process.cpuUsage(), t0 = performance.now();
    await Bun.sleep(seconds * 1000);
    const u = process.cpuUsage(c0);
    return ((u.user + u.system) / 1000 / (performance.now() - t0)) * 100;
  };
  const baselinePct = await measure();
  const socks: Socket[] = [];
  for (let i = 0; i < waits / 2; i++) {
    const pr = ref<Socket[]>();
    socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, pr);
    socks.push(...pr.value);
  }
  const pending = socks.map((s) => socket_wait(s, "read", (seconds + 30) * 1000));
  await Bun.sleep(300);
  const cpuPct = await measure();
  for (const s of socks) socket_close(s);
  await Promise.allSettled(pending);
  return { waits, seconds, cpuPct, baselinePct };
}

export async function waitBench(opts: { quick?: boolean; log?: (s: string) => void } = {}): Promise<WaitResults> {
  const log = opts.log ?? (() => {});
  const settings = opts.quick
    ? { latencySamples: 200, gapMs: 2, throughputMs: 500, window: 16 }
    : { latencySamples: 2000, gapMs: 2, throughputMs: 3000, window: 16 };
  const lat: WaitResults["latency"] = [];
  for (const k of SERVERS) {
    log(`latency: ${k}`);
    lat.push(await latency(k, settings.latencySamples, settings.gapMs));
  }
  log("idle CPU with 1,000 pending waits");
  const idle = await idleCpu(1000, opts.quick ? 1 : 4);
  const tp: WaitResults["throughput"] = [];
  for (const k of SERVERS) {
    log(`throughput: ${k}`);
    tp.push(await throughput(k, settings.throughputMs, settings.window));
  }
  return {
    meta: {
      date: new Date().toISOString().slice(0, 10),
      cpu: cpus()[0]?.model.trim() ?? "unknown CPU",
      cores: cpus().length,
      os: `${process.platform} ${release()}`,
      bun: Bun.version,
    },
    latency: lat,
    idle,
    throughput: tp,
    settings,
  };
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const us = (n: number) => (n < 100 ? n.toFixed(1) : int(n));

export function waitMarkdown(r: WaitResults): string {
  const s = r.settings;
  return `# Awaitable readiness: socket_wait and socket_select_async

Generated by \`bun bench/wait.ts\` on ${r.meta.date}. ${r.meta.cpu}, ${r.meta.cores} cores, ${r.meta.os}; Bun ${r.meta.bun}.
UDP over 127.0.0.1. The peer runs in its own process.

socket_wait and socket_select_async sleep in no JS code: one poller Worker is blocked in poll() over
every pending descriptor plus a wake-up socket; it claims fired waits with a compare-and-swap in
shared memory and posts their slot numbers to the main thread. A wait finds already-ready sockets with
a zero-timeout poll() first, without the poller. The blocking socket_select loop is PHP's way: the JS
thread sleeps in select() and Bun's event loop does nothing meanwhile.

## Wake-up latency

From the peer's send() (stamped with CLOCK_MONOTONIC) to the server's code running with the datagram,
${int(s.latencySamples)} datagrams ${s.gapMs} ms apart (the server is idle in its wait each time).

| server | p50 µs | p99 µs |
| --- | ---: | ---: |
${r.latency.map((l) => `| ${l.server} | ${us(l.p50us)} | ${us(l.p99us)} |`).join("\n")}

## Idle cost

${int(r.idle.waits)} sockets, each with a pending socket_wait, for ${r.idle.seconds} s: **${r.idle.cpuPct.toFixed(2)}%** of one core for the
whole process, poller thread included (the same process idle without waits: ${r.idle.baselinePct.toFixed(2)}%).

## Throughput

A UDP echo server; the peer keeps ${s.window} datagrams in flight for ${s.throughputMs / 1000} s.

| server | echoes / s | sent | echoed |
| --- | ---: | ---: | ---: |
${r.throughput.map((t) => `| ${t.server} | ${int(t.echoesPerSec)} | ${int(t.sent)} | ${int(t.echoed)} |`).join("\n")}
`;
}

if (import.meta.main) {
  if (process.platform !== "linux") {
    console.error("bench/wait.ts: the shared clock (CLOCK_MONOTONIC through libc.so.6) is Linux-only");
    process.exit(1);
  }
  const quick = process.argv.includes("--quick");
  const t0 = performance.now();
  const r = await waitBench({ quick, log: (s) => console.log(s) });
  const md = waitMarkdown(r);
  await Bun.write(join(import.meta.dir, "WAIT.md"), md);
  console.log(md);
  console.log(`(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}
