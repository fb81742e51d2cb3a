// socket_select over a thousand idle sockets with one ready, and the raw poll() a JS caller could
// make instead. PHP keeps every descriptor under FD_SETSIZE (1024), which bounds the set for all.
import * as lib from "../../src/index.ts";
import { AF_UNIX, POLLIN, SOCK_STREAM, libc } from "./libc.ts";
import type { Trips } from "./library.ts";

type Fn = (...a: any[]) => any;
export const hasSelect = (): boolean => typeof (lib as Record<string, unknown>).socket_select === "function";

/** socket_select(read = a fresh copy of all the sockets, null, null, 0): PHP's `$r = $all;` per call. */
export function libSelect(count: number): Trips {
  const select = (lib as unknown as Record<string, Fn>).socket_select!;
  const all: lib.Socket[] = [];
  for (let i = 0; i < count; i += 2) {
    const r = lib.ref<[lib.Socket, lib.Socket]>();
    if (!lib.socket_create_pair(lib.AF_UNIX, lib.SOCK_STREAM, 0, r)) throw new Error("socket_create_pair");
    all.push(r.value[0], r.value[1]);
  }
  lib.socket_write(all[1]!, "x");
  return {
    trip() {
      const r = all.slice();
      if (select(r, null, null, 0) !== 1 || r.length !== 1) throw new Error("socket_select");
    },
    close: () => all.forEach((s) => lib.socket_close(s)),
  };
}

/** poll() from JS over a pollfd array filled from the set on every call, then scanned: the floor. */
export function rawSelect(count: number): Trips {
  const fds: number[] = [];
  const pair = new Int32Array(2);
  for (let i = 0; i < count; i += 2) {
    if (libc.socketpair(AF_UNIX, SOCK_STREAM, 0, pair) !== 0) throw new Error("socketpair");
    fds.push(pair[0]!, pair[1]!);
  }
  const one = new Uint8Array([120]);
  libc.send(fds[1]!, one, 1, 0);
  // struct pollfd { int fd; short events; short revents; }: as int32 pairs, events in the low half.
  const pfd = new Int32Array(count * 2);
  return {
    trip() {
      for (let k = 0; k < count; k++) (pfd[2 * k] = fds[k]!), (pfd[2 * k + 1] = POLLIN);
      if (libc.poll(pfd, count, 0) !== 1) throw new Error("poll");
      let ready = 0;
      for (let k = 0; k < count; k++) if ((pfd[2 * k + 1]! >>> 16) & POLLIN) ready++;
      if (ready !== 1) throw new Error("poll");
    },
    close: () => fds.forEach((fd) => libc.close(fd)),
  };
}
