// Every in-process case: the library's paths, raw bun:ffi, and Bun's and Node's own networking.
import { SELECT_SOCKETS, SIZES, TRANSPORTS, sizeFor, type Cell } from "./cases.ts";
import { libTrips, missing, type LibPath } from "./js/library.ts";
import { rawTrips } from "./js/raw.ts";
import { evented } from "./js/evented.ts";
import { hasSelect, libSelect, rawSelect } from "./js/select.ts";
import { rate, type Budget } from "./js/measure.ts";

export const LIB_PATHS: Record<LibPath, string> = {
  strings: "php-sockets: strings",
  binary: "php-sockets: binary strings",
  "zero-copy": "php-sockets: zero-copy",
};

export async function runInProcess(budget: Budget, log: (s: string) => void): Promise<Cell[]> {
  const cells: Cell[] = [];
  const put = (c: Cell) => {
    cells.push(c);
    log(`  ${c.impl.padEnd(30)} ${c.transport.padEnd(6)} ${String(c.size).padStart(6)}  ${c.ops ? Math.round(c.ops).toLocaleString("en-US") : c.note}`);
  };
  for (const t of TRANSPORTS) {
    for (const s of SIZES) {
      const n = sizeFor(t, s), costly = s >= 65536;
      for (const path of Object.keys(LIB_PATHS) as LibPath[]) {
        const why = missing(path, t);
        if (why) {
          put({ impl: LIB_PATHS[path], transport: t, size: n, ops: 0, note: why });
          continue;
        }
        const c = libTrips(path, t, n);
        try {
          put({ impl: LIB_PATHS[path], transport: t, size: n, ops: await rate(c.trip, costly, budget) });
        } finally {
          c.close();
        }
      }
      const r = rawTrips(t, n);
      try {
        put({ impl: "bun:ffi raw", transport: t, size: n, ops: await rate(r.trip, costly, budget) });
      } finally {
        r.close();
      }
      for (const impl of ["Bun.listen", "node:net"] as const) {
        const e = await evented(impl, t, n);
        try {
          put({ impl, transport: t, size: n, ops: await rate(e.trip, costly, budget) });
        } finally {
          await e.close();
        }
      }
    }
  }
  if (hasSelect()) {
    const c = libSelect(SELECT_SOCKETS);
    try {
      put({ impl: LIB_PATHS.strings, transport: "select", size: SELECT_SOCKETS, ops: await rate(c.trip, false, budget) });
    } finally {
      c.close();
    }
  } else {
    put({ impl: LIB_PATHS.strings, transport: "select", size: SELECT_SOCKETS, ops: 0, note: "socket_select not in the library yet" });
  }
  const r = rawSelect(SELECT_SOCKETS);
  try {
    put({ impl: "bun:ffi raw", transport: "select", size: SELECT_SOCKETS, ops: await rate(r.trip, false, budget) });
  } finally {
    r.close();
  }
  return cells;
}
