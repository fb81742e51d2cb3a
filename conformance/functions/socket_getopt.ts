// socket_getopt: PHP's old name for socket_get_option; the same code, its own name in every message.
import { as, call, k, v, type Scenario, type Step } from "../harness/scenario.ts";

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
] satisfies Scenario[];
