// The three backends, checked on any host: their generated tables equal the reference matrix, the
// Platform interface's methods are all there (live for this OS's backend; for windows with stand-ins
// for ws2_32, so its logic runs here too; for darwin through its options, since libSystem cannot be
// opened off macOS), and src/platform/ type-checks as a whole.
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import ts from "typescript";
import { MERGED_HEADER, MERGED_LAYOUT_HEADER } from "../conformance/matrix/merge.ts";
import { PLATFORMS, readTsv, type PlatformName } from "../conformance/matrix/tsv.ts";
import { tables as linuxTables } from "../src/platform/tables/linux.ts";
import { tables as darwinTables } from "../src/platform/tables/darwin.ts";
import { tables as windowsTables } from "../src/platform/tables/windows.ts";
import { darwinOptions } from "../src/platform/darwin.ts";
import { makeWindows, type WinApi } from "../src/platform/windows.ts";
import { KERNEL32, MSVCRT, WS2_32, WSA_RECV_MSG } from "../src/platform/winsock.ts";
import type { Platform, Tables } from "../src/platform/types.ts";

const root = join(import.meta.dir, "..");
const matrix = join(root, "conformance", "matrix");
const TABLES: Record<PlatformName, Tables> = { linux: linuxTables, darwin: darwinTables, windows: windowsTables };

describe("each backend's tables are the reference matrix", () => {
  const constants = readTsv(join(matrix, "constants.tsv"), MERGED_HEADER);
  const system = readTsv(join(matrix, "system.tsv"), MERGED_HEADER);
  const layouts = readTsv(join(matrix, "layouts.tsv"), MERGED_LAYOUT_HEADER);

  for (const p of PLATFORMS) {
    const col = 1 + PLATFORMS.indexOf(p);
    const column = (rows: string[][]) => Object.fromEntries(rows.filter((r) => r[col] !== "-").map((r) => [r[0]!, Number(r[col])]));

    test(`${p}: constants`, () => expect({ ...TABLES[p].constants }).toEqual(column(constants)));
    test(`${p}: system values`, () => expect({ ...TABLES[p].system }).toEqual(column(system)));
    test(`${p}: struct layouts`, () => {
      const lc = 1 + col;
      const want: Record<string, { size?: number; align?: number; fields: Record<string, number[]> }> = {};
      for (const r of layouts) {
        if (r[lc] === "-") continue;
        const s = (want[r[0]!] ??= { fields: {} });
        if (r[1] === "$size") s.size = Number(r[lc]);
        else if (r[1] === "$align") s.align = Number(r[lc]);
        else s.fields[r[1]!] = r[lc]!.split(":").map(Number);
      }
      const got = Object.fromEntries(
        Object.entries(TABLES[p].layout).map(([k, s]) => [k, { size: s.size, align: s.align, fields: Object.fromEntries(Object.entries(s.fields).map(([f, v]) => [f, [...v]])) }]),
      );
      expect(got as unknown).toEqual(want);
    });
  }

  test("darwin's tables carry what the issue names: sa_len, sun_path[104], a 12-byte cmsghdr, a 4-byte tv_usec", () => {
    const L = darwinTables.layout;
    expect(L.sockaddr_in!.fields).toMatchObject({ sin_len: [0, 1], sin_family: [1, 1] });
    expect(L.sockaddr_un!.fields.sun_path).toEqual([2, 104]);
    expect([L.cmsghdr!.size, L.cmsghdr!.align]).toEqual([12, 4]);
    expect(L.timeval!.fields.tv_usec).toEqual([8, 4]);
    expect(darwinTables.system.SO_NOSIGPIPE).toBe(0x1022);
  });

  test("windows' tables: 4-byte linger of u_shorts, 8-byte SOCKET in pollfd, Win64 hostent/servent", () => {
    const L = windowsTables.layout;
    expect(L.linger).toEqual({ size: 4, align: 2, fields: { l_onoff: [0, 2], l_linger: [2, 2] } });
    expect(L.pollfd!.fields.fd).toEqual([0, 8]);
    expect(L.hostent!.fields).toMatchObject({ h_addrtype: [16, 2], h_length: [18, 2], h_addr_list: [24, 8] });
    expect(L.servent!.fields).toMatchObject({ s_proto: [16, 8], s_port: [24, 2] });
  });
});

/** Platform's members as types.ts declares them (Tables' included): name -> method?, optional? */
function platformMembers(): Map<string, { method: boolean; optional: boolean }> {
  const file = join(root, "src", "platform", "types.ts");
  const sf = ts.createSourceFile(file, ts.sys.readFile(file)!, ts.ScriptTarget.Latest, true);
  const ifaces = new Map<string, ts.InterfaceDeclaration>();
  sf.forEachChild((n) => void (ts.isInterfaceDeclaration(n) && ifaces.set(n.name.text, n)));
  const out = new Map<string, { method: boolean; optional: boolean }>();
  const walk = (name: string) => {
    const i = ifaces.get(name)!;
    for (const h of i.heritageClauses ?? []) for (const t of h.types) walk(t.expression.getText(sf));
    for (const m of i.members) {
      if (!m.name) continue;
      out.set(m.name.getText(sf), { method: ts.isMethodSignature(m), optional: !!m.questionToken });
    }
  };
  walk("Platform");
  return out;
}

const MEMBERS = platformMembers();
const REQUIRED = [...MEMBERS].filter(([, m]) => !m.optional).map(([k]) => k);
const METHODS = [...MEMBERS].filter(([, m]) => m.method).map(([k]) => k);

/** Every required member, functions where methods are declared, and the optional methods named. */
function expectComplete(p: Platform, optional: string[], exactly: boolean): void {
  for (const k of REQUIRED) expect(p, k).toHaveProperty(k);
  for (const k of METHODS) if (k in p) expect(typeof (p as unknown as Record<string, unknown>)[k], k).toBe("function");
  const present = METHODS.filter((k) => k in p && MEMBERS.get(k)!.optional).sort();
  if (exactly) expect(present).toEqual([...optional].sort());
  else expect(present).toEqual(expect.arrayContaining(optional));
}

test("types.ts declares the methods the backends are held to", () => {
  expect(METHODS).toContain("socket");
  expect(METHODS).toContain("strerror");
  expect(REQUIRED).toEqual(expect.arrayContaining(["os", "constants", "system", "layout", "lastError"]));
});

// What each OS's backend offers at least, beyond the required methods (posix.ts may add more).
const OPTIONAL_BY_OS: Record<string, string[]> = {
  linux: ["getaddrinfo", "atmark", "dup", "ioctl", "ifconf", "sendmsg", "recvmsg", "malloc", "free"],
  darwin: ["getaddrinfo", "atmark", "dup", "ioctl", ...(darwinTables.layout.ifconf ? ["ifconf"] : []), "sendmsg", "recvmsg", "malloc", "free"],
  win32: ["getaddrinfo", "sendmsg", "recvmsg", "malloc", "free", "duplicateSocket", "socketFromInfo", "mappingCreate", "mappingOpen", "mappingCopy", "closeHandle"],
};

describe.skipIf(!(process.platform in OPTIONAL_BY_OS))("this host's backend (live)", () => {
  test(`${process.platform}: exposes every Platform method`, async () => {
    const { os } = await import("../src/platform/index.ts");
    expect(os.os).toBe(process.platform === "win32" ? "windows" : (process.platform as "linux" | "darwin"));
    expectComplete(os, OPTIONAL_BY_OS[process.platform]!, process.platform === "win32");
  });
});

describe("the darwin backend (its options; libSystem opens on macOS only)", () => {
  test("libSystem by full path, errno at __error(), h_errno as Libinfo's global, SO_NOSIGPIPE instead of MSG_NOSIGNAL", () => {
    expect(darwinOptions.os).toBe("darwin");
    expect(darwinOptions.lib).toBe("/usr/lib/libSystem.B.dylib");
    expect(darwinOptions.errnoSymbol).toBe("__error");
    expect(darwinOptions.hErrnoSymbol).toBe("h_errno");
    expect(darwinOptions.sendFlags).toBe(0);
    expect(darwinOptions.noSigPipeOption).toBe(darwinTables.system.SO_NOSIGPIPE!);
    expect(darwinOptions.tables).toBe(darwinTables);
  });
});

// ---- windows: its binding table, then makeWindows over stand-ins that play Winsock's part ----

const FFI_TYPES = new Set(["i32", "u32", "u16", "u64", "i64", "ptr", "buffer", "void", "cstring"]);

describe("the windows binding table (winsock.ts)", () => {
  test("SOCKET arguments are u64, SOCKET returns u64_fast, every other type a known FFI type", () => {
    const handles = ["closesocket", "bind", "connect", "listen", "accept", "shutdown", "getsockname", "getpeername", "recv", "send", "recvfrom", "sendto", "getsockopt", "setsockopt", "ioctlsocket", "WSASendMsg", "WSAIoctl"];
    for (const name of handles) expect([name, WS2_32[name as keyof typeof WS2_32].args[0]]).toEqual([name, "u64"]);
    expect(WSA_RECV_MSG.args[0]).toBe("u64");
    for (const name of ["socket", "accept"] as const) expect(typeof WS2_32[name].returns).toBe("number"); // FFIType.u64_fast
    for (const decl of [...Object.values(WS2_32), ...Object.values(KERNEL32), ...Object.values(MSVCRT), WSA_RECV_MSG]) {
      for (const a of decl.args) expect(FFI_TYPES.has(a)).toBe(true);
      if (typeof decl.returns === "string") expect(FFI_TYPES.has(decl.returns)).toBe(true);
    }
  });
});

const INVALID_SOCKET = 2n ** 64n - 1n;

/** A scripted Winsock: every call is logged; results come from `on`, else 0. */
function fakeWinsock(on: Record<string, (...a: any[]) => unknown> = {}) {
  const calls: [string, unknown[]][] = [];
  let lastError = 0;
  const fn = (name: string) => (...args: unknown[]) => {
    calls.push([name, args]);
    if (name === "WSAGetLastError") return lastError;
    if (name === "WSASetLastError") return void (lastError = args[0] as number);
    return on[name] ? on[name]!(...args) : 0;
  };
  const table = (decl: object) => Object.fromEntries(Object.keys(decl).map((k) => [k, fn(k)]));
  const api = {
    ws: table(WS2_32),
    k32: table(KERNEL32),
    crt: table(MSVCRT),
    ifNameToIndex: () => 7,
    recvMsgAt: () => fn("WSARecvMsg"),
  } as unknown as WinApi;
  return { api, calls, setError: (e: number) => void (lastError = e), names: () => calls.map((c) => c[0]) };
}

/** FormatMessageW writing `text` (UTF-16) into its buffer, as Windows does. */
const formats = (texts: Record<number, string>) => (_flags: number, _src: unknown, code: number, _lang: number, buf: Uint16Array) => {
  const t = texts[code | 0];
  if (t === undefined) return 0;
  for (let i = 0; i < t.length; i++) buf[i] = t.charCodeAt(i);
  return t.length;
};

describe("the windows backend over stand-ins for ws2_32", () => {
  test("exposes every Platform method, and the optional ones Winsock can serve", () => {
    const w = makeWindows(fakeWinsock().api, windowsTables);
    expect(w.os).toBe("windows");
    expect(w.timeoutAsMillis).toBe(true);
    expectComplete(w, OPTIONAL_BY_OS.win32!, true);
  });

  test("INVALID_SOCKET becomes -1 with WSAGetLastError's code; a handle stays a number", () => {
    let next: number | bigint = 0x1c4;
    const f = fakeWinsock({ socket: () => next });
    const w = makeWindows(f.api, windowsTables);
    expect(w.socket(2, 1, 6)).toBe(0x1c4);
    next = INVALID_SOCKET;
    f.setError(10047);
    expect(w.socket(1, 1, 0)).toBe(-1);
    f.setError(0); // whatever Winsock says later, lastError keeps the failing call's code
    expect(w.lastError()).toBe(10047);
  });

  test("a SOCKET past 2^53 is closed and refused (WSAEMFILE), never truncated", () => {
    const f = fakeWinsock({ socket: () => 2n ** 60n });
    const w = makeWindows(f.api, windowsTables);
    expect(w.socket(2, 1, 6)).toBe(-1);
    expect(w.lastError()).toBe(10024);
    expect(f.calls.find((c) => c[0] === "closesocket")![1][0]).toBe(2n ** 60n);
  });

  test("SOCKET_ERROR from any call is -1 with the code captured at once", () => {
    const f = fakeWinsock({ bind: () => -1, recv: () => -1 });
    const w = makeWindows(f.api, windowsTables);
    f.setError(10048);
    expect(w.bind(8, new Uint8Array(16), 16)).toBe(-1);
    f.setError(10035);
    expect(w.recv(8, new Uint8Array(4), 4, 0)).toBe(-1);
    expect(w.lastError()).toBe(10035);
  });

  test("FIONBIO is tracked per handle, inherited by accept, forgotten on close", () => {
    const f = fakeWinsock({ accept: () => 0x200 });
    const w = makeWindows(f.api, windowsTables);
    expect(w.isNonBlocking(0x100)).toBe(0);
    expect(w.setBlocking(0x100, false)).toBe(0);
    const io = f.calls.find((c) => c[0] === "ioctlsocket")!;
    expect(io[1][1]).toBe(windowsTables.system.FIONBIO);
    expect([...new Uint32Array((io[1][2] as Uint8Array).buffer)]).toEqual([1]);
    expect(w.isNonBlocking(0x100)).toBe(1);
    expect(w.accept(0x100, null, null)).toBe(0x200);
    expect(w.isNonBlocking(0x200)).toBe(1);
    w.close(0x200);
    expect(w.isNonBlocking(0x200)).toBe(0);
    expect(w.setBlocking(0x100, true)).toBe(0);
    expect(w.isNonBlocking(0x100)).toBe(0);
  });

  test("a failed FIONBIO leaves the recorded mode alone", () => {
    const f = fakeWinsock({ ioctlsocket: () => -1 });
    const w = makeWindows(f.api, windowsTables);
    f.setError(10038);
    expect(w.setBlocking(5, false)).toBe(-1);
    expect([w.isNonBlocking(5), w.lastError()]).toEqual([0, 10038]);
  });

  test("getsockopt zeroes the value first (Winsock may write one byte of a BOOL)", () => {
    const f = fakeWinsock({ getsockopt: (_h, _l, _n, v: Uint8Array) => ((v[0] = 1), 0) });
    const w = makeWindows(f.api, windowsTables);
    const val = new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9]);
    expect(w.getsockopt(5, 0xffff, 8, val, new Uint32Array([4]))).toBe(0);
    expect([...val]).toEqual([1, 0, 0, 0, 9, 9, 9, 9]);
  });

  test("strerror: FormatMessageW's text without trailing CR/LF/periods, \"\" where it has none", () => {
    const f = fakeWinsock();
    (f.api.k32 as unknown as Record<string, unknown>).FormatMessageW = formats({ 10061: "Connection refused.\r\n", 10054: "Reset...\n\r\n", 5: "Zugriff verweigert." });
    const w = makeWindows(f.api, windowsTables);
    expect(w.strerror(10061)).toBe("Connection refused");
    expect(w.strerror(10054)).toBe("Reset");
    expect(w.strerror(5)).toBe("Zugriff verweigert");
    expect(w.strerror(10048)).toBe("");
  });

  test("hstrerror(h) is the text of -10000 - h, as PHP's Windows sockets_strerror formats the stored code", () => {
    const f = fakeWinsock();
    (f.api.k32 as unknown as Record<string, unknown>).FormatMessageW = formats({ [-21001]: "never", 11001: "Host not found." });
    const w = makeWindows(f.api, windowsTables);
    expect(w.hstrerror(11001)).toBe("never");
    expect(w.strerror(11001)).toBe("Host not found");
  });

  test("socketpair: AF_INET only (else WSAENOPROTOOPT), loopback listen/connect/accept, listener closed", () => {
    let n = 0x100;
    const f = fakeWinsock({
      socket: () => (n += 4),
      getsockname: (_h, sa: Uint8Array) => (sa.set([2, 0, 0x30, 0x39, 127, 0, 0, 1]), 0),
      accept: (_h, sa: Uint8Array) => (sa.set([2, 0, 0x30, 0x39, 127, 0, 0, 1]), 0x200),
    });
    const w = makeWindows(f.api, windowsTables);
    const out = new Int32Array(2);
    expect(w.socketpair(23, 1, 0, out)).toBe(-1);
    expect(w.lastError()).toBe(10042);
    expect(w.socketpair(1, 1, 0, out)).toBe(-1);
    expect(f.calls.length).toBe(0); // PHP asks Winsock nothing for other families
    expect(w.socketpair(2, 1, 0, out)).toBe(0);
    expect([...out]).toEqual([0x200, 0x108]);
    expect(f.names()).toEqual(["socket", "bind", "getsockname", "listen", "socket", "connect", "accept", "getsockname", "closesocket"]);
    const bound = f.calls[1]![1][1] as Uint8Array;
    expect([...bound.subarray(4, 8)]).toEqual([127, 0, 0, 1]);
    expect(f.calls[8]![1][0]).toBe(0x104);
  });

  test("socketpair: any failure closes what was made and reports WSAECONNABORTED", () => {
    let n = 0x100;
    const f = fakeWinsock({ socket: () => (n += 4), listen: () => -1 });
    const w = makeWindows(f.api, windowsTables);
    f.setError(10045);
    expect(w.socketpair(2, 2, 0, new Int32Array(2))).toBe(-1);
    expect(w.lastError()).toBe(10053);
    expect(f.calls.filter((c) => c[0] === "closesocket").map((c) => c[1][0])).toEqual([0x104]);
  });

  test("socketpair: an accepted peer that is not our own connecting socket is refused", () => {
    let n = 0x100;
    const f = fakeWinsock({
      socket: () => (n += 4),
      getsockname: (_h, sa: Uint8Array) => (sa.set([2, 0, 0x30, 0x39, 127, 0, 0, 1]), 0),
      accept: (_h, sa: Uint8Array) => (sa.set([2, 0, 0x11, 0x11, 127, 0, 0, 1]), 0x200),
    });
    const w = makeWindows(f.api, windowsTables);
    expect(w.socketpair(2, 1, 0, new Int32Array(2))).toBe(-1);
    expect(w.lastError()).toBe(10053);
    expect(f.calls.filter((c) => c[0] === "closesocket").map((c) => c[1][0]).sort()).toEqual([0x104, 0x108, 0x200]);
  });

  test("the message layouts: WSAMSG and WSABUF under msghdr's and iovec's field names", () => {
    const w = makeWindows(fakeWinsock().api, windowsTables);
    const M = windowsTables.layout.WSAMSG!.fields, B = windowsTables.layout.WSABUF!.fields;
    expect(w.layout.msghdr!.fields as unknown).toEqual({
      msg_name: M.name, msg_namelen: M.namelen, msg_iov: M.lpBuffers, msg_iovlen: M.dwBufferCount,
      msg_control: M.Control_buf, msg_controllen: M.Control_len, msg_flags: M.dwFlags,
    });
    expect(w.layout.iovec!.fields as unknown).toEqual({ iov_base: B.buf, iov_len: B.len });
    expect(w.layout.iovec!.size).toBe(16);
  });

  test("recvmsg: WSARecvMsg fetched once through WSAIoctl, dwFlags set from the flags", () => {
    const f = fakeWinsock({
      WSAIoctl: (_h, code: number, guid: Uint8Array, _n, out: BigUint64Array) => {
        expect(code).toBe(0xc8000006);
        expect([...guid.subarray(0, 4)]).toEqual([0xc8, 0xd7, 0x89, 0xf6]);
        out[0] = 0x7ff0_1234n;
        return 0;
      },
    });
    const received: number[] = [];
    f.api = { ...f.api, recvMsgAt: (p: number) => (received.push(p), (_h, msg: Uint8Array, got: Uint32Array) => ((got[0] = 11), msg[48] === 2 ? 0 : -1)) };
    const w = makeWindows(f.api, windowsTables);
    const msg = new Uint8Array(56);
    expect(w.recvmsg!(9, msg, 2)).toBe(11);
    expect(w.recvmsg!(9, msg, 2)).toBe(11);
    expect(received).toEqual([0x7ff01234]);
    expect(f.names().filter((n) => n === "WSAIoctl").length).toBe(1);
  });

  test("socket sharing: the A forms (PHP's WSAPROTOCOL_INFO), the pid as a DWORD, one Socket per handle", () => {
    let next = 0x300;
    const f = fakeWinsock({ WSADuplicateSocketA: () => -1, WSASocketA: () => next });
    const w = makeWindows(f.api, windowsTables);
    const info = new Uint8Array(windowsTables.layout.WSAPROTOCOL_INFOA!.size);
    f.setError(10022);
    expect(w.duplicateSocket!(0x100, -1, info)).toBe(-1);
    expect(w.lastError()).toBe(10022);
    expect(f.calls[0]).toEqual(["WSADuplicateSocketA", [0x100, 0xffffffff, info]]);
    expect(w.socketFromInfo!(info)).toBe(0x300);
    expect(f.calls.at(-1)).toEqual(["WSASocketA", [-1, -1, -1, info, 0, 0]]); // FROM_PROTOCOL_INFO, no overlapped flag
    // Wine gives the same handle for a second use of an info: refused while the first Socket holds it.
    expect(w.socketFromInfo!(info)).toBe(-1);
    expect(w.lastError()).toBe(10022);
    w.close(0x300);
    expect(w.socketFromInfo!(info)).toBe(0x300);
    next = 0x304;
    expect(w.socketFromInfo!(info)).toBe(0x304);
  });

  test("mappingCreate: a fresh page-file mapping; a name already taken is closed again and fails with 183", () => {
    let lastErr = 0;
    const f = fakeWinsock({ CreateFileMappingA: () => 0x40, GetLastError: () => lastErr, SetLastError: (e: number) => void (lastErr = e) });
    const w = makeWindows(f.api, windowsTables);
    const name = new TextEncoder().encode("php_wsa_for_0\0");
    expect(w.mappingCreate!(name, 372)).toBe(0x40);
    expect(f.calls.find((c) => c[0] === "CreateFileMappingA")![1]).toEqual([-1, null, 4, 0, 372, name]); // INVALID_HANDLE_VALUE, PAGE_READWRITE
    f.calls.length = 0;
    (f.api.k32 as unknown as Record<string, unknown>).CreateFileMappingA = () => ((lastErr = 183), 0x44);
    expect(w.mappingCreate!(name, 372)).toBe(-1);
    expect(w.lastError()).toBe(183);
    expect(f.calls.filter((c) => c[0] === "CloseHandle")).toEqual([["CloseHandle", [0x44]]]);
    expect(f.names()[0]).toBe("SetLastError"); // cleared first: success need not touch GetLastError
  });

  test("mappingCopy: writes by memcpy, reads through ReadProcessMemory (no fault on a short view), unmaps always", () => {
    const f = fakeWinsock({ MapViewOfFile: () => 0x7000, ReadProcessMemory: () => 0, GetLastError: () => 299 });
    const w = makeWindows(f.api, windowsTables);
    const buf = new Uint8Array(8);
    expect(w.mappingCopy!(0x40, buf, true)).toBe(0);
    expect(f.calls.find((c) => c[0] === "MapViewOfFile")![1]).toEqual([0x40, 2, 0, 0, 0]); // FILE_MAP_WRITE
    expect(f.calls.find((c) => c[0] === "memcpy")![1]).toEqual([0x7000, buf, 8]);
    f.calls.length = 0;
    expect(w.mappingCopy!(0x40, buf, false)).toBe(-1);
    expect(w.lastError()).toBe(299); // ERROR_PARTIAL_COPY
    expect(f.names()).toEqual(["MapViewOfFile", "ReadProcessMemory", "GetLastError", "UnmapViewOfFile"]);
    expect(f.calls[0]![1][1]).toBe(4); // FILE_MAP_READ
  });

  test("malloc gives 0 for NULL", () => {
    const f = fakeWinsock({ malloc: () => null });
    const w = makeWindows(f.api, windowsTables);
    expect(w.malloc!(16)).toBe(0);
  });
});

test("src/platform/ type-checks (every backend against the Platform interface)", () => {
  const cfgPath = join(root, "tsconfig.json");
  const cfg = ts.parseJsonConfigFileContent(ts.readConfigFile(cfgPath, ts.sys.readFile).config, ts.sys, root);
  const files = ["index.ts", "linux.ts", "darwin.ts", "windows.ts", "winsock.ts", "posix.ts", "types.ts"].map((f) => join(root, "src", "platform", f));
  const program = ts.createProgram(files, { ...cfg.options, noEmit: true });
  const mine = ts.getPreEmitDiagnostics(program).filter((d) => !d.file || d.file.fileName.includes("/src/platform/"));
  expect(mine.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
}, 60_000);
