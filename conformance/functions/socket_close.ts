import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { as, call, k, r, v, type Scenario } from "../harness/scenario.ts";

export default [
  { name: "closes and returns null; a second close is PHP's Error", phpt: ["socket_close_params.phpt"], steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_close", [v("s")]), call("socket_close", [v("s")]),
  ] },
  { name: "every function refuses a closed socket", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]), call("socket_close", [v("s")]),
    call("socket_bind", [v("s"), "127.0.0.1", 0]), call("socket_listen", [v("s")]), call("socket_accept", [v("s")]),
    call("socket_connect", [v("s"), "127.0.0.1", 1]), call("socket_read", [v("s"), 1]), call("socket_write", [v("s"), "x"]),
    call("socket_shutdown", [v("s")]), call("socket_getsockname", [v("s"), r("a")]), call("socket_getpeername", [v("s"), r("a")]),
    call("socket_set_block", [v("s")]), call("socket_set_nonblock", [v("s")]),
    call("socket_last_error", [v("s")]), call("socket_clear_error", [v("s")]),
  ] },
  { name: "the peer sees the end of the stream", steps: [
    ...unixPair(), call("socket_write", [v("a"), "bye"]), call("socket_close", [v("a")]),
    call("socket_read", [v("b"), 10]), call("socket_read", [v("b"), 10]),
  ] },
  { name: "closing a listener leaves accepted sockets working", steps: [
    ...tcpPair(), call("socket_close", [v("srv")]),
    call("socket_write", [v("cli"), "still here"]), call("socket_read", [v("acc"), 100]),
  ] },
  { name: "a closed unix listener's path stays; binding it again fails", steps: [
    as("s", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]), call("socket_bind", [v("s"), { tmp: "c.sock" }]),
    call("socket_close", [v("s")]),
    as("t", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]), call("socket_bind", [v("t"), { tmp: "c.sock" }]),
  ] },
  { name: "argument types and counts", phpt: ["socket_close_params.phpt"], steps: [
    call("socket_close", []),
    call("socket_close", [null]),
    call("socket_close", [1]),
    call("socket_close", [{ obj: "stdClass" }]),
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_close", [v("s"), 1]),
  ] },
  { name: "closing with unread data resets the connection", steps: [
    ...tcpPair(), call("socket_write", [v("cli"), "unread"]), call("usleep", [20000]),
    call("socket_close", [v("acc")]), call("usleep", [20000]),
    call("socket_read", [v("cli"), 10]), call("socket_last_error", [v("cli")]),
    call("socket_read", [v("cli"), 10]),
  ] },
  { name: "two names for one socket, and values that are not sockets", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]), as("t", "set", [v("s")]),
    call("socket_close", [v("s")]), call("socket_close", [v("t")]),
    call("socket_close", [{ f: "NAN" }]),
    call("socket_close", [false]),
    call("socket_close", ["s"]),
    as("ai", "socket_addrinfo_lookup", ["127.0.0.1", "80"]),
    call("socket_close", [{ at: ["ai", 0] }]),
  ] },
  { name: "a closed socket with one argument too many: the count comes first", steps: [
    ...closedSocket(),
    call("socket_close", [v("c"), 1]),
    call("socket_close", [v("c")]),
  ] },
] satisfies Scenario[];
