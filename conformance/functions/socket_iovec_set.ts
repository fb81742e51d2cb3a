// Replayed against conformance/harness/php4-iovec.php (PHP 8.2 has no iovec functions). As in PHP 4,
// the vector takes the new value's length, longer or shorter than it was.
import { as, bytes, call, flt, list, rep, v, type Scenario } from "../harness/scenario.ts";

const fetch = (i: number) => call("socket_iovec_fetch", [v("iov"), i]);

export default [
  { name: "the vector becomes the value, with its length", steps: [
    as("iov", "socket_iovec_alloc", [2, 4, 4]),
    call("socket_iovec_set", [v("iov"), 0, "ab"]),
    call("socket_iovec_set", [v("iov"), 1, "longer than four"]),
    fetch(0), fetch(1),
    call("socket_iovec_set", [v("iov"), 1, ""]),
    fetch(1),
  ] },
  { name: "numbers and booleans are strings", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_set", [v("iov"), 0, 42]),
    fetch(0),
    call("socket_iovec_set", [v("iov"), 0, true]),
    fetch(0),
  ] },
  { name: "NUL bytes are kept", binary: true, steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_set", [v("iov"), 0, bytes("61006200")]),
    fetch(0),
  ] },
  { name: "a large value", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_set", [v("iov"), 0, rep("x", 100000)]),
    call("socket_iovec_add", [v("iov"), 2]),
    fetch(1),
  ] },
  { name: "positions outside the array warn and change nothing", steps: [
    as("iov", "socket_iovec_alloc", [1, 2]),
    call("socket_iovec_set", [v("iov"), 1, "x"]),
    call("socket_iovec_set", [v("iov"), -1, "x"]),
    fetch(0),
  ] },
  { name: "argument count and types, and a freed IOVec", steps: [
    as("iov", "socket_iovec_alloc", [1, 2]),
    call("socket_iovec_set", [v("iov"), 0]),
    call("socket_iovec_set", [v("iov"), 0, { a: [] }]),
    call("socket_iovec_set", [v("iov"), 0, { obj: "stdClass" }]),
    call("socket_iovec_set", [7, 0, "x"]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_iovec_set", [v("iov"), 0, "x"]),
  ] },
  { name: "the position converts as a PHP int; NaN and junk are TypeErrors", steps: [
    as("iov", "socket_iovec_alloc", [2, 1, 1]),
    call("socket_iovec_set", [v("iov"), true, "by true"]),
    call("socket_iovec_set", [v("iov"), flt("0.5"), "by 0.5"]),
    call("socket_iovec_set", [v("iov"), flt("NAN"), "x"]),
    call("socket_iovec_set", [v("iov"), "one", "x"]),
    call("socket_iovec_set", [v("iov"), 9007199254740991, "x"]),
    fetch(0), fetch(1),
  ] },
  { name: "values convert as a PHP string: floats, null, false", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_set", [v("iov"), 0, flt("1.5")]),
    fetch(0),
    call("socket_iovec_set", [v("iov"), 0, flt("NAN")]),
    fetch(0),
    call("socket_iovec_set", [v("iov"), 0, flt("1e100")]),
    fetch(0),
    call("socket_iovec_set", [v("iov"), 0, null]),
    fetch(0),
    call("socket_iovec_set", [v("iov"), 0, false]),
    fetch(0),
  ] },
  { name: "a freed IOVec with a bad second argument: the TypeError comes first", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_iovec_set", [v("iov"), "first", "x"]),
    call("socket_iovec_set", [v("iov"), 0, list()]),
  ] },
  { name: "a freed IOVec with a null argument: the deprecation, then the freed Error", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_iovec_set", [v("iov"), null, "x"]),
    call("socket_iovec_set", [v("iov"), 0, null]),
  ] },
] satisfies Scenario[];
