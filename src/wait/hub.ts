// Starts the poller Worker once, lazily (a first dlopen in several new Workers at once can crash
// Bun), picks its strategy (epoll on Linux, poll() elsewhere), routes its messages, and keeps the
// process alive only while a wait is pending.
import type { Backend, OnFire } from "./backend.ts";
import { EpollBackend, epollAvailable } from "./epoll-backend.ts";
import { PollBackend } from "./poll-backend.ts";
import type { Fired } from "./shared.ts";

export type { OnFire } from "./backend.ts";

let backend: Backend | null = null;
let worker: Worker | null = null;
let starting: Promise<void> | null = null;
let refd = false;

/** Starts the poller (once; later calls share the first start). */
export function startHub(): Promise<void> {
  if (backend) return Promise.resolve();
  starting ??= launch().catch((err) => {
    starting = null;
    throw err;
  });
  return starting;
}

async function launch(): Promise<void> {
  // PHP_SOCKETS_POLLER=poll takes the portable strategy where epoll exists too (tests, benchmarks).
  const b: Backend = epollAvailable() && process.env.PHP_SOCKETS_POLLER !== "poll" ? new EpollBackend() : new PollBackend();
  const start = b.prepare();
  const w = new Worker(new URL("./poller.ts", import.meta.url).href);
  // The poller says when it has loaded: a message sent before would be lost.
  await new Promise<void>((resolve, reject) => {
    w.onmessage = () => resolve();
    w.onerror = (e) => reject(new Error(`php-sockets: the readiness poller failed to start: ${e.message}`));
  });
  w.onerror = null;
  w.onmessage = (e: MessageEvent<Fired>) => {
    b.deliver(e.data);
    keepAlive();
  };
  w.postMessage(start);
  w.unref();
  worker = w;
  backend = b;
}

/** Arms a one-shot wait (after startHub() resolved): a ticket for cancel(), or -1 when too many are pending. */
export function arm(fd: number, events: number, cb: OnFire): number {
  const t = backend!.arm(fd, events, cb);
  keepAlive();
  return t;
}

export function cancel(ticket: number): void {
  backend!.cancel(ticket);
  keepAlive();
}

/** Before a descriptor is closed or given away. */
export function forget(fd: number): void {
  if (!backend) return;
  backend.forget(fd);
  keepAlive();
}

function keepAlive(): void {
  const busy = backend!.pending > 0;
  if (busy !== refd) {
    refd = busy;
    if (busy) worker!.ref();
    else worker!.unref();
  }
}
