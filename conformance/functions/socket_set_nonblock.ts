import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { as, call, k, v, type Scenario } from "../harness/scenario.ts";

export default [
  { name: "a read with nothing to read: false, error 11, no warning", phpt: ["socket_set_nonblock.phpt"], steps: [
    ...unixPair(), call("socket_set_nonblock", [v("b")]),
    call("socket_read", [v("b"), 10]), call("socket_last_error", [v("b")]), call("socket_last_error"),
    call("socket_read", [v("b"), 10, k("PHP_BINARY_READ")]),
  ] },
  { name: "data already there is read at once", steps: [
    ...tcpPair(), call("socket_write", [v("cli"), "ready\n"]), call("socket_set_nonblock", [v("acc")]),
    call("socket_read", [v("acc"), 100, k("PHP_NORMAL_READ")]), call("socket_read", [v("acc"), 100]),
    call("socket_last_error", [v("acc")]),
  ] },
  { name: "twice in a row, and on a listener: accept gives EAGAIN quietly", phpt: ["socket_set_nonblock-retval.phpt"], steps: [
    as("l", "socket_create_listen", [0]), call("socket_set_nonblock", [v("l")]), call("socket_set_nonblock", [v("l")]),
    call("socket_accept", [v("l")]), call("socket_last_error", [v("l")]), call("socket_last_error"),
  ] },
  { name: "on an unconnected socket a read still warns: ENOTCONN is no EAGAIN", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]), call("socket_set_nonblock", [v("s")]),
    call("socket_read", [v("s"), 10]), call("socket_last_error", [v("s")]),
  ] },
  { name: "argument types, counts, and a closed socket", phpt: ["socket_set_nonblock-wrongparams.phpt", "socket_set_nonblock-retval.phpt"], steps: [
    call("socket_set_nonblock", []),
    call("socket_set_nonblock", [1]),
    call("socket_set_nonblock", [null]),
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_set_nonblock", [v("s"), true]),
    call("socket_close", [v("s")]),
    call("socket_set_nonblock", [v("s")]),
  ] },
  { name: "a connect in progress: false with EINPROGRESS, quietly; then connected", steps: [
    as("l", "socket_create_listen", [0]), call("socket_getsockname", [v("l"), { r: "addr" }, { r: "port" }], { mask: ["port"] }),
    as("c", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    call("socket_set_nonblock", [v("c")]),
    call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    call("socket_last_error", [v("c")]), call("socket_last_error"),
    call("socket_select", [{ r: "rd", init: null }, { r: "wr", init: { a: [v("c")] } }, { r: "ex", init: null }, 1]),
    call("socket_get_option", [v("c"), k("SOL_SOCKET"), k("SO_ERROR")]),
    call("socket_getpeername", [v("c"), { r: "peer" }]),
  ] },
  { name: "writes to a full buffer: a partial count, then false with EAGAIN, quietly; an address is still EISCONN", steps: [
    ...unixPair(), call("socket_set_nonblock", [v("a")]),
    call("socket_write", [v("a"), { rep: ["w", 1 << 21] }], { maskRet: true }),
    call("socket_write", [v("a"), "more"]),
    call("socket_last_error", [v("a")]),
    call("socket_sendto", [v("a"), "more", 4, 0, "ignored"]),
  ] },
  { name: "an empty UDP socket: recvfrom gives false quietly and leaves the references", steps: [
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_bind", [v("u"), "127.0.0.1", 0]),
    call("socket_set_nonblock", [v("u")]),
    call("socket_recvfrom", [v("u"), { r: "d", init: "old" }, 100, 0, { r: "a", init: "addr" }, { r: "p", init: 1 }]),
    call("socket_last_error", [v("u")]),
  ] },
  { name: "a closed socket with one argument too many: the count comes first", steps: [
    ...closedSocket(),
    call("socket_set_nonblock", [v("c"), 1]),
    call("socket_set_nonblock", [v("c")]),
  ] },
] satisfies Scenario[];
