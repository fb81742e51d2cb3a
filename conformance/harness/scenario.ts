// The scenario format both interpreters replay: a list of calls whose arguments are plain JSON values
// or tagged values, and the transcript each replay prints.
//
//   { k: "AF_INET" }        a constant            { v: "s" }          a variable's value
//   { r: "buf", init? }     a by-reference var    { a: [...] }        a PHP list
//   { o: [[key, val]...] }  a PHP array with keys { f: "NAN" | "1.5" } a float
//   { b: "00ff" }           a byte string         { tmp: "x.sock" }   a path in a temporary folder
//   { rep: ["a", 300] }     a repeated string     { obj: "stdClass" } an object of no use here
//   { at: ["pair", 0] }     an element of a variable's array (a socket_create_pair result); more
//                           keys go deeper: { at: ["msg", "control", 0, "data", 0] }
//   { u8: "buf", size: 8 }  caller memory: a Uint8Array in the library, a string of NULs by reference in
//                           PHP; recorded after each step like a by-reference value
//   { or: ["MSG_PEEK", "MSG_TRUNC"] }  constants OR-ed together
//
// A step may store its result in a variable (`as`), mask by-reference values that differ between runs
// (`mask`: ephemeral ports) or the return itself (`maskRet`), then only their PHP type is compared.
// Steps that are not functions: `set` returns its argument, `usleep` sleeps, `values` gives an
// array's values as a list (PHP's array_values), `close_stdin` closes PHP's STDIN (nothing in the
// library) so that PHP's next descriptor is 0: PHP 8.2's sendmsg passes SCM_RIGHTS descriptors one slot
// late (php-src#22338), which sends the right socket only when it is descriptor 0.
// Values that are not sockets: a PHP resource is { res: type } (a FileDescriptor in the library is a
// "stream").

export type Arg =
  | null | boolean | number | string
  | { k: string } | { v: string } | { r: string; init?: Arg } | { a: Arg[] } | { o: [string | number, Arg][] }
  | { f: string } | { b: string } | { tmp: string } | { rep: [string, number] } | { obj: string }
  | { at: [string, ...(string | number)[]] } | { u8: string; size: number } | { or: string[] };

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
export const at = (name: string, ...keys: (string | number)[]): Arg => ({ at: [name, ...keys] });
export const u8 = (name: string, size: number): Arg => ({ u8: name, size });
export const or = (...names: string[]): Arg => ({ or: names });
export const call = (fn: string, args: Arg[] = [], extra: Omit<Step, "call" | "args"> = {}): Step => ({ call: fn, args, ...extra });
export const as = (name: string, fn: string, args: Arg[] = [], extra: Omit<Step, "call" | "args" | "as"> = {}): Step => ({ call: fn, args, as: name, ...extra });
