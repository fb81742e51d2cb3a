// Replayed against conformance/harness/php4-iovec.php (PHP 8.2 has no iovec functions).
import { tcpPair } from "../harness/fixtures.ts";
import { as, call, v, type Scenario } from "../harness/scenario.ts";

export default [
  { name: "frees once; every later use is PHP's Error", steps: [
    as("iov", "socket_iovec_alloc", [2, 8, 8]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_iovec_fetch", [v("iov"), 0]),
    call("socket_iovec_set", [v("iov"), 0, "x"]),
    call("socket_iovec_delete", [v("iov"), 0]),
  ] },
  { name: "a freed IOVec cannot be read into or written from", steps: [
    ...tcpPair(),
    as("iov", "socket_iovec_alloc", [1, 8]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_writev", [v("cli"), v("iov")]),
    call("socket_readv", [v("acc"), v("iov")]),
  ] },
  { name: "argument count and types", steps: [
    call("socket_iovec_free"),
    call("socket_iovec_free", [null]),
    call("socket_iovec_free", [{ a: [] }]),
  ] },
] satisfies Scenario[];
