// A Socket dropped without socket_close is closed by its finalizer. Finalizers run only when the event
// loop turns (never inside Bun.gc() or a microtask), so the loop here yields between batches, as a
// server's loop does between events; the descriptor count must stay flat.
import { expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { AF_INET, AF_UNIX, SOCK_DGRAM, SOCK_STREAM, socket_create, socket_create_pair, ref } from "../src/index.ts";

const openFds = (): number => readdirSync("/proc/self/fd").length;
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

test.skipIf(process.platform !== "linux")("100,000 dropped sockets leave the descriptor count flat", async () => {
  const before = openFds();
  const BATCH = 1000, BATCHES = 100;
  let peak = before;
  const started = performance.now();
  for (let b = 0; b < BATCHES; b++) {
    for (let i = 0; i < BATCH; i++) {
      // Dropped at once: nothing keeps a reference.
      if (i % 4 === 3) socket_create_pair(AF_UNIX, SOCK_STREAM, 0, ref());
      else socket_create(i % 2 ? AF_INET : AF_UNIX, i % 3 ? SOCK_STREAM : SOCK_DGRAM, 0);
    }
    Bun.gc(true);
    await turn();
    peak = Math.max(peak, openFds());
    expect(performance.now() - started).toBeLessThan(60_000);
  }
  // Let the last batches' finalizers run.
  for (let i = 0; i < 20 && openFds() > before + 16; i++) {
    Bun.gc(true);
    await turn();
  }
  const after = openFds();
  console.log(`descriptors: ${before} before, peak ${peak}, ${after} after 125,000 sockets (100,000 cycles)`);
  expect(after).toBeLessThanOrEqual(before + 16);
  // Never more than a few batches' worth outstanding at once.
  expect(peak).toBeLessThan(before + 6 * BATCH * 1.25);
}, 90_000);
