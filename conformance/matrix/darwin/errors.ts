// Regenerates darwin/strerror.tsv from Apple's sources (no macOS machine needed): strerror(N) is
// Libc's sys_errlist[N] (gen/errlst.c), hstrerror(N) is Libinfo's h_errlist[N] (dns.subproj/herror.c).
// Codes are darwin/values.tsv's (xnu bsd/sys/errno.h, Libinfo netdb.h). Each "N - NAME" comment of
// errlst.c is checked against xnu's value of NAME. Arguments: directories holding an extracted Libc
// tree (gen/errlst.c) and Libinfo tree (dns.subproj/herror.c), in any order.
// Usage: bun conformance/matrix/darwin/errors.ts <libc-dir> <libinfo-dir>
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RESOLVER_NAMES, STRERROR_HEADER } from "../failures.ts";
import { VALUE_HEADER } from "../merge.ts";
import { ERRNO_NAMES } from "../names.ts";
import { readTsv, writeTsv } from "../tsv.ts";

const here = import.meta.dir;
const roots = process.argv.slice(2);

function fail(msg: string): never {
  console.error(`darwin/errors.ts: ${msg}`);
  process.exit(1);
}

function source(path: string): string {
  const file = roots.map((r) => join(r, path)).find((f) => existsSync(f));
  return file ? readFileSync(file, "utf8") : fail(`${path} not found under ${roots.join(", ") || "(no directories given)"}`);
}

/** The string literals of `const char *const <name>[] = { ... };`, in order; comments dropped. */
function stringArray(src: string, name: string): string[] {
  const m = new RegExp(`${name}\\s*\\[\\s*\\]\\s*=\\s*\\{([\\s\\S]*?)\\};`).exec(src) ?? fail(`no ${name}[] initializer`);
  const body = m[1]!.replace(/\/\*[\s\S]*?\*\//g, "");
  return [...body.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((s) => s[1]!.replace(/\\(.)/g, "$1"));
}

const errlst = source("gen/errlst.c");
const herror = source("dns.subproj/herror.c");
const sysErrlist = stringArray(errlst, "sys_errlist");
const hErrlist = stringArray(herror, "h_errlist");
const values = new Map(readTsv(join(here, "values.tsv"), VALUE_HEADER).map((r) => [r[0]!, Number(r[1])]));

// errlst.c annotates entries as "/* 48 - EADDRINUSE */": each must agree with xnu's errno.h, and a
// note on the same line as a text must be that text's index.
let index = -1;
for (const line of errlst.slice(errlst.indexOf("sys_errlist")).split("\n")) {
  if (/^\s*"/.test(line)) index++;
  const note = /\/\*\s*(\d+)\s*-\s*([A-Z][A-Z0-9]*)\s*\*\//.exec(line);
  if (!note) continue;
  const [, n, name] = note;
  if (values.has(name!) && values.get(name!) !== Number(n)) fail(`errlst.c says ${name} is ${n}, xnu says ${values.get(name!)}`);
  if (/^\s*"/.test(line) && index !== Number(n)) fail(`errlst.c: the text noted ${n} - ${name} is entry ${index}`);
}

// Libc's strerror: sys_errlist[n] when 0 <= n < sys_nerr, else "Unknown error: n" (string/FreeBSD/strerror.c).
const strerror = (n: number): string => (n >= 0 && n < sysErrlist.length ? sysErrlist[n]! : `Unknown error: ${n}`);
const hstrerror = (n: number): string => (n < 0 ? "Resolver internal error" : n < hErrlist.length ? hErrlist[n]! : "Unknown resolver error");

const rows: string[][] = [];
const errnos = [...new Set(ERRNO_NAMES.filter((n) => values.has(n)).map((n) => values.get(n)!))].sort((a, b) => a - b);
for (const n of errnos) rows.push([String(n), strerror(n), "Apple Libc gen/errlst.c sys_errlist"]);
for (const h of [...new Set(RESOLVER_NAMES.map((n) => values.get(n) ?? fail(`${n} is not in darwin/values.tsv`)))]) {
  rows.push([String(-10000 - h), hstrerror(h), `Apple Libinfo dns.subproj/herror.c h_errlist[${h}]`]);
}
rows.sort((a, b) => Number(a[0]) - Number(b[0]));
await Bun.write(join(here, "strerror.tsv"), writeTsv(STRERROR_HEADER, rows));
console.log(`darwin/errors.ts: wrote strerror.tsv (${rows.length} texts; sys_nerr ${sysErrlist.length}, h_nerr ${hErrlist.length})`);
