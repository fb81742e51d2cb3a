// Regenerates windows/strerror.tsv: the English text FormatMessage gives for each Winsock code in
// windows/values.tsv (WSAE*, WSAHOST_NOT_FOUND, ...), as Microsoft documents it in "System Error
// Codes (9000-11999)", with the trailing period PHP's php_win32_error_to_msg strips taken off. No
// Windows machine is needed; Wine lacks most of these texts (see errors.ts and wine-texts.tsv).
// Argument: a directory holding MicrosoftDocs/win32's desktop-src/Debug/system-error-codes--9000-11999-.md.
// Usage: bun conformance/matrix/windows/docs.ts <win32-docs-dir>
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { STRERROR_HEADER, phpWinTrim } from "../failures.ts";
import { VALUE_HEADER } from "../merge.ts";
import { readTsv, writeTsv } from "../tsv.ts";

const here = import.meta.dir;
const PAGE = "desktop-src/Debug/system-error-codes--9000-11999-.md";
const SOURCE = "Microsoft System Error Codes (9000-11999), trailing period cut as PHP does";

function fail(msg: string): never {
  console.error(`windows/docs.ts: ${msg}`);
  process.exit(1);
}

const root = process.argv[2] ?? fail("usage: bun conformance/matrix/windows/docs.ts <win32-docs-dir>");
const file = join(root, PAGE);
if (!existsSync(file)) fail(`${PAGE} not found under ${root}`);

/**
 * The page lists each code as "**NAME**", then "10048 (0x2740)", then its text as the first paragraph
 * that is not markup. Returns code -> [name, text].
 */
function parse(md: string): Map<number, [string, string]> {
  const out = new Map<number, [string, string]>();
  const lines = md.split("\n").map((l) => l.replace(/<[^>]*>/g, "").trim());
  for (let i = 0; i < lines.length; i++) {
    const name = /^\*\*([A-Z0-9_\\]+)\*\*$/.exec(lines[i]!)?.[1]?.replaceAll("\\", "");
    if (!name) continue;
    let j = i + 1;
    while (j < lines.length && !lines[j]) j++;
    const code = /^(\d+) \(0x[0-9A-Fa-f]+\)$/.exec(lines[j] ?? "")?.[1];
    if (!code) continue;
    for (j++; j < lines.length && !lines[j]; j++);
    const para: string[] = [];
    for (; j < lines.length && lines[j]; j++) para.push(lines[j]!);
    if (para.length) out.set(Number(code), [name, para.join(" ")]);
  }
  return out;
}

const doc = parse(readFileSync(file, "utf8"));
const rows: string[][] = [];
const seen = new Set<number>();
for (const [name, value] of readTsv(join(here, "values.tsv"), VALUE_HEADER)) {
  const code = Number(value);
  if (!name!.startsWith("WSA") || code < 9000 || code > 11999 || seen.has(code)) continue;
  const entry = doc.get(code) ?? fail(`${name} (${code}) is not on the page`);
  // WSANO_ADDRESS shares 11004 with WSANO_DATA, the name the page gives it.
  if (entry[0] !== name && !(name === "WSANO_ADDRESS" && entry[0] === "WSANO_DATA")) fail(`${code} is ${entry[0]} on the page, ${name} in values.tsv`);
  seen.add(code);
  rows.push([value!, phpWinTrim(entry[1]), SOURCE]);
}
rows.sort((a, b) => Number(a[0]) - Number(b[0]));
await Bun.write(join(here, "strerror.tsv"), writeTsv(STRERROR_HEADER, rows));
console.log(`windows/docs.ts: wrote strerror.tsv (${rows.length} texts)`);
