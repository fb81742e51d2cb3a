// socket_setopt: PHP's old name for socket_set_option; the same code, its own name in every message.
import { closedSocket } from "../harness/fixtures.ts";
import { as, assoc, call, flt, k, list, v, type Scenario, type Step } from "../harness/scenario.ts";

const tcp = (name = "s"): Step => as(name, "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]);
const udp = (name = "u"): Step => as(name, "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]);
const setopt = (level: string, opt: string, value: unknown, s = "s"): Step =>
  call("socket_setopt", [v(s), k(level), k(opt), value as never]);

export default [
  { name: "sets ints and arrays as socket_set_option does", phpt: ["socket_setopt_basic.phpt"], steps: [
    tcp(),
    setopt("SOL_SOCKET", "SO_REUSEADDR", 1),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), k("SO_REUSEADDR")]),
    setopt("SOL_SOCKET", "SO_LINGER", assoc(["l_onoff", 1], ["l_linger", 3])),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), k("SO_LINGER")]),
    setopt("SOL_SOCKET", "SO_SNDTIMEO", assoc(["sec", 4], ["usec", 5])),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), k("SO_SNDTIMEO")]),
    setopt("SOL_TCP", "TCP_CONGESTION", "reno"),
    call("socket_get_option", [v("s"), k("SOL_TCP"), k("TCP_CONGESTION")]),
  ] },
  { name: "ValueErrors carry the old name", steps: [
    tcp(),
    setopt("SOL_SOCKET", "SO_LINGER", assoc(["l_onoff", 1])),
    setopt("SOL_SOCKET", "SO_RCVTIMEO", 1),
    udp(),
    setopt("IPPROTO_IP", "IP_MULTICAST_TTL", 256, "u"),
    as("u6", "socket_create", [k("AF_INET6"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    setopt("IPPROTO_IPV6", "IPV6_MULTICAST_HOPS", -2, "u6"),
    setopt("IPPROTO_IP", "MCAST_JOIN_GROUP", assoc(["interface", "lo"]), "u"),
    setopt("IPPROTO_IP", "IP_MULTICAST_IF", -1, "u"),
  ] },
  { name: "warnings carry the old name", steps: [
    tcp(),
    setopt("SOL_SOCKET", "SO_TYPE", 1),
    setopt("SOL_SOCKET", "SO_BINDTODEVICE", "nosuchdev0"),
    udp(),
    setopt("IPPROTO_IP", "IP_MULTICAST_IF", "nosuch0", "u"),
    setopt("IPPROTO_IP", "IP_MULTICAST_IF", 99, "u"),
    setopt("IPPROTO_IP", "MCAST_JOIN_GROUP", assoc(["group", "no-such-host.invalid"]), "u"),
    as("u6", "socket_create", [k("AF_INET6"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    setopt("IPPROTO_IPV6", "IPV6_PKTINFO", 1, "u6"),
  ] },
  { name: "multicast groups through the old name", phpt: ["mcast_ipv4_recv.phpt"], steps: [
    udp(),
    setopt("IPPROTO_IP", "MCAST_JOIN_GROUP", assoc(["group", "224.0.0.31"], ["interface", "lo"]), "u"),
    setopt("IPPROTO_IP", "MCAST_JOIN_GROUP", assoc(["group", "224.0.0.31"], ["interface", "lo"]), "u"),
    setopt("IPPROTO_IP", "MCAST_LEAVE_GROUP", assoc(["group", "224.0.0.31"], ["interface", "lo"]), "u"),
  ] },
  { name: "argument errors carry the old name", steps: [
    tcp(),
    call("socket_setopt", [v("s"), k("SOL_SOCKET"), k("SO_REUSEADDR")]),
    call("socket_setopt", [v("s"), "x", 1, 1]),
    call("socket_setopt", [null, 1, 1, 1]),
    call("socket_close", [v("s")]),
    setopt("SOL_SOCKET", "SO_REUSEADDR", 1),
  ] },
  { name: "int options take any value PHP converts to an int", steps: [
    tcp(),
    setopt("SOL_SOCKET", "SO_KEEPALIVE", "1"),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), k("SO_KEEPALIVE")]),
    setopt("SOL_SOCKET", "SO_KEEPALIVE", "no"),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), k("SO_KEEPALIVE")]),
    setopt("SOL_SOCKET", "SO_KEEPALIVE", flt("2.5")),
    setopt("SOL_SOCKET", "SO_KEEPALIVE", flt("NAN")),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), k("SO_KEEPALIVE")]),
    setopt("SOL_SOCKET", "SO_KEEPALIVE", null),
    setopt("SOL_SOCKET", "SO_KEEPALIVE", true),
    setopt("SOL_SOCKET", "SO_KEEPALIVE", { a: [1] }),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), k("SO_KEEPALIVE")]),
  ] },
  { name: "timeouts and lingering with hostile arrays", steps: [
    tcp(),
    setopt("SOL_SOCKET", "SO_RCVTIMEO", assoc(["sec", -1], ["usec", 0])),
    setopt("SOL_SOCKET", "SO_RCVTIMEO", assoc(["sec", 0], ["usec", -1])),
    setopt("SOL_SOCKET", "SO_RCVTIMEO", assoc(["sec", "2"], ["usec", flt("NAN")])),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), k("SO_RCVTIMEO")]),
    setopt("SOL_SOCKET", "SO_SNDTIMEO", assoc(["usec", 5])),
    setopt("SOL_SOCKET", "SO_LINGER", assoc(["l_linger", 1])),
    setopt("SOL_SOCKET", "SO_LINGER", assoc(["l_onoff", "yes"], ["l_linger", -5])),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), k("SO_LINGER")]),
  ] },
  { name: "NaN, floats, null and strings as level or option", steps: [
    tcp(),
    call("socket_setopt", [v("s"), flt("NAN"), k("SO_REUSEADDR"), 1]),
    call("socket_setopt", [v("s"), k("SOL_SOCKET"), flt("-INF"), 1]),
    call("socket_setopt", [v("s"), flt("1.5"), k("SO_REUSEADDR"), 1]),
    call("socket_setopt", [v("s"), null, k("SO_REUSEADDR"), 1]),
    call("socket_setopt", [v("s"), "1", "2", "1"]),
    call("socket_setopt", [v("s"), 9999, 1, 1]),
    call("socket_setopt", [v("s"), k("SOL_SOCKET"), 4294967298, 1]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_setopt", [v("c"), "x", k("SO_REUSEADDR"), 1]),
    call("socket_setopt", [v("c"), k("SOL_SOCKET"), list(), 1]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket(),
    call("socket_setopt", [v("c"), null, k("SO_REUSEADDR"), 1]),
  ] },
] satisfies Scenario[];
