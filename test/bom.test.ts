// A leading UTF-8 byte order mark is data: PHP reads all of its bytes, so must the library.
import { expect, test } from "bun:test";
import { AF_UNIX, SOCK_STREAM, ref, socket_close, socket_create_pair, socket_read, socket_recv, socket_write, type Socket } from "../src/index.ts";

test("a BOM at the start of a read is kept, in UTF-8 and through socket_recv", () => {
  const pair = ref<Socket[]>();
  expect(socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair)).toBe(true);
  const [a, b] = pair.value;
  expect(socket_write(a!, "\uFEFFabc")).toBe(6);
  expect(socket_read(b!, 100)).toBe("\uFEFFabc");
  socket_write(a!, "\uFEFFxyz");
  const buf = ref();
  expect(socket_recv(b!, buf, 100, 0)).toBe(6);
  expect(buf.value).toBe("\uFEFFxyz");
  socket_close(a!);
  socket_close(b!);
});
