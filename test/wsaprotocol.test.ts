// socket_wsaprotocol_info_* off Windows: PHP defines them in its Windows build only, so a call is PHP's
// "Call to undefined function" Error before any argument is looked at. Windows: conformance/windows.
import { describe, expect, test } from "bun:test";
import { PhpError, socket_wsaprotocol_info_export, socket_wsaprotocol_info_import, socket_wsaprotocol_info_release } from "../src/index.ts";

describe.skipIf(process.platform === "win32")("socket_wsaprotocol_info_* off Windows", () => {
  const fns = { socket_wsaprotocol_info_export, socket_wsaprotocol_info_import, socket_wsaprotocol_info_release };
  for (const [name, f] of Object.entries(fns)) {
    test(`${name} is undefined, whatever the arguments`, () => {
      for (const args of [[], ["php_wsa_for_0"], [null, 1, 2]]) {
        expect(() => (f as (...a: unknown[]) => unknown)(...args)).toThrow(new PhpError(`Call to undefined function ${name}()`));
      }
    });
  }
});
