import { closedSocket, unixPair } from "../harness/fixtures.ts";
import { as, call, flt, k, v, type Scenario } from "../harness/scenario.ts";

export default [
  { name: "back to blocking after non-blocking", phpt: ["socket_set_block-retval.phpt"], steps: [
    ...unixPair(), call("socket_set_nonblock", [v("b")]), call("socket_read", [v("b"), 10]),
    call("socket_set_block", [v("b")]), call("socket_write", [v("a"), "x"]), call("socket_read", [v("b"), 10]),
    call("socket_last_error", [v("b")]),
  ] },
  { name: "blocking already: true; twice: true", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_set_block", [v("s")]), call("socket_set_block", [v("s")]),
  ] },
  { name: "a blocking normal read at end of stream waits out PHP's 200 empty reads", steps: [
    ...unixPair(), call("socket_set_nonblock", [v("b")]), call("socket_set_block", [v("b")]),
    call("socket_write", [v("a"), "tail"]), call("socket_close", [v("a")]),
    call("socket_read", [v("b"), 10, k("PHP_NORMAL_READ")]), call("socket_last_error", [v("b")]),
  ] },
  { name: "a listener made blocking again accepts a pending connection", steps: [
    as("l", "socket_create_listen", [0]), call("socket_getsockname", [v("l"), { r: "addr" }, { r: "port" }], { mask: ["port"] }),
    call("socket_set_nonblock", [v("l")]), call("socket_accept", [v("l")]),
    as("c", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]), call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    call("socket_set_block", [v("l")]), as("d", "socket_accept", [v("l")]),
  ] },
  { name: "argument types, counts, and a closed socket", phpt: ["socket_set_block-wrongparams.phpt"], steps: [
    call("socket_set_block", []),
    call("socket_set_block", ["socket"]),
    call("socket_set_block", [{ obj: "stdClass" }]),
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_set_block", [v("s"), 1]),
    call("socket_close", [v("s")]),
    call("socket_set_block", [v("s")]),
  ] },
  { name: "with a receive timeout a blocking read gives up quietly with EAGAIN", steps: [
    ...unixPair(), call("socket_set_nonblock", [v("b")]), call("socket_set_block", [v("b")]),
    call("socket_set_option", [v("b"), k("SOL_SOCKET"), k("SO_RCVTIMEO"), { o: [["sec", 0], ["usec", 50000]] }]),
    call("socket_read", [v("b"), 10]), call("socket_last_error", [v("b")]),
    call("socket_recv", [v("b"), { r: "d" }, 10, 0]), call("socket_last_error", [v("b")]),
  ] },
  { name: "a non-blocking connect in progress, then blocking again to talk", steps: [
    as("l", "socket_create_listen", [0]), call("socket_getsockname", [v("l"), { r: "addr" }, { r: "port" }], { mask: ["port"] }),
    as("c", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    call("socket_set_nonblock", [v("c")]),
    call("socket_connect", [v("c"), "127.0.0.1", v("port")]), call("socket_last_error", [v("c")]),
    call("socket_set_block", [v("c")]),
    as("d", "socket_accept", [v("l")]),
    call("socket_write", [v("c"), "connected"]), call("socket_read", [v("d"), 100]),
  ] },
  { name: "NaN, false, strings and an AddressInfo are not a Socket", steps: [
    call("socket_set_block", [flt("NAN")]),
    call("socket_set_block", [false]),
    call("socket_set_block", [null]),
    as("ai", "socket_addrinfo_lookup", ["127.0.0.1", "80"]),
    call("socket_set_block", [{ at: ["ai", 0] }]),
  ] },
  { name: "a closed socket with one argument too many: the count comes first", steps: [
    ...closedSocket(),
    call("socket_set_block", [v("c"), 1]),
    call("socket_set_block", [v("c")]),
  ] },
] satisfies Scenario[];
