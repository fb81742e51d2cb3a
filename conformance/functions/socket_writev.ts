// Replayed against conformance/harness/php4-iovec.php (PHP 8.2 has no iovec functions): a writev is
// checked against PHP's socket_send of the vectors joined.
import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { as, call, k, rep, v, type Scenario } from "../harness/scenario.ts";

const set = (i: number, s: string) => call("socket_iovec_set", [v("iov"), i, s]);

export default [
  { name: "three vectors arrive as one stream", steps: [
    ...tcpPair(),
    as("iov", "socket_iovec_alloc", [3, 1, 1, 1]),
    set(0, "GET / HTTP/1.0\r\n"), set(1, "Host: example\r\n"), set(2, "\r\n"),
    call("socket_writev", [v("cli"), v("iov")]),
    call("socket_read", [v("acc"), 1000]),
  ] },
  { name: "three vectors are one datagram", steps: [
    ...unixPair("", "SOCK_DGRAM"),
    as("iov", "socket_iovec_alloc", [3, 1, 1, 1]),
    set(0, "test "), set(1, "thing"), set(2, "\n"),
    call("socket_writev", [v("a"), v("iov")]),
    call("socket_recv", [v("b"), { r: "buf" }, 100, 0]),
  ] },
  { name: "zero-length vectors and zero-filled ones", steps: [
    ...unixPair(),
    as("iov", "socket_iovec_alloc", [3, 0, 2, 0]),
    call("socket_writev", [v("a"), v("iov")]),
    call("socket_recv", [v("b"), { r: "buf" }, 100, 0]),
  ] },
  { name: "a failed write warns and records the error", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    as("iov", "socket_iovec_alloc", [1, 3]),
    call("socket_writev", [v("s"), v("iov")]),
    call("socket_last_error", [v("s")]),
    call("socket_last_error"),
  ] },
  { name: "argument count and types", steps: [
    ...unixPair(),
    as("iov", "socket_iovec_alloc", [0]),
    call("socket_writev", [v("a")]),
    call("socket_writev", [v("iov"), v("a")]),
    call("socket_writev", [v("a"), "iov"]),
    call("socket_close", [v("a")]),
    call("socket_writev", [v("a"), v("iov")]),
  ] },
  { name: "a closed socket and a freed IOVec: the socket is checked first", steps: [
    ...unixPair(),
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_writev", [v("a"), v("iov")]),
    call("socket_close", [v("a")]),
    call("socket_writev", [v("a"), v("iov")]),
    call("socket_writev", [v("a"), "iov"]),
  ] },
  { name: "a datagram peer that has gone: ECONNREFUSED", steps: [
    ...unixPair("", "SOCK_DGRAM"),
    call("socket_close", [v("b")]),
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_set", [v("iov"), 0, "anyone?"]),
    call("socket_writev", [v("a"), v("iov")]),
    call("socket_last_error", [v("a")]),
  ] },
  { name: "a non-blocking socket with a full buffer: false, quietly", steps: [
    ...unixPair(),
    call("socket_set_nonblock", [v("a")]),
    as("iov", "socket_iovec_alloc", [2, 1, 1]),
    call("socket_iovec_set", [v("iov"), 0, rep("x", 1 << 20)]),
    call("socket_iovec_set", [v("iov"), 1, rep("y", 1 << 20)]),
    call("socket_writev", [v("a"), v("iov")]),
    call("socket_writev", [v("a"), v("iov")]),
    call("socket_last_error", [v("a")]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_writev", [v("c"), 1]),
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_writev", [v("c"), v("iov")]),
    call("socket_writev", [v("c"), v("iov"), 1]),
  ] },
] satisfies Scenario[];
