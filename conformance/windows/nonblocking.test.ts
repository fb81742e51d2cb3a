// Non-blocking Winsock through the PHP functions: a connect that answers 10035 then becomes writable,
// accept on an idle listener, the FIONBIO mode an accepted socket inherits, socket_select, and the
// options whose Windows shapes differ (DWORD millisecond timeouts, a 4-byte linger).
import { describe, expect, test } from "bun:test";
import * as P from "../../src/index.ts";
import { onWindows, quietly, socketKeeper } from "./lane.ts";

const select = P.socket_select, getOption = P.socket_get_option, setOption = P.socket_set_option;

const keep = socketKeeper();

function listener(): { srv: P.Socket; port: number } {
  const srv = keep(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));
  expect(P.socket_bind(srv, "127.0.0.1", 0)).toBe(true);
  expect(P.socket_listen(srv, 4)).toBe(true);
  const port = P.ref<number>();
  P.socket_getsockname(srv, P.ref(), port);
  return { srv, port: port.value };
}

/** Waits up to 2 s for the socket to be writable. */
function waitWritable(s: P.Socket): boolean {
  const w = [s];
  return select(null, w, null, 2) === 1 && w.length === 1;
}

describe.skipIf(!onWindows)("non-blocking sockets", () => {
  test("connect: false with 10035 (WSAEWOULDBLOCK, not EINPROGRESS), no warning, then writable", () => {
    const { srv, port } = listener();
    const cli = keep(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));
    expect(P.socket_set_nonblock(cli)).toBe(true);
    const { ret, warnings } = quietly(() => P.socket_connect(cli, "127.0.0.1", port));
    expect(ret).toBe(false);
    expect(P.socket_last_error(cli)).toBe(P.SOCKET_EWOULDBLOCK);
    expect(warnings).toEqual([]);
    expect(waitWritable(cli)).toBe(true);
    // Connected now: a second connect says so (WSAEISCONN), with a warning.
    const again = quietly(() => P.socket_connect(cli, "127.0.0.1", port));
    expect(again.ret).toBe(false);
    expect(P.socket_last_error(cli)).toBe(10056);
    expect(again.warnings).toEqual([`socket_connect(): unable to connect [10056]: ${P.socket_strerror(10056)}`]);
    const acc = keep(P.socket_accept(srv));
    expect(P.socket_write(cli, "after a non-blocking connect")).toBe(28);
    P.socket_set_block(acc);
    expect(P.socket_read(acc, 100)).toBe("after a non-blocking connect");
  });

  test("accept on an idle non-blocking listener: false with 10035, no warning", () => {
    const { srv } = listener();
    expect(P.socket_set_nonblock(srv)).toBe(true);
    const { ret, warnings } = quietly(() => P.socket_accept(srv));
    expect(ret).toBe(false);
    expect(P.socket_last_error()).toBe(10035);
    expect(warnings).toEqual([]);
  });

  test("a socket accepted from a non-blocking listener is non-blocking too (Winsock inherits FIONBIO)", () => {
    const { srv, port } = listener();
    P.socket_set_nonblock(srv);
    const cli = keep(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));
    expect(P.socket_connect(cli, "127.0.0.1", port)).toBe(true);
    let got: P.Socket | false = false;
    for (let i = 0; i < 200 && !got; i++) {
      got = quietly(() => P.socket_accept(srv)).ret;
      if (!got) Bun.sleepSync(5);
    }
    const acc = keep(got);
    const { ret } = quietly(() => P.socket_read(acc, 10));
    expect(ret).toBe(false);
    expect(P.socket_last_error(acc)).toBe(10035);
    // PHP_NORMAL_READ on it waits for the whole line instead of failing.
    expect(P.socket_write(cli, "line\n")).toBe(5);
    expect(P.socket_read(acc, 100, P.PHP_NORMAL_READ)).toBe("line\n");
  });
});

describe.skipIf(!onWindows)("socket_select (WSAPoll)", () => {
  test("readable after a write, and the arrays filtered in place", () => {
    const { srv, port } = listener();
    const cli = keep(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));
    expect(P.socket_connect(cli, "127.0.0.1", port)).toBe(true);
    const acc = keep(P.socket_accept(srv));
    const idle = [acc];
    expect(select(idle, null, null, 0)).toBe(0);
    expect(idle).toEqual([]);
    P.socket_write(cli, "wake up");
    const r = [srv, acc];
    expect(select(r, null, null, 2)).toBe(1);
    expect(r).toEqual([acc]);
  });
});

describe.skipIf(!onWindows)("options with Windows shapes", () => {
  const sock = () => keep(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));

  test("SO_RCVTIMEO/SO_SNDTIMEO: a DWORD of milliseconds, shown as sec/usec", () => {
    const s = sock();
    for (const name of [P.SO_RCVTIMEO, P.SO_SNDTIMEO]) {
      expect(setOption(s, P.SOL_SOCKET, name, { sec: 1, usec: 500000 })).toBe(true);
      expect(getOption(s, P.SOL_SOCKET, name)).toEqual({ sec: 1, usec: 500000 });
      // PHP keeps whole milliseconds: 2.0009 s reads back as 2.000 s.
      expect(setOption(s, P.SOL_SOCKET, name, { sec: 2, usec: 900 })).toBe(true);
      expect(getOption(s, P.SOL_SOCKET, name)).toEqual({ sec: 2, usec: 0 });
    }
  });

  test("SO_RCVTIMEO makes a blocking read give up with 10060", () => {
    const { srv, port } = listener();
    const cli = sock();
    expect(P.socket_connect(cli, "127.0.0.1", port)).toBe(true);
    keep(P.socket_accept(srv));
    expect(setOption(cli, P.SOL_SOCKET, P.SO_RCVTIMEO, { sec: 0, usec: 200000 })).toBe(true);
    const { ret } = quietly(() => P.socket_read(cli, 10));
    expect(ret).toBe(false);
    expect(P.socket_last_error(cli)).toBe(P.SOCKET_ETIMEDOUT);
  });

  test("SO_LINGER: two u_shorts", () => {
    const s = sock();
    expect(setOption(s, P.SOL_SOCKET, P.SO_LINGER, { l_onoff: 1, l_linger: 5 })).toBe(true);
    expect(getOption(s, P.SOL_SOCKET, P.SO_LINGER)).toEqual({ l_onoff: 1, l_linger: 5 });
  });

  test("integer options read back whole even where Winsock writes fewer bytes", () => {
    const s = sock();
    expect(getOption(s, P.SOL_SOCKET, P.SO_TYPE)).toBe(P.SOCK_STREAM);
    expect(getOption(s, P.SOL_SOCKET, P.SO_ERROR)).toBe(0);
    expect(setOption(s, P.SOL_TCP, P.TCP_NODELAY, 1)).toBe(true);
    expect(getOption(s, P.SOL_TCP, P.TCP_NODELAY)).toBe(1);
    expect(setOption(s, P.SOL_SOCKET, P.SO_KEEPALIVE, 1)).toBe(true);
    expect(getOption(s, P.SOL_SOCKET, P.SO_KEEPALIVE)).toBe(1);
  });
});
