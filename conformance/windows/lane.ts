// Shared by the Windows-lane tests (run by .ci/windows-lane.sh: bun.exe under Wine, or a real
// Windows runner): where we are, and a way to catch PHP's warnings.
import { dlopen } from "bun:ffi";
import { restore_error_handler, set_error_handler } from "../../src/index.ts";

export const onWindows = process.platform === "win32";

/** Wine's ntdll exports wine_get_version; Windows' does not. */
export const underWine: boolean = (() => {
  if (!onWindows) return false;
  try {
    dlopen("ntdll.dll", { wine_get_version: { args: [], returns: "cstring" } }).close();
    return true;
  } catch {
    return false;
  }
})();

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

/** A PHP function the library may not export yet (another family's file): undefined until it does. */
export function optional<F>(lib: object, name: string): F | undefined {
  return (lib as Record<string, unknown>)[name] as F | undefined;
}
