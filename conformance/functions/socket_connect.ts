import { abstractName } from "../harness/paths.ts";
import { closedSocket } from "../harness/fixtures.ts";
import { as, call, flt, k, list, r, rep, tmp, v, type Scenario } from "../harness/scenario.ts";

const tcp = (s: string, family = "AF_INET") => as(s, "socket_create", [k(family), k("SOCK_STREAM"), k("SOL_TCP")]);
const unix = (s: string, type = "SOCK_STREAM") => as(s, "socket_create", [k("AF_UNIX"), k(type), 0]);
/** A socket `s` listening on loopback, its port in the reference `port`. */
const listening = (s: string, host = "127.0.0.1", family = "AF_INET") => [
  tcp(s, family), call("socket_bind", [v(s), host, 0]), call("socket_listen", [v(s), 8]),
  call("socket_getsockname", [v(s), r("addr"), r("port")], { mask: ["port"] }),
];
/** A port that refuses: a socket bound to it that does not listen. */
const refusing = (s: string, host = "127.0.0.1", family = "AF_INET") => [
  tcp(s, family), call("socket_bind", [v(s), host, 0]),
  call("socket_getsockname", [v(s), r("addr"), r("closedPort")], { mask: ["closedPort"] }),
];

export default [
  { name: "IPv4 loopback", phpt: ["ipv4loop.phpt"], steps: [
    ...listening("srv"), tcp("c"), call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    call("socket_getpeername", [v("c"), r("peer")]), call("socket_last_error", [v("c")]),
  ] },
  { name: "IPv6 loopback, and an IPv4 name on an IPv6 socket", phpt: ["ipv6loop.phpt"], steps: [
    ...listening("srv", "::1", "AF_INET6"), tcp("c", "AF_INET6"), call("socket_connect", [v("c"), "::1", v("port")]),
    call("socket_getpeername", [v("c"), r("peer")]),
    tcp("d", "AF_INET6"), call("socket_connect", [v("d"), "127.0.0.1", v("port")]),
  ] },
  { name: "host names: localhost, and unknown names under .invalid", steps: [
    ...listening("srv"), tcp("c"), call("socket_connect", [v("c"), "localhost", v("port")]),
    tcp("d"), call("socket_connect", [v("d"), "no-such-host.invalid", v("port")]), call("socket_last_error", [v("d")]),
    tcp("e", "AF_INET6"), call("socket_connect", [v("e"), "no-such-host.invalid", 80]),
    call("socket_connect", [v("d"), rep("h", 256), 80]),
    call("socket_connect", [v("d"), "127.0.0.1\u0000.invalid", v("port")]),
  ] },
  { name: "a refused port", phpt: ["socket_connect_error.phpt"], steps: [
    ...refusing("r"), tcp("c"), call("socket_connect", [v("c"), "127.0.0.1", v("closedPort")]),
    call("socket_last_error", [v("c")]), call("socket_last_error"), call("socket_strerror", [111]),
  ] },
  { name: "a refused IPv6 port", steps: [
    ...refusing("r", "::1", "AF_INET6"), tcp("c", "AF_INET6"), call("socket_connect", [v("c"), "::1", v("closedPort")]),
  ] },
  { name: "the port cannot be null for IPv4 and IPv6", phpt: ["socket_connect_params.phpt"], steps: [
    tcp("a"), call("socket_connect", [v("a"), "127.0.0.1"]), call("socket_connect", [v("a"), "127.0.0.1", null]),
    tcp("b", "AF_INET6"), call("socket_connect", [v("b"), "::1"]), call("socket_connect", [v("b"), "::1", null]),
  ] },
  { name: "ports outside 16 bits wrap", steps: [
    ...listening("srv"), tcp("c"),
    call("socket_connect", [v("c"), "127.0.0.1", 65536]), call("socket_last_error", [v("c")]),
  ] },
  { name: "unix: a listening path, a missing path, a path that is no socket", steps: [
    unix("srv"), call("socket_bind", [v("srv"), tmp("c.sock")]), call("socket_listen", [v("srv"), 8]),
    unix("c"), call("socket_connect", [v("c"), tmp("c.sock")]), call("socket_getpeername", [v("c"), r("peer")]),
    unix("d"), call("socket_connect", [v("d"), tmp("missing.sock")]), call("socket_last_error", [v("d")]),
    unix("e"), call("socket_connect", [v("e"), tmp("")]),
    unix("f"), call("socket_connect", [v("f"), tmp("c.sock"), 99]),
  ] },
  { name: "unix: abstract names", phpt: ["socket_abstract_path.phpt"], steps: [
    unix("srv"), call("socket_bind", [v("srv"), abstractName("connect")]), call("socket_listen", [v("srv")]),
    unix("c"), call("socket_connect", [v("c"), abstractName("connect")]), call("socket_getpeername", [v("c"), r("peer")]),
    unix("d"), call("socket_connect", [v("d"), abstractName("connect-missing")]),
  ] },
  { name: "unix: paths of 108 and 200 bytes are ValueErrors, 107 reaches the OS", steps: [
    unix("c"),
    call("socket_connect", [v("c"), rep("p", 108)]),
    call("socket_connect", [v("c"), rep("p", 200)]),
    call("socket_connect", [v("c"), "/no-such-dir/" + "p".repeat(94)]),
    call("socket_connect", [v("c"), abstractName("connect-107", 107)]),
  ] },
  { name: "unix: a datagram socket connects to a bound datagram socket", steps: [
    unix("srv", "SOCK_DGRAM"), call("socket_bind", [v("srv"), tmp("d.sock")]),
    unix("c", "SOCK_DGRAM"), call("socket_connect", [v("c"), tmp("d.sock")]),
    call("socket_write", [v("c"), "dgram"]), call("socket_read", [v("srv"), 100]),
  ] },
  { name: "UDP connects without a listener; connecting twice", steps: [
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_connect", [v("u"), "127.0.0.1", 9]), call("socket_getpeername", [v("u"), r("peer"), r("p")]),
    ...listening("srv"), tcp("c"), call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    call("socket_connect", [v("c"), "127.0.0.1", v("port")]), call("socket_last_error", [v("c")]),
  ] },
  { name: "non-blocking connect: EINPROGRESS without a warning", steps: [
    ...listening("srv"), tcp("c"), call("socket_set_nonblock", [v("c")]),
    call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    call("socket_last_error", [v("c")]), call("socket_last_error"),
  ] },
  { name: "an address of the wrong family", steps: [
    tcp("c"), call("socket_connect", [v("c"), "::1", 80]),
    tcp("d", "AF_INET6"), call("socket_connect", [v("d"), "1.2.3.4.5", 80]),
  ] },
  { name: "argument types, counts, and a closed socket", phpt: ["socket_connect_params.phpt"], steps: [
    tcp("c"),
    call("socket_connect", [v("c")]),
    call("socket_connect", [v("c"), "127.0.0.1", 1, 2]),
    call("socket_connect", [v("c"), { a: [] }, 80]),
    call("socket_connect", [v("c"), "127.0.0.1", "eighty"]),
    call("socket_connect", [v("c"), "127.0.0.1", flt("NAN")]),
    call("socket_connect", [v("c"), "127.0.0.1", flt("-INF")]),
    call("socket_connect", [{ obj: "stdClass" }, "127.0.0.1", 80]),
    call("socket_close", [v("c")]),
    call("socket_connect", [v("c"), "127.0.0.1", 80]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_connect", [v("c"), list()]),
    call("socket_connect", [v("c"), "127.0.0.1", "x"]),
    call("socket_connect", [v("c"), "127.0.0.1", 1, 2]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket(),
    call("socket_connect", [v("c"), null, 80]),
    call("socket_connect", [v("c"), "127.0.0.1", flt("80.5")]),
  ] },
  { name: "a closed socket: values are checked only after it: an IPv4 or IPv6 socket without a port", steps: [
    ...closedSocket(),
    call("socket_connect", [v("c"), "127.0.0.1"]),
    call("socket_connect", [v("c"), "127.0.0.1", null]),
    ...closedSocket("c6", "AF_INET6"),
    call("socket_connect", [v("c6"), "::1"]),
    ...closedSocket("u", "AF_UNIX"),
    call("socket_connect", [v("u"), rep("x", 200)]),
  ] },
] satisfies Scenario[];
