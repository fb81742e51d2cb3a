// One recvmsg into native memory, shared by PHP 8's socket_recvmsg and PHP 4's forms (readv and the
// old socket_recvmsg): the name, data and control buffers live in one scratch block for the call and
// are copied out before it is given back.
import { PhpError } from "../php/errors.ts";
import { binaryString, utf8 } from "../bytes.ts";
import { IOVEC_SIZE, MSGHDR_SIZE, cmsgs, messageLayouts, readMsghdr, writeIovec, writeMsghdr } from "../msghdr.ts";
import { nativeMemory, releaseScratch, takeScratch, type NativeBlock } from "../platform/native-memory.ts";
import { os, type Socket } from "./common.ts";
import * as shared from "./emulated-blocking.ts";
import { rightsFds, type Received } from "./cmsg.ts";

/**
 * The control buffer given to the OS is capped: no OS delivers more ancillary data than this (Linux
 * passes at most 253 descriptors, about 1 KiB), so a larger controllen changes nothing but the memory.
 */
const CONTROL_CAP = 64 * 1024;

const msghdr = new Uint8Array(MSGHDR_SIZE);
export const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/** Native memory for one call, or PHP's out-of-memory error. */
export function scratch(fn: string, size: number): NativeBlock {
  if (!nativeMemory || !messageLayouts || !os.sendmsg || !os.recvmsg) throw new PhpError(`${fn}(): not supported on this platform`);
  const b = takeScratch(size);
  if (!b) throw new PhpError(`${fn}(): Out of memory (tried to allocate ${size} bytes)`);
  return b;
}

/** The bytes of a received message as a string in the socket's encoding (each message alone). */
export const messageText = (s: Socket, b: Uint8Array): string => (s.encoding === "binary" ? binaryString(b) : utf8.decode(b));

/** What recvmsg filled in, copied out of native memory. */
export interface Got {
  n: number;
  name: Uint8Array | null;
  control: Uint8Array;
  data: Uint8Array;
  flags: number;
}

/** One recvmsg into native memory for a name (or none), one data buffer and a control buffer. */
export function recvInto(fn: string, s: Socket, nameSize: number | null, namelen: number, buffer: number, controllen: number, flags: number, iov?: { ptr: number; count: number }): Got | number {
  const ctl = Math.min(controllen, CONTROL_CAP);
  const nameAt = 0, iovAt = align8(nameSize ?? 0), ctlAt = iovAt + IOVEC_SIZE, dataAt = ctlAt + align8(ctl);
  const block = scratch(fn, dataAt + (iov ? 0 : buffer));
  try {
    const b = block.bytes;
    if (!iov) writeIovec(b, iovAt, 0, block.ptr + dataAt, buffer);
    writeMsghdr(msghdr, {
      name: nameSize !== null ? block.ptr + nameAt : 0,
      namelen: nameSize !== null ? namelen : 0,
      iov: iov ? iov.ptr : block.ptr + iovAt,
      iovlen: iov ? iov.count : 1,
      control: ctl ? block.ptr + ctlAt : 0,
      controllen: ctl,
    });
    const r = s.sharedFd ? shared.message(true, s, msghdr, flags) : os.recvmsg!(s.fd, msghdr, flags);
    if (r < 0) return -1;
    const h = readMsghdr(msghdr);
    return {
      n: r,
      name: nameSize !== null ? b.slice(nameAt, nameAt + nameSize) : null,
      control: b.slice(ctlAt, ctlAt + Math.min(h.controllen, ctl)),
      data: iov ? new Uint8Array(0) : b.slice(dataAt, dataAt + Math.min(r, buffer)),
      flags: h.flags,
    };
  } finally {
    releaseScratch(block);
  }
}

/** Every descriptor the control messages carry (to close them if the result is not handed over). */
export function receivedFds(control: Uint8Array): Received {
  const raw = new Set<number>();
  for (const m of cmsgs(control, control.length)) for (const fd of rightsFds(m.level, m.type, m.data)) raw.add(fd);
  return { raw, wrapped: [] };
}

