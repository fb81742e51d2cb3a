// socket_getopt: PHP's old name for socket_get_option; the same code, its own name in every message.
import { closedSocket } from "../harness/fixtures.ts";
import { as, call, flt, k, list, v, type Scenario, type Step } from "../harness/scenario.ts";

const tcp = (name = "s"): Step => as(name, "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]);
const getopt = (level: string, opt: string, s = "s"): Step => call("socket_getopt", [v(s), k(level), k(opt)]);

export default [
  { name: "reads what socket_set_option wrote", phpt: ["socket_getopt.phpt"], steps: [
    tcp(),
    getopt("SOL_SOCKET", "SO_TYPE"),
    call("socket_set_option", [v("s"), k("SOL_SOCKET"), k("SO_REUSEADDR"), 1]),
    getopt("SOL_SOCKET", "SO_REUSEADDR"),
    getopt("SOL_SOCKET", "SO_LINGER"),
    getopt("SOL_SOCKET", "SO_RCVTIMEO"),
    getopt("SOL_TCP", "TCP_NODELAY"),
  ] },
  { name: "arrays, as socket_get_option gives them", steps: [
    tcp(),
    getopt("SOL_SOCKET", "SO_MEMINFO"),
    getopt("SOL_TCP", "TCP_CONGESTION"),
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_setopt", [v("u"), k("IPPROTO_IP"), k("IP_MULTICAST_IF"), "lo"]),
    getopt("IPPROTO_IP", "IP_MULTICAST_IF", "u"),
  ] },
  { name: "warnings carry the old name", steps: [
    tcp(),
    call("socket_getopt", [v("s"), k("SOL_SOCKET"), 9999]),
    call("socket_last_error", [v("s")]),
    as("u6", "socket_create", [k("AF_INET6"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    getopt("IPPROTO_IPV6", "IPV6_PKTINFO", "u6"),
  ] },
  { name: "argument errors carry the old name", phpt: ["socket_getopt.phpt"], steps: [
    tcp(),
    call("socket_getopt", [v("s"), k("SOL_SOCKET")]),
    call("socket_getopt", [v("s"), "x", 1]),
    call("socket_getopt", ["s", 1, 1]),
    call("socket_close", [v("s")]),
    getopt("SOL_SOCKET", "SO_TYPE"),
  ] },
  { name: "integer options of each level", steps: [
    tcp(),
    getopt("SOL_SOCKET", "SO_KEEPALIVE"),
    call("socket_set_option", [v("s"), k("SOL_SOCKET"), k("SO_KEEPALIVE"), 1]),
    getopt("SOL_SOCKET", "SO_KEEPALIVE"),
    getopt("SOL_SOCKET", "SO_ERROR"),
    call("socket_getopt", [v("s"), k("SOL_SOCKET"), 30]), // SO_ACCEPTCONN on Linux, which PHP does not name
    call("socket_getopt", [v("s"), k("IPPROTO_IP"), 2]), // IP_TTL, no constant in PHP either
    as("six", "socket_create", [k("AF_INET6"), k("SOCK_STREAM"), k("SOL_TCP")]),
    getopt("IPPROTO_IPV6", "IPV6_V6ONLY", "six"),
    getopt("IPPROTO_IPV6", "IPV6_UNICAST_HOPS", "six"),
  ] },
  { name: "a listener, a datagram socket and a unix socket", steps: [
    as("l", "socket_create_listen", [0]),
    call("socket_getopt", [v("l"), k("SOL_SOCKET"), 30]), // SO_ACCEPTCONN
    getopt("SOL_SOCKET", "SO_TYPE", "l"),
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    getopt("SOL_SOCKET", "SO_TYPE", "u"),
    getopt("SOL_SOCKET", "SO_BROADCAST", "u"),
    as("x", "socket_create", [k("AF_UNIX"), k("SOCK_SEQPACKET"), 0]),
    getopt("SOL_SOCKET", "SO_TYPE", "x"),
    getopt("SOL_TCP", "TCP_NODELAY", "x"),
  ] },
  { name: "unknown levels and options: the OS refuses them", steps: [
    tcp(),
    call("socket_getopt", [v("s"), 9999, 1]),
    call("socket_getopt", [v("s"), -1, 1]),
    call("socket_getopt", [v("s"), k("SOL_SOCKET"), -1]),
    call("socket_getopt", [v("s"), k("SOL_TCP"), 9999]),
    call("socket_last_error", [v("s")]),
  ] },
  { name: "NaN, floats, null and strings as level or option", steps: [
    tcp(),
    call("socket_getopt", [v("s"), flt("NAN"), k("SO_TYPE")]),
    call("socket_getopt", [v("s"), k("SOL_SOCKET"), flt("INF")]),
    call("socket_getopt", [v("s"), flt("1.5"), k("SO_TYPE")]),
    call("socket_getopt", [v("s"), null, 1]),
    call("socket_getopt", [v("s"), "1", "3"]),
    call("socket_getopt", [v("s"), k("SOL_SOCKET"), 9223372036854775807]),
    call("socket_getopt", [v("s"), k("SOL_SOCKET"), 4294967299]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_getopt", [v("c"), "x", k("SO_TYPE")]),
    call("socket_getopt", [v("c"), k("SOL_SOCKET"), list()]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket(),
    call("socket_getopt", [v("c"), null, k("SO_TYPE")]),
  ] },
] satisfies Scenario[];
