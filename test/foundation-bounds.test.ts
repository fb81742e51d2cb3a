// Inputs PHP itself cannot survive or never sees (lengths near PHP_INT_MAX, BigInts, huge strings, values
// that are not references): the library must answer with PHP's exceptions or a bounded result, never by
// handing the OS a bad length or pointer. Loopback and socketpair only.
import { afterAll, afterEach, beforeAll, expect, test } from "bun:test";
import * as P from "../src/index.ts";

const open: P.Socket[] = [];
const pair = (): [P.Socket, P.Socket] => {
  const r = P.ref<P.Socket[]>();
  expect(P.socket_create_pair(P.AF_UNIX, P.SOCK_STREAM, 0, r)).toBe(true);
  open.push(...r.value);
  return [r.value[0]!, r.value[1]!];
};
const warnings: string[] = [];
beforeAll(() => P.set_error_handler((_, s) => {
  warnings.push(s);
  return true;
}));
afterAll(() => P.restore_error_handler());
afterEach(() => {
  for (const s of open.splice(0)) if (!s.closed) P.socket_close(s);
  warnings.length = 0;
});

test("socket_read with lengths past what a recv can report reads what is there", () => {
  const [a, b] = pair();
  P.socket_write(a, "abc");
  expect(P.socket_read(b, 2 ** 53)).toBe("abc");
  P.socket_write(a, "de\n");
  // PHP_INT_MAX has no JS number (2^63 is a float to PHP); a BigInt carries it.
  expect(P.socket_read(b, 9223372036854775807n as never, P.PHP_NORMAL_READ)).toBe("de\n");
  P.socket_write(a, "f");
  expect(P.socket_read(b, 12n as never)).toBe("f");
});

test("socket_read refuses lengths that are no PHP int", () => {
  const [, b] = pair();
  expect(() => P.socket_read(b, Number.MAX_VALUE)).toThrow(TypeError);
  expect(() => P.socket_read(b, 2n ** 64n as never)).toThrow(TypeError);
  expect(() => P.socket_read(b, {} as never)).toThrow(TypeError);
});

test("socket_write never sends past the data, whatever the length", () => {
  const [a, b] = pair();
  expect(P.socket_write(a, "abc", 2 ** 62)).toBe(3);
  expect(P.socket_write(a, new Uint8Array([1, 2, 3]).subarray(1), 100)).toBe(2);
  expect(P.socket_write(a, "xyz", 1)).toBe(1);
  P.socket_set_encoding(b, "binary");
  expect(P.socket_read(b, 100)).toBe("abc\x02\x03x");
  expect(() => P.socket_write(a, "x", -1)).toThrow(P.ValueError);
});

test("huge addresses: ValueError for unix, a failed lookup for inet, no resolver call", () => {
  const u = P.socket_create(P.AF_UNIX, P.SOCK_STREAM, 0) as P.Socket;
  const t = P.socket_create(P.AF_INET, P.SOCK_STREAM, 0) as P.Socket;
  open.push(u, t);
  const big = "a".repeat(1 << 20);
  expect(() => P.socket_bind(u, big)).toThrow(P.ValueError);
  expect(() => P.socket_connect(u, big)).toThrow(P.ValueError);
  expect(P.socket_connect(t, big, 80)).toBe(false);
  expect(warnings.at(-1)).toStartWith("socket_connect(): Host lookup failed [");
  expect(P.gethostbyname(big)).toBe(big);
  expect(warnings.at(-1)).toBe("gethostbyname(): Host name cannot be longer than 255 characters");
});

test("by-reference parameters must be refs", () => {
  const [a] = pair();
  expect(() => P.socket_getsockname(a, "addr" as never)).toThrow(TypeError);
  expect(() => P.socket_getpeername(a, null as never)).toThrow(TypeError);
  expect(() => P.socket_create_pair(P.AF_UNIX, P.SOCK_STREAM, 0, [] as never)).toThrow(TypeError);
});

test("a Socket cannot be built by hand, and a closed one is refused everywhere", () => {
  expect(() => new (P.Socket as unknown as new () => P.Socket)()).toThrow("Cannot directly construct Socket");
  const [a] = pair();
  P.socket_close(a);
  expect(() => P.socket_close(a)).toThrow("socket_close(): Argument #1 ($socket) has already been closed");
  expect(() => P.socket_read(a, 1)).toThrow(P.PhpError);
  expect(() => P.socket_write(a, "x")).toThrow(P.PhpError);
});
