// socket_atmark is PHP 8.3's; the PHP 8.2 oracle replays it through a stand-in over libc's sockatmark()
// (conformance/harness/php83-atmark.php), while socket_send, socket_recv and the options are 8.2's own.
import { closedSocket } from "../harness/fixtures.ts";
import { as, at, call, k, r, v, type Scenario } from "../harness/scenario.ts";

const mark = (s: ReturnType<typeof at> | ReturnType<typeof v>) => call("socket_atmark", [s]);
/** A connected TCP pair on loopback: `c` (client) and `acc` (accepted). */
const tcpPair = [
  as("srv", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
  call("socket_bind", [v("srv"), "127.0.0.1", 0]),
  call("socket_listen", [v("srv"), 1]),
  call("socket_getsockname", [v("srv"), r("addr"), r("port")], { mask: ["port"] }),
  as("c", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
  call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
  as("acc", "socket_accept", [v("srv")]),
];

export default [
  { name: "the mark around urgent data on a unix stream pair, inline", phpt: ["socket_atmark.phpt"], steps: [
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), 0, r("pair")]),
    call("socket_write", [at("pair", 0), "a"]),
    call("socket_send", [at("pair", 0), "b", 1, k("MSG_OOB")]),
    call("socket_write", [at("pair", 0), "c"]),
    mark(at("pair", 1)),
    call("socket_set_option", [at("pair", 1), k("SOL_SOCKET"), k("SO_OOBINLINE"), 1]),
    mark(at("pair", 1)),
    call("socket_recv", [at("pair", 1), r("data"), 1, 0]), mark(at("pair", 1)),
    call("socket_recv", [at("pair", 1), r("data"), 1, 0]), mark(at("pair", 1)),
    call("socket_recv", [at("pair", 1), r("data"), 1, 0]), mark(at("pair", 1)),
  ] },
  { name: "the mark on TCP: a read stops at it, the urgent byte comes out of band", steps: [
    ...tcpPair,
    mark(v("acc")),
    call("socket_write", [v("c"), "ab"]),
    call("socket_send", [v("c"), "U", 1, k("MSG_OOB")]),
    call("socket_write", [v("c"), "cd"]),
    call("usleep", [50000]),
    mark(v("acc")),
    call("socket_recv", [v("acc"), r("data"), 100, 0]), mark(v("acc")),
    call("socket_recv", [v("acc"), r("oob"), 1, k("MSG_OOB")]), mark(v("acc")),
    call("socket_recv", [v("acc"), r("data"), 100, 0]), mark(v("acc")),
    mark(v("c")),
  ] },
  { name: "the mark on TCP with SO_OOBINLINE, byte by byte", steps: [
    ...tcpPair,
    call("socket_set_option", [v("acc"), k("SOL_SOCKET"), k("SO_OOBINLINE"), 1]),
    call("socket_write", [v("c"), "xy"]),
    call("socket_send", [v("c"), "!", 1, k("MSG_OOB")]),
    call("usleep", [50000]),
    mark(v("acc")),
    call("socket_recv", [v("acc"), r("data"), 1, 0]), mark(v("acc")),
    call("socket_recv", [v("acc"), r("data"), 1, 0]), mark(v("acc")),
    call("socket_recv", [v("acc"), r("data"), 1, 0]), mark(v("acc")),
  ] },
  { name: "sockets without urgent data are not at the mark", steps: [
    as("t", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]), mark(v("t")),
    as("t6", "socket_create", [k("AF_INET6"), k("SOCK_STREAM"), k("SOL_TCP")]), mark(v("t6")),
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), 0, r("pair")]), mark(at("pair", 0)),
  ] },
  { name: "sockets that have no mark warn and give false", steps: [
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]), mark(v("u")),
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_DGRAM"), 0, r("dpair")]), mark(at("dpair", 0)),
  ] },
  { name: "argument checks", steps: [
    call("socket_atmark"),
    call("socket_atmark", [null]),
    call("socket_atmark", ["sock"]),
    call("socket_atmark", [{ obj: "stdClass" }]),
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_atmark", [v("s"), 1]),
    call("socket_close", [v("s")]),
    mark(v("s")),
  ] },
  { name: "listeners and unbound sockets", steps: [
    as("l", "socket_create_listen", [0]), mark(v("l")),
    as("ul", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]),
    call("socket_bind", [v("ul"), { tmp: "mark.sock" }]), call("socket_listen", [v("ul"), 1]), mark(v("ul")),
    as("u", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]), mark(v("u")),
    as("q", "socket_create", [k("AF_UNIX"), k("SOCK_SEQPACKET"), 0]), mark(v("q")),
  ] },
  { name: "NaN, false, numbers and an AddressInfo are not a Socket", steps: [
    call("socket_atmark", [{ f: "NAN" }]),
    call("socket_atmark", [false]),
    call("socket_atmark", [3]),
    as("ai", "socket_addrinfo_lookup", ["127.0.0.1", "80"]),
    call("socket_atmark", [at("ai", 0)]),
  ] },
  { name: "a closed socket with one argument too many: the count comes first", steps: [
    ...closedSocket(),
    call("socket_atmark", [v("c"), 1]),
    call("socket_atmark", [v("c")]),
  ] },
] satisfies Scenario[];
