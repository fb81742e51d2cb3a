// socket_atmark (PHP 8.3; absent from 8.2): whether the next byte to read is the urgent-data mark.
import { argc } from "../php/args.ts";
import { PhpError } from "../php/errors.ts";
import { openSockArg, os, socketError, type Socket } from "./common.ts";

export function socket_atmark(socket: Socket): boolean {
  const fn = "socket_atmark";
  // PHP defines it only where sockatmark() exists (not on Windows).
  if (!os.atmark) throw new PhpError(`Call to undefined function ${fn}()`);
  argc(fn, arguments.length, 1, 1);
  const s = openSockArg(fn, socket);
  const r = os.atmark(s.fd);
  if (r < 0) {
    socketError(s, fn, "Unable to apply sockmark", os.lastError());
    return false;
  }
  return r !== 0;
}
