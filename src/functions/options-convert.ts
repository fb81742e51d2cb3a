// PHP's silent type juggling (convert_to_long, convert_to_boolean, convert_to_string, convert_to_array),
// which socket_set_option applies to its `mixed $value`: no TypeErrors, only PHP's few warnings.
import { phpFloat, phpType } from "../php/args.ts";
import { E_WARNING, PhpError, emit, restore_error_handler, set_error_handler } from "../php/errors.ts";

const LONG_MIN = -(2n ** 63n), LONG_MAX = 2n ** 63n - 1n;

/** A PHP array: a plain object (keys as PHP keeps them) or a JS array (a list). */
export function isPhpArray(v: unknown): v is Record<string, unknown> | unknown[] {
  if (Array.isArray(v)) return true;
  if (typeof v !== "object" || v === null) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

/** True for what PHP holds as an int (IS_LONG): integral numbers in range, and bigints. */
export function isPhpInt(v: unknown): v is number | bigint {
  return typeof v === "bigint" || (typeof v === "number" && phpType(v) === "int");
}

/** A float to int as PHP 8.2 casts it on 64-bit: truncation, modulo 2^64 when out of range, 0 for NaN/INF. */
function floatToLong(d: number): bigint {
  if (!Number.isFinite(d)) return 0n;
  return BigInt.asIntN(64, BigInt(Math.trunc(d)));
}

/** The same, saturating: how PHP converts a numeric string that reads as a float. */
function floatToLongCap(d: number): bigint {
  if (!Number.isFinite(d)) return 0n;
  const t = BigInt(Math.trunc(d));
  return t > LONG_MAX ? LONG_MAX : t < LONG_MIN ? LONG_MIN : t;
}

// PHP's numeric prefix with trailing data allowed: leading whitespace, sign, digits, fraction, exponent.
const NUMERIC_PREFIX = /^[ \t\n\r\v\f]*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/;

function stringToLong(s: string): bigint {
  const m = NUMERIC_PREFIX.exec(s);
  if (!m) return 0n;
  const num = m[1]!;
  if (!/[.eE]/.test(num)) {
    const n = BigInt(num);
    if (n >= LONG_MIN && n <= LONG_MAX) return n;
  }
  return floatToLongCap(Number(num));
}

function className(v: unknown): string {
  return typeof v === "function" ? "Closure" : phpType(v);
}

/** convert_to_long: the zend_long PHP makes of any value (objects warn and give 1). */
export function toLong(v: unknown): bigint {
  switch (typeof v) {
    case "bigint":
      return BigInt.asIntN(64, v);
    case "number":
      return Number.isInteger(v) && phpType(v) === "int" ? BigInt(v) : floatToLong(v);
    case "boolean":
      return v ? 1n : 0n;
    case "string":
      return stringToLong(v);
    case "undefined":
      return 0n;
  }
  if (v === null) return 0n;
  if (isPhpArray(v)) return Object.keys(v).length > 0 ? 1n : 0n;
  emit(E_WARNING, `Object of class ${className(v)} could not be converted to int`);
  return 1n;
}

/** The C `int` PHP passes on: the low 32 bits of the zend_long, signed. */
export const toCInt = (v: unknown): number => Number(BigInt.asIntN(32, toLong(v)));

/** convert_to_boolean: PHP's truthiness. */
export function toBool(v: unknown): boolean {
  switch (typeof v) {
    case "boolean":
      return v;
    case "number":
      return v !== 0;
    case "bigint":
      return v !== 0n;
    case "string":
      return v !== "" && v !== "0";
    case "undefined":
      return false;
  }
  if (v === null) return false;
  if (isPhpArray(v)) return Object.keys(v).length > 0;
  return true;
}

// Inside an internal function PHP's conversion Error does not stop the C code: it goes on with "" and
// the Error is thrown on return, its warnings meanwhile lost (a user error handler is not called while
// an exception is pending). phpCall gives the same order of effects: failed lookups of "" included.
let deferred: PhpError | null = null;
let inCall = false;

/** Runs an internal function's body so that a conversion Error is thrown when it returns. */
export function phpCall<T>(body: () => T): T {
  if (inCall) return body();
  inCall = true;
  try {
    const r = body();
    if (deferred) throw deferred;
    return r;
  } finally {
    if (deferred) restore_error_handler();
    deferred = null;
    inCall = false;
  }
}

function conversionError(msg: string): string {
  const e = new PhpError(msg);
  if (!inCall) throw e;
  if (!deferred) {
    deferred = e;
    set_error_handler(() => true);
  }
  return "";
}

/** convert_to_string: arrays warn and become "Array"; objects without __toString are PHP's Error. */
export function toStr(v: unknown): string {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return phpType(v) === "int" ? BigInt(v).toString() : phpFloat(v);
    case "bigint":
      return BigInt.asIntN(64, v).toString();
    case "boolean":
      return v ? "1" : "";
    case "undefined":
      return "";
  }
  if (v === null) return "";
  if (isPhpArray(v)) {
    emit(E_WARNING, "Array to string conversion");
    return "Array";
  }
  return conversionError(`Object of class ${className(v)} could not be converted to string`);
}

/**
 * convert_to_array, reduced to what the options read: a key lookup. A scalar becomes [0 => value],
 * null an empty array, an object its properties (PHP's Socket and the library's objects have none).
 */
export function toHash(v: unknown): Map<string, unknown> {
  const m = new Map<string, unknown>();
  if (v === null || v === undefined) return m;
  if (isPhpArray(v)) {
    for (const k of Object.keys(v)) m.set(k, (v as Record<string, unknown>)[k]);
    return m;
  }
  if (typeof v === "object" || typeof v === "function") return m;
  m.set("0", v);
  return m;
}
