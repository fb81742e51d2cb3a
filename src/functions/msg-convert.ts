// How PHP 8 converts the arrays of socket_sendmsg/socket_recvmsg to C structs and back: a walk that keeps
// the path of keys it is in, so that a failure reads "error converting user data (path: msghdr > name >
// port): ...", and PHP's own integer conversion for array members (stricter than convert_to_long: a
// non-numeric string is an error, floats truncate silently).
import { warn } from "../php/errors.ts";
import { isPhpArray, isPhpInt, toStr } from "./options-convert.ts";

/** A conversion failure whose message is complete; the caller warns with it and gives up. */
export class ConvFailure extends Error {}

export class Conv {
  readonly #keys: string[];
  constructor(readonly what: "user" | "native", top = "msghdr") {
    this.#keys = [top];
  }

  /** Runs f with `key` appended to the path. */
  in<T>(key: string, f: () => T): T {
    this.#keys.push(key);
    try {
      return f();
    } finally {
      this.#keys.pop();
    }
  }

  fail(msg: string): never {
    const path = this.#keys.join(" > ");
    throw new ConvFailure(`error converting ${this.what} data (path: ${path || "unavailable"}): ${msg}`);
  }
}

/** Runs a conversion; a ConvFailure becomes PHP's warning and null. PHP's exceptions pass through. */
export function converting<T>(fn: string, f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof ConvFailure)) throw e;
    warn(fn, e.message);
    return null;
  }
}

export type PhpArray = Record<string, unknown> | unknown[];
export const isArray = isPhpArray;

/** The value under a string key, or undefined when the array has no such key. */
export function member(a: PhpArray, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(a, key) ? (a as Record<string, unknown>)[key] : undefined;
}

/** The values of a PHP array in order. */
export const valuesOf = (a: PhpArray): unknown[] => (Array.isArray(a) ? a : Object.values(a));

/** What C sees of a string: up to its first NUL. */
const cText = (s: string): string => {
  const nul = s.indexOf("\0");
  return nul < 0 ? s : s.slice(0, nul);
};

const NUMERIC = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/;
const INTEGRAL = /^[ \t\n\r\v\f]*[+-]?\d+[ \t\n\r\v\f]*$/;
const LONG_MIN = -(2n ** 63n), LONG_MAX = 2n ** 63n - 1n;

/** A double to zend_long as PHP 8.2 does: truncation, modulo 2^64 out of range, 0 for NaN and INF. */
function dvalToLval(d: number): bigint {
  if (!Number.isFinite(d)) return 0n;
  return BigInt.asIntN(64, BigInt(Math.trunc(d)));
}

/** PHP's from_zval_integer_common: the zend_long of an array member, or a conversion failure. */
export function long(c: Conv, v: unknown): bigint {
  if (isPhpInt(v)) return BigInt.asIntN(64, BigInt(v));
  if (typeof v === "number") return dvalToLval(v);
  if (typeof v === "string" || (typeof v === "object" && v !== null && !isPhpArray(v))) {
    // Objects go through their string form; PHP's Error for one that has none propagates.
    const s = typeof v === "string" ? v : toStr(v);
    if (NUMERIC.test(s)) {
      if (INTEGRAL.test(s)) {
        const n = BigInt(s.trim());
        if (n >= LONG_MIN && n <= LONG_MAX) return n;
      }
      return dvalToLval(Number(s.trim()));
    }
    c.fail(`expected an integer, but got a non numeric string (possibly from a converted object): '${cText(s)}'`);
  }
  return c.fail("expected an integer, either of a PHP integer type or of a convertible type");
}

/** An integer member with a range: PHP's "out of bounds for <what>" failure outside it. */
function bounded(min: bigint, max: bigint, what: string): (c: Conv, v: unknown) => number {
  return (c, v) => {
    const n = long(c, v);
    if (n < min || n > max) c.fail(`given PHP integer is out of bounds for ${what}`);
    return Number(n);
  };
}

/** A C int member. */
export const cInt = bounded(-2147483648n, 2147483647n, "a native int");
export const uint32 = bounded(0n, 0xffffffffn, "an unsigned 32-bit integer");
export const netUint16 = bounded(0n, 0xffffn, "an unsigned 16-bit integer");
export const pidT = bounded(0n, 2147483647n, "a pid_t value");
/** uid_t and gid_t: unsigned 32-bit. */
export const uidT = bounded(0n, 0xffffffffn, "a uid_t value");

/** sa_family_t: 16 bits on Linux and Windows, 8 on macOS (bytes = the layout's field size). */
const saFamilyOf = new Map([1, 2].map((b) => [b, bounded(0n, (1n << BigInt(8 * b)) - 1n, "a sa_family_t value")]));
export function saFamily(c: Conv, v: unknown, bytes: number): number {
  return saFamilyOf.get(bytes)!(c, v);
}

/** The members of a struct converted in order: a missing required key stops with PHP's message. */
export function aggregate(c: Conv, container: unknown, fields: readonly [key: string, required: boolean, conv: (v: unknown) => void][]): void {
  if (!isPhpArray(container)) c.fail("expected an array here");
  for (const [key, required, conv] of fields) {
    const v = member(container, key);
    if (v !== undefined) c.in(key, () => conv(v));
    else if (required) c.fail(`The key '${key}' is required`);
  }
}
