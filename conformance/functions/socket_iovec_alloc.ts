// PHP 8.2 has no iovec functions: these scenarios replay against conformance/harness/php4-iovec.php,
// PHP 4's documented behaviour written with PHP 8's own functions.
import { as, call, flt, v, type Scenario } from "../harness/scenario.ts";

const fetch = (i: number) => call("socket_iovec_fetch", [v("iov"), i]);

export default [
  { name: "vectors of the given lengths, zero-filled", steps: [
    as("iov", "socket_iovec_alloc", [3, 1, 4, 0]),
    fetch(0), fetch(1), fetch(2),
  ] },
  { name: "no vectors at all", steps: [
    as("iov", "socket_iovec_alloc", [0]),
    fetch(0),
  ] },
  { name: "lengths past the count are not used", steps: [
    as("iov", "socket_iovec_alloc", [1, 2, 9, 9]),
    fetch(0), fetch(1),
  ] },
  { name: "numeric strings count", steps: [
    as("iov", "socket_iovec_alloc", ["2", "3", " 1"]),
    fetch(0), fetch(1),
  ] },
  { name: "fewer lengths than vectors is an ArgumentCountError", steps: [
    call("socket_iovec_alloc", [2, 5]),
    call("socket_iovec_alloc", [1]),
    call("socket_iovec_alloc", [1000000000]),
    call("socket_iovec_alloc"),
  ] },
  { name: "negative counts and lengths, lengths past 2^31-1", steps: [
    call("socket_iovec_alloc", [-1]),
    call("socket_iovec_alloc", [2, 3, -1]),
    call("socket_iovec_alloc", [1, 2147483648]),
    call("socket_iovec_alloc", [2, 2147483647, 1]),
  ] },
  { name: "argument types", steps: [
    call("socket_iovec_alloc", ["x"]),
    call("socket_iovec_alloc", [1, { a: [] }]),
    call("socket_iovec_alloc", [1, "big"]),
    call("socket_iovec_alloc", [1, flt("NAN")]),
  ] },
  { name: "the count and lengths convert as PHP ints; NaN and infinities are TypeErrors", steps: [
    as("iov", "socket_iovec_alloc", [true, "2"]),
    fetch(0),
    call("socket_iovec_alloc", [flt("1.5"), 1]),
    call("socket_iovec_alloc", [null]),
    call("socket_iovec_alloc", [1, null]),
    call("socket_iovec_alloc", [flt("INF")]),
    call("socket_iovec_alloc", [1, flt("-INF")]),
    call("socket_iovec_alloc", [flt("NAN"), 1]),
  ] },
  { name: "many vectors at once", steps: [
    as("iov", "socket_iovec_alloc", [200, ...Array.from({ length: 200 }, (_, i) => i % 3)]),
    fetch(0), fetch(1), fetch(2), fetch(199), fetch(200),
  ] },
] satisfies Scenario[];
