// macOS: libSystem through bun:ffi. errno is at __error(); h_errno is Libinfo's plain global int. There
// is no MSG_NOSIGNAL: SO_NOSIGPIPE is set on every new socket instead. Struct differences (sa_len and
// one-byte families, sun_path[104], the 12-byte cmsghdr aligned to 4, timeval's 4-byte tv_usec) are in
// the generated tables. darwinOptions is plain data, so any host can inspect it; loadDarwin() dlopens.
import { makePosix, need, type PosixOptions } from "./posix.ts";
import { tables } from "./tables/darwin.ts";
import type { Platform } from "./types.ts";

export const darwinOptions: PosixOptions = {
  os: "darwin",
  // In the dyld shared cache since macOS 11; the full path keeps dlopen from searching elsewhere.
  lib: "/usr/lib/libSystem.B.dylib",
  errnoSymbol: "__error",
  hErrnoSymbol: "h_errno",
  tables,
  sendFlags: 0,
  noSigPipeOption: need(tables.system, "SO_NOSIGPIPE").SO_NOSIGPIPE,
};

export function loadDarwin(): Platform {
  return makePosix(darwinOptions);
}
