// Windows (ws2_32) backend: not built yet. Loading the library on Windows fails here with a clear message.
import type { Platform } from "./types.ts";

export const windows: Platform = (() => {
  throw new Error("php-sockets: the Windows backend is not built yet");
})();
