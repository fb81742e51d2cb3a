// One line per option, in the manner of socket2's tests/options.rs: the default, each value set and read
// back, then the same read on the closed socket. Shapes, read-only options and errors follow.
import { closedSocket, tcpPair } from "../harness/fixtures.ts";
import { as, assoc, call, flt, k, list, v, type Arg, type Scenario, type Step } from "../harness/scenario.ts";

type Kind = "tcp" | "udp" | "tcp6" | "udp6" | "unix";
const SOCK: Record<Kind, [string, string, Arg]> = {
  tcp: ["AF_INET", "SOCK_STREAM", k("SOL_TCP")],
  udp: ["AF_INET", "SOCK_DGRAM", k("SOL_UDP")],
  tcp6: ["AF_INET6", "SOCK_STREAM", k("SOL_TCP")],
  udp6: ["AF_INET6", "SOCK_DGRAM", k("SOL_UDP")],
  unix: ["AF_UNIX", "SOCK_STREAM", 0],
};
const mk = (kind: Kind, name = "s"): Step => as(name, "socket_create", [k(SOCK[kind][0]), k(SOCK[kind][1]), SOCK[kind][2]]);
const get = (level: string, opt: string, s = "s"): Step => call("socket_get_option", [v(s), k(level), k(opt)]);
const set = (level: string, opt: string, value: Arg, s = "s"): Step => call("socket_set_option", [v(s), k(level), k(opt), value]);

/** Default, then each value set and read back, then the read on a closed socket. */
function option(kind: Kind, level: string, opt: string, values: Arg[], phpt?: string[]): Scenario {
  const steps: Step[] = [mk(kind), get(level, opt)];
  for (const value of values) steps.push(set(level, opt, value), get(level, opt));
  steps.push(call("socket_close", [v("s")]), get(level, opt));
  return { name: `${level} ${opt} on ${kind}: ${values.length ? "set then get" : "read only"}`, ...(phpt ? { phpt } : {}), steps };
}

const linger = (on: Arg, secs: Arg): Arg => assoc(["l_onoff", on], ["l_linger", secs]);
const tv = (sec: Arg, usec: Arg): Arg => assoc(["sec", sec], ["usec", usec]);
const pktinfo = (addr: Arg, ifindex: Arg): Arg => assoc(["addr", addr], ["ifindex", ifindex]);

export default [
  // SOL_SOCKET: plain ints
  option("tcp", "SOL_SOCKET", "SO_DEBUG", [1, 0]),
  option("tcp", "SOL_SOCKET", "SO_REUSEADDR", [1, 0], ["socket_getopt.phpt"]),
  option("tcp", "SOL_SOCKET", "SO_REUSEPORT", [1, 0]),
  option("tcp", "SOL_SOCKET", "SO_KEEPALIVE", [1, 0, 7]),
  option("tcp", "SOL_SOCKET", "SO_DONTROUTE", [1, 0]),
  option("udp", "SOL_SOCKET", "SO_BROADCAST", [1, 0, true]),
  option("tcp", "SOL_SOCKET", "SO_OOBINLINE", [1, 0]),
  option("tcp", "SOL_SOCKET", "SO_SNDBUF", [8192, 1, 65536]),
  option("udp", "SOL_SOCKET", "SO_RCVBUF", [8192, 1, 65536]),
  option("tcp", "SOL_SOCKET", "SO_SNDLOWAT", [1]),
  option("tcp", "SOL_SOCKET", "SO_RCVLOWAT", [5, 1, 0]),
  option("tcp", "SOL_SOCKET", "SO_MARK", [7, 0, -1]),
  option("udp", "SOL_SOCKET", "SO_INCOMING_CPU", [0, 1, -1]),
  option("tcp", "SOL_SOCKET", "SO_ZEROCOPY", [1, 0]),
  option("unix", "SOL_SOCKET", "SO_PASSCRED", [1, 0]),
  option("tcp", "SOL_SOCKET", "SO_PASSCRED", [1]),
  // SOL_SOCKET: read only
  option("tcp", "SOL_SOCKET", "SO_TYPE", [1]),
  option("udp", "SOL_SOCKET", "SO_TYPE", []),
  option("unix", "SOL_SOCKET", "SO_TYPE", []),
  option("tcp", "SOL_SOCKET", "SO_ERROR", [0]),
  option("tcp", "SOL_SOCKET", "SO_BPF_EXTENSIONS", [1], ["socket_bpf_extensions.phpt"]),
  option("tcp", "SOL_SOCKET", "SO_MEMINFO", [1]),
  option("udp", "SOL_SOCKET", "SO_MEMINFO", []),
  // SOL_SOCKET: arrays and strings
  option("tcp", "SOL_SOCKET", "SO_LINGER", [linger(1, 5), linger(0, 0), linger(1, 0), linger(1, 70000)], ["socket_set_option_seolinger.phpt"]),
  option("tcp", "SOL_SOCKET", "SO_RCVTIMEO", [tv(1, 500000), tv(0, 0), tv(3, 0), tv(0, 1000)], ["socket_set_option_rcvtimeo.phpt"]),
  option("udp", "SOL_SOCKET", "SO_SNDTIMEO", [tv(2, 250000), tv(0, 0), tv(0, 999999)], ["socket_set_option_sndtimeo.phpt"]),
  // Unbound, Linux answers SO_BINDTODEVICE with zero bytes and PHP returns whatever its int held: never read it then.
  { name: "SOL_SOCKET SO_BINDTODEVICE on tcp: set, then read as an int", phpt: ["socket_set_option_bindtodevice.phpt"], steps: [
    mk("tcp"),
    set("SOL_SOCKET", "SO_BINDTODEVICE", "lo"),
    get("SOL_SOCKET", "SO_BINDTODEVICE"),
    set("SOL_SOCKET", "SO_BINDTODEVICE", ""),
    set("SOL_SOCKET", "SO_BINDTODEVICE", "nosuchdev0"),
    call("socket_close", [v("s")]),
    get("SOL_SOCKET", "SO_BINDTODEVICE"),
  ] },
  // SOL_TCP
  option("tcp", "SOL_TCP", "TCP_NODELAY", [1, 0], ["bug46360.phpt"]),
  option("tcp", "SOL_TCP", "TCP_KEEPIDLE", [30, 1, 0]),
  option("tcp", "SOL_TCP", "TCP_KEEPINTVL", [15, 0]),
  option("tcp", "SOL_TCP", "TCP_KEEPCNT", [3, 0]),
  option("tcp", "SOL_TCP", "TCP_DEFER_ACCEPT", [5, 0], ["socket_defer_acp.phpt"]),
  option("tcp", "SOL_TCP", "TCP_NOTSENT_LOWAT", [100, "abcd", { b: "10000000" }]),
  option("tcp", "SOL_TCP", "TCP_CONGESTION", ["reno", "bbr", "nope", 5], ["socket_tcp_congestion.phpt"]),
  option("tcp6", "SOL_TCP", "TCP_CONGESTION", ["reno"]),
  // IPPROTO_IP
  option("udp", "IPPROTO_IP", "IP_MULTICAST_IF", ["lo", 1, 0], ["mcast_ipv4_send.phpt"]),
  option("udp", "IPPROTO_IP", "IP_MULTICAST_TTL", [7, 255, 0, "254"], ["mcast_ipv4_send.phpt", "mcast_ipv4_send_error.phpt"]),
  option("udp", "IPPROTO_IP", "IP_MULTICAST_LOOP", [0, 1, 256, false, "yes"], ["mcast_ipv4_send_error.phpt"]),
  option("udp6", "IPPROTO_IP", "IP_MULTICAST_TTL", [3]),
  // IPPROTO_IPV6
  option("udp6", "IPPROTO_IPV6", "IPV6_V6ONLY", [1, 0]),
  option("tcp6", "IPPROTO_IPV6", "IPV6_UNICAST_HOPS", [33, -1, 255]),
  option("udp6", "IPPROTO_IPV6", "IPV6_MULTICAST_IF", ["lo", 0, 1], ["mcast_ipv6_send.phpt"]),
  option("udp6", "IPPROTO_IPV6", "IPV6_MULTICAST_HOPS", [9, -1, 255], ["mcast_ipv6_send.phpt"]),
  option("udp6", "IPPROTO_IPV6", "IPV6_MULTICAST_LOOP", [false, true, 0, 2], ["mcast_ipv6_send.phpt"]),
  option("udp6", "IPPROTO_IPV6", "IPV6_RECVPKTINFO", [1, 0]),
  option("udp6", "IPPROTO_IPV6", "IPV6_PKTINFO", [pktinfo("::1", 0), pktinfo("::1", "lo")], ["socket_set_option_in6_pktinfo.phpt"]),
  option("udp6", "IPPROTO_IPV6", "IPV6_RECVHOPLIMIT", [1, 0]),
  option("udp6", "IPPROTO_IPV6", "IPV6_HOPLIMIT", [5]),
  option("udp6", "IPPROTO_IPV6", "IPV6_RECVTCLASS", [1, 0]),
  option("udp6", "IPPROTO_IPV6", "IPV6_TCLASS", [8, -1, 255]),
  option("udp", "IPPROTO_IPV6", "IPV6_V6ONLY", [1]),

  { name: "IP_MULTICAST_IF answers the index of the interface whose address it holds", phpt: ["mcast_ipv4_send.phpt"], steps: [
    mk("udp"),
    set("IPPROTO_IP", "IP_MULTICAST_IF", "lo"),
    get("IPPROTO_IP", "IP_MULTICAST_IF"),
    set("IPPROTO_IP", "IP_MULTICAST_IF", "eth0"),
    get("IPPROTO_IP", "IP_MULTICAST_IF"),
    set("IPPROTO_IP", "IP_MULTICAST_IF", 0),
    get("IPPROTO_IP", "IP_MULTICAST_IF"),
  ] },
  { name: "multicast options read on a TCP socket", steps: [
    mk("tcp"),
    get("IPPROTO_IP", "IP_MULTICAST_IF"),
    get("IPPROTO_IP", "IP_MULTICAST_TTL"),
    get("IPPROTO_IP", "MCAST_JOIN_GROUP"),
    get("IPPROTO_IPV6", "IPV6_MULTICAST_HOPS"),
  ] },
  { name: "unknown options and levels are plain ints and fail in the OS", phpt: ["socket_set_option_error_socket_option.phpt"], steps: [
    mk("tcp"),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), 9999]),
    call("socket_last_error", [v("s")]),
    call("socket_get_option", [v("s"), 9999, 1]),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), -1]),
    call("socket_get_option", [v("s"), k("SOL_UDP"), 1]),
    call("socket_get_option", [v("s"), 4294967297, k("SO_TYPE")]),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), 4294967299]),
  ] },
  { name: "a failed read records the error on the socket and globally", steps: [
    mk("tcp"),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), 9999]),
    call("socket_last_error", [v("s")]),
    call("socket_last_error"),
    call("socket_clear_error", [v("s")]),
    get("SOL_SOCKET", "SO_TYPE"),
    call("socket_last_error", [v("s")]),
  ] },
  { name: "options of the other socket of a pair", steps: [
    as("ok", "socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), 0, { r: "pair" }]),
    call("socket_get_option", [{ at: ["pair", 0] }, k("SOL_SOCKET"), k("SO_TYPE")]),
    call("socket_get_option", [{ at: ["pair", 1] }, k("SOL_SOCKET"), k("SO_PASSCRED")]),
    call("socket_get_option", [{ at: ["pair", 1] }, k("SOL_SOCKET"), k("SO_SNDBUF")], { maskRet: true }),
  ] },
  { name: "TCP keepalive: SO_KEEPALIVE on, then idle, interval and count read back", phpt: ["socket_tcp_keepalive.phpt"], steps: [
    mk("tcp"),
    set("SOL_SOCKET", "SO_KEEPALIVE", 1), get("SOL_SOCKET", "SO_KEEPALIVE"),
    set("SOL_TCP", "TCP_KEEPIDLE", 60), get("SOL_TCP", "TCP_KEEPIDLE"),
    set("SOL_TCP", "TCP_KEEPINTVL", 10), get("SOL_TCP", "TCP_KEEPINTVL"),
    set("SOL_TCP", "TCP_KEEPCNT", 5), get("SOL_TCP", "TCP_KEEPCNT"),
  ] },
  // The kernel's counters for one connection, with a byte left unread: the same for PHP and the
  // library, since both run one after the other on this kernel.
  { name: "SO_MEMINFO of an accepted connection with data left to read", phpt: ["socket_meminfo.phpt"], steps: [
    ...tcpPair(),
    call("socket_write", [v("cli"), "SO_MEMINFO\n"]),
    call("socket_read", [v("acc"), 10, k("PHP_BINARY_READ")]),
    get("SOL_SOCKET", "SO_MEMINFO", "acc"),
  ] },
  { name: "argument count and types", phpt: ["socket_getopt.phpt"], steps: [
    mk("tcp"),
    call("socket_get_option", [v("s"), k("SOL_SOCKET")]),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), k("SO_TYPE"), 1]),
    call("socket_get_option", [null, k("SOL_SOCKET"), k("SO_TYPE")]),
    call("socket_get_option", [{ obj: "stdClass" }, k("SOL_SOCKET"), k("SO_TYPE")]),
    call("socket_get_option", [v("s"), "sol", k("SO_TYPE")]),
    call("socket_get_option", [v("s"), k("SOL_SOCKET"), list()]),
    call("socket_get_option", [v("s"), "1", " 3"]),
    call("socket_get_option", [v("s"), 1.0, true]),
    call("socket_get_option", [v("s"), { f: "1.5" }, 3]),
    call("socket_get_option", [v("s"), null, 3]),
  ] },
  { name: "a closed socket throws before any option is read, after the other arguments are checked", steps: [
    mk("tcp"),
    call("socket_close", [v("s")]),
    get("SOL_SOCKET", "SO_LINGER"),
    get("SOL_SOCKET", "SO_MEMINFO"),
    get("IPPROTO_IP", "IP_MULTICAST_IF"),
    call("socket_get_option", [v("s"), "x", 1]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket(),
    call("socket_get_option", [v("c"), null, k("SO_TYPE")]),
    call("socket_get_option", [v("c"), k("SOL_SOCKET"), null]),
    call("socket_get_option", [v("c"), k("SOL_SOCKET"), flt("3.5")]),
  ] },
] satisfies Scenario[];
