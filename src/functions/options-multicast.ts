// Multicast for socket_set_option/socket_get_option: interfaces given by index or name, the IPv4
// interface address IP_MULTICAST_IF takes (and the index PHP gives back for it), and the group
// operations MCAST_JOIN_GROUP ... MCAST_LEAVE_SOURCE_GROUP with their array arguments.
import * as A from "../address.ts";
import { ValueError, warn } from "../php/errors.ts";
import { C, S, os, socketError, type Socket } from "./common.ts";
import { isPhpInt, toHash, toLong, toStr } from "./options-convert.ts";
import type { McastOp } from "./options-table.ts";
import { encodeFor, phpBytes } from "./sockaddr.ts";

const L = os.layout;
const ifreq = L.ifreq;
const IFR_ADDR = ifreq?.fields.ifr_addr, IFR_INDEX = ifreq?.fields.ifr_ifindex;
const SIN_ADDR = L.sockaddr_in!.fields.sin_addr![0];
const SA_FAMILY = L.sockaddr!.fields.sa_family!;
const SA_LEN = L.sockaddr!.fields.sa_len;
const IFNAMSIZ = S.IFNAMSIZ ?? 16;
const ENOSYS = S.ENOSYS ?? 38;
const UINT_MAX = 0xffffffffn;

/** The C string of a PHP string: its bytes up to the first NUL, NUL-terminated; and the text C sees. */
function cName(sock: Socket, s: string): { bytes: Uint8Array; text: string } {
  const nul = s.indexOf("\0");
  const text = nul < 0 ? s : s.slice(0, nul);
  const b = phpBytes(sock, text);
  const out = new Uint8Array(b.length + 1);
  out.set(b);
  return { bytes: out, text };
}

/** php_string_to_if_index: 0 after PHP's warning. */
export function nameToIndex(fn: string, sock: Socket, name: string): number {
  const c = cName(sock, name);
  const idx = os.ifNameToIndex(c.bytes);
  if (idx === 0) warn(fn, `No interface with name "${c.text}" could be found`);
  return idx;
}

/** php_get_if_index_from_zval: an int is an index (ValueError out of range), anything else a name. -1 on failure. */
export function ifIndexOf(fn: string, sock: Socket, v: unknown): number {
  if (isPhpInt(v)) {
    const n = toLong(v);
    if (n < 0n || n > UINT_MAX) throw new ValueError("Index must be between 0 and 4294967295");
    return Number(n);
  }
  const idx = nameToIndex(fn, sock, toStr(v));
  return idx === 0 ? -1 : idx;
}

function ioctlReq(sock: Socket, request: number | undefined, req: Uint8Array): number {
  if (!os.ioctl || request === undefined) return -1;
  return os.ioctl(sock.fd, request, req);
}

const errnoAfter = (): number => (os.ioctl ? os.lastError() : ENOSYS);

/** php_if_index_to_addr4: the first IPv4 address of an interface (0.0.0.0 for index 0), or null after a warning. */
export function indexToAddr4(fn: string, sock: Socket, index: number): Uint8Array | null {
  const out = new Uint8Array(4);
  if (index === 0) return out;
  const fail = (): null => (warn(fn, `Failed obtaining address for interface ${index}: error ${errnoAfter()}`), null);
  if (!ifreq || !IFR_INDEX || !IFR_ADDR) return fail();
  const req = new Uint8Array(ifreq.size);
  new DataView(req.buffer).setUint32(IFR_INDEX[0], index, true);
  if (ioctlReq(sock, S.SIOCGIFNAME, req) < 0) return fail();
  if (ioctlReq(sock, S.SIOCGIFADDR, req) < 0) return fail();
  out.set(req.subarray(IFR_ADDR[0] + SIN_ADDR, IFR_ADDR[0] + SIN_ADDR + 4));
  return out;
}

// The interface list SIOCGIFCONF fills; reused, since this runs only on IP_MULTICAST_IF reads.
const ifList = new Uint8Array(64 * 1024);

/** php_add4_to_if_index: the index of the interface that has this IPv4 address (0 for 0.0.0.0), or -1 after a warning. */
export function addr4ToIndex(fn: string, sock: Socket, addr: Uint8Array): number {
  if (addr.every((b) => b === 0)) return 0;
  const list = ifList;
  list.fill(0);
  const n = os.ifconf && ifreq ? os.ifconf(sock.fd, list) : -1;
  if (n < 0) {
    warn(fn, `Failed obtaining interfaces list: error ${errnoAfter()}`);
    return -1;
  }
  const [addrOff] = IFR_ADDR!;
  for (let p = 0; p < n; ) {
    // Records hold a whole sockaddr where the OS has sa_len (BSD), else a fixed struct ifreq.
    const saLen = SA_LEN ? list[p + addrOff + SA_LEN[0]]! : 16;
    const step = Math.max(saLen + IFNAMSIZ, ifreq!.size);
    const fam = list[p + addrOff + SA_FAMILY[0]]! | (SA_FAMILY[1] === 2 ? list[p + addrOff + SA_FAMILY[0] + 1]! << 8 : 0);
    const a = p + addrOff + SIN_ADDR;
    if (fam === A.AF_INET && list[a] === addr[0] && list[a + 1] === addr[1] && list[a + 2] === addr[2] && list[a + 3] === addr[3]) {
      const req = new Uint8Array(ifreq!.size);
      req.set(list.subarray(p, Math.min(p + ifreq!.size, n)));
      if (ioctlReq(sock, S.SIOCGIFINDEX, req) < 0) {
        warn(fn, `Error converting interface name to index: error ${errnoAfter()}`);
        return -1;
      }
      return new DataView(req.buffer).getInt32(IFR_INDEX![0], true);
    }
    p += step;
  }
  warn(fn, `The interface with IP address ${A.ipv4Text(addr, 0)} was not found`);
  return -1;
}

const sockaddrBuf = (): Uint8Array => new Uint8Array(A.SOCKADDR_MAX);

/** php_get_address_from_array: the sockaddr of array key `key` (ValueError when absent), or null after a warning. */
function addressFrom(fn: string, sock: Socket, h: Map<string, unknown>, key: string): Uint8Array | null {
  if (!h.has(key)) throw new ValueError(`No key "${key}" passed in optval`);
  const text = toStr(h.get(key));
  if (sock.family !== A.AF_INET && sock.family !== A.AF_INET6) {
    warn(fn, "IP address used in the context of an unexpected type of socket");
    return null;
  }
  const buf = sockaddrBuf();
  const len = encodeFor(fn, sock, buf, text, 0);
  return len === 0 ? null : buf.subarray(0, len);
}

const SOURCE_OPS: ReadonlySet<McastOp> = new Set(["block", "unblock", "joinSource", "leaveSource"]);

/** The RFC 3678 option each operation becomes. */
const RFC3678: Record<McastOp, number | undefined> = {
  join: C.MCAST_JOIN_GROUP,
  leave: C.MCAST_LEAVE_GROUP,
  block: C.MCAST_BLOCK_SOURCE,
  unblock: C.MCAST_UNBLOCK_SOURCE,
  joinSource: C.MCAST_JOIN_SOURCE_GROUP,
  leaveSource: C.MCAST_LEAVE_SOURCE_GROUP,
};
// PHP uses group_req where the OS has it, except on Apple, where MCAST_JOIN_GROUP is IP_ADD_MEMBERSHIP.
const USE_GROUP_REQ = os.os !== "darwin" && L.group_req !== undefined;

/** php_do_mcast_opt: true, or false after a warning. */
export function mcastOp(fn: string, sock: Socket, level: number, op: McastOp, value: unknown): boolean {
  const h = toHash(value);
  const group = addressFrom(fn, sock, h, "group");
  if (!group) return false;
  let source: Uint8Array | null = null;
  if (SOURCE_OPS.has(op)) {
    source = addressFrom(fn, sock, h, "source");
    if (!source) return false;
  }
  const index = h.has("interface") ? ifIndexOf(fn, sock, h.get("interface")) : 0;
  if (index < 0) return false;
  const r = USE_GROUP_REQ ? groupReq(sock, level, op, group, source, index) : legacyJoin(fn, sock, level, op, group, index);
  if (r === -2) return false; // warned already
  if (r !== 0) {
    socketError(sock, fn, "Unable to set socket option", os.lastError());
    return false;
  }
  return true;
}

function groupReq(sock: Socket, level: number, op: McastOp, group: Uint8Array, source: Uint8Array | null, index: number): number {
  const s = source ? L.group_source_req! : L.group_req!;
  const b = new Uint8Array(s.size);
  const f = s.fields;
  new DataView(b.buffer).setUint32((source ? f.gsr_interface! : f.gr_interface!)[0], index, true);
  b.set(group, (source ? f.gsr_group! : f.gr_group!)[0]);
  if (source) b.set(source, f.gsr_source![0]);
  return os.setsockopt(sock.fd, level, RFC3678[op]!, b, s.size);
}

/** Without group_req (Apple): ip_mreq / ipv6_mreq joins and leaves; PHP defines no source operations there. */
function legacyJoin(fn: string, sock: Socket, level: number, op: McastOp, group: Uint8Array, index: number): number {
  const join = op === "join";
  if (sock.family === A.AF_INET) {
    const m = L.ip_mreq!;
    const b = new Uint8Array(m.size);
    if (index !== 0) {
      const addr = indexToAddr4(fn, sock, index);
      if (!addr) return -2;
      b.set(addr, m.fields.imr_interface![0]);
    }
    b.set(group.subarray(SIN_ADDR, SIN_ADDR + 4), m.fields.imr_multiaddr![0]);
    return os.setsockopt(sock.fd, level, (join ? S.IP_ADD_MEMBERSHIP : S.IP_DROP_MEMBERSHIP)!, b, m.size);
  }
  const m = L.ipv6_mreq!;
  const b = new Uint8Array(m.size);
  const at = L.sockaddr_in6!.fields.sin6_addr![0];
  b.set(group.subarray(at, at + 16), m.fields.ipv6mr_multiaddr![0]);
  new DataView(b.buffer).setUint32(m.fields.ipv6mr_interface![0], index, true);
  return os.setsockopt(sock.fd, level, (join ? S.IPV6_JOIN_GROUP : S.IPV6_LEAVE_GROUP)!, b, m.size);
}
