// Replayed against conformance/harness/php4-iovec.php (PHP 8.2 has no iovec functions).
import { as, call, v, type Scenario } from "../harness/scenario.ts";

export default [
  { name: "adds a zero-filled vector at the end", steps: [
    as("iov", "socket_iovec_alloc", [1, 2]),
    call("socket_iovec_set", [v("iov"), 0, "ab"]),
    call("socket_iovec_add", [v("iov"), 3]),
    call("socket_iovec_add", [v("iov"), 0]),
    call("socket_iovec_fetch", [v("iov"), 0]),
    call("socket_iovec_fetch", [v("iov"), 1]),
    call("socket_iovec_fetch", [v("iov"), 2]),
    call("socket_iovec_fetch", [v("iov"), 3]),
  ] },
  { name: "bad lengths are a ValueError and add nothing", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_add", [v("iov"), -1]),
    call("socket_iovec_add", [v("iov"), 2147483648]),
    call("socket_iovec_add", [v("iov"), 2147483647]),
    call("socket_iovec_fetch", [v("iov"), 1]),
  ] },
  { name: "argument count and types", steps: [
    as("iov", "socket_iovec_alloc", [0]),
    call("socket_iovec_add", [v("iov")]),
    call("socket_iovec_add", [v("iov"), 1, 2]),
    call("socket_iovec_add", [5, 1]),
    call("socket_iovec_add", [{ obj: "stdClass" }, 1]),
    call("socket_iovec_add", [v("iov"), "one"]),
  ] },
  { name: "a freed IOVec is PHP's Error", steps: [
    as("iov", "socket_iovec_alloc", [0]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_iovec_add", [v("iov"), 1]),
  ] },
] satisfies Scenario[];
