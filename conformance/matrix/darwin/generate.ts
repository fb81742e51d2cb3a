// Regenerates darwin/values.tsv and darwin/layouts.tsv from Apple's public headers (no macOS
// machine needed). Arguments: directories holding an extracted xnu tree (bsd/...) and Libinfo tree
// (lookup.subproj/netdb.h), in any order. The headers themselves are never committed.
// Usage: bun conformance/matrix/darwin/generate.ts <xnu-dir> <libinfo-dir>
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PHP_CONSTANTS, PHP_OWN, SYSTEM_NAMES, phpCValue } from "../names.ts";
import { Cpp } from "./cpp.ts";
import { layouts } from "./structs.ts";

const here = import.meta.dir;
const roots = process.argv.slice(2);
if (!roots.length) {
  console.error("usage: bun conformance/matrix/darwin/generate.ts <xnu-dir> <libinfo-dir>");
  process.exit(2);
}

// Read in this order so that later headers may refer to earlier ones' macros.
const HEADERS: [repo: string, path: string][] = [
  ["xnu", "bsd/sys/errno.h"], ["xnu", "bsd/sys/ioccom.h"], ["xnu", "bsd/sys/fcntl.h"],
  ["xnu", "bsd/sys/filio.h"], ["xnu", "bsd/sys/sockio.h"], ["xnu", "bsd/sys/_types/_fd_def.h"],
  ["xnu", "bsd/sys/_types/_fd_setsize.h"], ["xnu", "bsd/sys/socket.h"], ["xnu", "bsd/sys/un.h"],
  ["xnu", "bsd/sys/poll.h"], ["xnu", "bsd/sys/signal.h"], ["xnu", "bsd/netinet/in.h"],
  ["xnu", "bsd/netinet6/in6.h"], ["xnu", "bsd/netinet/tcp.h"], ["xnu", "bsd/netinet/udp.h"],
  ["xnu", "bsd/net/if.h"], ["Libinfo", "lookup.subproj/netdb.h"],
];

// What a userland compile of PHP sees: Apple, LP64, full Darwin namespace, RFC 3542 IPv6 API
// (PHP's build defines __APPLE_USE_RFC_3542), no KERNEL/PRIVATE.
const cpp = new Cpp({
  __APPLE__: "1", __LP64__: "1", __APPLE_USE_RFC_3542: "1", __DARWIN_UNIX03: "1",
  __DARWIN_C_ANSI: "010000L", __DARWIN_C_FULL: "900000L", __DARWIN_C_LEVEL: "__DARWIN_C_FULL",
  __DARWIN_64_BIT_INO_T: "1",
});
for (const [repo, path] of HEADERS) {
  const file = roots.map((r) => join(r, path)).find((f) => existsSync(f));
  if (!file) {
    console.error(`darwin/generate.ts: ${path} not found under ${roots.join(", ")}`);
    process.exit(1);
  }
  cpp.process(readFileSync(file, "utf8"), `${repo} ${path}`);
}

// PHP's own derivations on Apple: multicast.h maps MCAST_JOIN/LEAVE_GROUP to the IPv4 options and
// defines no source-specific ones; some stub guards test another name than the constant's own.
const ALIAS: Record<string, string> = { MCAST_JOIN_GROUP: "IP_ADD_MEMBERSHIP", MCAST_LEAVE_GROUP: "IP_DROP_MEMBERSHIP" };
const NEVER_ON_APPLE = new Set(["MCAST_BLOCK_SOURCE", "MCAST_UNBLOCK_SOURCE", "MCAST_JOIN_SOURCE_GROUP", "MCAST_LEAVE_SOURCE_GROUP"]);
const GUARD: Record<string, string> = {
  TCP_KEEPINTVL: "TCP_KEEPIDLE", TCP_KEEPCNT: "TCP_KEEPIDLE", AI_CANONIDN: "AI_IDN",
  IPV6_PKTINFO: "IPV6_RECVPKTINFO", IPV6_HOPLIMIT: "IPV6_RECVHOPLIMIT", IPV6_TCLASS: "IPV6_RECVTCLASS",
  SCM_CREDENTIALS: "SO_PASSCRED", SCM_CREDS: "SO_PASSCRED",
};

function lookup(cname: string): { value: bigint; source: string } | undefined {
  const mac = cpp.macros.get(cname);
  if (!mac) return undefined;
  try {
    return { value: cpp.evaluate(cname)!, source: mac.file };
  } catch (e) {
    console.warn(`darwin: cannot evaluate ${cname} (${(e as Error).message}); omitted`);
    return undefined;
  }
}

const rows = ["name\tvalue\tsource"];
let nConst = 0;
let nSys = 0;
for (const name of PHP_CONSTANTS) {
  if (name in PHP_OWN) {
    rows.push(`${name}\t${PHP_OWN[name]}\tPHP php_sockets.h`);
    nConst++;
    continue;
  }
  if (NEVER_ON_APPLE.has(name)) continue;
  const guard = GUARD[name];
  if (guard && !cpp.macros.has(guard)) continue;
  if (name === "SCM_CREDS" && cpp.macros.has("SCM_CREDENTIALS")) continue;
  const cname = ALIAS[name] ?? phpCValue(name);
  const v = lookup(cname);
  if (!v) continue;
  const via = ALIAS[name] ? ` (PHP multicast.h: ${cname} on Apple)` : "";
  rows.push(`${name}\t${v.value}\t${v.source}${via}`);
  nConst++;
}
for (const name of SYSTEM_NAMES) {
  const v = lookup(name);
  if (!v) continue;
  rows.push(`${name}\t${v.value}\t${v.source}`);
  nSys++;
}
await Bun.write(join(here, "values.tsv"), rows.join("\n") + "\n");

const lrows = ["struct\tmember\tvalue\tsource", ...layouts().map((r) => r.join("\t"))];
await Bun.write(join(here, "layouts.tsv"), lrows.join("\n") + "\n");
console.log(`darwin: ${nConst} PHP constants, ${nSys} system values, ${lrows.length - 1} layout rows`);
