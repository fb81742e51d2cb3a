// What the Windows backend binds, as plain data: no dlopen here, so any host can inspect and test it.
// A SOCKET is a UINT_PTR: handles go in as "u64" and come back as "u64_fast" (a number while it
// fits, so INVALID_SOCKET arrives as the bigint 2^64-1). Lengths are C ints on Windows.
// Data arguments are the string "buffer" (FFIType.buffer as an object key fails in bun.exe);
// u64_fast is the enum value, which bun-types' string map lacks.
import { FFIType } from "bun:ffi";

export const WS2_32 = {
  WSAStartup: { args: ["u16", "buffer"], returns: "i32" },
  WSACleanup: { args: [], returns: "i32" },
  WSAGetLastError: { args: [], returns: "i32" },
  WSASetLastError: { args: ["i32"], returns: "void" },
  socket: { args: ["i32", "i32", "i32"], returns: FFIType.u64_fast },
  closesocket: { args: ["u64"], returns: "i32" },
  bind: { args: ["u64", "buffer", "i32"], returns: "i32" },
  connect: { args: ["u64", "buffer", "i32"], returns: "i32" },
  listen: { args: ["u64", "i32"], returns: "i32" },
  accept: { args: ["u64", "buffer", "buffer"], returns: FFIType.u64_fast },
  shutdown: { args: ["u64", "i32"], returns: "i32" },
  getsockname: { args: ["u64", "buffer", "buffer"], returns: "i32" },
  getpeername: { args: ["u64", "buffer", "buffer"], returns: "i32" },
  recv: { args: ["u64", "buffer", "i32", "i32"], returns: "i32" },
  send: { args: ["u64", "buffer", "i32", "i32"], returns: "i32" },
  recvfrom: { args: ["u64", "buffer", "i32", "i32", "buffer", "buffer"], returns: "i32" },
  sendto: { args: ["u64", "buffer", "i32", "i32", "buffer", "i32"], returns: "i32" },
  getsockopt: { args: ["u64", "i32", "i32", "buffer", "buffer"], returns: "i32" },
  setsockopt: { args: ["u64", "i32", "i32", "buffer", "i32"], returns: "i32" },
  // ioctlsocket's cmd is a C long: 32 bits on Win64, FIONBIO is negative as an i32.
  ioctlsocket: { args: ["u64", "i32", "buffer"], returns: "i32" },
  WSAPoll: { args: ["buffer", "u32", "i32"], returns: "i32" },
  inet_pton: { args: ["i32", "buffer", "buffer"], returns: "i32" },
  gethostbyname: { args: ["buffer"], returns: "ptr" },
  getaddrinfo: { args: ["buffer", "ptr", "buffer", "buffer"], returns: "i32" },
  freeaddrinfo: { args: ["ptr"], returns: "void" },
  getservbyname: { args: ["buffer", "buffer"], returns: "ptr" },
  getprotobyname: { args: ["buffer"], returns: "ptr" },
  WSASendMsg: { args: ["u64", "buffer", "u32", "buffer", "ptr", "ptr"], returns: "i32" },
  // WSARecvMsg has no export: WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER) hands out its address.
  WSAIoctl: { args: ["u64", "u32", "buffer", "u32", "buffer", "u32", "buffer", "ptr", "ptr"], returns: "i32" },
  // The A forms, as PHP's Windows build (compiled without UNICODE) calls them: WSAPROTOCOL_INFOA.
  WSADuplicateSocketA: { args: ["u64", "u32", "buffer"], returns: "i32" },
  WSASocketA: { args: ["i32", "i32", "i32", "buffer", "u32", "u32"], returns: FFIType.u64_fast },
} as const;

/** LPFN_WSARECVMSG, called through the pointer WSAIoctl gives. */
export const WSA_RECV_MSG = { args: ["u64", "buffer", "buffer", "ptr", "ptr"], returns: "i32" } as const;

/** The C heap, for memory that a WSAMSG points into; memcpy fills a file mapping's view. */
export const MSVCRT = {
  malloc: { args: ["u64"], returns: "ptr" },
  free: { args: ["ptr"], returns: "void" },
  memcpy: { args: ["ptr", "buffer", "u64"], returns: "ptr" },
} as const;

// HANDLEs come back as u64_fast like SOCKETs; the pseudo-handles INVALID_HANDLE_VALUE and
// GetCurrentProcess() are -1, so the parameters that take them are i64.
export const KERNEL32 = {
  FormatMessageW: { args: ["u32", "ptr", "u32", "u32", "buffer", "u32", "ptr"], returns: "u32" },
  GetLastError: { args: [], returns: "u32" },
  SetLastError: { args: ["u32"], returns: "void" },
  CreateFileMappingA: { args: ["i64", "ptr", "u32", "u32", "u32", "buffer"], returns: FFIType.u64_fast },
  OpenFileMappingA: { args: ["u32", "i32", "buffer"], returns: FFIType.u64_fast },
  MapViewOfFile: { args: ["u64", "u32", "u32", "u32", "u64"], returns: "ptr" },
  UnmapViewOfFile: { args: ["ptr"], returns: "i32" },
  CloseHandle: { args: ["u64"], returns: "i32" },
  // Copies out of a view without trusting it: unreadable pages fail (ERROR_PARTIAL_COPY), never fault.
  ReadProcessMemory: { args: ["i64", "ptr", "buffer", "u64", "ptr"], returns: "i32" },
} as const;

// Loaded on first use: a missing iphlpapi export must not stop the backend from loading.
export const IPHLPAPI = {
  if_nametoindex: { args: ["buffer"], returns: "u32" },
} as const;
