// bench/RESULTS.md: the rate tables, the ratios to the library, the targets, allocation and profile.
import { SIZES, SELECT_SOCKETS, TRANSPORTS, UDP_MAX, sizeFor, sizeLabel, type Transport } from "../cases.ts";
import { IMPLS, LIB_BINARY, LIB_STRINGS, LIB_ZERO, RAW_STRINGS, find, fmtRate, fmtRatio, type Results } from "./model.ts";

const TITLES: Record<Transport, string> = {
  unix: "AF_UNIX stream pair",
  tcp: "TCP over 127.0.0.1 (TCP_NODELAY)",
  udp: `UDP over 127.0.0.1 (the 64 KiB column is ${UDP_MAX.toLocaleString("en-US")} B, the largest IPv4 datagram)`,
};

const row = (cells: string[]): string => `| ${cells.join(" | ")} |`;
const header = (first: string): string[] => [row([first, ...SIZES.map(sizeLabel)]), row(["---", ...SIZES.map(() => "---:")])];

function rate(r: Results, impl: string, t: Transport, s: number): number {
  return find(r.cells, impl, t, sizeFor(t, s))?.ops ?? 0;
}

function rateTable(r: Results, t: Transport): string[] {
  const out = [`### ${TITLES[t]}`, "", ...header("round trips / s")];
  for (const impl of IMPLS) {
    const cells = SIZES.map((s) => {
      const c = find(r.cells, impl, t, sizeFor(t, s));
      return !c ? "–" : c.ops > 0 ? fmtRate(c.ops) : `n/a¹`;
    });
    out.push(row([impl, ...cells]));
  }
  return [...out, ""];
}

function ratioTable(r: Results, t: Transport): string[] {
  const out = [`### ${TITLES[t]}`, "", ...header("baseline ÷ library (strings / zero-copy)")];
  for (const impl of IMPLS.slice(0, 6)) {
    const cells = SIZES.map((s) => {
      const b = rate(r, impl, t, s);
      return `${fmtRatio(b / rate(r, LIB_STRINGS, t, s))} / ${fmtRatio(b / rate(r, LIB_ZERO, t, s))}`;
    });
    out.push(row([impl, ...cells]));
  }
  return [...out, ""];
}

function mark(ratio: number, goal: number): string {
  if (!(ratio > 0) || !Number.isFinite(ratio)) return "–";
  return `${ratio.toFixed(2)} ${ratio >= goal ? "✓" : "✗"}`;
}

function targets(r: Results): string[] {
  const out = [...header("target (library ÷ baseline)")];
  for (const t of TRANSPORTS) {
    out.push(row([`strings ≥ PHP, ${t}`, ...SIZES.map((s) => mark(rate(r, LIB_STRINGS, t, s) / rate(r, "PHP", t, s), 1))]));
  }
  // Binary mode holds what PHP's strings hold (one byte a char), so it is the like-for-like row.
  for (const t of TRANSPORTS) {
    out.push(row([`binary strings ≥ PHP, ${t}`, ...SIZES.map((s) => mark(rate(r, LIB_BINARY, t, s) / rate(r, "PHP", t, s), 1))]));
  }
  for (const t of TRANSPORTS) {
    out.push(row([`zero-copy ≥ 0.95 × C, ${t}`, ...SIZES.map((s) => mark(rate(r, LIB_ZERO, t, s) / rate(r, "C", t, s), 0.95))]));
  }
  return [...out, ""];
}

/** The library against what the same work costs any JavaScript caller on this Bun, and that floor against C and PHP. */
function floors(r: Results): string[] {
  const ratio = (a: string, b: string, t: Transport, s: number) => {
    const x = rate(r, a, t, s) / rate(r, b, t, s);
    return x > 0 && Number.isFinite(x) ? x.toFixed(2) : "–";
  };
  const out = [...header("ratio")];
  for (const t of TRANSPORTS) out.push(row([`zero-copy ÷ bun:ffi raw, ${t}`, ...SIZES.map((s) => ratio(LIB_ZERO, "bun:ffi raw", t, s))]));
  for (const t of TRANSPORTS) out.push(row([`bun:ffi raw ÷ C, ${t}`, ...SIZES.map((s) => ratio("bun:ffi raw", "C", t, s))]));
  for (const t of TRANSPORTS) out.push(row([`binary strings ÷ bun:ffi raw + strings, ${t}`, ...SIZES.map((s) => ratio(LIB_BINARY, RAW_STRINGS, t, s))]));
  for (const t of TRANSPORTS) out.push(row([`strings ÷ bun:ffi raw + strings, ${t}`, ...SIZES.map((s) => ratio(LIB_STRINGS, RAW_STRINGS, t, s))]));
  for (const t of TRANSPORTS) out.push(row([`bun:ffi raw + strings ÷ PHP, ${t}`, ...SIZES.map((s) => ratio(RAW_STRINGS, "PHP", t, s))]));
  return [...out, ""];
}

/** The same ratios from one process per case, the variants alternating: no layout luck between them. */
function sideBySideTable(r: Results): string[] {
  if (!r.sideBySide?.length) return [];
  const out = [
    "### The library against the floor, side by side",
    "",
    "Each case in one process a round, the five variants alternating in batches (1,000 round trips, 100 at",
    "64 KiB), 16 times; each variant's best batch over all rounds. Processes differ by 10% and more in",
    "memory layout alone; here only the code's own cost differs. Rates as above (library ÷ floor); above 1",
    "the library is faster.",
    "",
    ...header("library ÷ floor, one process"),
  ];
  const cell = (t: Transport, s: number, lib: "zero-copy" | "binary" | "strings") => {
    const e = r.sideBySide!.find((x) => x.transport === t && x.size === sizeFor(t, s));
    if (!e) return "–";
    const floor = lib === "zero-copy" ? e.ns.raw : e.ns["raw-strings"];
    return `${(floor / e.ns[lib]).toFixed(2)} (${(e.ns[lib] / 1000).toFixed(1)} µs)`;
  };
  for (const t of TRANSPORTS) out.push(row([`zero-copy ÷ bun:ffi raw, ${t}`, ...SIZES.map((s) => cell(t, s, "zero-copy"))]));
  for (const t of TRANSPORTS) out.push(row([`binary strings ÷ raw + strings, ${t}`, ...SIZES.map((s) => cell(t, s, "binary"))]));
  for (const t of TRANSPORTS) out.push(row([`strings ÷ raw + strings, ${t}`, ...SIZES.map((s) => cell(t, s, "strings"))]));
  return [...out, ""];
}

function selectTable(r: Results): string[] {
  const lib = find(r.cells, LIB_STRINGS, "select", SELECT_SOCKETS)?.ops ?? 0;
  const out = [row(["implementation", "socket_select calls / s", "÷ library"]), row(["---", "---:", "---:"])];
  for (const impl of ["C", "PHP", "bun:ffi raw", LIB_STRINGS]) {
    const c = find(r.cells, impl, "select", SELECT_SOCKETS);
    const name = impl === LIB_STRINGS ? "php-sockets: socket_select" : impl === "C" ? "C: poll() (array refilled per call)" : impl === "PHP" ? "PHP: socket_select (select())" : "bun:ffi raw: poll() (array refilled per call)";
    out.push(row([name, c && c.ops > 0 ? fmtRate(c.ops) : "n/a¹", c && c.ops > 0 && lib > 0 ? fmtRatio(c.ops / lib) : "–"]));
  }
  const php = find(r.cells, "PHP", "select", SELECT_SOCKETS)?.ops ?? 0;
  out.push("", `Target: socket_select faster than PHP's: ${lib > 0 && php > 0 ? mark(lib / php, 1) : "–"} (library ÷ PHP).`, "");
  return out;
}

function allocTable(r: Results): string[] {
  const out = [row(["path (64 B round trips, unix pair)", "socket calls", "GC-heap bytes / round trip", "objects retained"]), row(["---", "---:", "---:", "---:"])];
  for (const a of r.alloc) {
    out.push(a.note ? row([a.impl, "–", `n/a¹`, "–"]) : row([a.impl, a.calls.toLocaleString("en-US"), a.bytesPerTrip.toFixed(1), String(a.retained)]));
  }
  return [...out, ""];
}

function profileTables(r: Results): string[] {
  const out = [row(["PHP call", "OS calls made"]), row(["---", "---"])];
  for (const c of r.counts) out.push(row([c.fn, Object.entries(c.calls).map(([k, v]) => `${k} × ${v}`).join(", ") || "none"]));
  out.push("", ...header("piece (ns per call, median)"));
  for (const p of r.pieces) {
    const single = Object.keys(p.ns).length === 1 && p.ns[0] !== undefined;
    out.push(row([p.piece, ...SIZES.map((s, i) => (single ? (i === 0 ? p.ns[0]!.toFixed(0) : "") : p.ns[s]?.toFixed(0) ?? "–"))]));
  }
  return [...out, ""];
}

export function markdown(r: Results): string {
  const m = r.meta;
  const skipped = [...new Set([...r.cells, ...r.alloc].filter((c) => c.note).map((c) => c.note!))];
  return [
    "# Read/write benchmarks",
    "",
    `Generated by \`bun run bench\` on ${m.date} in ${Math.round(m.seconds)} s. ${m.cpu}, ${m.cores} cores, Linux ${m.kernel};`,
    `Bun ${m.bun}, PHP ${m.php ?? "(not found)"}, gcc ${m.gcc}. Each number is the best of ${m.rounds} interleaved rounds;`,
    "every round's figures are in [results.json](results.json).",
    "",
    "A round trip is four calls through the kernel with both ends in one thread: send N bytes on A, receive",
    "them on B, send them back on B, receive them on A (a stream receive loops until all N are in). C",
    "(gcc -O2), PHP 8.2 (its sockets extension), raw bun:ffi and the library all do exactly that. Every case",
    `runs in a fresh process of its own, ${m.pinning}: C and PHP time 15 batches inside`,
    "themselves and report the median batch; each JavaScript case is measured by mitata, which reports the",
    "median batch too. Bun.listen/Bun.connect (Bun.udpSocket for UDP) and node:net (node:dgram) run an async",
    "echo server and client in one event loop: a round trip ends when the client has all N bytes back.",
    "",
    "The library's paths: **strings** is socket_write + socket_read (socket_sendto + socket_recvfrom for UDP)",
    "in the default UTF-8 mode; **binary strings** the same on sockets in binary mode (PHP byte strings);",
    "**zero-copy** is socket_send (socket_sendto for UDP) with a Uint8Array + socket_recv_into into caller memory.",
    "",
    "![Round trips relative to C](results.svg)",
    "",
    "## Round trips per second",
    "",
    ...TRANSPORTS.flatMap((t) => rateTable(r, t)),
    "## Ratios to the library",
    "",
    "Each baseline's rate divided by the library's, as `÷ strings / ÷ zero-copy`: above 1 the baseline is faster.",
    "",
    ...TRANSPORTS.flatMap((t) => ratioTable(r, t)),
    "## Targets",
    "",
    ...targets(r),
    "### Against the floor of a JavaScript caller",
    "",
    "**bun:ffi raw** makes the same OS calls with nothing around them; **bun:ffi raw + strings** adds only",
    "what a PHP-shaped round trip cannot skip in JavaScript: each received payload made into a string",
    "(Buffer's latin1Slice, the cheapest maker on Bun) and each string encoded into bytes to send. The",
    "library's share is its ratio to the floor; the floor's ratio to C or PHP is what Bun itself costs.",
    "",
    ...floors(r),
    ...sideBySideTable(r),
    `## socket_select over ${SELECT_SOCKETS.toLocaleString("en-US")} idle sockets, one ready`,
    "",
    "Each call passes a fresh copy of the whole set (PHP's `$r = $all;`) with a zero timeout.",
    "",
    ...selectTable(r),
    "## Allocation of the data paths",
    "",
    "100,000 round trips in batches of 10,000, each batch starting from a full GC: the GC heap's growth is",
    "what the batch allocated; the live-object count after a final full GC, minus the count before, is what",
    "stayed alive (bun:jsc heapStats). A few hundred objects either way is the runtime's own churn: a path",
    "that kept anything per call would show hundreds of thousands.",
    "",
    ...allocTable(r),
    "## Where the library's time goes",
    "",
    ...profileTables(r),
    ...(skipped.length ? ["¹ Not measured: " + skipped.join("; ") + ". Re-running picks them up once they land.", ""] : []),
  ].join("\n");
}
