// The scenario format both interpreters replay: a list of calls whose arguments are plain JSON values
// or tagged values, and the transcript each replay prints.
//
//   { k: "AF_INET" }        a constant            { v: "s" }          a variable's value
//   { r: "buf", init? }     a by-reference var    { a: [...] }        a PHP list
//   { o: [[key, val]...] }  a PHP array with keys { f: "NAN" | "1.5" } a float
//   { b: "00ff" }           a byte string         { tmp: "x.sock" }   a path in a temporary folder
//   { rep: ["a", 300] }     a repeated string     { obj: "stdClass" } an object of no use here
//   { at: ["pair", 0] }     an element of a variable's array (a socket_create_pair result)
//
// A step may store its result in a variable (`as`), mask by-reference values that differ between runs
// (`mask`: ephemeral ports) or the return itself (`maskRet`), then only their PHP type is compared.

export type Arg =
  | null | boolean | number | string
  | { k: string } | { v: string } | { r: string; init?: Arg } | { a: Arg[] } | { o: [string | number, Arg][] }
  | { f: string } | { b: string } | { tmp: string } | { rep: [string, number] } | { obj: string }
  | { at: [string, string | number] };

export interface Step {
  call: string;
  args?: Arg[];
  as?: string;
  mask?: string[];
  maskRet?: boolean;
}

export interface Scenario {
  name: string;
  /** The phpt files of php-src whose behaviour this scenario checks, if any. */
  phpt?: string[];
  /** Strings are PHP byte strings: the library runs every socket in binary mode. */
  binary?: boolean;
  steps: Step[];
}

export interface StepRecord {
  call: string;
  ret?: unknown;
  throw?: string;
  refs?: Record<string, unknown>;
  out?: string[];
}

export interface Transcript {
  name: string;
  steps: StepRecord[];
}

// Shorthands for writing scenarios.
export const k = (name: string): Arg => ({ k: name });
export const v = (name: string): Arg => ({ v: name });
export const r = (name: string, init?: Arg): Arg => (init === undefined ? { r: name } : { r: name, init });
export const tmp = (name: string): Arg => ({ tmp: name });
export const bytes = (hex: string): Arg => ({ b: hex });
export const flt = (f: string): Arg => ({ f });
export const list = (...a: Arg[]): Arg => ({ a });
export const assoc = (...o: [string | number, Arg][]): Arg => ({ o });
export const rep = (s: string, n: number): Arg => ({ rep: [s, n] });
export const at = (name: string, key: string | number): Arg => ({ at: [name, key] });
export const call = (fn: string, args: Arg[] = [], extra: Omit<Step, "call" | "args"> = {}): Step => ({ call: fn, args, ...extra });
export const as = (name: string, fn: string, args: Arg[] = [], extra: Omit<Step, "call" | "args" | "as"> = {}): Step => ({ call: fn, args, as: name, ...extra });
