import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { as, call, flt, k, list, v, type Scenario } from "../harness/scenario.ts";

export default [
  { name: "mode 0 stops reading", phpt: ["socket_shutdown.phpt"], steps: [
    ...unixPair(), call("socket_shutdown", [v("b"), 0]), call("socket_read", [v("b"), 10]),
    call("socket_write", [v("b"), "still writes"]), call("socket_read", [v("a"), 100]),
  ] },
  { name: "mode 1 stops writing; the peer reads the end", phpt: ["socket_shutdown.phpt"], steps: [
    ...tcpPair(), call("socket_write", [v("cli"), "last words"]), call("socket_shutdown", [v("cli"), 1]),
    call("socket_read", [v("acc"), 100]), call("socket_read", [v("acc"), 100]),
    call("socket_write", [v("cli"), "more"]),
    call("socket_write", [v("acc"), "reply"]), call("socket_read", [v("cli"), 100]),
  ] },
  { name: "mode 2 (the default) stops both", phpt: ["socket_shutdown.phpt"], steps: [
    ...unixPair(), call("socket_shutdown", [v("a")]),
    call("socket_read", [v("b"), 10]), call("socket_read", [v("a"), 10]), call("socket_write", [v("a"), "x"]),
    ...unixPair("p"), call("socket_shutdown", [v("pa"), 2]), call("socket_read", [v("pb"), 10]),
  ] },
  { name: "shutting down twice", steps: [
    ...tcpPair(), call("socket_shutdown", [v("cli"), 1]), call("socket_shutdown", [v("cli"), 1]), call("socket_shutdown", [v("cli"), 2]),
  ] },
  { name: "not connected: ENOTCONN", phpt: ["socket_shutdown.phpt"], steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_shutdown", [v("s")]), call("socket_last_error", [v("s")]), call("socket_last_error"),
    call("socket_shutdown", [v("s"), 0]),
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), 0]), call("socket_shutdown", [v("u"), 1]),
    as("l", "socket_create_listen", [0]), call("socket_shutdown", [v("l")]),
  ] },
  { name: "bad modes: EINVAL, and modes wrapped to a C int", phpt: ["socket_shutdown.phpt"], steps: [
    ...unixPair(),
    call("socket_shutdown", [v("a"), 3]), call("socket_last_error", [v("a")]),
    call("socket_shutdown", [v("a"), -1]),
    call("socket_shutdown", [v("a"), 4294967296]),
    call("socket_shutdown", [v("a"), 4294967297]), call("socket_write", [v("a"), "x"]),
  ] },
  { name: "argument types, counts, and a closed socket", steps: [
    ...unixPair(),
    call("socket_shutdown", []),
    call("socket_shutdown", [v("a"), 1, 2]),
    call("socket_shutdown", [v("a"), "write"]),
    call("socket_shutdown", [v("a"), flt("NAN")]),
    call("socket_shutdown", [v("a"), flt("0.5")]),
    call("socket_shutdown", [v("a"), null]),
    call("socket_shutdown", [null]),
    call("socket_close", [v("b")]),
    call("socket_shutdown", [v("b")]),
  ] },
  { name: "a listener and a datagram pair; the mode as a string and a bool", steps: [
    ...tcpPair(), call("socket_shutdown", [v("srv"), 0]), call("socket_last_error", [v("srv")]),
    ...unixPair("d", "SOCK_DGRAM"), call("socket_shutdown", [v("da"), "1"]),
    call("socket_send", [v("da"), "x", 1, 0]),
    call("socket_shutdown", [v("db"), true]),
    call("socket_shutdown", [v("db"), flt("INF")]),
    call("socket_recv", [v("db"), { r: "d" }, 10, k("MSG_DONTWAIT")]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_shutdown", [v("c"), "both"]),
    call("socket_shutdown", [v("c"), list()]),
    call("socket_shutdown", [v("c"), 2, 1]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket(),
    call("socket_shutdown", [v("c"), null]),
    call("socket_shutdown", [v("c"), flt("1.5")]),
    call("socket_shutdown", [v("c"), 7]),
  ] },
] satisfies Scenario[];
