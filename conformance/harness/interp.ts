// Replays scenarios against the library, producing the same transcript format as interp.php.
import net from "node:net";
import * as P from "../../src/index.ts";
import type { Arg, Scenario, StepRecord, Transcript } from "./scenario.ts";

const lib = P as unknown as Record<string, unknown>;
// TextDecoder("latin1") is really windows-1252 (0x80 reads as "€"); byte strings need ISO-8859-1.
const latin1 = { decode: (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1") };
const utf8 = new TextDecoder("utf-8", { fatal: true });
const enc = new TextEncoder();

class stdClass {}

type Vars = Map<string, unknown>;
type Refs = Map<string, P.Ref>;

function val(a: Arg, vars: Vars, refs: Refs, tmp: string, binary: boolean): unknown {
  if (a === null || typeof a !== "object") return a;
  // PHP's STDIN is a stream; the library's streams are Bun's, and process.stdin is the one on fd 0.
  if ("k" in a) return a.k === "STDIN" ? process.stdin : lib[a.k];
  if ("or" in a) return a.or.reduce((n, c) => n | (lib[c] as number), 0);
  if ("v" in a) return refs.get(a.v)?.value ?? vars.get(a.v) ?? null;
  if ("at" in a) {
    let x = (refs.get(a.at[0])?.value ?? vars.get(a.at[0])) as Record<string | number, unknown> | null | undefined;
    for (const key of a.at.slice(1)) x = x?.[key] as Record<string | number, unknown> | null | undefined;
    return x ?? null;
  }
  if ("a" in a) return a.a.map((x) => val(x, vars, refs, tmp, binary));
  if ("o" in a) return Object.fromEntries(a.o.map(([key, x]) => [key, val(x, vars, refs, tmp, binary)]));
  if ("f" in a) return a.f === "NAN" ? NaN : a.f === "INF" ? Infinity : a.f === "-INF" ? -Infinity : Number(a.f);
  if ("b" in a) {
    const b = Buffer.from(a.b, "hex");
    return binary ? latin1.decode(b) : new Uint8Array(b);
  }
  if ("tmp" in a) return `${tmp}/${a.tmp}`;
  if ("rep" in a) return a.rep[0].repeat(a.rep[1]);
  if ("obj" in a) return new stdClass();
  throw new Error(`bad arg ${JSON.stringify(a)}`);
}

function phpGettype(x: unknown): string {
  if (x === null || x === undefined) return "NULL";
  if (typeof x === "boolean") return "boolean";
  if (typeof x === "number") return Number.isInteger(x) ? "integer" : "double";
  if (typeof x === "string") return "string";
  if (x instanceof net.Socket || x instanceof net.Server) return "resource"; // socket_export_stream's streams
  if (Array.isArray(x) || (typeof x === "object" && Object.getPrototypeOf(x) === Object.prototype)) return "array";
  return "object";
}

function canonString(s: string, tmp: string, binary: boolean): unknown {
  const bytes = binary ? Uint8Array.from(s, (c) => c.charCodeAt(0)) : enc.encode(s);
  try {
    return utf8.decode(bytes).replaceAll(tmp, "$TMP");
  } catch {
    return { b: Buffer.from(bytes).toString("hex") };
  }
}

function canon(x: unknown, vars: Vars, refs: Refs, tmp: string, binary: boolean): unknown {
  if (x === undefined || x === null) return null;
  if (typeof x === "string") return canonString(x, tmp, binary);
  if (typeof x === "number") {
    if (Number.isNaN(x)) return { f: "NAN" };
    if (!Number.isFinite(x)) return { f: x > 0 ? "INF" : "-INF" };
    return x;
  }
  if (typeof x !== "object") return x;
  if (x instanceof Uint8Array) return canonString(latin1.decode(x), tmp, true);
  if (x instanceof P.FileDescriptor) return { res: x.closed ? "closed" : "stream" };
  if (x instanceof net.Socket || x instanceof net.Server) return { res: "stream" };
  if (x instanceof P.Socket) {
    for (const [key, value] of vars) if (value === x) return { sock: key };
    for (const [key, value] of refs) if (value.value === x) return { sock: key };
    return { sock: "?" };
  }
  if (Array.isArray(x)) return x.map((y) => canon(y, vars, refs, tmp, binary));
  if (Object.getPrototypeOf(x) === Object.prototype) {
    const entries = Object.entries(x);
    // PHP lists are arrays whose keys run 0..n-1; a JS object with such keys is one too.
    if (entries.every(([key], i) => key === String(i))) return entries.map(([, y]) => canon(y, vars, refs, tmp, binary));
    return { o: entries.map(([key, y]) => [/^(0|-?[1-9]\d*)$/.test(key) ? Number(key) : key, canon(y, vars, refs, tmp, binary)]) };
  }
  return { obj: (x as object).constructor.name };
}

function setBinary(x: unknown): void {
  if (x instanceof P.Socket) P.socket_set_encoding(x, "binary");
  else if (x instanceof P.IOVec) x.encoding = "binary";
  else if (Array.isArray(x)) x.forEach(setBinary);
}

export function replay(scenarios: Scenario[], tmp: string): Transcript[] {
  const out: Transcript[] = [];
  let diag: string[] = [];
  P.set_error_handler((no, str) => {
    diag.push(`${no === P.E_DEPRECATED ? "D" : no === P.E_NOTICE ? "N" : "W"}: ${str}`);
    return true;
  });
  try {
    for (const sc of scenarios) {
      const vars: Vars = new Map();
      const refs: Refs = new Map();
      const steps: StepRecord[] = [];
      const binary = sc.binary === true;
      P.socket_clear_error();
      for (const st of sc.steps) {
        diag = [];
        const rec: StepRecord = { call: st.call };
        const used: string[] = [];
        const args = (st.args ?? []).map((a) => {
          if (a !== null && typeof a === "object" && "r" in a) {
            if (!refs.has(a.r)) refs.set(a.r, P.ref(a.init === undefined ? null : val(a.init, vars, refs, tmp, binary)));
            used.push(a.r);
            return refs.get(a.r);
          }
          if (a !== null && typeof a === "object" && "u8" in a) {
            // The caller's memory: the same Uint8Array on every step, recorded like a by-reference value.
            if (!refs.has(a.u8)) refs.set(a.u8, P.ref(new Uint8Array(a.size)));
            used.push(a.u8);
            return refs.get(a.u8)!.value;
          }
          return val(a, vars, refs, tmp, binary);
        });
        try {
          let ret: unknown;
          if (st.call === "set") ret = args[0];
          else if (st.call === "usleep") Bun.sleepSync((args[0] as number) / 1000);
          else if (st.call === "close_stdin") ret = null; // PHP frees fd 0 here (see scenario.ts)
          else if (st.call === "values") ret = Object.values(args[0] as object);
          else {
            const f = lib[st.call];
            if (typeof f !== "function") throw new Error(`Call to undefined function ${st.call}()`);
            ret = f(...args);
          }
          if (binary) setBinary(ret);
          if (binary) for (const name of used) setBinary(refs.get(name)!.value);
          if (st.as) vars.set(st.as, ret);
          rec.ret = st.maskRet ? `*${phpGettype(ret)}` : canon(ret, vars, refs, tmp, binary);
        } catch (e) {
          const err = e as Error;
          rec.throw = `${err.name}: ${String(err.message).replaceAll(tmp, "$TMP")}`;
        }
        if (used.length) {
          rec.refs = {};
          for (const name of used) {
            const value = refs.get(name)!.value;
            rec.refs[name] = st.mask?.includes(name) ? `*${phpGettype(value)}` : canon(value, vars, refs, tmp, binary);
          }
        }
        if (diag.length) rec.out = diag.map((d) => d.replaceAll(tmp, "$TMP"));
        steps.push(rec);
      }
      const all = [...vars.values(), ...[...refs.values()].map((x) => x.value)];
      for (const x of all.flat()) {
        if (x instanceof P.Socket && !x.closed && !x.exported) P.socket_close(x);
        else if (x instanceof net.Socket) x.destroy();
        else if (x instanceof net.Server) x.close();
      }
      out.push({ name: sc.name, steps });
    }
  } finally {
    P.restore_error_handler();
  }
  return out;
}
