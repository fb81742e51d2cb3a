// Replayed against conformance/harness/php4-iovec.php (PHP 8.2 has no iovec functions).
import { as, call, v, type Scenario } from "../harness/scenario.ts";

const fetch = (i: number) => call("socket_iovec_fetch", [v("iov"), i]);

export default [
  { name: "removes a vector; the later ones move down", steps: [
    as("iov", "socket_iovec_alloc", [3, 1, 1, 1]),
    call("socket_iovec_set", [v("iov"), 0, "a"]),
    call("socket_iovec_set", [v("iov"), 1, "b"]),
    call("socket_iovec_set", [v("iov"), 2, "c"]),
    call("socket_iovec_delete", [v("iov"), 1]),
    fetch(0), fetch(1), fetch(2),
    call("socket_iovec_delete", [v("iov"), 1]),
    call("socket_iovec_delete", [v("iov"), 0]),
    fetch(0),
  ] },
  { name: "positions outside the array warn and delete nothing", steps: [
    as("iov", "socket_iovec_alloc", [2, 1, 1]),
    call("socket_iovec_delete", [v("iov"), 2]),
    call("socket_iovec_delete", [v("iov"), -1]),
    call("socket_iovec_delete", [v("iov"), 9000000000]),
    fetch(1),
  ] },
  { name: "argument count and types, and a freed IOVec", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_delete", [v("iov")]),
    call("socket_iovec_delete", [null, 0]),
    call("socket_iovec_delete", [v("iov"), "first"]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_iovec_delete", [v("iov"), 0]),
  ] },
] satisfies Scenario[];
