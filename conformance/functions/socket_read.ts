import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { as, bytes, call, flt, k, v, type Scenario } from "../harness/scenario.ts";

const NORMAL = k("PHP_NORMAL_READ");
const BINARY = k("PHP_BINARY_READ");
const write = (s: string, data: string) => call("socket_write", [v(s), data]);
const read = (s: string, n: unknown, mode = BINARY) => call("socket_read", [v(s), n as never, mode]);
const normal = (s: string, n: number) => read(s, n, NORMAL);

// Not covered, because PHP cannot finish them: a non-blocking PHP_NORMAL_READ with no line end and the
// peer still open spins on EAGAIN until data comes (the library waits in poll instead); a blocking read
// with nothing to read waits forever; a length near PHP_INT_MAX makes PHP allocate that much and die
// with a fatal error (the library caps reads at 2^31 - 1 bytes). And at end of stream PHP_NORMAL_READ
// tests the byte after a partial line, which no recv wrote: PHP's buffer is fresh from its allocator, so
// when an earlier read of the same length left "\n" or "\r" at that spot PHP returns the partial line
// plus that stale byte ("cd" after "ab\n" comes back as "cd\n"). That is uninitialised memory, not
// behaviour, so the scenarios below read a partial line with a length no earlier read used.
export default [
  { name: "binary reads take what is there, up to the length", phpt: ["socket_read_params.phpt"], steps: [
    ...unixPair(), write("a", "hello world"),
    read("b", 5), read("b", 100),
    write("a", "x"), call("socket_read", [v("b"), 10]),
  ] },
  { name: "normal reads stop after \\r or \\n", steps: [
    ...unixPair(), write("a", "one\ntwo\rthree\r\nfour\n"),
    normal("b", 100), normal("b", 100), normal("b", 100), normal("b", 100), normal("b", 100),
  ] },
  { name: "normal reads stop at the length", steps: [
    ...unixPair(), write("a", "abcdefgh\nrest\n"),
    normal("b", 3), normal("b", 3), normal("b", 3), normal("b", 1), normal("b", 100),
  ] },
  { name: "an empty line, and a line end at exactly the length", steps: [
    ...unixPair(), write("a", "\n\r\nabc\nxy"),
    normal("b", 10), normal("b", 10), normal("b", 10), normal("b", 4), read("b", 10),
  ] },
  { name: "normal reads over TCP", steps: [
    ...tcpPair(), write("cli", "GET / HTTP/1.0\r\nHost: x\r\n\r\n"),
    normal("acc", 1024), normal("acc", 1024), normal("acc", 1024), normal("acc", 1024), normal("acc", 1024), normal("acc", 1024),
    read("acc", 0),
  ] },
  { name: "end of stream: binary reads give \"\"", steps: [
    ...unixPair(), write("a", "last"), call("socket_close", [v("a")]),
    read("b", 10), read("b", 10), read("b", 10), call("socket_last_error", [v("b")]),
  ] },
  { name: "end of stream mid-line, blocking: false with ECONNRESET, the partial line dropped", steps: [
    ...unixPair(), write("a", "partial"), call("socket_shutdown", [v("a"), 1]),
    normal("b", 100), call("socket_last_error", [v("b")]), call("socket_last_error"),
    read("b", 100),
  ] },
  { name: "end of stream with no data, blocking normal read over TCP", steps: [
    ...tcpPair(), call("socket_close", [v("cli")]),
    normal("acc", 100), call("socket_last_error", [v("acc")]), read("acc", 100),
  ] },
  { name: "end of stream mid-line, non-blocking: the partial line, then \"\"", steps: [
    ...unixPair(), write("a", "ab\ncd"), call("socket_shutdown", [v("a"), 1]),
    call("socket_set_nonblock", [v("b")]),
    normal("b", 100), normal("b", 200), normal("b", 300), call("socket_last_error", [v("b")]),
  ] },
  { name: "end of stream mid-line over TCP, non-blocking", steps: [
    ...tcpPair(), write("cli", "no newline"), call("socket_close", [v("cli")]),
    call("socket_set_nonblock", [v("acc")]), normal("acc", 4), normal("acc", 100), normal("acc", 100),
  ] },
  { name: "non-blocking with nothing to read: false, EAGAIN, no warning", phpt: ["socket_set_nonblock.phpt"], steps: [
    ...unixPair(), call("socket_set_nonblock", [v("b")]),
    read("b", 10), call("socket_last_error", [v("b")]), call("socket_last_error"),
    write("a", "now"), read("b", 10), call("socket_last_error", [v("b")]),
  ] },
  { name: "a length under 1 gives false without a warning", steps: [
    ...unixPair(), write("a", "data"),
    read("b", 0), read("b", -1), read("b", -9223372036854775808), call("socket_last_error", [v("b")]),
    read("b", 0, NORMAL), read("b", 10),
  ] },
  { name: "any mode but PHP_NORMAL_READ reads binary", steps: [
    ...unixPair(), write("a", "x\ny\n"), read("b", 10, 0 as never), write("a", "z\nw"), read("b", 10, 99 as never),
  ] },
  { name: "an unconnected or listening socket: ENOTCONN / EINVAL", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]), read("s", 10), call("socket_last_error", [v("s")]),
    normal("s", 10),
    as("l", "socket_create_listen", [0]), read("l", 10),
  ] },
  { name: "a shut-down read side reads \"\"", steps: [
    ...unixPair(), call("socket_shutdown", [v("b"), 0]), read("b", 10), normal("b", 10),
  ] },
  { name: "datagrams: a binary read truncates a message; a normal read takes one byte per message", steps: [
    ...unixPair("", "SOCK_DGRAM"),
    write("a", "first message"), read("b", 5), write("a", "second"), read("b", 100),
    write("a", "ab"), write("a", "\n"), normal("b", 10),
  ] },
  { name: "binary bytes round-trip, NUL and high bytes included", binary: true, steps: [
    ...unixPair(), call("socket_write", [v("a"), bytes("00ff0d0a80c3280a7f")]),
    normal("b", 100), normal("b", 100), normal("b", 100), read("b", 100),
  ] },
  { name: "a read of 1 MiB returns what is there", steps: [
    ...unixPair(), write("a", "abc"), read("b", 1048576),
  ] },
  { name: "argument types, counts, and a closed socket", phpt: ["socket_read_params.phpt"], steps: [
    ...unixPair(), write("a", "1234567890"),
    call("socket_read", [v("b")]),
    call("socket_read", [v("b"), 1, BINARY, 0]),
    call("socket_read", [v("b"), "2"]),
    call("socket_read", [v("b"), "two"]),
    call("socket_read", [v("b"), flt("NAN")]),
    call("socket_read", [v("b"), flt("INF")]),
    call("socket_read", [v("b"), flt("2.5")]),
    call("socket_read", [v("b"), null]),
    call("socket_read", [v("b"), 2, null]),
    call("socket_read", [v("b"), true]),
    call("socket_read", [v("b"), 2, "normal"]),
    call("socket_read", [{ obj: "stdClass" }, 2]),
    call("socket_close", [v("b")]),
    call("socket_read", [v("b"), 2]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_read", [v("c"), "x"]),
    call("socket_read", [v("c"), 5, "binary"]),
    call("socket_read", [v("c"), 5, k("PHP_BINARY_READ"), 1]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket(),
    call("socket_read", [v("c"), null]),
    call("socket_read", [v("c"), 5, null]),
    call("socket_read", [v("c"), flt("5.5")]),
  ] },
  { name: "a closed socket: values are checked only after it: a length under 1 is its Error, not false", steps: [
    ...closedSocket(),
    call("socket_read", [v("c"), 0]),
    call("socket_read", [v("c"), -1, k("PHP_NORMAL_READ")]),
  ] },
] satisfies Scenario[];
