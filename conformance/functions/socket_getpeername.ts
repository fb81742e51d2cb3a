import { abstractName } from "../harness/paths.ts";
import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { as, call, k, r, tmp, v, type Scenario } from "../harness/scenario.ts";

const peer = (s: string, mask = true) => call("socket_getpeername", [v(s), r("addr"), r("port")], mask ? { mask: ["port"] } : {});
const sock = (s: string, family: string, type = "SOCK_STREAM") => as(s, "socket_create", [k(family), k(type), 0]);

export default [
  { name: "IPv4: both ends of a connection", phpt: ["socket_getpeername.phpt", "ipv4loop.phpt"], steps: [
    ...tcpPair(), peer("cli"), peer("acc"),
  ] },
  // Ports are masked, so equality shows another way: a second client connects to the port the first
  // one reads as its peer's.
  { name: "IPv4: the client's peer is the server's address and port", phpt: ["socket_getpeername_ipv4loop.phpt"], steps: [
    ...tcpPair(), peer("cli"),
    sock("cli2", "AF_INET"), call("socket_connect", [v("cli2"), "127.0.0.1", v("port")]),
  ] },
  { name: "IPv6: ::1 at both ends", phpt: ["socket_getpeername_ipv6loop.phpt"], steps: [
    ...tcpPair("", "AF_INET6"), peer("cli"), peer("acc"),
  ] },
  { name: "not connected: ENOTCONN, the references untouched", steps: [
    sock("s", "AF_INET"), call("socket_getpeername", [v("s"), r("addr", "before"), r("port", 7)]),
    call("socket_last_error", [v("s")]),
    sock("t", "AF_INET6"), peer("t", false),
    sock("u", "AF_UNIX"), peer("u", false),
    as("l", "socket_create_listen", [0]), peer("l", false),
  ] },
  { name: "UDP: the connected peer, with its port", steps: [
    sock("u", "AF_INET", "SOCK_DGRAM"), call("socket_connect", [v("u"), "127.0.0.1", 53]), peer("u", false),
    sock("w", "AF_INET6", "SOCK_DGRAM"), call("socket_connect", [v("w"), "::1", 53]), peer("w", false),
    sock("x", "AF_INET6", "SOCK_DGRAM"), call("socket_connect", [v("x"), "127.0.0.1", 53]), peer("x", false),
  ] },
  { name: "unix: the server's path, an abstract name, an unnamed pair", steps: [
    sock("srv", "AF_UNIX"), call("socket_bind", [v("srv"), tmp("peer.sock")]), call("socket_listen", [v("srv"), 4]),
    sock("c", "AF_UNIX"), call("socket_connect", [v("c"), tmp("peer.sock")]), peer("c", false),
    as("acc", "socket_accept", [v("srv")]), peer("acc", false),
    sock("asrv", "AF_UNIX"), call("socket_bind", [v("asrv"), abstractName("peer")]), call("socket_listen", [v("asrv"), 4]),
    sock("d", "AF_UNIX"), call("socket_connect", [v("d"), abstractName("peer")]), peer("d", false),
    ...unixPair(), peer("a", false),
  ] },
  { name: "after the peer closed", steps: [
    ...tcpPair(), call("socket_close", [v("cli")]), peer("acc"),
  ] },
  { name: "argument types, counts, and a closed socket", steps: [
    sock("s", "AF_INET"),
    call("socket_getpeername", [v("s")]),
    call("socket_getpeername", [v("s"), r("a"), r("p"), 1]),
    call("socket_getpeername", ["s", r("a")]),
    call("socket_close", [v("s")]),
    call("socket_getpeername", [v("s"), r("a")]),
  ] },
  { name: "a closed socket with one argument too many: the count comes first", steps: [
    ...closedSocket(),
    call("socket_getpeername", [v("c"), r("a"), r("p"), 1]),
    call("socket_getpeername", [v("c"), r("a")]),
  ] },
] satisfies Scenario[];
