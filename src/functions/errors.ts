// socket_last_error, socket_clear_error, socket_strerror.
import { argc, instance, int } from "../php/args.ts";
import { ValueError } from "../php/errors.ts";
import { Socket, globals, sockStrerror } from "./common.ts";

const optSocket = (fn: string, v: unknown): Socket | null =>
  v === null || v === undefined ? null : instance(fn, 1, "socket", v, Socket, "?Socket");

export function socket_last_error(socket: Socket | null = null): number {
  const fn = "socket_last_error";
  argc(fn, arguments.length, 0, 1);
  const s = optSocket(fn, socket);
  return s ? s.error : globals.lastError;
}

export function socket_clear_error(socket: Socket | null = null): void {
  const fn = "socket_clear_error";
  argc(fn, arguments.length, 0, 1);
  const s = optSocket(fn, socket);
  if (s) s.error = 0;
  else globals.lastError = 0;
}

export function socket_strerror(error_code: number): string {
  const fn = "socket_strerror";
  argc(fn, arguments.length, 1, 1);
  const code = int(fn, 1, "error_code", error_code);
  // The code becomes a C int: PHP refuses what does not fit rather than wrap it.
  if (code < -2147483648 || code > 2147483647)
    throw new ValueError(`${fn}(): Argument #1 ($error_code) must be between -2147483648 and 2147483647`);
  return sockStrerror(code);
}
