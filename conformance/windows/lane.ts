// Shared by the Windows-lane tests (run by .ci/windows-lane.sh: bun.exe under Wine, or a real
// Windows runner): where we are, and a way to catch PHP's warnings.
import { dlopen } from "bun:ffi";
import { restore_error_handler, set_error_handler } from "../../src/index.ts";

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
