// Picks the running OS's backend once. Nothing outside src/platform/ knows which one it is.
import type { Platform } from "./types.ts";

async function load(): Promise<Platform> {
  switch (process.platform) {
    case "linux":
      return (await import("./linux.ts")).linux;
    case "darwin":
      return (await import("./darwin.ts")).loadDarwin();
    case "win32":
      return (await import("./windows.ts")).loadWindows();
    default:
      throw new Error(`php-sockets: no backend for ${process.platform}`);
  }
}

export const os: Platform = await load();
export type { Platform, Struct, Field, Tables } from "./types.ts";
