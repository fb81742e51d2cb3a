// A stream exported from a Socket imports back as a new Socket on the same connection (PHP shares the
// descriptor, the library duplicates it). The importable streams that only Bun makes (Bun.listen,
// Bun.connect, Bun.udpSocket) are covered by test/import-stream.test.ts.
import { as, at, call, k, r, v, type Scenario } from "../harness/scenario.ts";

const tcp = (s: string, family = "AF_INET") => as(s, "socket_create", [k(family), k("SOCK_STREAM"), k("SOL_TCP")]);
const listening = (s: string, host = "127.0.0.1", family = "AF_INET") => [
  tcp(s, family), call("socket_bind", [v(s), host, 0]), call("socket_listen", [v(s), 8]),
  call("socket_getsockname", [v(s), r("addr"), r("port")], { mask: ["port"] }),
];

export default [
  { name: "an exported connection imports back as a Socket", phpt: ["socket_import_stream-1.phpt"], steps: [
    ...listening("srv"), tcp("c"), call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    as("acc", "socket_accept", [v("srv")]),
    as("st", "socket_export_stream", [v("c")]),
    as("back", "socket_import_stream", [v("st")]),
    call("socket_getpeername", [v("back"), r("peer")]),
    call("socket_get_option", [v("back"), k("SOL_SOCKET"), k("SO_TYPE")]),
    call("socket_set_option", [v("back"), k("SOL_SOCKET"), k("SO_KEEPALIVE"), 1]),
    call("socket_get_option", [v("back"), k("SOL_SOCKET"), k("SO_KEEPALIVE")]),
    call("socket_write", [v("back"), "through the import"]),
    call("socket_read", [v("acc"), 100]),
    call("socket_last_error", [v("back")]),
  ] },
  { name: "an exported listener imports back, IPv6", steps: [
    ...listening("six", "::1", "AF_INET6"),
    as("st", "socket_export_stream", [v("six")]),
    as("back", "socket_import_stream", [v("st")]),
    call("socket_getsockname", [v("back"), r("name")]),
    call("socket_get_option", [v("back"), k("SOL_SOCKET"), k("SO_TYPE")]),
  ] },
  { name: "a unix stream, imported", phpt: ["socket_import_stream-1.phpt"], steps: [
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), 0, r("pair")]),
    as("st", "socket_export_stream", [at("pair", 0)]),
    as("back", "socket_import_stream", [v("st")]),
    call("socket_write", [v("back"), "hello"]),
    call("socket_read", [at("pair", 1), 10]),
  ] },
  { name: "a stream that is not a socket warns and gives false", phpt: ["socket_import_stream-2.phpt"], steps: [
    call("socket_import_stream", [k("STDIN")]),
  ] },
  { name: "values that are not streams", phpt: ["socket_import_stream-2.phpt"], steps: [
    call("socket_import_stream"),
    call("socket_import_stream", [null]),
    call("socket_import_stream", ["stream"]),
    call("socket_import_stream", [1]),
    call("socket_import_stream", [{ a: [] }]),
    call("socket_import_stream", [{ obj: "stdClass" }]),
    tcp("s"), call("socket_import_stream", [v("s")]),
  ] },
] satisfies Scenario[];
