// The other end of bench/wait.ts, in its own process so that a blocking server may block:
//   sender <port> <count> <gapMs>  sends `count` datagrams, one per `gapMs`, each carrying its send
//                                  time (CLOCK_MONOTONIC ns as text) for the server to subtract.
//   client <ports> <ms> <window>   keeps `window` datagrams in flight for `ms` (to the comma-separated
//                                  ports in turn), then waits for the last echoes; prints
//                                  {"sent","echoed","ms"} as JSON.
import { monoNs } from "./wait-clock.ts";

const [mode, portArg, a, b] = process.argv.slice(2);
const ports = portArg!.split(",").map(Number);
const port = ports[0]!;
const sock = await Bun.udpSocket({ hostname: "127.0.0.1", socket: { data: () => onData() } });
let onData = () => {};

if (mode === "sender") {
  const count = Number(a), gap = Number(b);
  for (let i = 0; i < count; i++) {
    await Bun.sleep(gap);
    sock.send(String(monoNs()), port, "127.0.0.1");
  }
} else if (mode === "client") {
  const ms = Number(a), window = Number(b);
  let sent = 0, echoed = 0;
  const t0 = performance.now(), end = t0 + ms;
  const { promise, resolve } = Promise.withResolvers<void>();
  const next = () => ports[sent % ports.length]!;
  onData = () => {
    echoed++;
    if (performance.now() < end) sock.send("ping", next(), "127.0.0.1"), sent++;
    else if (echoed === sent) resolve();
  };
  for (; sent < window; sent++) sock.send("ping", next(), "127.0.0.1");
  const t = setTimeout(resolve, ms + 1000); // datagrams lost on the way end the wait here
  await promise;
  clearTimeout(t);
  console.log(JSON.stringify({ sent, echoed, ms: performance.now() - t0 }));
}
sock.close();
