// socket_set_block, socket_set_nonblock, and the encoding switch this library adds.
import { argc, str } from "../php/args.ts";
import { ValueError } from "../php/errors.ts";
import { ensureOpen, openSockArg, os, sockArg, socketError, type Socket } from "./common.ts";

function setMode(fn: string, socket: unknown, blocking: boolean, given: number): boolean {
  argc(fn, given, 1, 1);
  const s = openSockArg(fn, socket);
  // A shared descriptor stays non-blocking for its owner (Bun's event loop); the calls wait instead.
  if (!s.sharedFd && os.setBlocking(s.fd, blocking) !== 0) {
    socketError(s, fn, blocking ? "unable to set blocking mode" : "unable to set nonblocking mode", os.lastError());
    return false;
  }
  s.blocking = blocking;
  return true;
}

export function socket_set_block(socket: Socket): boolean {
  return setMode("socket_set_block", socket, true, arguments.length);
}

export function socket_set_nonblock(socket: Socket): boolean {
  return setMode("socket_set_nonblock", socket, false, arguments.length);
}

/**
 * Beyond PHP: how this socket's strings are read and written. "utf8" (the default) sends a string's
 * UTF-8 bytes and never splits a character across reads; "binary" makes strings PHP byte strings,
 * one char per byte, so `.length` is PHP's strlen. Returns the previous encoding.
 */
export function socket_set_encoding(socket: Socket, encoding: "utf8" | "binary"): "utf8" | "binary" {
  const fn = "socket_set_encoding";
  argc(fn, arguments.length, 2, 2);
  const s = sockArg(fn, socket);
  const e = str(fn, 2, "encoding", encoding);
  ensureOpen(fn, s);
  if (e !== "utf8" && e !== "binary") throw new ValueError(`${fn}(): Argument #2 ($encoding) must be either "utf8" or "binary"`);
  const prev = s.encoding;
  s.encoding = e;
  // A partial UTF-8 character left from before is now plain bytes of the new encoding's first read.
  return prev;
}
