// macOS: libSystem through bun:ffi. No MSG_NOSIGNAL there: SO_NOSIGPIPE is set on every socket instead.
import { makePosix, need } from "./posix.ts";
import { tables } from "./tables/darwin.ts";

export const darwin = makePosix({
  os: "darwin",
  lib: "libSystem.B.dylib",
  errnoSymbol: "__error",
  hErrnoSymbol: "__h_error",
  tables,
  sendFlags: 0,
  noSigPipeOption: need(tables.system, "SO_NOSIGPIPE").SO_NOSIGPIPE,
});
