// Windows: ws2_32 through bun:ffi (declarations in winsock.ts). SOCKET handles are numbers here;
// INVALID_SOCKET and SOCKET_ERROR become -1, and the Winsock error of every failing call is captured
// at once (WSAGetLastError is the thread's GetLastError, which the runtime may reuse before a caller
// asks). loadWindows() binds the DLLs; makeWindows() is the backend itself, testable with fakes.
import { CFunction, dlopen, read, toArrayBuffer, type Library, type Pointer } from "bun:ffi";
import type { Bytes, Platform, Struct, Tables } from "./types.ts";
import { readAddrInfoList, writeAddrInfoHints } from "./c-structs.ts";
import { tables as windowsTables } from "./tables/windows.ts";
import { IPHLPAPI, KERNEL32, MSVCRT, WS2_32, WSA_RECV_MSG } from "./winsock.ts";

export type Ws2 = Library<typeof WS2_32>["symbols"];
export type Kernel32 = Library<typeof KERNEL32>["symbols"];
export type Crt = Library<typeof MSVCRT>["symbols"];
/** LPFN_WSARECVMSG without its two overlapped-I/O arguments. */
export type RecvMsgFn = (h: number, msg: Bytes, received: Uint32Array) => number;

export interface WinApi {
  readonly ws: Ws2;
  readonly k32: Kernel32;
  readonly crt: Crt;
  /** if_nametoindex from iphlpapi, or null where it cannot be loaded. */
  readonly ifNameToIndex: ((name: Bytes) => number) | null;
  /** A callable for the WSARecvMsg whose address WSAIoctl gave. */
  readonly recvMsgAt: (fnPtr: number) => RecvMsgFn;
}

const INVALID_SOCKET = 0xffff_ffff_ffff_ffffn;
const FORMAT_MESSAGE_IGNORE_INSERTS = 0x200, FORMAT_MESSAGE_FROM_SYSTEM = 0x1000;
// MAKELANGID(LANG_NEUTRAL, SUBLANG_NEUTRAL), as php_win32_error_to_msg asks for.
const LANG_NEUTRAL = 0;
// winsock2.h / winnt.h / winerror.h: socket sharing through a named page-file mapping.
const FROM_PROTOCOL_INFO = -1, PAGE_READWRITE = 0x04, FILE_MAP_WRITE = 0x02, FILE_MAP_READ = 0x04;
const ERROR_ALREADY_EXISTS = 183, INVALID_HANDLE_VALUE = -1, CURRENT_PROCESS = -1;
// mswsock.h: _WSAIORW(IOC_WS2, 6), and WSAID_WSARECVMSG {f689d7c8-6f1f-436b-8a53-e54fe351c322} as bytes.
const SIO_GET_EXTENSION_FUNCTION_POINTER = 0xc8000006;
const WSAID_WSARECVMSG = Uint8Array.of(0xc8, 0xd7, 0x89, 0xf6, 0x1f, 0x6f, 0x6b, 0x43, 0x8a, 0x53, 0xe5, 0x4f, 0xe3, 0x51, 0xc3, 0x22);

/**
 * Windows has no struct msghdr/iovec: WSAMSG and WSABUF play their part (PHP's Windows build does
 * `#define msghdr _WSAMSG`). The backend's layout names their fields as POSIX does, so the message
 * functions pack a WSAMSG through the same code that packs a msghdr elsewhere.
 */
function alias(s: Struct | undefined, names: Record<string, string>): Struct | undefined {
  if (!s) return undefined;
  const fields: Record<string, readonly [number, number]> = {};
  for (const [posix, win] of Object.entries(names)) {
    const f = s.fields[win];
    if (!f) return undefined;
    fields[posix] = f;
  }
  return { size: s.size, align: s.align, fields };
}

function withMsgAliases(t: Tables): Tables["layout"] {
  const L = t.layout;
  const msghdr = alias(L.WSAMSG, {
    msg_name: "name", msg_namelen: "namelen", msg_iov: "lpBuffers", msg_iovlen: "dwBufferCount",
    msg_control: "Control_buf", msg_controllen: "Control_len", msg_flags: "dwFlags",
  });
  const iovec = alias(L.WSABUF, { iov_base: "buf", iov_len: "len" });
  return { ...L, ...(msghdr ? { msghdr } : {}), ...(iovec ? { iovec } : {}) };
}

/** Binds ws2_32/kernel32, starts Winsock 2.2 for the process and cleans it up at exit. */
export function loadWindows(): Platform {
  const ws = dlopen("ws2_32.dll", WS2_32).symbols;
  const k32 = dlopen("kernel32.dll", KERNEL32).symbols;
  const crt = dlopen("msvcrt.dll", MSVCRT).symbols;
  const rc = ws.WSAStartup(0x0202, new Uint8Array(512)); // WSADATA is 408 bytes on Win64
  if (rc !== 0) throw new Error(`php-sockets: WSAStartup(2.2) failed with ${rc}`);
  process.once("exit", () => void ws.WSACleanup());
  let ifn: ((name: Bytes) => number) | null | undefined;
  const ifNameToIndex = (name: Bytes): number => {
    if (ifn === undefined) {
      try {
        ifn = dlopen("iphlpapi.dll", IPHLPAPI).symbols.if_nametoindex;
      } catch {
        ifn = null;
      }
    }
    return ifn ? ifn(name) : 0;
  };
  const recvMsgAt = (fnPtr: number): RecvMsgFn => {
    const f = CFunction({ ...WSA_RECV_MSG, ptr: fnPtr as Pointer });
    return (h, msg, received) => f(h, msg, received, null, null);
  };
  return makeWindows({ ws, k32, crt, ifNameToIndex, recvMsgAt }, windowsTables);
}

export function makeWindows(api: WinApi, t: Tables): Platform {
  const { ws, k32, crt } = api;
  const S = t.system, L = withMsgAliases(t);
  const num = (name: string): number => {
    const v = S[name] ?? t.constants[name];
    if (v === undefined) throw new Error(`php-sockets: the windows table lacks ${name}`);
    return v;
  };
  const AF_INET = num("AF_INET"), FIONBIO = num("FIONBIO");
  const WSAEINVAL = num("WSAEINVAL"), WSAENOPROTOOPT = num("WSAENOPROTOOPT"), WSAECONNABORTED = num("WSAECONNABORTED"), WSAEMFILE = num("WSAEMFILE");
  const hostent = L.hostent!.fields, servent = L.servent!.fields, protoent = L.protoent!.fields, ai = L.addrinfo!;
  const in4 = L.sockaddr_in!;

  let err = 0; // the Winsock error of the last failing call
  let hostErr = 0; // WSAGetLastError() right after the last name lookup (PHP's h_errno on Windows)
  const nonBlocking = new Set<number>(); // Winsock cannot be asked whether FIONBIO is set
  // Open handles made from a WSAPROTOCOL_INFO. Windows lets an info be used once; Wine hands the same
  // handle out again, which would give two Sockets one handle (and a double close): refused here.
  const fromInfo = new Set<number>();

  const chk = (r: number): number => (r === -1 ? ((err = ws.WSAGetLastError()), -1) : r);
  const handle = (r: number | bigint): number => {
    if (typeof r === "number") return r;
    if (r === INVALID_SOCKET) return (err = ws.WSAGetLastError()), -1;
    ws.closesocket(r); // a SOCKET past 2^53 cannot be a JS number: refuse it rather than truncate it
    return (err = WSAEMFILE), -1;
  };

  const modeBox = new Uint32Array(1);
  const modeBytes = new Uint8Array(modeBox.buffer);
  const spare = new Uint8Array(L.sockaddr_storage?.size ?? 128);
  const spareLen = new Uint32Array(1);
  const aiHints = new Uint8Array(ai.size);
  const aiOut = new BigUint64Array(1);
  const text = new Uint16Array(4096); // FormatMessageW's output, in WCHARs
  const utf16 = new TextDecoder("utf-16le");
  const moved = new Uint32Array(1); // bytes sent or received by WSASendMsg/WSARecvMsg
  const dwFlags = L.msghdr?.fields.msg_flags?.[0] ?? 48;
  let recvMsg: RecvMsgFn | null = null;

  /** recvmsg as PHP's Windows build does it: dwFlags = flags, then WSARecvMsg, fetched once. */
  function recvmsg(h: number, msg: Bytes, flags: number): number {
    if (!recvMsg) {
      const fn = new BigUint64Array(1), got = new Uint32Array(1);
      if (ws.WSAIoctl(h, SIO_GET_EXTENSION_FUNCTION_POINTER, WSAID_WSARECVMSG, 16, fn, 8, got, null, null) !== 0)
        return (err = ws.WSAGetLastError()), -1;
      recvMsg = api.recvMsgAt(Number(fn[0]));
    }
    new DataView(msg.buffer, msg.byteOffset, msg.byteLength).setUint32(dwFlags, flags >>> 0, true);
    return recvMsg(h, msg, moved) === 0 ? moved[0]! : ((err = ws.WSAGetLastError()), -1);
  }

  /** A HANDLE as a number; NULL (and a handle past 2^53, which no kernel hands out) fail. */
  const winHandle = (r: number | bigint): number => (typeof r === "number" && r !== 0 ? r : ((err = k32.GetLastError()), -1));

  function socketFromInfo(info: Bytes): number {
    const r = handle(ws.WSASocketA(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, info, 0, 0));
    if (r >= 0 && fromInfo.has(r)) return (err = WSAEINVAL), -1;
    if (r >= 0) fromInfo.add(r);
    return r;
  }

  function mappingCreate(name: Bytes, size: number): number {
    k32.SetLastError(0); // a fresh mapping leaves GetLastError alone: only ERROR_ALREADY_EXISTS must show
    const m = k32.CreateFileMappingA(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, size, name);
    const code = k32.GetLastError();
    if (m === 0) return (err = code), -1;
    // CreateFileMapping opens a mapping that already has the name: another process's id, never ours to overwrite.
    if (code === ERROR_ALREADY_EXISTS) return k32.CloseHandle(m), (err = code), -1;
    return winHandle(m);
  }

  function mappingCopy(h: number, buf: Bytes, write: boolean): number {
    const view = k32.MapViewOfFile(h, write ? FILE_MAP_WRITE : FILE_MAP_READ, 0, 0, 0) as Pointer | null;
    if (!view) return (err = k32.GetLastError()), -1;
    let ok = true;
    // Writes go only to mappings this backend made (mappingCreate: `size` bytes, all committed); a mapping
    // opened by name may be anyone's, so reading it must not fault on a short or reserved one.
    if (write) crt.memcpy(view, buf, buf.length);
    else if (!k32.ReadProcessMemory(CURRENT_PROCESS, view, buf, buf.length, null)) (ok = false), (err = k32.GetLastError());
    k32.UnmapViewOfFile(view);
    return ok ? 0 : -1;
  }

  const strerror = (code: number): string => {
    const n = k32.FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, null, code >>> 0, LANG_NEUTRAL, text, text.length, null);
    if (n === 0) return "";
    // php_win32_error_to_msg strips every trailing CR, LF and period.
    let end = Math.min(n, text.length);
    while (end > 0 && (text[end - 1] === 13 || text[end - 1] === 10 || text[end - 1] === 46)) end--;
    return utf16.decode(text.subarray(0, end));
  };

  const sameBytes = (a: Uint8Array, b: Uint8Array, n: number): boolean => {
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
    return true;
  };

  /**
   * socket_create_pair as PHP's Windows build does it (win32/sockets.c): AF_INET only, else
   * WSAENOPROTOOPT; a loopback listener, a connect and an accept; any failure is WSAECONNABORTED.
   * Unlike PHP the listener is bound to 127.0.0.1, not INADDR_ANY, and the accepted peer must be
   * our own connecting socket.
   */
  function socketpair(d: number, type: number, p: number, out: Int32Array): number {
    if (d !== AF_INET) return (err = WSAENOPROTOOPT), -1;
    let lsn = -1, a = -1, b = -1;
    const abort = (): number => {
      for (const h of [lsn, a, b]) if (h >= 0) ws.closesocket(h);
      return (err = WSAECONNABORTED), -1;
    };
    const sa = new Uint8Array(in4.size), peer = new Uint8Array(in4.size), mine = new Uint8Array(in4.size);
    const len = new Uint32Array([in4.size]);
    new DataView(sa.buffer).setUint16(in4.fields.sin_family![0], AF_INET, true);
    sa.set([127, 0, 0, 1], in4.fields.sin_addr![0]);
    if ((lsn = handle(ws.socket(d, type, p))) < 0) return abort();
    if (ws.bind(lsn, sa, in4.size) !== 0 || ws.getsockname(lsn, sa, len) !== 0 || ws.listen(lsn, 2) !== 0) return abort();
    if ((b = handle(ws.socket(d, type, p))) < 0) return abort();
    if (ws.connect(b, sa, in4.size) !== 0) return abort();
    len[0] = in4.size;
    if ((a = handle(ws.accept(lsn, peer, len))) < 0) return abort();
    len[0] = in4.size;
    if (ws.getsockname(b, mine, len) !== 0 || !sameBytes(peer, mine, in4.size)) return abort();
    ws.closesocket(lsn);
    out[0] = a;
    out[1] = b;
    return 0;
  }

  return {
    os: "windows",
    constants: t.constants,
    system: t.system,
    layout: L,
    timeoutAsMillis: true,
    socket: (d, type, p) => handle(ws.socket(d, type, p)),
    socketpair,
    bind: (h, a, l) => chk(ws.bind(h, a, l)),
    connect: (h, a, l) => chk(ws.connect(h, a, l)),
    listen: (h, b) => chk(ws.listen(h, b)),
    accept(h, a, l) {
      if (!a || !l) (spareLen[0] = spare.length), (a = spare), (l = spareLen);
      const r = handle(ws.accept(h, a, l));
      // An accepted socket inherits the listener's FIONBIO mode.
      if (r >= 0 && nonBlocking.has(h)) nonBlocking.add(r);
      return r;
    },
    close(h) {
      nonBlocking.delete(h);
      fromInfo.delete(h);
      return chk(ws.closesocket(h));
    },
    shutdown: (h, how) => chk(ws.shutdown(h, how)),
    getsockname: (h, a, l) => chk(ws.getsockname(h, a, l)),
    getpeername: (h, a, l) => chk(ws.getpeername(h, a, l)),
    recv: (h, b, n, fl) => chk(ws.recv(h, b, n, fl)),
    // No SIGPIPE on Windows: a write to a closed peer fails with WSAECONNRESET/WSAECONNABORTED.
    send: (h, b, n, fl) => chk(ws.send(h, b, n, fl)),
    recvfrom: (h, b, n, fl, a, l) => chk(ws.recvfrom(h, b, n, fl, a, l)),
    sendto: (h, b, n, fl, a, l) => chk(ws.sendto(h, b, n, fl, a, l)),
    getsockopt(h, lv, nm, v, l) {
      // Winsock may write fewer bytes than it reports (a 1-byte BOOL): never leave stale bytes.
      v.fill(0, 0, Math.min(v.length, l[0]!));
      return chk(ws.getsockopt(h, lv, nm, v, l));
    },
    setsockopt: (h, lv, nm, v, l) => chk(ws.setsockopt(h, lv, nm, v, l)),
    setBlocking(h, blocking) {
      modeBox[0] = blocking ? 0 : 1;
      const r = chk(ws.ioctlsocket(h, FIONBIO, modeBytes));
      if (r === 0) blocking ? nonBlocking.delete(h) : nonBlocking.add(h);
      return r;
    },
    isNonBlocking: (h) => (nonBlocking.has(h) ? 1 : 0),
    poll: (fds, n, ms) => chk(ws.WSAPoll(fds, n, ms)),
    inetPton: (af, src, dst) => chk(ws.inet_pton(af, src, dst)),
    gethostbyname(name) {
      const h = ws.gethostbyname(name) as Pointer | null;
      hostErr = ws.WSAGetLastError();
      if (!h) return null;
      const family = read.i16(h, hostent.h_addrtype![0]);
      const len = Math.min(read.i16(h, hostent.h_length![0]), 16);
      const list = read.ptr(h, hostent.h_addr_list![0]) as Pointer;
      const addrs: Uint8Array[] = [];
      for (let i = 0; list && len > 0; i++) {
        const a = read.ptr(list, i * 8) as Pointer;
        if (!a) break;
        addrs.push(new Uint8Array(toArrayBuffer(a, 0, len).slice(0)));
      }
      return { family, addrs };
    },
    hostLookupError: () => hostErr,
    // PHP's Windows sockets_strerror has no resolver branch: the stored code (-10000 - h_errno)
    // goes to FormatMessage as it is, so hstrerror(h) is the text of -10000 - h.
    hstrerror: (code) => strerror(-10000 - code),
    resolve(name, family, flags = 0) {
      aiHints.fill(0);
      new DataView(aiHints.buffer).setInt32(ai.fields.ai_family![0], family, true);
      new DataView(aiHints.buffer).setInt32(ai.fields.ai_flags![0], flags, true);
      const rc = ws.getaddrinfo(name, null, aiHints, aiOut);
      if (rc !== 0) {
        hostErr = ws.WSAGetLastError() || rc;
        return rc;
      }
      const res = Number(aiOut[0]) as Pointer;
      const len = Math.min(read.u32(res, ai.fields.ai_addrlen![0]), spare.length); // a size_t, < 2^32
      const addr = read.ptr(res, ai.fields.ai_addr![0]) as Pointer;
      const out = new Uint8Array(toArrayBuffer(addr, 0, len).slice(0));
      ws.freeaddrinfo(res);
      return out;
    },
    getaddrinfo(host, service, hints) {
      writeAddrInfoHints(aiHints, ai, hints);
      const rc = ws.getaddrinfo(host, service, aiHints, aiOut);
      if (rc !== 0) return (err = rc), rc; // Winsock's EAI_* are WSA codes
      const head = Number(aiOut[0]) as Pointer;
      const out = readAddrInfoList(head, ai, spare.length);
      ws.freeaddrinfo(head);
      return out;
    },
    getservbyname(name, proto) {
      const s = ws.getservbyname(name, proto);
      if (!s) return (err = ws.WSAGetLastError()), -1;
      const port = read.u16(s, servent.s_port![0]); // a short in network order
      return ((port & 0xff) << 8) | (port >> 8);
    },
    getprotobyname(name) {
      const p = ws.getprotobyname(name);
      if (!p) return (err = ws.WSAGetLastError()), -1;
      return read.i16(p, protoent.p_proto![0]);
    },
    ifNameToIndex: (name) => (api.ifNameToIndex ? api.ifNameToIndex(name) : 0),
    sendmsg: (h, msg, flags) => (ws.WSASendMsg(h, msg, flags >>> 0, moved, null, null) === 0 ? moved[0]! : ((err = ws.WSAGetLastError()), -1)),
    recvmsg,
    duplicateSocket: (h, pid, info) => chk(ws.WSADuplicateSocketA(h, pid >>> 0, info)),
    socketFromInfo,
    mappingCreate,
    mappingOpen: (name) => winHandle(k32.OpenFileMappingA(FILE_MAP_READ, 0, name)),
    mappingCopy,
    closeHandle: (h) => (k32.CloseHandle(h) ? 0 : ((err = k32.GetLastError()), -1)),
    malloc: (size) => (crt.malloc(size) as number | null) ?? 0,
    free: (p) => crt.free(p as Pointer),
    lastError: () => err,
    strerror,
  };
}

