// socket_wait and socket_select_async: awaitable readiness, an extension beyond PHP. The JS thread
// never blocks and never spins: one poller Worker sleeps in epoll_wait() or poll() over the pending
// descriptors (src/wait), and the rules of readiness and filtering are socket_select's own (select.ts).
import { argc, int, str } from "../php/args.ts";
import { PhpError, ValueError } from "../php/errors.ts";
import { isRef } from "../php/ref.ts";
import { whenReady, type Outcome, type Watch } from "../wait/waits.ts";
import { S, ensureOpen, globalError, sockArg, socketError, type Socket } from "./common.ts";
import { PollSet } from "./pollset.ts";
import { selectAs } from "./select.ts";

const POLLIN = S.POLLIN!, POLLOUT = S.POLLOUT!, POLLPRI = S.POLLPRI!;
const POLLERR = S.POLLERR!, POLLHUP = S.POLLHUP!, POLLNVAL = S.POLLNVAL!;
const ANY_END = POLLERR | POLLHUP | POLLNVAL;
// What select() counts as ready in each set (see select.ts).
const COUNTS = [POLLIN | (S.POLLRDNORM ?? 0) | (S.POLLRDBAND ?? 0) | POLLHUP | POLLERR, POLLOUT | (S.POLLWRNORM ?? 0) | (S.POLLWRBAND ?? 0) | POLLERR, POLLPRI];
const SET_EVENTS = [POLLIN, POLLOUT, POLLPRI];
const SET_NAMES = ["read", "write", "except"];

const probe = new PollSet();

/** Whether poll() says now that the handle will not block for `events` (an error or hang-up counts). */
function readyNow(fd: number, events: number): boolean {
  probe.begin();
  probe.add(fd, events, 0);
  return probe.wait(0) > 0 && (probe.revents(0) & (events | ANY_END)) !== 0;
}

/** A `?int` parameter with "?int" in its TypeError. */
function optInt(fn: string, pos: number, name: string, v: unknown): number | null {
  if (v === null || v === undefined) return null;
  try {
    return int(fn, pos, name, v);
  } catch (err) {
    if (err instanceof TypeError) throw new TypeError(err.message.replace(" must be of type int,", " must be of type ?int,"));
    throw err;
  }
}

function gone(fn: string, pos: number, name: string, sock: Socket, many: boolean): PhpError {
  const what = sock.exported ? "exported to a stream" : "closed";
  return new PhpError(`${fn}(): Argument #${pos} ($${name}) ${many ? `contains a socket ${what}` : `has been ${what}`} while waiting`);
}

/**
 * Resolves true once `socket` can be read ("read") or written ("write") without blocking, false when
 * `timeout_ms` passes first (null: no limit; 0: just look). Rejects if the socket is closed or
 * exported while waiting. Argument errors throw at once, as PHP's do.
 */
export function socket_wait(socket: Socket, mode: "read" | "write", timeout_ms: number | null = null): Promise<boolean> {
  const fn = "socket_wait";
  argc(fn, arguments.length, 2, 3);
  const s = sockArg(fn, socket);
  const m = str(fn, 2, "mode", mode);
  const t = arguments.length > 2 ? optInt(fn, 3, "timeout_ms", timeout_ms) : null;
  // As in PHP: every argument parsed, then the socket's state, then the values.
  ensureOpen(fn, s);
  if (m !== "read" && m !== "write") throw new ValueError(`${fn}(): Argument #2 ($mode) must be either "read" or "write"`);
  if (t !== null && t < 0) throw new ValueError(`${fn}(): Argument #3 ($timeout_ms) must be greater than or equal to 0`);
  const events = m === "read" ? POLLIN : POLLOUT;
  if (readyNow(s.fd, events)) return Promise.resolve(true);
  if (t === 0) return Promise.resolve(false);
  return whenReady([{ sock: s, events }], t, (_, sock) => gone(fn, 1, "socket", sock, false)).then((o) => {
    if (o.kind !== "failed") return o.kind === "ready";
    socketError(s, fn, "Unable to wait", o.errno);
    return false;
  });
}

type PhpArray = unknown[] | Record<string, unknown>;

/** The array a `?array &$x` argument stands for (a ref() is looked through, as socket_select does). */
const unwrap = (v: unknown): unknown => (!Array.isArray(v) && isRef(v) ? v.value : v);
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));
/** A copy for socket_select's checks to filter; anything that is not an array goes through as is. */
const copy = (v: unknown): unknown => (Array.isArray(v) ? v.slice() : isPlain(v) ? { ...v } : v);

/** Puts socket_select's filtered copy back into the caller's array, in place. */
function writeBack(orig: unknown, filtered: unknown): void {
  if (Array.isArray(orig)) {
    orig.length = 0;
    orig.push(...(filtered as unknown[]));
  } else if (isPlain(orig)) {
    const keep = filtered as Record<string, unknown>;
    for (const k of Object.keys(orig)) if (!Object.hasOwn(keep, k)) delete orig[k];
  }
}

/**
 * socket_select without blocking: the same arguments, checks, warnings, result and in-place filtering
 * as socket_select, awaited. `seconds` null waits without end; 0 just looks.
 */
export function socket_select_async(
  read: unknown, write: unknown, except: unknown, seconds: number | null, microseconds: number = 0,
): Promise<number | false> {
  const fn = "socket_select_async";
  argc(fn, arguments.length, 4, 5);
  const sets = [unwrap(read), unwrap(write), unwrap(except)];
  let ms = 0;
  const copies = sets.map(copy);
  const n = selectAs(fn, copies[0], copies[1], copies[2], seconds, arguments.length > 4 ? microseconds : 0, (t) => ((ms = t), 0));
  if (n === false) return Promise.resolve(false);
  if (n > 0 || ms === 0) {
    sets.forEach((s, i) => writeBack(s, copies[i]));
    return Promise.resolve(n);
  }
  // The checks passed, so every element is an open Socket.
  const watches: Array<Watch & { set: number }> = [];
  sets.forEach((s, set) => {
    if (s === null || s === undefined) return;
    for (const sock of Object.values(s as PhpArray)) watches.push({ sock: sock as Socket, events: SET_EVENTS[set]!, set });
  });
  return waitAndSelect(fn, sets, watches, ms);
}

async function waitAndSelect(fn: string, sets: unknown[], watches: Array<Watch & { set: number }>, ms: number): Promise<number | false> {
  const deadline = ms < 0 ? null : performance.now() + ms;
  let live = watches;
  for (;;) {
    const left = deadline === null ? null : Math.max(0, deadline - performance.now());
    const o: Outcome = live.length
      ? await whenReady(live, left, (i, sock) => gone(fn, live[i]!.set + 1, SET_NAMES[live[i]!.set]!, sock, true))
      : await idle(left);
    if (o.kind === "failed") {
      globalError(fn, "Unable to select", o.errno);
      return false;
    }
    // The answer is always socket_select's own, taken now.
    const copies = sets.map(copy);
    const n = selectAs(fn, copies[0], copies[1], copies[2], 0, 0);
    if (n === false) return false;
    if (n > 0 || o.kind === "timeout") {
      sets.forEach((s, i) => writeBack(s, copies[i]));
      return n;
    }
    // Nothing ready after all: someone else took the data, or poll() reported what select() does
    // not count (a hang-up on a socket watched only for urgent data). Wait again, without the latter.
    const w = live[o.index]!;
    if ((o.revents & COUNTS[w.set]!) === 0) live = live.filter((x) => x !== w);
  }
}

/** Only a timeout is left to wait for (or nothing, as a select() on such sockets blocks for ever). */
function idle(left: number | null): Promise<Outcome> {
  return new Promise((resolve) => {
    if (left !== null) setTimeout(() => resolve({ kind: "timeout" }), Math.min(left, 0x7fffffff));
  });
}
