// Replayed against conformance/harness/php4-iovec.php (PHP 8.2 has no iovec functions).
import { tcpPair } from "../harness/fixtures.ts";
import { as, call, flt, k, v, type Scenario } from "../harness/scenario.ts";

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
  { name: "freeing one IOVec leaves another working", steps: [
    as("a", "socket_iovec_alloc", [1, 2]),
    as("b", "socket_iovec_alloc", [1, 3]),
    call("socket_iovec_set", [v("b"), 0, "kept"]),
    call("socket_iovec_free", [v("a")]),
    call("socket_iovec_fetch", [v("b"), 0]),
    call("socket_iovec_fetch", [v("a"), 0]),
  ] },
  { name: "an empty IOVec, and one just read into, free alike", steps: [
    ...tcpPair(),
    as("e", "socket_iovec_alloc", [0]),
    call("socket_iovec_free", [v("e")]),
    as("iov", "socket_iovec_alloc", [2, 2, 2]),
    call("socket_write", [v("cli"), "data"]),
    call("socket_readv", [v("acc"), v("iov")]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_iovec_add", [v("iov"), 1]),
  ] },
  { name: "a freed IOVec is refused once its arguments parse, before positions and values are range-checked", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_iovec_fetch", [v("iov"), -1]),
    call("socket_iovec_set", [v("iov"), 99, "x"]),
    call("socket_iovec_delete", [v("iov"), flt("NAN")]),
    call("socket_iovec_add", [v("iov"), -1]),
  ] },
  { name: "a Socket, a number or a string is not an IOVec", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_iovec_free", [v("s")]),
    call("socket_iovec_free", [0]),
    call("socket_iovec_free", ["iov"]),
    call("socket_iovec_free", [flt("NAN")]),
    call("socket_iovec_free", [true]),
  ] },
  { name: "one argument exactly", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_free", [v("iov"), v("iov")]),
    call("socket_iovec_fetch", [v("iov"), 0]),
    call("socket_iovec_free", [v("iov")]),
  ] },
  { name: "a freed IOVec with one argument too many: the count comes first", steps: [
    as("iov", "socket_iovec_alloc", [1, 1]),
    call("socket_iovec_free", [v("iov")]),
    call("socket_iovec_free", [v("iov"), 1]),
    call("socket_iovec_free", [v("iov")]),
  ] },
] satisfies Scenario[];
