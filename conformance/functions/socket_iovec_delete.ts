// Replayed against conformance/harness/php4-iovec.php (PHP 8.2 has no iovec functions).
import { unixPair } from "../harness/fixtures.ts";
import { as, call, flt, r, v, type Scenario } from "../harness/scenario.ts";

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
  { name: "deleting every vector, front first; the IOVec then takes new ones", steps: [
    as("iov", "socket_iovec_alloc", [3, 1, 2, 3]),
    call("socket_iovec_delete", [v("iov"), 0]),
    call("socket_iovec_delete", [v("iov"), 0]),
    call("socket_iovec_delete", [v("iov"), 0]),
    call("socket_iovec_delete", [v("iov"), 0]),
    fetch(0),
    call("socket_iovec_add", [v("iov"), 2]),
    fetch(0),
  ] },
  { name: "deleting the last vector and one from the middle keeps the others' bytes", steps: [
    as("iov", "socket_iovec_alloc", [4, 1, 1, 1, 1]),
    call("socket_iovec_set", [v("iov"), 0, "zero"]),
    call("socket_iovec_set", [v("iov"), 1, "one"]),
    call("socket_iovec_set", [v("iov"), 2, "two"]),
    call("socket_iovec_set", [v("iov"), 3, "three"]),
    call("socket_iovec_delete", [v("iov"), 3]),
    call("socket_iovec_delete", [v("iov"), 1]),
    fetch(0), fetch(1), fetch(2),
  ] },
  { name: "the position converts as a PHP int", steps: [
    as("iov", "socket_iovec_alloc", [5, 1, 1, 1, 1, 1]),
    call("socket_iovec_delete", [v("iov"), "1"]),
    call("socket_iovec_delete", [v("iov"), " 1 "]),
    call("socket_iovec_delete", [v("iov"), true]),
    call("socket_iovec_delete", [v("iov"), flt("0.5")]),
    call("socket_iovec_delete", [v("iov"), null]),
    fetch(0),
  ] },
  { name: "NaN, infinities, floats past the int range and non-numeric strings are TypeErrors", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_delete", [v("iov"), flt("NAN")]),
    call("socket_iovec_delete", [v("iov"), flt("INF")]),
    call("socket_iovec_delete", [v("iov"), flt("-INF")]),
    call("socket_iovec_delete", [v("iov"), flt("1e19")]),
    call("socket_iovec_delete", [v("iov"), "0x"]),
    call("socket_iovec_delete", [v("iov"), "1e3"]),
    call("socket_iovec_delete", [v("iov"), { obj: "stdClass" }]),
    fetch(0),
  ] },
  { name: "a writev after deleting sends only what is left", steps: [
    ...unixPair(),
    as("iov", "socket_iovec_alloc", [3, 1, 1, 1]),
    call("socket_iovec_set", [v("iov"), 0, "keep "]),
    call("socket_iovec_set", [v("iov"), 1, "drop "]),
    call("socket_iovec_set", [v("iov"), 2, "this"]),
    call("socket_iovec_delete", [v("iov"), 1]),
    call("socket_writev", [v("a"), v("iov")]),
    call("socket_recv", [v("b"), r("d"), 100, 0]),
  ] },
] satisfies Scenario[];
