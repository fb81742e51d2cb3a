import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { as, bytes, call, flt, k, list, rep, v, type Scenario } from "../harness/scenario.ts";

const read = (s: string, n = 1000) => call("socket_read", [v(s), n]);

export default [
  { name: "writes the whole string and returns the count", steps: [
    ...unixPair(), call("socket_write", [v("a"), "hello"]), read("b"),
    call("socket_write", [v("a"), "hello", null]), read("b"),
  ] },
  { name: "a length shorter, equal, longer, zero", steps: [
    ...unixPair(),
    call("socket_write", [v("a"), "abcdef", 3]), read("b"),
    call("socket_write", [v("a"), "abcdef", 6]), read("b"),
    call("socket_write", [v("a"), "abcdef", 100]), read("b"),
    call("socket_write", [v("a"), "abcdef", 9223372036854775807 - 1024]), read("b"),
    call("socket_write", [v("a"), "abcdef", 0]),
    call("socket_write", [v("a"), ""]),
    call("socket_write", [v("a"), "x", "1"]), read("b"),
  ] },
  { name: "a negative length is a ValueError", phpt: ["socket_write_params.phpt"], steps: [
    ...unixPair(),
    call("socket_write", [v("a"), "abc", -1]),
    call("socket_write", [v("a"), "abc", -9223372036854775808]),
  ] },
  { name: "writing to a closed peer: EPIPE", steps: [
    ...unixPair(), call("socket_close", [v("b")]),
    call("socket_write", [v("a"), "lost"]), call("socket_last_error", [v("a")]), call("socket_last_error"),
  ] },
  { name: "writing after shutting down the write side: EPIPE", steps: [
    ...tcpPair(), call("socket_shutdown", [v("cli"), 1]),
    call("socket_write", [v("cli"), "late"]), call("socket_last_error", [v("cli")]),
    call("socket_write", [v("acc"), "still open"]), read("cli"),
  ] },
  { name: "writing to an unconnected socket", steps: [
    as("t", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]), call("socket_write", [v("t"), "x"]),
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), 0]), call("socket_write", [v("u"), "x"]),
    as("d", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]), call("socket_write", [v("d"), "x"]),
    call("socket_last_error", [v("d")]),
  ] },
  { name: "writing to a listening socket", phpt: ["socket_write_params.phpt"], steps: [
    as("l", "socket_create_listen", [0]), call("socket_write", [v("l"), "foo"]), call("socket_last_error", [v("l")]),
  ] },
  { name: "a datagram too big for a unix datagram socket: EMSGSIZE", steps: [
    ...unixPair("", "SOCK_DGRAM"), call("socket_write", [v("a"), rep("x", 300000)]),
  ] },
  { name: "a full non-blocking datagram queue: EAGAIN without a warning", steps: [
    ...unixPair("", "SOCK_DGRAM"), call("socket_set_nonblock", [v("a")]),
    ...Array.from({ length: 300 }, () => call("socket_write", [v("a"), "datagram"], { maskRet: true })),
    call("socket_write", [v("a"), "one more"]), call("socket_last_error", [v("a")]),
  ] },
  { name: "scalars become strings, as PHP's string parameters do", steps: [
    ...unixPair(),
    call("socket_write", [v("a"), 12345]), read("b"),
    call("socket_write", [v("a"), flt("1.5")]), read("b"),
    call("socket_write", [v("a"), flt("1e100")]), read("b"),
    call("socket_write", [v("a"), true]), read("b"),
    call("socket_write", [v("a"), false]),
    call("socket_write", [v("a"), null]),
  ] },
  { name: "bytes of every value", binary: true, steps: [
    ...unixPair(), call("socket_write", [v("a"), bytes("000102fe80ff0a")]), read("b"),
  ] },
  { name: "UTF-8 text is sent as its bytes", steps: [
    ...unixPair(), call("socket_write", [v("a"), "héllo €"]), read("b"),
  ] },
  { name: "argument types, counts, and a closed socket", phpt: ["socket_write_params.phpt"], steps: [
    ...unixPair(),
    call("socket_write", [v("a")]),
    call("socket_write", [v("a"), "x", 1, 2]),
    call("socket_write", [v("a"), { a: ["x"] }]),
    call("socket_write", [v("a"), { obj: "stdClass" }]),
    call("socket_write", [v("a"), "x", "one"]),
    call("socket_write", [v("a"), "x", flt("NAN")]),
    call("socket_write", [v("a"), "xyz", flt("1.9")]), read("b"),
    call("socket_write", ["a", "x"]),
    call("socket_close", [v("a")]),
    call("socket_write", [v("a"), "x"]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_write", [v("c"), list()]),
    call("socket_write", [v("c"), "data", "x"]),
    call("socket_write", [v("c"), "data", 1, 2]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket(),
    call("socket_write", [v("c"), null]),
    call("socket_write", [v("c"), "data", flt("1.5")]),
    call("socket_write", [v("c"), "data", null]),
  ] },
  { name: "a closed socket: values are checked only after it: a negative length", steps: [
    ...closedSocket(),
    call("socket_write", [v("c"), "data", -1]),
  ] },
] satisfies Scenario[];
