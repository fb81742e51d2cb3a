// Shared by the Windows-lane tests (run by .ci/windows-lane.sh: bun.exe under Wine, or a real
// Windows runner): where we are, and a way to catch PHP's warnings.
import { dlopen } from "bun:ffi";
import { afterEach } from "bun:test";
import { restore_error_handler, set_error_handler, socket_close, type Socket } from "../../src/index.ts";

export const onWindows = process.platform === "win32";

/** Wine's version (its ntdll exports wine_get_version; Windows' does not), or null on Windows. */
export const wineVersion: string | null = (() => {
  if (!onWindows) return null;
  try {
    const lib = dlopen("ntdll.dll", { wine_get_version: { args: [], returns: "cstring" } });
    const v = String(lib.symbols.wine_get_version());
    lib.close();
    return v;
  } catch {
    return null;
  }
})();

export const underWine = wineVersion !== null;

/** Runs f with PHP's warnings captured instead of printed. */
export function quietly<T>(f: () => T): { ret: T; warnings: string[] } {
  const warnings: string[] = [];
  set_error_handler((_errno, text) => {
    warnings.push(text);
    return true;
  });
  try {
    return { ret: f(), warnings };
  } finally {
    restore_error_handler();
  }
}

/**
 * A `keep` for a test file: it asserts that a call gave a Socket, and every Socket it kept is closed
 * after each test.
 */
export function socketKeeper(): <T extends Socket | false>(s: T) => Exclude<T, false> {
  const open: Socket[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) if (!s.closed) socket_close(s);
  });
  return <T extends Socket | false>(s: T): Exclude<T, false> => {
    if (!s) throw new Error("expected a Socket");
    open.push(s);
    return s as Exclude<T, false>;
  };
}
