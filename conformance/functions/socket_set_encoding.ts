// socket_set_encoding is this library's own; in PHP (whose strings are bytes either way) the harness
// runs its contract from harness/extensions.php: the previous mode back, the same errors. Byte-level
// behaviour of the two modes is in test/encoding.test.ts.
import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { as, call, flt, k, list, r, v, type Scenario } from "../harness/scenario.ts";

export default [
  { name: "returns the previous encoding; utf8 is the default", steps: [
    ...unixPair(),
    call("socket_set_encoding", [v("a"), "binary"]),
    call("socket_set_encoding", [v("a"), "binary"]),
    call("socket_set_encoding", [v("a"), "utf8"]),
    call("socket_set_encoding", [v("b"), "utf8"]),
  ] },
  { name: "each socket has its own encoding", steps: [
    ...tcpPair(),
    call("socket_set_encoding", [v("cli"), "binary"]),
    call("socket_set_encoding", [v("acc"), "binary"]),
    call("socket_set_encoding", [v("srv"), "utf8"]),
    call("socket_set_encoding", [v("cli"), "utf8"]),
  ] },
  { name: "only \"utf8\" and \"binary\": ValueError", steps: [
    ...unixPair(),
    call("socket_set_encoding", [v("a"), "UTF-8"]),
    call("socket_set_encoding", [v("a"), "latin1"]),
    call("socket_set_encoding", [v("a"), ""]),
    call("socket_set_encoding", [v("a"), 1]),
    call("socket_set_encoding", [v("a"), flt("1.5")]),
    call("socket_set_encoding", [v("a"), "Binary"]),
    call("socket_set_encoding", [v("a"), list()]),
  ] },
  { name: "ASCII reads the same in both modes", steps: [
    ...unixPair(),
    call("socket_set_encoding", [v("a"), "binary"]),
    call("socket_write", [v("b"), "plain ascii\n"]),
    call("socket_recv", [v("a"), r("d"), 100, 0]),
    call("socket_set_encoding", [v("a"), "utf8"]),
    call("socket_write", [v("b"), "虎的笑话"]),
    call("socket_read", [v("a"), 100]),
  ] },
  { name: "binary mode writes ASCII strings byte for byte", steps: [
    ...unixPair(),
    call("socket_set_encoding", [v("b"), "binary"]),
    call("socket_send", [v("b"), "bytes", 5, 0]),
    call("socket_write", [v("b"), "+more", 3]),
    call("socket_recv", [v("a"), r("d"), 100, 0]),
  ] },
  { name: "argument count and the Socket", steps: [
    ...unixPair(),
    call("socket_set_encoding", [v("a")]),
    call("socket_set_encoding", [v("a"), "utf8", 1]),
    call("socket_set_encoding", ["a", "utf8"]),
    call("socket_set_encoding", [k("AF_INET"), "utf8"]),
    call("socket_close", [v("a")]),
    call("socket_set_encoding", [v("a"), "utf8"]),
  ] },
  { name: "null, booleans, NaN and objects as the encoding", steps: [
    ...unixPair(),
    call("socket_set_encoding", [v("a"), null]),
    call("socket_set_encoding", [v("a"), true]),
    call("socket_set_encoding", [v("a"), false]),
    call("socket_set_encoding", [v("a"), flt("NAN")]),
    call("socket_set_encoding", [v("a"), { obj: "stdClass" }]),
    call("socket_set_encoding", [v("a"), "binary\u0000"]),
    call("socket_set_encoding", [v("a"), " binary"]),
    call("socket_set_encoding", [v("a"), "binary"]),
  ] },
  { name: "accepted sockets start in utf8 whatever the listener's mode", steps: [
    ...tcpPair(),
    call("socket_set_encoding", [v("srv"), "binary"]),
    as("cli2", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    call("socket_connect", [v("cli2"), "127.0.0.1", v("port")]),
    as("acc2", "socket_accept", [v("srv")]),
    call("socket_set_encoding", [v("acc2"), "binary"]),
    call("socket_set_encoding", [v("srv"), "utf8"]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_set_encoding", [v("c"), list()]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket(),
    call("socket_set_encoding", [v("c"), null]),
  ] },
  { name: "a closed socket: values are checked only after it: an unknown encoding", steps: [
    ...closedSocket(),
    call("socket_set_encoding", [v("c"), "latin1"]),
  ] },
] satisfies Scenario[];
