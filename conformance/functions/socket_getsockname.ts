import { abstractName, tmpPathOf } from "../harness/paths.ts";
import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { as, call, k, r, tmp, v, type Scenario } from "../harness/scenario.ts";

const name = (s: string, extra: { mask?: string[] } = { mask: ["port"] }) => call("socket_getsockname", [v(s), r("addr"), r("port")], extra);
const sock = (s: string, family: string, type = "SOCK_STREAM") => as(s, "socket_create", [k(family), k(type), 0]);
const path107 = tmpPathOf(107, "n");

export default [
  { name: "IPv4: bound, and unbound", phpt: ["socket_getsockname.phpt"], steps: [
    sock("s", "AF_INET"), call("socket_bind", [v("s"), "127.0.0.1", 0]), name("s"),
    sock("u", "AF_INET"), name("u", {}),
  ] },
  { name: "IPv6: ::1, ::, v4-mapped, and unbound", steps: [
    sock("a", "AF_INET6"), call("socket_bind", [v("a"), "::1", 0]), name("a"),
    sock("b", "AF_INET6"), call("socket_bind", [v("b"), "::", 0]), name("b"),
    sock("c", "AF_INET6", "SOCK_DGRAM"), call("socket_bind", [v("c"), "::ffff:127.0.0.1", 0]), name("c"),
    sock("d", "AF_INET6"), name("d", {}),
  ] },
  { name: "the port reference is optional; old values are replaced", steps: [
    sock("s", "AF_INET"), call("socket_bind", [v("s"), "127.0.0.1", 0]),
    call("socket_getsockname", [v("s"), r("only")]),
    call("socket_getsockname", [v("s"), r("was", { a: [1, 2] }), r("p", "text")], { mask: ["p"] }),
  ] },
  { name: "unix: a path, a 107-byte path, an abstract name, unbound", phpt: ["socket_abstract_path.phpt", "gh13603.phpt"], steps: [
    sock("a", "AF_UNIX"), call("socket_bind", [v("a"), tmp("n.sock")]), name("a"),
    ...(path107 ? [sock("l", "AF_UNIX"), call("socket_bind", [v("l"), path107]), name("l", {})] : []),
    sock("b", "AF_UNIX"), call("socket_bind", [v("b"), abstractName("name")]), name("b", {}),
    sock("c", "AF_UNIX"), name("c", {}),
    ...unixPair(), name("a", {}),
  ] },
  { name: "unix: the port reference is left alone", steps: [
    sock("a", "AF_UNIX"), call("socket_bind", [v("a"), tmp("p.sock")]),
    call("socket_getsockname", [v("a"), r("addr"), r("port", 1234)]),
  ] },
  { name: "a connected socket names its own end", steps: [
    ...tcpPair(), call("socket_getsockname", [v("cli"), r("addr"), r("cport")], { mask: ["cport"] }),
    call("socket_getsockname", [v("acc"), r("addr2"), r("aport")], { mask: ["aport"] }),
  ] },
  { name: "argument types, counts, and a closed socket", steps: [
    sock("s", "AF_INET"),
    call("socket_getsockname", [v("s")]),
    call("socket_getsockname", [v("s"), r("a"), r("p"), r("x")]),
    call("socket_getsockname", [1, r("a")]),
    call("socket_getsockname", [null, r("a")]),
    call("socket_close", [v("s")]),
    call("socket_getsockname", [v("s"), r("a")]),
  ] },
  { name: "a listener, a UDP socket after sending, and an accepted unix socket", steps: [
    as("l", "socket_create_listen", [0]), name("l"),
    sock("u", "AF_INET", "SOCK_DGRAM"), call("socket_sendto", [v("u"), "x", 1, 0, "127.0.0.1", 9]), name("u"),
    sock("ul", "AF_UNIX"), call("socket_bind", [v("ul"), tmp("acc.sock")]), call("socket_listen", [v("ul")]),
    sock("uc", "AF_UNIX"), call("socket_connect", [v("uc"), tmp("acc.sock")]),
    as("ua", "socket_accept", [v("ul")]),
    call("socket_getsockname", [v("ua"), r("uaddr"), r("uport", 7)]), call("socket_getsockname", [v("uc"), r("caddr"), r("uport")]),
  ] },
  { name: "a closed socket with one argument too many: the count comes first", steps: [
    ...closedSocket(),
    call("socket_getsockname", [v("c"), r("a"), r("p"), 1]),
    call("socket_getsockname", [v("c"), r("a"), r("p")]),
  ] },
] satisfies Scenario[];
