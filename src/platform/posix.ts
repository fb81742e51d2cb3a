// The BSD-socket calls shared by Linux (glibc) and macOS (libSystem). Each OS file gives the library
// name, where errno lives, its generated tables and what it does about SIGPIPE; everything else is here.
import { dlopen, ptr, read, CString, toArrayBuffer, type Pointer } from "bun:ffi";
import type { Platform, Tables } from "./types.ts";
import { readAddrInfoList, writeAddrInfoHints } from "./c-structs.ts";

export interface PosixOptions {
  readonly os: "linux" | "darwin";
  readonly lib: string;
  /** The function that returns this thread's errno address (never the `errno` symbol itself). */
  readonly errnoSymbol: "__errno_location" | "__error";
  /**
   * Where h_errno lives: glibc's function that returns this thread's h_errno address, or macOS's
   * `h_errno` itself, a plain global int (Libinfo has no accessor), read at the symbol's address.
   */
  readonly hErrnoSymbol: "__h_errno_location" | "h_errno";
  readonly tables: Tables;
  /** Flags added to every send: MSG_NOSIGNAL on Linux, 0 where SO_NOSIGPIPE is set instead. */
  readonly sendFlags: number;
  /** Set to 1 on every new handle at SOL_SOCKET (macOS: SO_NOSIGPIPE), where no send flag exists. */
  readonly noSigPipeOption?: number;
  /** The C library has epoll (Linux). */
  readonly epoll?: boolean;
}

// ssize_t returns are declared i32: lengths are capped below 2^31 by the callers, and -1 stays -1.
const symbols = {
  socket: { args: ["i32", "i32", "i32"], returns: "i32" },
  socketpair: { args: ["i32", "i32", "i32", "buffer"], returns: "i32" },
  bind: { args: ["i32", "buffer", "u32"], returns: "i32" },
  connect: { args: ["i32", "buffer", "u32"], returns: "i32" },
  listen: { args: ["i32", "i32"], returns: "i32" },
  accept: { args: ["i32", "buffer", "buffer"], returns: "i32" },
  close: { args: ["i32"], returns: "i32" },
  shutdown: { args: ["i32", "i32"], returns: "i32" },
  getsockname: { args: ["i32", "buffer", "buffer"], returns: "i32" },
  getpeername: { args: ["i32", "buffer", "buffer"], returns: "i32" },
  recv: { args: ["i32", "buffer", "usize", "i32"], returns: "i32" },
  send: { args: ["i32", "buffer", "usize", "i32"], returns: "i32" },
  recvfrom: { args: ["i32", "buffer", "usize", "i32", "buffer", "buffer"], returns: "i32" },
  sendto: { args: ["i32", "buffer", "usize", "i32", "buffer", "u32"], returns: "i32" },
  getsockopt: { args: ["i32", "i32", "i32", "buffer", "buffer"], returns: "i32" },
  setsockopt: { args: ["i32", "i32", "i32", "buffer", "u32"], returns: "i32" },
  // fcntl and ioctl are variadic, and Apple's arm64 ABI passes variadic arguments on the stack, where a
  // fixed-arity call leaves nothing. So the argument goes twice: third (a register: SysV x86-64, AAPCS64)
  // and ninth (after five zeros, the first stack slot: Apple arm64); makePosix's fcntl/ioctl wrap it.
  fcntl: { args: ["i32", "i32", "i64", "i64", "i64", "i64", "i64", "i64", "i64"], returns: "i32" },
  poll: { args: ["buffer", "u64", "i32"], returns: "i32" },
  strerror: { args: ["i32"], returns: "ptr" },
  inet_pton: { args: ["i32", "buffer", "buffer"], returns: "i32" },
  gethostbyname: { args: ["buffer"], returns: "ptr" },
  hstrerror: { args: ["i32"], returns: "ptr" },
  getaddrinfo: { args: ["buffer", "ptr", "buffer", "buffer"], returns: "i32" },
  freeaddrinfo: { args: ["ptr"], returns: "void" },
  getservbyname: { args: ["buffer", "buffer"], returns: "ptr" },
  getprotobyname: { args: ["buffer"], returns: "ptr" },
  if_nametoindex: { args: ["buffer"], returns: "u32" },
  sockatmark: { args: ["i32"], returns: "i32" },
  dup: { args: ["i32"], returns: "i32" },
  ioctl: { args: ["i32", "u64", "buffer", "i64", "i64", "i64", "i64", "i64", "buffer"], returns: "i32" },
  sendmsg: { args: ["i32", "buffer", "i32"], returns: "i32" },
  recvmsg: { args: ["i32", "buffer", "i32"], returns: "i32" },
  malloc: { args: ["usize"], returns: "ptr" },
  free: { args: ["ptr"], returns: "void" },
} as const;

const epollSymbols = {
  epoll_create1: { args: ["i32"], returns: "i32" },
  epoll_ctl: { args: ["i32", "i32", "i32", "buffer"], returns: "i32" },
  epoll_wait: { args: ["i32", "buffer", "i32", "i32"], returns: "i32" },
} as const;

/** epoll's three calls, for a C library that has them. */
function epollCalls(o: PosixOptions): Pick<Platform, "epollCreate" | "epollCtl" | "epollWait"> {
  if (!o.epoll) return {};
  const e = dlopen(o.lib, epollSymbols).symbols;
  const cloexec = need(o.tables.system, "EPOLL_CLOEXEC").EPOLL_CLOEXEC;
  return {
    epollCreate: () => e.epoll_create1(cloexec),
    epollCtl: (ep, op, h, ev) => e.epoll_ctl(ep, op, h, ev),
    epollWait: (ep, out, max, ms) => e.epoll_wait(ep, out, max, ms),
  };
}

export function makePosix(o: PosixOptions): Platform {
  const lib = dlopen(o.lib, {
    ...symbols,
    [o.errnoSymbol]: { args: [], returns: "ptr" },
    // h_errno as a data symbol is declared like a function but never called: only its address is used.
    [o.hErrnoSymbol]: { args: [], returns: o.hErrnoSymbol === "h_errno" ? "i32" : "ptr" },
  });
  const f = lib.symbols;
  const errnoPtr = (f as unknown as Record<string, () => Pointer>)[o.errnoSymbol]!();
  const hErrnoSym = (f as unknown as Record<string, (() => Pointer) & { ptr?: Pointer }>)[o.hErrnoSymbol]!;
  const hErrnoPtr = o.hErrnoSymbol === "h_errno" ? hErrnoSym.ptr! : hErrnoSym();
  const fcntl = (h: number, cmd: number, arg: number): number => f.fcntl(h, cmd, arg, 0, 0, 0, 0, 0, arg);
  const ioctl = (h: number, req: number, arg: Uint8Array): number => f.ioctl(h, req, arg, 0, 0, 0, 0, 0, arg);
  const L = o.tables.layout;
  const hostent = L.hostent!.fields, servent = L.servent!.fields, protoent = L.protoent!.fields, ai = L.addrinfo!;
  const aiHints = new Uint8Array(ai.size);
  const aiOut = new BigUint64Array(1);
  const { O_NONBLOCK, F_GETFL, F_SETFL } = need(o.tables.system, "O_NONBLOCK", "F_GETFL", "F_SETFL");
  const sendFlags = o.sendFlags;
  const SOL_SOCKET = need(o.tables.constants, "SOL_SOCKET").SOL_SOCKET;
  const one = new Int32Array([1]);
  const nsp = o.noSigPipeOption;
  const onNew = nsp === undefined ? undefined : (fd: number) => void f.setsockopt(fd, SOL_SOCKET, nsp, one, 4);
  const adopt = onNew ? (fd: number) => (fd >= 0 && onNew(fd), fd) : (fd: number) => fd;
  const ifconf = ifconfCall(ioctl, o.tables);

  return {
    ...epollCalls(o),
    os: o.os,
    constants: o.tables.constants,
    system: o.tables.system,
    layout: o.tables.layout,
    socket: (d, t, p) => adopt(f.socket(d, t, p)),
    socketpair(d, t, p, out) {
      const r = f.socketpair(d, t, p, out);
      if (r === 0 && onNew) (onNew(out[0]!), onNew(out[1]!));
      return r;
    },
    bind: (h, a, l) => f.bind(h, a, l),
    connect: (h, a, l) => f.connect(h, a, l),
    listen: (h, b) => f.listen(h, b),
    accept: (h, a, l) => adopt(f.accept(h, a ?? EMPTY, l ?? ZERO_LEN())),
    close: (h) => f.close(h),
    shutdown: (h, how) => f.shutdown(h, how),
    getsockname: (h, a, l) => f.getsockname(h, a, l),
    getpeername: (h, a, l) => f.getpeername(h, a, l),
    recv: (h, b, n, fl) => f.recv(h, b, n, fl),
    send: (h, b, n, fl) => f.send(h, b, n, fl | sendFlags),
    recvfrom: (h, b, n, fl, a, l) => f.recvfrom(h, b, n, fl, a, l),
    sendto: (h, b, n, fl, a, l) => f.sendto(h, b, n, fl | sendFlags, a, l),
    getsockopt: (h, lv, nm, v, l) => f.getsockopt(h, lv, nm, v, l),
    setsockopt: (h, lv, nm, v, l) => f.setsockopt(h, lv, nm, v, l),
    setBlocking(h, blocking) {
      const fl = fcntl(h, F_GETFL, 0);
      if (fl < 0) return -1;
      const next = blocking ? fl & ~O_NONBLOCK : fl | O_NONBLOCK;
      return next === fl ? 0 : fcntl(h, F_SETFL, next);
    },
    isNonBlocking(h) {
      const fl = fcntl(h, F_GETFL, 0);
      return fl < 0 ? -1 : fl & O_NONBLOCK ? 1 : 0;
    },
    poll: (fds, n, ms) => f.poll(fds, n, ms),
    inetPton: (af, src, dst) => f.inet_pton(af, src, dst),
    gethostbyname(name) {
      const h = f.gethostbyname(name) as Pointer | null;
      if (!h) return null;
      const family = readField(h, hostent.h_addrtype!);
      const len = readField(h, hostent.h_length!);
      const list = read.ptr(h, hostent.h_addr_list![0]) as Pointer;
      const addrs: Uint8Array[] = [];
      for (let i = 0; list; i++) {
        const a = read.ptr(list, i * 8) as Pointer;
        if (!a) break;
        addrs.push(new Uint8Array(toArrayBuffer(a, 0, len).slice(0)));
      }
      return { family, addrs };
    },
    hostLookupError: () => -10000 - read.i32(hErrnoPtr, 0),
    hstrerror: (code) => new CString(f.hstrerror(code)!).toString(),
    resolve(name, family, flags = 0) {
      aiHints.fill(0);
      new DataView(aiHints.buffer).setInt32(ai.fields.ai_family![0], family, true);
      new DataView(aiHints.buffer).setInt32(ai.fields.ai_flags![0], flags, true);
      const rc = f.getaddrinfo(name, null, aiHints, aiOut);
      if (rc !== 0) return rc;
      const res = Number(aiOut[0]) as Pointer;
      const len = read.u32(res, ai.fields.ai_addrlen![0]);
      const addr = read.ptr(res, ai.fields.ai_addr![0]) as Pointer;
      const out = new Uint8Array(toArrayBuffer(addr, 0, len).slice(0));
      f.freeaddrinfo(res);
      return out;
    },
    getservbyname(name, proto) {
      const s = f.getservbyname(name, proto);
      if (!s) return -1;
      const port = read.u16(s, servent.s_port![0]); // network order in an int
      return ((port & 0xff) << 8) | (port >> 8);
    },
    getprotobyname(name) {
      const p = f.getprotobyname(name);
      return p ? read.i32(p, protoent.p_proto![0]) : -1;
    },
    ifNameToIndex: (name) => f.if_nametoindex(name),
    getaddrinfo(host, service, hints) {
      writeAddrInfoHints(aiHints, ai, hints);
      const rc = f.getaddrinfo(host, service, aiHints, aiOut);
      if (rc !== 0) return rc;
      const head = Number(aiOut[0]) as Pointer;
      const out = readAddrInfoList(head, ai, 1 << 16);
      f.freeaddrinfo(head);
      return out;
    },
    atmark: (h) => f.sockatmark(h),
    dup: (h) => f.dup(h),
    ioctl,
    ...(ifconf ? { ifconf } : {}),
    sendmsg: (h, m, fl) => f.sendmsg(h, m, fl | sendFlags),
    recvmsg: (h, m, fl) => f.recvmsg(h, m, fl),
    malloc: (n) => Number(f.malloc(n) ?? 0),
    free: (p) => f.free(p as Pointer),
    lastError: () => read.i32(errnoPtr, 0),
    strerror: (code) => new CString(f.strerror(code)!).toString(),
  };
}

// SIOCGIFCONF's struct points at the records (ifc_buf): that memory must be the library's own and too
// large for the GC's small-object heap, so one buffer serves every call and is copied out.
const IFCONF_MAX = 64 * 1024;
function ifconfCall(ioctl: (h: number, req: number, arg: Uint8Array) => number, t: Tables) {
  const L = t.layout.ifconf, req = t.system.SIOCGIFCONF;
  if (!L || req === undefined) return undefined;
  const records = new Uint8Array(IFCONF_MAX);
  const conf = new Uint8Array(L.size);
  const view = new DataView(conf.buffer);
  const [lenOff] = L.fields.ifc_len!, [bufOff, bufSize] = L.fields.ifc_buf!;
  return (h: number, out: Uint8Array): number => {
    conf.fill(0);
    view.setInt32(lenOff, Math.min(out.length, IFCONF_MAX), true);
    if (bufSize === 8) view.setBigUint64(bufOff, BigInt(ptr(records)), true);
    else view.setUint32(bufOff, ptr(records), true);
    if (ioctl(h, req, conf) < 0) return -1;
    const n = Math.min(view.getInt32(lenOff, true), out.length);
    out.set(records.subarray(0, n));
    return n;
  };
}

function readField(p: Pointer, [off, size]: readonly [number, number]): number {
  return size === 2 ? read.i16(p, off) : read.i32(p, off);
}

// accept() without a caller's address still needs real memory: the OS may write up to addrlen bytes.
const EMPTY = new Uint8Array(256);
const ZERO_LEN = () => new Uint32Array([EMPTY.length]);

export function need<K extends string>(table: Readonly<Record<string, number>>, ...names: K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const n of names) {
    const v = table[n];
    if (v === undefined) throw new Error(`php-sockets: the platform table lacks ${n}`);
    out[n] = v;
  }
  return out;
}
