// socket_atmark (PHP 8.3's, over sockatmark()): where the urgent byte sent with MSG_OOB sits in the
// stream. The differential scenarios check the same against PHP; these check what PHP 8.2's stand-in
// there cannot: the errors recorded on the socket and globally.
import { describe, expect, test } from "bun:test";
import {
  AF_INET, AF_UNIX, MSG_OOB, SOCK_DGRAM, SOCK_STREAM, SOCKET_ENOTTY, SOCKET_EOPNOTSUPP, SOL_SOCKET, SO_OOBINLINE, Socket,
  PhpError, ref, restore_error_handler, set_error_handler, socket_accept, socket_atmark, socket_bind, socket_close,
  socket_connect, socket_create, socket_create_pair, socket_getsockname, socket_last_error, socket_listen, socket_recv,
  socket_send, socket_set_option, socket_wait, socket_write, socket_clear_error,
} from "../src/index.ts";

function tcpPair(): [Socket, Socket] {
  const srv = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
  socket_bind(srv, "127.0.0.1", 0);
  socket_listen(srv, 1);
  const a = ref(), p = ref<number>();
  socket_getsockname(srv, a, p);
  const c = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
  socket_connect(c, "127.0.0.1", p.value);
  const acc = socket_accept(srv) as Socket;
  socket_close(srv);
  return [c, acc];
}

function recv1(s: Socket, flags = 0): unknown {
  const d = ref();
  socket_recv(s, d, 1, flags);
  return d.value;
}

describe("socket_atmark", () => {
  for (const [kind, make] of [
    ["unix stream pair", () => {
      const p = ref<Socket[]>();
      socket_create_pair(AF_UNIX, SOCK_STREAM, 0, p);
      return p.value as [Socket, Socket];
    }],
    ["TCP connection", tcpPair],
  ] as const) {
    test(`${kind}: false before the mark, true at it, false past it`, async () => {
      const [tx, rx] = make();
      expect(socket_atmark(rx)).toBe(false);
      socket_write(tx, "a");
      expect(socket_send(tx, "b", 1, MSG_OOB)).toBe(1);
      socket_write(tx, "c");
      expect(await socket_wait(rx, "read", 2000)).toBe(true);
      await Bun.sleep(20);
      expect(socket_set_option(rx, SOL_SOCKET, SO_OOBINLINE, 1)).toBe(true);
      expect(socket_atmark(rx)).toBe(false);
      expect(recv1(rx)).toBe("a");
      expect(socket_atmark(rx)).toBe(true);
      expect(recv1(rx)).toBe("b");
      expect(socket_atmark(rx)).toBe(false);
      expect(recv1(rx)).toBe("c");
      expect(socket_atmark(rx)).toBe(false);
      socket_close(tx);
      socket_close(rx);
    });
  }

  test.skipIf(process.platform !== "linux")("sockets without a mark warn, and the error is kept on the socket and globally", () => {
    const seen: string[] = [];
    set_error_handler((_, m) => (seen.push(m), true));
    try {
      const u = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
      socket_clear_error();
      expect(socket_atmark(u)).toBe(false);
      expect(socket_last_error(u)).toBe(SOCKET_ENOTTY);
      expect(socket_last_error()).toBe(SOCKET_ENOTTY);
      const p = ref<Socket[]>();
      socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, p);
      expect(socket_atmark(p.value[0]!)).toBe(false);
      expect(socket_last_error(p.value[0]!)).toBe(SOCKET_EOPNOTSUPP);
      for (const s of [u, ...p.value]) socket_close(s);
    } finally {
      restore_error_handler();
    }
    expect(seen).toEqual([
      "socket_atmark(): Unable to apply sockmark [25]: Inappropriate ioctl for device",
      "socket_atmark(): Unable to apply sockmark [95]: Operation not supported",
    ]);
  });

  test("a closed socket is PHP's Error", () => {
    const s = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
    socket_close(s);
    expect(() => socket_atmark(s)).toThrow(new PhpError("socket_atmark(): Argument #1 ($socket) has already been closed"));
  });
});
