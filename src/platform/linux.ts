// Linux: glibc through bun:ffi. SIGPIPE is avoided per call with MSG_NOSIGNAL.
import { makePosix } from "./posix.ts";
import { tables } from "./tables/linux.ts";

export const linux = makePosix({
  os: "linux",
  lib: "libc.so.6",
  errnoSymbol: "__errno_location",
  hErrnoSymbol: "__h_errno_location",
  tables,
  sendFlags: tables.constants.MSG_NOSIGNAL ?? 0,
  epoll: true,
});
