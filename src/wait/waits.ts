// Waits on Sockets through the poller: resolves when poll() reports one of the watched descriptors,
// when the timeout passes, or fails when a watched Socket is closed or exported meanwhile (its
// descriptor is let go of before the close, so its number cannot be reused under a pending wait).
import { handleHooks, type Socket } from "../socket.ts";
import { arm, cancel, forget, startHub } from "./hub.ts";

export interface Watch {
  sock: Socket;
  /** poll() events to wait for. */
  events: number;
}

export type Outcome =
  | { kind: "ready"; index: number; revents: number }
  | { kind: "timeout" }
  | { kind: "failed"; errno: number };

/** Builds the Error a wait rejects with when `sock` (watch `index`) goes away under it. */
export type Gone = (index: number, sock: Socket) => Error;

interface Pending {
  watches: Watch[];
  tickets: number[];
  timer: ReturnType<typeof setTimeout> | null;
  gone: Gone;
  done: boolean;
  settle: (o: Outcome | Error) => void;
}

const bySocket = new Map<Socket, Set<Pending>>();

handleHooks.beforeRelease = (s) => {
  const set = bySocket.get(s);
  if (set) {
    for (const p of [...set]) {
      const i = p.watches.findIndex((w) => w.sock === s);
      finish(p, p.gone(i, s));
    }
  }
  forget(s.fd);
};

/** Waits for any watch; `timeoutMs` null waits without end. Never blocks the JS thread. */
export async function whenReady(watches: Watch[], timeoutMs: number | null, gone: Gone): Promise<Outcome> {
  const deadline = timeoutMs === null ? null : performance.now() + timeoutMs;
  await startHub();
  // The poller may have been starting while a socket went away.
  for (let i = 0; i < watches.length; i++) {
    const s = watches[i]!.sock;
    if (s.fd < 0) throw gone(i, s);
  }
  return new Promise<Outcome>((resolve, reject) => {
    const p: Pending = {
      watches,
      tickets: [],
      timer: null,
      gone,
      done: false,
      settle: (o) => (o instanceof Error ? reject(o) : resolve(o)),
    };
    for (let i = 0; i < watches.length; i++) {
      const w = watches[i]!;
      let set = bySocket.get(w.sock);
      if (!set) bySocket.set(w.sock, (set = new Set()));
      set.add(p);
      const t = arm(w.sock.fd, w.events, (rev) =>
        finish(p, rev < 0 ? { kind: "failed", errno: -rev } : { kind: "ready", index: i, revents: rev }),
      );
      if (t < 0) return finish(p, new Error("php-sockets: too many waits pending at once"));
      p.tickets.push(t);
    }
    if (deadline !== null) schedule(p, deadline);
  });
}

/** setTimeout takes at most 2^31-1 ms: longer waits take several timers. */
const MAX_TIMER = 0x7fffffff;
function schedule(p: Pending, deadline: number): void {
  const left = Math.max(0, deadline - performance.now());
  p.timer = setTimeout(() => {
    if (left > MAX_TIMER) schedule(p, deadline);
    else finish(p, { kind: "timeout" });
  }, Math.min(left, MAX_TIMER));
}

function finish(p: Pending, o: Outcome | Error): void {
  if (p.done) return;
  p.done = true;
  for (const t of p.tickets) cancel(t);
  p.tickets.length = 0;
  if (p.timer !== null) clearTimeout(p.timer);
  p.timer = null;
  for (const w of p.watches) {
    const set = bySocket.get(w.sock);
    if (set && set.delete(p) && set.size === 0) bySocket.delete(w.sock);
  }
  p.settle(o);
}
