// socket_select: PHP's select() over arrays of Sockets, with no FD_SETSIZE ceiling (PHP's own fails
// once a descriptor reaches 1024). Readiness follows select()'s rules; the waiting is epoll's on Linux
// (the last call's sockets stay registered) and poll()'s elsewhere.
import { argc, int, nullableInt, phpType } from "../php/args.ts";
import { ValueError } from "../php/errors.ts";
import { isRef } from "../php/ref.ts";
import { S, Socket, globalError, os } from "./common.ts";
import { EXCEPT, READ, WRITE, type ReadySet } from "./readyset.ts";
import { EpollReady } from "./ready-epoll.ts";
import { PollReady } from "./ready-poll.ts";

const EINVAL = S.EINVAL!;

type PhpArray = unknown[] | Record<string, unknown>;
const INT64_MAX = 9223372036854775807n;
const FOREVER = -1, INVALID = -2;

const set: ReadySet = os.epollCreate ? new EpollReady() : new PollReady();

/**
 * PHP's socket_select. Each of `read`, `write`, `except` is null, a `ref()` holding an array (or
 * null), or an array itself. The array is filtered in place to the ready sockets: a JS array keeps
 * its order and closes up, a plain object keeps its keys (as PHP's arrays do). Since the array
 * itself changes, pass a copy where PHP code copies (`$read = $clients;` is `ref([...clients])`).
 */
export function socket_select(
  read: unknown, write: unknown, except: unknown, seconds: number | null, microseconds: number = 0,
): number | false {
  argc("socket_select", arguments.length, 4, 5);
  return selectAs("socket_select", read, write, except, seconds, arguments.length > 4 ? microseconds : 0);
}

/**
 * @internal socket_select's checks, poll and filtering under another function's name. `waitFor` gets the
 * checked timeout (ms, -1 for none) and gives the one to poll with: socket_select_async polls with 0
 * and does its waiting off the JS thread.
 */
export function selectAs(
  fn: string, read: unknown, write: unknown, except: unknown, seconds: unknown, microseconds: unknown,
  waitFor: (ms: number) => number = (ms) => ms,
): number | false {
  const r = arrayArg(fn, 1, "read", read), w = arrayArg(fn, 2, "write", write), e = arrayArg(fn, 3, "except", except);
  const sec = nullableInt(fn, 4, "seconds", seconds);
  const usec = int(fn, 5, "microseconds", microseconds);

  set.begin();
  let sets = 0;
  if (r) sets += collect(fn, 1, "read", r, READ);
  if (w) sets += collect(fn, 2, "write", w, WRITE);
  if (e) sets += collect(fn, 3, "except", e, EXCEPT);
  if (!sets) throw new ValueError(`${fn}(): At least one array argument must be passed`);

  const ms = timeoutMs(sec, usec);
  if (ms === INVALID) return fail(fn, EINVAL);
  const n = set.wait(waitFor(ms));
  if (n < 0) return fail(fn, set.error);
  if (r) keepReady(r, READ);
  if (w) keepReady(w, WRITE);
  if (e) keepReady(e, EXCEPT);
  return n;
}

function fail(fn: string, code: number): false {
  globalError(fn, "Unable to select", code);
  return false;
}

const isPhpArray = (v: unknown): v is PhpArray => {
  if (Array.isArray(v)) return true;
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** A `?array &$x` parameter: null, a ref() around an array or null, or the array itself. */
function arrayArg(fn: string, pos: number, name: string, v: unknown): PhpArray | null {
  // A plain object with a `value` key is taken as a ref(), as everywhere else in the library.
  const x = !Array.isArray(v) && isRef(v) ? v.value : v;
  if (x === null || x === undefined) return null;
  if (isPhpArray(x)) return x;
  throw new TypeError(`${fn}(): Argument #${pos} ($${name}) must be of type ?array, ${phpType(x)} given`);
}


/** Checks every element and adds its handle; 1 when the array had any, as PHP counts sets. */
function collect(fn: string, pos: number, name: string, arr: PhpArray, bit: number): number {
  let any = 0;
  if (Array.isArray(arr)) {
    for (let i = 0; i < arr.length; i++) any |= addOne(fn, pos, name, arr[i], bit);
  } else {
    for (const k in arr) if (Object.hasOwn(arr, k)) any |= addOne(fn, pos, name, arr[k], bit);
  }
  return any;
}

function addOne(fn: string, pos: number, name: string, s: unknown, bit: number): number {
  if (!(s instanceof Socket)) throw new TypeError(`${fn}(): Argument #${pos} ($${name}) must only have elements of type Socket, ${phpType(s)} given`);
  if (s.exported) throw new TypeError(`${fn}(): Argument #${pos} ($${name}) contains a socket exported to a stream, owned by Bun's event loop`);
  if (s.closed) throw new TypeError(`${fn}(): Argument #${pos} ($${name}) contains a closed socket`);
  set.add(s, s.fd, bit);
  return 1;
}

/** Filters the array in place to the sockets found ready in the set `bit`. */
function keepReady(arr: PhpArray, bit: number): void {
  if (Array.isArray(arr)) {
    let w = 0;
    for (let i = 0; i < arr.length; i++) {
      const s = arr[i] as Socket;
      if (set.readyIn(s.fd) & bit) arr[w++] = s;
    }
    arr.length = w;
  } else {
    for (const k in arr) if (Object.hasOwn(arr, k) && !(set.readyIn((arr[k] as Socket).fd) & bit)) delete arr[k];
  }
}

/**
 * The wait as select() would take it, in poll()'s milliseconds (rounded up, so never shorter).
 * PHP folds microseconds of a second or more into the seconds (a long overflow wraps negative, as in
 * C); glibc then takes the microseconds as a 32-bit int and refuses a negative part with EINVAL.
 */
function timeoutMs(sec: number | null, usec: number): number {
  if (sec === null) return FOREVER;
  let s = sec, u = usec;
  if (u > 999999) {
    const carry = Math.trunc(u / 1e6);
    if (Math.abs(s) + carry > 2 ** 53) {
      let big = BigInt(s);
      if (big > INT64_MAX) big = INT64_MAX;
      if (big + BigInt(carry) > INT64_MAX) return INVALID;
    }
    s += carry;
    u %= 1e6;
  }
  const us = u | 0;
  if (s < 0 || us < 0) return INVALID;
  return s * 1000 + Math.ceil(us / 1000);
}
