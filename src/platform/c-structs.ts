// C data exchanged with the OS through the generated layouts (C strings, getaddrinfo's hints and
// result list), so that every backend reads and writes it the same way.
import { read, toArrayBuffer, type Pointer } from "bun:ffi";
import type { AddrInfo, AddrInfoHints, Struct } from "./types.ts";

/** The bytes of a NUL-terminated C string (at most `max`), copied. */
export function cBytes(p: Pointer, max: number): Uint8Array {
  let n = 0;
  while (n < max && read.u8(p, n) !== 0) n++;
  return n === 0 ? new Uint8Array(0) : new Uint8Array(toArrayBuffer(p, 0, n).slice(0));
}

/**
 * Copies a getaddrinfo() result list. Offsets come from the layout (darwin puts ai_canonname before
 * ai_addr, glibc after; ai_addrlen is a size_t on Windows); an address is cut at `maxAddr` bytes.
 */
export function readAddrInfoList(head: Pointer, ai: Struct, maxAddr: number): AddrInfo[] {
  const f = ai.fields;
  const [lenOff, lenSize] = f.ai_addrlen!;
  const out: AddrInfo[] = [];
  for (let p = head; p; p = read.ptr(p, f.ai_next![0]) as Pointer) {
    const len = Math.min(lenSize === 8 ? Number(read.u64(p, lenOff)) : read.u32(p, lenOff), maxAddr);
    const addr = read.ptr(p, f.ai_addr![0]) as Pointer;
    const canon = read.ptr(p, f.ai_canonname![0]) as Pointer;
    out.push({
      flags: read.i32(p, f.ai_flags![0]),
      family: read.i32(p, f.ai_family![0]),
      socktype: read.i32(p, f.ai_socktype![0]),
      protocol: read.i32(p, f.ai_protocol![0]),
      addr: addr && len > 0 ? new Uint8Array(toArrayBuffer(addr, 0, len).slice(0)) : new Uint8Array(0),
      canonname: canon ? cBytes(canon, 1025) : null,
    });
  }
  return out;
}

/** Fills a struct addrinfo of hints (zeroed first) for getaddrinfo(). */
export function writeAddrInfoHints(out: Uint8Array, ai: Struct, hints: AddrInfoHints): void {
  out.fill(0);
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  dv.setInt32(ai.fields.ai_flags![0], hints.flags, true);
  dv.setInt32(ai.fields.ai_family![0], hints.family, true);
  dv.setInt32(ai.fields.ai_socktype![0], hints.socktype, true);
  dv.setInt32(ai.fields.ai_protocol![0], hints.protocol, true);
}
