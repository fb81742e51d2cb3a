// Replayed against conformance/harness/php4-iovec.php (PHP 8.2 has no iovec functions): a readv is
// checked against PHP's socket_recv of the vectors' total length, split over the vectors in order.
import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { as, call, k, v, type Scenario } from "../harness/scenario.ts";

const fetch = (i: number) => call("socket_iovec_fetch", [v("iov"), i]);

export default [
  { name: "one read fills the vectors in order", steps: [
    ...tcpPair(),
    call("socket_write", [v("cli"), "abcdefghij"]),
    as("iov", "socket_iovec_alloc", [3, 2, 3, 5]),
    call("socket_readv", [v("acc"), v("iov")]),
    fetch(0), fetch(1), fetch(2),
  ] },
  { name: "a short read fills the first bytes and leaves the rest as it was", steps: [
    ...unixPair(),
    as("iov", "socket_iovec_alloc", [3, 2, 2, 2]),
    call("socket_iovec_set", [v("iov"), 2, "zz"]),
    call("socket_write", [v("a"), "abc"]),
    call("socket_readv", [v("b"), v("iov")]),
    fetch(0), fetch(1), fetch(2),
  ] },
  { name: "a datagram longer than the vectors is cut", steps: [
    ...unixPair("", "SOCK_DGRAM"),
    call("socket_write", [v("a"), "0123456789"]),
    call("socket_write", [v("a"), "next"]),
    as("iov", "socket_iovec_alloc", [2, 3, 3]),
    call("socket_readv", [v("b"), v("iov")]),
    fetch(0), fetch(1),
    call("socket_readv", [v("b"), v("iov")]),
    fetch(0), fetch(1),
  ] },
  { name: "end of stream reads nothing", steps: [
    ...unixPair(),
    call("socket_close", [v("a")]),
    as("iov", "socket_iovec_alloc", [1, 4]),
    call("socket_readv", [v("b"), v("iov")]),
    fetch(0),
  ] },
  { name: "a non-blocking read with nothing there is false without a warning", steps: [
    ...unixPair(),
    call("socket_set_nonblock", [v("b")]),
    as("iov", "socket_iovec_alloc", [1, 4]),
    call("socket_readv", [v("b"), v("iov")]),
    call("socket_last_error", [v("b")]),
  ] },
  { name: "a failed read warns and records the error", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    as("iov", "socket_iovec_alloc", [1, 3]),
    call("socket_readv", [v("s"), v("iov")]),
    call("socket_last_error", [v("s")]),
  ] },
  { name: "argument count and types", steps: [
    ...unixPair(),
    as("iov", "socket_iovec_alloc", [0]),
    call("socket_readv", [v("a")]),
    call("socket_readv", [v("a"), v("iov"), 1]),
    call("socket_readv", [v("a"), { a: [] }]),
    call("socket_readv", [null, v("iov")]),
  ] },
  { name: "an IOVec of no bytes waits for data and moves none (a datagram is dropped); a closed socket, a freed IOVec", steps: [
    ...unixPair(),
    as("iov", "socket_iovec_alloc", [1, 4]),
    as("none", "socket_iovec_alloc", [0]),
    call("socket_write", [v("a"), "data"]),
    call("socket_readv", [v("b"), v("none")]),
    call("socket_read", [v("b"), 10]),
    ...unixPair("d", "SOCK_DGRAM"),
    call("socket_write", [v("da"), "dropped"]),
    call("socket_write", [v("da"), "next"]),
    call("socket_readv", [v("db"), v("none")]),
    call("socket_read", [v("db"), 10]),
    call("socket_set_nonblock", [v("db")]),
    call("socket_readv", [v("db"), v("none")]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_readv", [v("b"), v("iov")]),
    call("socket_close", [v("b")]),
    call("socket_readv", [v("b"), v("iov")]),
    call("socket_readv", [v("b"), v("none")]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_readv", [v("c"), "iov"]),
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_readv", [v("c"), v("iov")]),
    call("socket_readv", [v("c"), v("iov"), 1]),
  ] },
] satisfies Scenario[];
