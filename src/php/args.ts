// PHP 8's argument parsing for internal functions in coercive mode (what a PHP CLI script gets by
// default): the same accepted shapes, the same TypeError/ValueError/ArgumentCountError texts, and the
// same deprecations. Every function validates through here before anything reaches the OS.
import { ArgumentCountError, PhpError, ValueError, deprecated } from "./errors.ts";

/** PHP's name for the type of a value, as it prints it in "must be of type X, Y given". */
export function phpType(v: unknown): string {
  if (v === null || v === undefined) return "null";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "number":
      return isPhpInt(v as number) ? "int" : "float";
    case "bigint":
      return "int";
    case "string":
      return "string";
    case "object":
      if (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)
        return "array";
      return (v as object).constructor?.name ?? "object";
    default:
      return typeof v;
  }
}

/** PHP's text for a float (serialize_precision -1): shortest round trip, "E+N" exponents, ".0" kept off. */
export function phpFloat(v: number): string {
  if (Number.isNaN(v)) return "NAN";
  if (!Number.isFinite(v)) return v > 0 ? "INF" : "-INF";
  if (v === 0) return Object.is(v, -0) ? "-0" : "0";
  const [mant, expStr] = v.toExponential().split("e") as [string, string];
  const exp = Number(expStr);
  // PHP switches to exponent form below 1e-4 and from 1e15 on (precision 17, mode 0).
  if (exp < -4 || exp >= 15) {
    const m = mant.includes(".") ? mant : `${mant}.0`;
    return `${m}E${exp < 0 ? "-" : "+"}${Math.abs(exp)}`;
  }
  return String(v);
}

export function argc(fn: string, given: number, min: number, max: number): void {
  if (given >= min && given <= max) return;
  const n = given < min ? min : max;
  const kind = min === max ? "exactly" : given < min ? "at least" : "at most";
  throw new ArgumentCountError(`${fn}() expects ${kind} ${n} argument${n === 1 ? "" : "s"}, ${given} given`);
}

const NUMERIC = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/;
const INTEGER = /^[ \t\n\r\v\f]*[+-]?\d+[ \t\n\r\v\f]*$/;
// PHP_INT_MAX (2^63 - 1) has no double; the double next to it, 2^63, is a float in PHP. PHP_INT_MIN is exact.
const TWO63 = 2 ** 63;
/** A JS number PHP would hold as an int: integral and within [PHP_INT_MIN, PHP_INT_MAX]. */
const isPhpInt = (v: number): boolean => Number.isInteger(v) && v >= -TWO63 && v < TWO63;

function typeError(fn: string, pos: number, name: string, want: string, v: unknown): TypeError {
  return new TypeError(`${fn}(): Argument #${pos} ($${name}) must be of type ${want}, ${phpType(v)} given`);
}

/** An `int` parameter (`want` is the type the TypeError names: "int", or "?int" for nullableInt). */
export function int(fn: string, pos: number, name: string, v: unknown, want = "int"): number {
  if (typeof v === "number") {
    if (isPhpInt(v)) return v;
    return floatToInt(fn, pos, name, v, v, `float ${phpFloat(v)}`, want);
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === null || v === undefined) {
    deprecated(`${fn}(): Passing null to parameter #${pos} ($${name}) of type int is deprecated`);
    return 0;
  }
  if (typeof v === "string" && NUMERIC.test(v)) {
    if (INTEGER.test(v)) {
      // Decide the range on the exact digits: "9223372036854775808" is a float-string, one less is an int.
      const big = BigInt(v.trim());
      if (big >= -(2n ** 63n) && big < 2n ** 63n) return Number(big);
    }
    const f = Number(v.trim());
    return floatToInt(fn, pos, name, f, v, `float-string "${v}"`, want);
  }
  if (typeof v === "bigint" && v >= -(2n ** 63n) && v < 2n ** 63n) return Number(v);
  throw typeError(fn, pos, name, want, v);
}

function floatToInt(fn: string, pos: number, name: string, f: number, orig: unknown, what: string, want: string): number {
  if (!Number.isFinite(f) || f >= 9223372036854775808 || f < -9223372036854775808) throw typeError(fn, pos, name, want, orig);
  if (!Number.isInteger(f)) deprecated(`Implicit conversion from ${what} to int loses precision`);
  return Math.trunc(f);
}

/** A `?int` parameter: null stays null. */
export function nullableInt(fn: string, pos: number, name: string, v: unknown): number | null {
  return v === null || v === undefined ? null : int(fn, pos, name, v, "?int");
}

/** A `string` parameter that holds text (addresses, names): numbers and bools convert as PHP's do. */
export function str(fn: string, pos: number, name: string, v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return isPhpInt(v) && !Object.is(v, -0) ? String(v) : phpFloat(v);
  if (typeof v === "boolean") return v ? "1" : "";
  if (typeof v === "bigint") return String(v);
  if (v === null || v === undefined) {
    deprecated(`${fn}(): Passing null to parameter #${pos} ($${name}) of type string is deprecated`);
    return "";
  }
  throw typeError(fn, pos, name, "string", v);
}

/** A string parameter PHP parses as a path (Z_PARAM_PATH): a NUL byte inside is a ValueError. */
export function path(fn: string, pos: number, name: string, v: unknown): string {
  const s = str(fn, pos, name, v);
  if (s.includes("\0")) throw new ValueError(`${fn}(): Argument #${pos} ($${name}) must not contain any null bytes`);
  return s;
}

/** A `bool` parameter. */
export function bool(fn: string, pos: number, name: string, v: unknown): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0; // NaN is true, as in PHP
  if (typeof v === "string") return v !== "" && v !== "0";
  if (v === null || v === undefined) {
    deprecated(`${fn}(): Passing null to parameter #${pos} ($${name}) of type bool is deprecated`);
    return false;
  }
  throw typeError(fn, pos, name, "bool", v);
}

/** An object parameter of class `cls` (Socket, AddressInfo, ...): checks class, then that it is still open. */
export function instance<T extends { readonly closed?: boolean }>(
  fn: string, pos: number, name: string, v: unknown, cls: abstract new (...a: never[]) => T, clsName: string,
): T {
  if (!(v instanceof cls)) throw typeError(fn, pos, name, clsName, v);
  if (v.closed) throw new PhpError(`${fn}(): Argument #${pos} ($${name}) has already been closed`);
  return v;
}

export { typeError };
