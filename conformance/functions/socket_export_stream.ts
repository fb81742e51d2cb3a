// PHP's streams are resources; the library's are Bun's node:net sockets and servers. Both sides show a
// stream as { res: "stream" }. After an export PHP still lets the Socket be used and the library does
// not (Bun owns the descriptor), so no scenario touches a Socket after exporting it; datagram sockets,
// which Bun cannot drive, are refused by the library (test/export-stream.test.ts covers both).
import { closedSocket } from "../harness/fixtures.ts";
import { as, at, call, flt, k, r, v, type Scenario } from "../harness/scenario.ts";

const tcp = (s: string, family = "AF_INET") => as(s, "socket_create", [k(family), k("SOCK_STREAM"), k("SOL_TCP")]);
const listening = (s: string, host = "127.0.0.1", family = "AF_INET") => [
  tcp(s, family), call("socket_bind", [v(s), host, 0]), call("socket_listen", [v(s), 8]),
  call("socket_getsockname", [v(s), r("addr"), r("port")], { mask: ["port"] }),
];

export default [
  { name: "a connected TCP socket becomes a stream", steps: [
    ...listening("srv"), tcp("c"), call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    as("st", "socket_export_stream", [v("c")]),
    as("acc", "socket_accept", [v("srv")]),
    as("st2", "socket_export_stream", [v("acc")]),
  ] },
  { name: "a listening socket, on IPv4 and on IPv6", steps: [
    ...listening("srv"), as("st", "socket_export_stream", [v("srv")]),
    ...listening("six", "::1", "AF_INET6"), as("st6", "socket_export_stream", [v("six")]),
  ] },
  { name: "exporting twice gives the stream again", steps: [
    ...listening("srv"), as("a", "socket_export_stream", [v("srv")]), as("b", "socket_export_stream", [v("srv")]),
  ] },
  { name: "a unix stream socket pair", phpt: ["socket_export_stream-1.phpt"], steps: [
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), 0, r("pair")]),
    as("st", "socket_export_stream", [at("pair", 0)]),
    call("socket_write", [at("pair", 1), "to the stream"]),
  ] },
  { name: "a closed socket, and values that are not sockets", phpt: ["socket_export_stream-2.phpt"], steps: [
    tcp("c"), call("socket_close", [v("c")]), call("socket_export_stream", [v("c")]),
    call("socket_export_stream"),
    call("socket_export_stream", [null]),
    call("socket_export_stream", ["socket"]),
    call("socket_export_stream", [{ obj: "stdClass" }]),
    tcp("d"), call("socket_export_stream", [v("d"), 1]),
  ] },
  { name: "a unix listener bound to a path, and a client connected to it", steps: [
    as("l", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]),
    call("socket_bind", [v("l"), { tmp: "export.sock" }]),
    call("socket_listen", [v("l"), 2]),
    as("c", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]),
    call("socket_connect", [v("c"), { tmp: "export.sock" }]),
    as("ls", "socket_export_stream", [v("l")]),
    as("cs", "socket_export_stream", [v("c")]),
  ] },
  { name: "both ends of an IPv6 connection", steps: [
    ...listening("srv", "::1", "AF_INET6"), tcp("c", "AF_INET6"), call("socket_connect", [v("c"), "::1", v("port")]),
    as("acc", "socket_accept", [v("srv")]),
    call("socket_write", [v("c"), "before export"]),
    as("a", "socket_export_stream", [v("c")]),
    as("b", "socket_export_stream", [v("acc")]),
  ] },
  { name: "NaN, false, numbers, arrays and an AddressInfo are not a Socket", steps: [
    call("socket_export_stream", [flt("NAN")]),
    call("socket_export_stream", [false]),
    call("socket_export_stream", [0]),
    call("socket_export_stream", [{ a: [] }]),
    as("ai", "socket_addrinfo_lookup", ["127.0.0.1", "80"]),
    call("socket_export_stream", [at("ai", 0)]),
  ] },
  { name: "a closed socket with one argument too many: the count comes first", steps: [
    ...closedSocket(),
    call("socket_export_stream", [v("c"), 1]),
    call("socket_export_stream", [v("c")]),
  ] },
] satisfies Scenario[];
