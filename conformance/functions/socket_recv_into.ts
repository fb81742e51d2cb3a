// socket_recv_into is this library's own (reads into caller memory); in PHP the harness runs the same
// contract written with socket_recv (harness/extensions.php), so both replays must agree.
import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { as, bytes, call, flt, k, or, u8, v, type Scenario } from "../harness/scenario.ts";

export default [
  { name: "reads into the buffer and returns the byte count", steps: [
    ...unixPair(),
    call("socket_write", [v("b"), "hello"]),
    call("socket_recv_into", [v("a"), u8("buf", 8)]),
  ] },
  { name: "a later read overwrites only the start", steps: [
    ...unixPair(),
    call("socket_write", [v("b"), "abcdefgh"]),
    call("socket_recv_into", [v("a"), u8("buf", 8)]),
    call("socket_write", [v("b"), "XY"]),
    call("socket_recv_into", [v("a"), u8("buf", 8), 0]),
  ] },
  { name: "the length limits the read", steps: [
    ...unixPair(),
    call("socket_write", [v("b"), "0123456789"]),
    call("socket_recv_into", [v("a"), u8("buf", 16), 0, 4]),
    call("socket_recv_into", [v("a"), u8("buf", 16), 0, null]),
  ] },
  { name: "length checks: negative, and past the buffer", steps: [
    ...unixPair(),
    call("socket_write", [v("b"), "data"]),
    call("socket_recv_into", [v("a"), u8("buf", 4), 0, -1]),
    call("socket_recv_into", [v("a"), u8("buf", 4), 0, 5]),
    call("socket_recv_into", [v("a"), u8("buf", 4), 0, 4]),
  ] },
  { name: "MSG_PEEK leaves the data for the next read", steps: [
    ...unixPair(),
    call("socket_write", [v("b"), "peek"]),
    call("socket_recv_into", [v("a"), u8("p", 4), k("MSG_PEEK")]),
    call("socket_recv_into", [v("a"), u8("q", 4), 0]),
  ] },
  { name: "MSG_WAITALL fills the buffer from separate writes", steps: [
    ...tcpPair(),
    call("socket_write", [v("acc"), "abc"]),
    call("socket_write", [v("acc"), "def"]),
    call("socket_recv_into", [v("cli"), u8("buf", 6), k("MSG_WAITALL")]),
  ] },
  { name: "end of stream returns 0 and leaves the buffer", steps: [
    ...unixPair(),
    call("socket_close", [v("b")]),
    call("socket_recv_into", [v("a"), u8("buf", 4)]),
  ] },
  { name: "nothing to read: false without a warning, EAGAIN", steps: [
    ...unixPair(),
    call("socket_recv_into", [v("a"), u8("buf", 4), k("MSG_DONTWAIT")]),
    call("socket_last_error", [v("a")]),
  ] },
  { name: "OS errors warn as socket_recv does", steps: [
    ...unixPair(),
    call("socket_recv_into", [v("a"), u8("buf", 4), k("MSG_OOB")]),
    call("socket_last_error", [v("a")]),
    as("t", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    call("socket_recv_into", [v("t"), u8("buf", 4)]),
  ] },
  { name: "datagrams: MSG_TRUNC gives the full size, the buffer what fits", steps: [
    ...unixPair("", "SOCK_DGRAM"),
    call("socket_write", [v("b"), "0123456789"]),
    call("socket_recv_into", [v("a"), u8("buf", 4), k("MSG_TRUNC")]),
    call("socket_write", [v("b"), "abcdef"]),
    call("socket_recv_into", [v("a"), u8("buf", 4), or("MSG_PEEK", "MSG_TRUNC")]),
    call("socket_recv_into", [v("a"), u8("buf", 4)]),
    call("socket_recv_into", [v("a"), u8("buf", 4), k("MSG_DONTWAIT")]),
  ] },
  { name: "bytes are stored as they are", steps: [
    ...unixPair(),
    call("socket_write", [v("b"), bytes("00ff80c3")]),
    call("socket_write", [v("b"), "虎"]),
    call("socket_recv_into", [v("a"), u8("buf", 7), k("MSG_WAITALL")]),
  ] },
  { name: "argument count and the Socket", steps: [
    ...unixPair(),
    call("socket_recv_into", [v("a")]),
    call("socket_recv_into", [v("a"), u8("buf", 4), 0, null, 1]),
    call("socket_recv_into", [null, u8("buf", 4)]),
    call("socket_close", [v("a")]),
    call("socket_recv_into", [v("a"), u8("buf", 4)]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_recv_into", [v("c"), u8("buf", 4), "x"]),
    call("socket_recv_into", [v("c"), u8("buf", 4), 0, "x"]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket(),
    call("socket_recv_into", [v("c"), u8("buf", 4), null]),
    call("socket_recv_into", [v("c"), u8("buf", 4), 0, null]),
    call("socket_recv_into", [v("c"), u8("buf", 4), 0, flt("2.5")]),
  ] },
  { name: "a closed socket: values are checked only after it: a length negative or past the buffer", steps: [
    ...closedSocket(),
    call("socket_recv_into", [v("c"), u8("buf", 4), 0, -1]),
    call("socket_recv_into", [v("c"), u8("buf", 4), 0, 5]),
  ] },
] satisfies Scenario[];
