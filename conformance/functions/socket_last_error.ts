import { closedSocket, unixPair } from "../harness/fixtures.ts";
import { as, call, flt, k, v, type Scenario } from "../harness/scenario.ts";

export default [
  { name: "0 before any failure, for the socket and globally", steps: [
    call("socket_last_error"),
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]), call("socket_last_error", [v("s")]), call("socket_last_error", [null]),
  ] },
  { name: "a failure sets the socket's and the global error; a success clears neither", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_getpeername", [v("s"), { r: "a" }]),
    call("socket_last_error", [v("s")]), call("socket_last_error"),
    call("socket_bind", [v("s"), "127.0.0.1", 0]),
    call("socket_last_error", [v("s")]), call("socket_last_error"),
  ] },
  { name: "each socket keeps its own error; the global one is the latest", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    as("t", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), 0]),
    call("socket_getpeername", [v("s"), { r: "a" }]),
    call("socket_listen", [v("t")]),
    call("socket_last_error", [v("s")]), call("socket_last_error", [v("t")]), call("socket_last_error"),
  ] },
  { name: "failures without a socket set only the global error", phpt: ["socket_create_pair-wrongparams.phpt"], steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_create", [k("AF_INET"), k("SOCK_STREAM"), 99]),
    call("socket_last_error"), call("socket_last_error", [v("s")]),
    call("socket_create_pair", [k("AF_INET"), k("SOCK_STREAM"), 0, { r: "p" }]),
    call("socket_last_error"),
  ] },
  { name: "quiet failures count too (EAGAIN)", steps: [
    ...unixPair(), call("socket_set_nonblock", [v("a")]), call("socket_read", [v("a"), 10]),
    call("socket_last_error", [v("a")]), call("socket_last_error", [v("b")]), call("socket_last_error"),
  ] },
  { name: "resolver failures are stored below -10000", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_connect", [v("s"), "no-such-host.invalid", 80]),
    call("socket_last_error", [v("s")]), call("socket_last_error"),
  ] },
  { name: "argument types, counts, and a closed socket", steps: [
    call("socket_last_error", [1]),
    call("socket_last_error", ["socket"]),
    call("socket_last_error", [{ obj: "stdClass" }]),
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_last_error", [v("s"), 1]),
    call("socket_close", [v("s")]),
    call("socket_last_error", [v("s")]),
  ] },
  { name: "a failed accept leaves the listener's error at 0, an accepted socket starts at 0; false, NaN and a string are not a ?Socket", steps: [
    as("l", "socket_create_listen", [0]),
    call("socket_getsockname", [v("l"), { r: "addr" }, { r: "port" }], { mask: ["port"] }),
    call("socket_set_nonblock", [v("l")]),
    call("socket_accept", [v("l")]),
    call("socket_last_error", [v("l")]),
    as("c", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    call("socket_set_block", [v("l")]),
    as("d", "socket_accept", [v("l")]),
    call("socket_last_error", [v("d")]),
    call("socket_last_error", [v("l")]),
    call("socket_last_error", [false]),
    call("socket_last_error", [flt("NAN")]),
    call("socket_last_error", [""]),
  ] },
  { name: "a closed socket with one argument too many: the count comes first", steps: [
    ...closedSocket(),
    call("socket_last_error", [v("c"), 1]),
    call("socket_last_error", [v("c")]),
  ] },
] satisfies Scenario[];
