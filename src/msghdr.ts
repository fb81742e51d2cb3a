// struct msghdr, struct iovec and struct cmsghdr, packed from the platform's generated layouts (as
// address.ts does for sockaddr), and the CMSG_* arithmetic: CMSG_ALIGN rounds to cmsghdr's own alignment
// (8 on glibc and Windows, 4 on macOS, whose cmsghdr is 12 bytes).
import { os } from "./platform/index.ts";
import type { Field, Struct } from "./platform/types.ts";

// A backend without these layouts has no message functions (they throw before packing anything);
// the stand-ins below only keep this module loadable there.
const L = os.layout;
const none: Struct = { size: 0, align: 8, fields: {} };
const MSG = L.msghdr ?? none;
const IOV = L.iovec ?? none;
const CM: Struct = L.cmsghdr ?? { size: 16, align: 8, fields: {} };
/** True when the backend has the layouts the message functions pack. */
export const messageLayouts = L.msghdr !== undefined && L.iovec !== undefined && L.cmsghdr !== undefined;

export const MSGHDR_SIZE = MSG.size;
export const IOVEC_SIZE = IOV.size;

const ALIGN = CM.align;
/** CMSG_ALIGN, in plain arithmetic: lengths may pass 2^31. */
export const cmsgAlign = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;
/** Where a control message's data starts (CMSG_DATA - cmsg). */
export const CMSG_HDR = cmsgAlign(CM.size);
export const cmsgLen = (n: number): number => CMSG_HDR + n;
export const cmsgSpace = (n: number): number => CMSG_HDR + cmsgAlign(n);

function put(dv: DataView, [off, size]: Field, v: number): void {
  if (size === 8) dv.setBigUint64(off, BigInt(v), true);
  else if (size === 4) dv.setUint32(off, v >>> 0, true);
  else if (size === 2) dv.setUint16(off, v, true);
  else dv.setUint8(off, v);
}

function get(dv: DataView, [off, size]: Field): number {
  if (size === 8) return Number(dv.getBigUint64(off, true));
  if (size === 4) return dv.getUint32(off, true);
  if (size === 2) return dv.getUint16(off, true);
  return dv.getUint8(off);
}

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** The pointers and lengths of a msghdr; every pointer is into native memory (or 0). */
export interface MsgParts {
  name: number;
  namelen: number;
  iov: number;
  iovlen: number;
  control: number;
  controllen: number;
}

/** Writes a msghdr into `out` (MSGHDR_SIZE bytes, zeroed first; msg_flags 0). */
export function writeMsghdr(out: Uint8Array, p: MsgParts): void {
  out.fill(0, 0, MSG.size);
  const dv = view(out), f = MSG.fields;
  put(dv, f.msg_name!, p.name);
  put(dv, f.msg_namelen!, p.namelen);
  put(dv, f.msg_iov!, p.iov);
  put(dv, f.msg_iovlen!, p.iovlen);
  put(dv, f.msg_control!, p.control);
  put(dv, f.msg_controllen!, p.controllen);
}

/** What recvmsg changed in the msghdr. */
export function readMsghdr(b: Uint8Array): { namelen: number; controllen: number; flags: number } {
  const dv = view(b), f = MSG.fields;
  return { namelen: get(dv, f.msg_namelen!), controllen: get(dv, f.msg_controllen!), flags: dv.getInt32(f.msg_flags![0], true) };
}

/** Writes iovec number `i` of an array that starts at `at` in `b`. */
export function writeIovec(b: Uint8Array, at: number, i: number, base: number, len: number): void {
  const dv = view(b), f = IOV.fields, o = at + i * IOV.size;
  put(dv, [o + f.iov_base![0], f.iov_base![1]], base);
  put(dv, [o + f.iov_len![0], f.iov_len![1]], len);
}

/** Writes a cmsghdr at `at`: cmsg_len, level and type (the data follows at at + CMSG_HDR). */
export function writeCmsg(b: Uint8Array, at: number, len: number, level: number, type: number): void {
  const dv = view(b), f = CM.fields;
  put(dv, [at + f.cmsg_len![0], f.cmsg_len![1]], len);
  dv.setInt32(at + f.cmsg_level![0], level, true);
  dv.setInt32(at + f.cmsg_type![0], type, true);
}

/** One control message of a received buffer; `data` is a view of its data (never past the buffer). */
export interface Cmsg {
  level: number;
  type: number;
  /** cmsg_len as the OS wrote it. */
  len: number;
  data: Uint8Array;
}

/**
 * The control messages in control[0..used), walked as CMSG_FIRSTHDR/CMSG_NXTHDR do, with every length
 * bounded by the buffer so that a bad cmsg_len can never read past it.
 */
export function* cmsgs(control: Uint8Array, used: number): Generator<Cmsg> {
  const end = Math.min(used, control.length);
  const dv = view(control), f = CM.fields;
  let at = 0;
  while (at + CM.size <= end) {
    const len = get(dv, [at + f.cmsg_len![0], f.cmsg_len![1]]);
    const level = dv.getInt32(at + f.cmsg_level![0], true);
    const type = dv.getInt32(at + f.cmsg_type![0], true);
    const dataEnd = Math.min(at + Math.max(len, CMSG_HDR), end);
    yield { level, type, len, data: control.subarray(Math.min(at + CMSG_HDR, dataEnd), dataEnd) };
    if (len < CM.size) return;
    const next = at + cmsgAlign(len);
    // CMSG_NXTHDR: the next header and its aligned length must both fit.
    if (next + CM.size > end) return;
    const nextLen = get(dv, [next + f.cmsg_len![0], f.cmsg_len![1]]);
    if (next + cmsgAlign(nextLen) > end) return;
    at = next;
  }
}
