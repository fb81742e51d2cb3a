// The (level, option) pairs PHP 8.2's socket_get_option/socket_set_option treat specially, one row
// each, and the shape of the value they take or give. Every pair not listed is a plain C int.
import { C } from "./common.ts";

export type GetKind =
  | "int"        // an int (a 1-byte answer read as unsigned char)
  | "linger"     // ["l_onoff" => int, "l_linger" => int]
  | "timeval"    // ["sec" => int, "usec" => int]
  | "meminfo"    // SO_MEMINFO's nine counters by name
  | "congestion" // ["name" => string]
  | "mcastIf4"   // an in_addr, given back as the index of the interface that has it
  | "pktinfo6";  // ["addr" => string, "ifindex" => int]

export type McastOp = "join" | "leave" | "block" | "unblock" | "joinSource" | "leaveSource";

export type SetKind =
  | "int"        // convert_to_long, passed as a C int
  | "linger"     // an array with "l_onoff" and "l_linger" (each cut to an unsigned short)
  | "timeval"    // an array with "sec" and "usec"
  | "bytes"      // a string's bytes; any other value is an empty string
  | "mcastIf4"   // an interface index or name, passed as that interface's IPv4 address
  | "mcastIf6"   // an interface index or name, passed as the index
  | "ttl4"       // 0..255 as an unsigned char, else ValueError
  | "loop4"      // a bool as an unsigned char
  | "hops6"      // -1..255 as an int, else ValueError
  | "loop6"      // a bool as an int
  | "pktinfo6"   // an array with "addr" and "ifindex" (in6_pktinfo)
  | "mcast";     // an array with "group", "interface" and (source operations) "source"

interface Row {
  /** A PHP constant's name, or "*": every level but the sealed ones below (PHP switches on the option alone). */
  readonly level: string;
  readonly option: string;
  readonly get?: GetKind;
  readonly set?: SetKind;
  readonly op?: McastOp;
}

const ROWS: readonly Row[] = [
  { level: "SOL_SOCKET", option: "SO_LINGER", get: "linger" },
  { level: "SOL_SOCKET", option: "SO_RCVTIMEO", get: "timeval" },
  { level: "SOL_SOCKET", option: "SO_SNDTIMEO", get: "timeval" },
  { level: "SOL_SOCKET", option: "SO_MEMINFO", get: "meminfo" },
  { level: "SOL_TCP", option: "TCP_CONGESTION", get: "congestion", set: "bytes" },
  { level: "IPPROTO_IP", option: "IP_MULTICAST_IF", get: "mcastIf4", set: "mcastIf4" },
  { level: "IPPROTO_IP", option: "IP_MULTICAST_TTL", set: "ttl4" },
  { level: "IPPROTO_IP", option: "IP_MULTICAST_LOOP", set: "loop4" },
  { level: "IPPROTO_IP", option: "MCAST_JOIN_GROUP", set: "mcast", op: "join" },
  { level: "IPPROTO_IP", option: "MCAST_LEAVE_GROUP", set: "mcast", op: "leave" },
  { level: "IPPROTO_IP", option: "MCAST_BLOCK_SOURCE", set: "mcast", op: "block" },
  { level: "IPPROTO_IP", option: "MCAST_UNBLOCK_SOURCE", set: "mcast", op: "unblock" },
  { level: "IPPROTO_IP", option: "MCAST_JOIN_SOURCE_GROUP", set: "mcast", op: "joinSource" },
  { level: "IPPROTO_IP", option: "MCAST_LEAVE_SOURCE_GROUP", set: "mcast", op: "leaveSource" },
  { level: "IPPROTO_IPV6", option: "IPV6_MULTICAST_IF", set: "mcastIf6" },
  { level: "IPPROTO_IPV6", option: "IPV6_MULTICAST_HOPS", set: "hops6" },
  { level: "IPPROTO_IPV6", option: "IPV6_MULTICAST_LOOP", set: "loop6" },
  { level: "IPPROTO_IPV6", option: "IPV6_PKTINFO", get: "pktinfo6", set: "pktinfo6" },
  { level: "IPPROTO_IPV6", option: "MCAST_JOIN_GROUP", set: "mcast", op: "join" },
  { level: "IPPROTO_IPV6", option: "MCAST_LEAVE_GROUP", set: "mcast", op: "leave" },
  { level: "IPPROTO_IPV6", option: "MCAST_BLOCK_SOURCE", set: "mcast", op: "block" },
  { level: "IPPROTO_IPV6", option: "MCAST_UNBLOCK_SOURCE", set: "mcast", op: "unblock" },
  { level: "IPPROTO_IPV6", option: "MCAST_JOIN_SOURCE_GROUP", set: "mcast", op: "joinSource" },
  { level: "IPPROTO_IPV6", option: "MCAST_LEAVE_SOURCE_GROUP", set: "mcast", op: "leaveSource" },
  // PHP 8.2 picks these by option number alone, at any level but IP and IPv6: on Linux TCP_NOTSENT_LOWAT
  // (25 = SO_BINDTODEVICE) is therefore set from a string's bytes, and an int value fails with EINVAL.
  { level: "*", option: "SO_LINGER", set: "linger" },
  { level: "*", option: "SO_RCVTIMEO", set: "timeval" },
  { level: "*", option: "SO_SNDTIMEO", set: "timeval" },
  { level: "*", option: "SO_BINDTODEVICE", set: "bytes" },
];

/** Levels whose unlisted options go straight to the plain int, never to the "*" rows. */
const SEALED = ["IPPROTO_IP", "IPPROTO_IPV6"];

export interface Entry<K> {
  readonly kind: K;
  readonly op?: McastOp;
}

type Table<K> = Map<number, Map<number, Entry<K>>>;

function build<K>(pick: (r: Row) => K | undefined): { byLevel: Table<K>; anyLevel: Map<number, Entry<K>> } {
  const byLevel: Table<K> = new Map();
  const anyLevel = new Map<number, Entry<K>>();
  for (const r of ROWS) {
    const kind = pick(r);
    const option = C[r.option];
    // A row whose option this OS lacks is not there, as PHP's #ifdefs leave it out.
    if (kind === undefined || option === undefined) continue;
    const entry: Entry<K> = r.op ? { kind, op: r.op } : { kind };
    if (r.level === "*") {
      anyLevel.set(option, entry);
      continue;
    }
    const level = C[r.level];
    if (level === undefined) continue;
    if (!byLevel.has(level)) byLevel.set(level, new Map());
    byLevel.get(level)!.set(option, entry);
  }
  return { byLevel, anyLevel };
}

const getters = build((r) => r.get);
const setters = build((r) => r.set);
const sealed = new Set(SEALED.map((n) => C[n]).filter((n): n is number => n !== undefined));

const INT_GET: Entry<GetKind> = { kind: "int" };
const INT_SET: Entry<SetKind> = { kind: "int" };

/** How socket_get_option reads (level, option). */
export function getEntry(level: number, option: number): Entry<GetKind> {
  return getters.byLevel.get(level)?.get(option) ?? INT_GET;
}

/** How socket_set_option writes (level, option). */
export function setEntry(level: number, option: number): Entry<SetKind> {
  const own = setters.byLevel.get(level)?.get(option);
  if (own) return own;
  if (sealed.has(level)) return INT_SET;
  return setters.anyLevel.get(option) ?? INT_SET;
}
