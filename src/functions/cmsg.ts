// Ancillary data: the control messages PHP 8.2 knows, each with its data size and its conversions
// between PHP's arrays and the bytes after the cmsghdr. SCM_RIGHTS carries descriptors: sent from
// Socket and FileDescriptor objects, received as new Socket objects (or FileDescriptors for what is not
// a socket). IPV6_PKTINFO, IPV6_HOPLIMIT, IPV6_TCLASS and (Linux) SCM_CREDENTIALS carry small structs.
import * as A from "../address.ts";
import { FileDescriptor } from "../descriptor.ts";
import { C, S, Socket, os } from "./common.ts";
import { CMSG_HDR, cmsgLen } from "../msghdr.ts";
import { Conv, aggregate, cInt, isArray, pidT, uidT, valuesOf } from "./msg-convert.ts";
import { resolve } from "./msg-name.ts";
import { isPhpInt, toLong, toStr } from "./options-convert.ts";
import { cstr, cText } from "./sockaddr.ts";

/** Descriptors a recvmsg brought in, so that none is left open when the result is thrown away. */
export interface Received {
  /** Every descriptor of every SCM_RIGHTS message, not yet wrapped in an object. */
  raw: Set<number>;
  wrapped: (Socket | FileDescriptor)[];
}

interface Entry {
  /** Fixed size of the data (0 for SCM_RIGHTS). */
  size: number;
  /** Size of each element of a variable-length array (SCM_RIGHTS: an int per descriptor). */
  varSize: number;
  /** Writes the data for a PHP value into `out` (zeroed, `size` or n * varSize bytes). */
  from(c: Conv, fn: string, sock: Socket, v: unknown, out: DataView): void;
  /** The PHP value of received data; `data` never runs past the control buffer. */
  to(c: Conv, data: DataView, got: Received): unknown;
}

const registry = new Map<string, Entry>();
const key = (level: number, type: number): string => `${level}:${type}`;

/** The entry for a level/type pair, or undefined where PHP 8.2 has none. */
export const entryFor = (level: number, type: number): Entry | undefined => registry.get(key(level, type));

const int: Pick<Entry, "size" | "varSize" | "from" | "to"> = {
  size: 4,
  varSize: 0,
  from: (c, _fn, _s, v, out) => out.setInt32(0, cInt(c, v), true),
  to: (_c, d) => (d.byteLength >= 4 ? d.getInt32(0, true) : 0),
};

const IPPROTO_IPV6 = C.IPPROTO_IPV6, SOL_SOCKET = C.SOL_SOCKET!;

const PK = os.layout.in6_pktinfo;
if (IPPROTO_IPV6 !== undefined && PK && C.IPV6_PKTINFO !== undefined) {
  const [addrOff] = PK.fields.ipi6_addr!, [idxOff] = PK.fields.ipi6_ifindex!;
  registry.set(key(IPPROTO_IPV6, C.IPV6_PKTINFO), {
    size: PK.size,
    varSize: 0,
    from(c, fn, sock, v, out) {
      aggregate(c, v, [
        ["addr", true, (x) => {
          const a = resolve(fn, sock, A.AF_INET6, toStr(x));
          if (!a) return c.fail(`could not resolve address '${typeof x === "string" ? cText(x) : ""}' to get an AF_INET6 address`);
          new Uint8Array(out.buffer, out.byteOffset + addrOff, 16).set(a);
        }],
        ["ifindex", true, (x) => out.setUint32(idxOff, ifindex(c, x), true)],
      ]);
    },
    to(_c, d) {
      const b = new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
      return { addr: A.ipv6Text(b, addrOff), ifindex: d.getUint32(idxOff, true) };
    },
  });
}
if (IPPROTO_IPV6 !== undefined && C.IPV6_HOPLIMIT !== undefined) registry.set(key(IPPROTO_IPV6, C.IPV6_HOPLIMIT), int);
if (IPPROTO_IPV6 !== undefined && C.IPV6_TCLASS !== undefined) registry.set(key(IPPROTO_IPV6, C.IPV6_TCLASS), int);

const UC = os.layout.ucred;
if (C.SO_PASSCRED !== undefined && C.SCM_CREDENTIALS !== undefined && UC) {
  const [pidOff] = UC.fields.pid!, [uidOff] = UC.fields.uid!, [gidOff] = UC.fields.gid!;
  registry.set(key(SOL_SOCKET, C.SCM_CREDENTIALS), {
    size: UC.size,
    varSize: 0,
    from(c, _fn, _s, v, out) {
      aggregate(c, v, [
        ["pid", true, (x) => out.setInt32(pidOff, pidT(c, x), true)],
        ["uid", true, (x) => out.setUint32(uidOff, uidT(c, x), true)],
        ["gid", true, (x) => out.setUint32(gidOff, uidT(c, x), true)],
      ]);
    },
    to: (_c, d) => ({ pid: d.getInt32(pidOff, true), uid: d.getUint32(uidOff, true), gid: d.getUint32(gidOff, true) }),
  });
}

if (C.SCM_RIGHTS !== undefined) {
  registry.set(key(SOL_SOCKET, C.SCM_RIGHTS), {
    size: 0,
    varSize: 4,
    from(c, _fn, _s, v, out) {
      if (!isArray(v)) return c.fail("expected an array here");
      // Each descriptor in its own slot: PHP 8.2 writes them one slot late (php-src#22338).
      valuesOf(v).forEach((x, i) =>
        c.in(`element #${i + 1}`, () => {
          if (x instanceof Socket || x instanceof FileDescriptor) out.setInt32(i * 4, x.fd, true);
          else c.fail("expected a Socket object or a stream resource");
        }),
      );
    },
    to(c, d, got) {
      const out: (Socket | FileDescriptor)[] = [];
      for (let i = 0; i + 4 <= d.byteLength; i += 4) {
        const fd = d.getInt32(i, true);
        const obj = adopt(c, fd);
        got.raw.delete(fd);
        got.wrapped.push(obj);
        out.push(obj);
      }
      return out;
    },
  });
}

/** The space SCM_RIGHTS needs for a data array, with PHP's checks (the data must be a non-empty array). */
export function rightsSpace(c: Conv, data: unknown): number {
  if (!isArray(data)) c.fail("expected an array here");
  const n = valuesOf(data).length;
  if (n === 0) c.fail("expected at least one element in this array");
  return n * 4;
}

function ifindex(c: Conv, v: unknown): number {
  if (isPhpInt(v)) {
    const n = toLong(v);
    if (n < 0n || n > 0xffffffffn) c.fail(`the interface index cannot be negative or larger than 4294967295; given ${n}`);
    return Number(n);
  }
  const name = cText(toStr(v));
  const idx = os.ifNameToIndex(cstr(name));
  if (idx === 0) c.fail(`no interface with name "${name}" could be found`);
  return idx;
}

const SO_TYPE = C.SO_TYPE!, ENOTSOCK = S.ENOTSOCK, NOSIGPIPE = S.SO_NOSIGPIPE ?? C.SO_NOSIGPIPE;
const ONE = new Uint8Array(new Int32Array([1]).buffer);
const typeBuf = new Int32Array(1), typeLen = new Uint32Array(1);
const sa = new Uint8Array(A.SOCKADDR_MAX), saLen = new Uint32Array(1);

/** A received descriptor as PHP wraps it: a Socket when it is one, otherwise a FileDescriptor. */
function adopt(c: Conv, fd: number): Socket | FileDescriptor {
  typeLen[0] = 4;
  if (os.getsockopt(fd, SOL_SOCKET, SO_TYPE, new Uint8Array(typeBuf.buffer), typeLen) !== 0) {
    const e = os.lastError();
    if (e === ENOTSOCK) return new FileDescriptor(fd, true);
    c.fail(`error creating resource for received file descriptor ${fd}: fstat() call failed with errno ${e}`);
  }
  // socket_import_file_descriptor: the family from getsockname, the blocking mode from the descriptor.
  saLen[0] = sa.length;
  sa.fill(0);
  const family = os.getsockname(fd, sa, saLen) === 0 ? A.family(sa) : 0;
  // Where no send can say MSG_NOSIGNAL (macOS), every socket of the library carries SO_NOSIGPIPE.
  if (NOSIGPIPE !== undefined) os.setsockopt(fd, SOL_SOCKET, NOSIGPIPE, ONE, 4);
  const s = Socket.wrap(fd, family);
  s.sockType = typeBuf[0]!;
  s.blocking = os.isNonBlocking(fd) !== 1;
  return s;
}

/** Closes what a failed or discarded receive brought in. */
export function dropReceived(got: Received): void {
  for (const o of got.wrapped) o.close();
  for (const fd of got.raw) os.close(fd);
  got.wrapped = [];
  got.raw.clear();
}

/** The descriptors of an SCM_RIGHTS message's data (as many whole ints as the buffer holds). */
export function rightsFds(level: number, type: number, data: Uint8Array): number[] {
  if (level !== SOL_SOCKET || type !== C.SCM_RIGHTS) return [];
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= data.byteLength; i += 4) out.push(dv.getInt32(i, true));
  return out;
}

/** The "data" of a received control message, with PHP's checks on its length. */
export function cmsgDataTo(c: Conv, level: number, type: number, len: number, data: Uint8Array, got: Received): unknown {
  const e = entryFor(level, type);
  if (!e) c.fail(`cmsghdr with level ${level} and type ${type} not supported`);
  if (cmsgLen(e.size) > len) c.fail(`the cmsghdr structure is unexpectedly small; expected a length of at least ${cmsgLen(e.size)}, but got ${len}`);
  // The data the OS says it wrote, never past what the buffer holds.
  const n = Math.min(Math.max(len - CMSG_HDR, 0), data.length);
  const view = new DataView(data.buffer, data.byteOffset, n);
  if (n < e.size) return e.to(c, new DataView(new Uint8Array(e.size).buffer), got);
  return e.to(c, view, got);
}

