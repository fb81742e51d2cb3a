// Replayed against conformance/harness/php4-iovec.php (PHP 8.2 has no iovec functions).
import { as, bytes, call, v, type Scenario } from "../harness/scenario.ts";

const fetch = (i: unknown) => call("socket_iovec_fetch", [v("iov"), i as never]);

export default [
  { name: "gives the whole vector", steps: [
    as("iov", "socket_iovec_alloc", [2, 3, 5]),
    call("socket_iovec_set", [v("iov"), 1, "hello"]),
    fetch(0), fetch(1), fetch("1"),
  ] },
  { name: "byte strings on a binary IOVec", binary: true, steps: [
    as("iov", "socket_iovec_alloc", [1, 4]),
    call("socket_iovec_set", [v("iov"), 0, bytes("00ff80c3")]),
    fetch(0),
  ] },
  { name: "positions past the vectors warn and give an empty string", steps: [
    as("iov", "socket_iovec_alloc", [1, 3]),
    fetch(1), fetch(-1), fetch(99),
  ] },
  { name: "argument count and types, and a freed IOVec", steps: [
    as("iov", "socket_iovec_alloc", [1, 3]),
    call("socket_iovec_fetch", [v("iov")]),
    call("socket_iovec_fetch", [v("iov"), 0, 0]),
    call("socket_iovec_fetch", ["iov", 0]),
    call("socket_iovec_fetch", [v("iov"), { a: [] }]),
    call("socket_iovec_free", [v("iov")]),
    fetch(0),
  ] },
] satisfies Scenario[];
