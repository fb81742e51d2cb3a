// Replayed against conformance/harness/php4-iovec.php (PHP 8.2 has no iovec functions).
import { unixPair } from "../harness/fixtures.ts";
import { as, bytes, call, flt, v, type Scenario } from "../harness/scenario.ts";

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
  { name: "the position converts as a PHP int", steps: [
    as("iov", "socket_iovec_alloc", [2, 1, 1]),
    call("socket_iovec_set", [v("iov"), 1, "second"]),
    fetch(true), fetch(flt("1.7")), fetch(null), fetch(" 1"), fetch(false),
  ] },
  { name: "NaN, infinities and out-of-range numbers are TypeErrors; huge ints warn", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    fetch(flt("NAN")), fetch(flt("INF")), fetch(flt("-1e30")), fetch("1x"),
    fetch("9223372036854775807"), fetch(-9007199254740991),
  ] },
  { name: "what a readv stored, vector by vector, and UTF-8 text set whole", steps: [
    ...unixPair(),
    as("iov", "socket_iovec_alloc", [2, 3, 4]),
    call("socket_write", [v("a"), "1234567"]),
    call("socket_readv", [v("b"), v("iov")]),
    fetch(0), fetch(1),
    call("socket_iovec_set", [v("iov"), 0, "虎的笑话"]),
    fetch(0),
  ] },
  { name: "fetching does not change the vector", steps: [
    as("iov", "socket_iovec_alloc", [1, 3]),
    call("socket_iovec_set", [v("iov"), 0, "abc"]),
    fetch(0), fetch(0), fetch("0"),
  ] },
  { name: "a freed IOVec with a bad second argument: the TypeError comes first", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_iovec_fetch", [v("iov"), "first"]),
    call("socket_iovec_fetch", [v("iov"), 0, 1]),
  ] },
  { name: "a freed IOVec with a null argument: the deprecation, then the freed Error", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_iovec_fetch", [v("iov"), null]),
    call("socket_iovec_fetch", [v("iov"), flt("0.5")]),
  ] },
] satisfies Scenario[];
