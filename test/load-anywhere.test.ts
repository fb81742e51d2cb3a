// The library loads with macOS's and Windows's generated tables (no module reads a Linux-only layout or
// constant at import time) and exports the same functions with those platforms' constant values.
import { expect, test } from "bun:test";

const fixture = `${import.meta.dir}/fixtures/load-as.ts`;
const here = await import("../src/index.ts");
const functions = Object.keys(here).filter((k) => typeof (here as Record<string, unknown>)[k] === "function" && /^socket_|^get/.test(k)).length;

for (const [target, AF_INET6, EADDRINUSE] of [["darwin", 30, 48], ["windows", 23, 10048]] as const) {
  test(`loads with the ${target} tables`, () => {
    const r = Bun.spawnSync(["bun", fixture, target], { timeout: 30_000 });
    expect(r.stderr.toString()).toBe("");
    expect(JSON.parse(r.stdout.toString())).toEqual({ target, functions, AF_INET6, SOCKET_EADDRINUSE: EADDRINUSE });
  });
}
