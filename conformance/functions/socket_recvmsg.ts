import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { abstractName } from "../harness/paths.ts";
import { as, assoc, at, call, flt, k, list, r, rep, tmp, v, type Arg, type Scenario } from "../harness/scenario.ts";

const write = (sock: string, data: string) => call("socket_write", [v(sock), data]);
/** recvmsg into a fresh variable `m` (recvmsg replaces the array it is given), shown whole. */
const recv = (m: string, sock: string, message: [string, Arg][], flags: Arg = k("MSG_DONTWAIT")) =>
  call("socket_recvmsg", [v(sock), r(m, assoc(...message)), flags]);
/** The same, masked (the message names an ephemeral port); parts are read with `part`. */
const recvMasked = (m: string, sock: string, message: [string, Arg][]) =>
  call("socket_recvmsg", [v(sock), r(m, assoc(...message)), k("MSG_DONTWAIT")], { mask: [m] });
const part = (m: string, ...keys: (string | number)[]) => call("set", [at(m, ...keys)]);

export default [
  { name: "a datagram, with and without a name buffer", phpt: ["socket_cmsg_credentials.phpt"], steps: [
    ...unixPair("", "SOCK_DGRAM"),
    write("a", "hello world"), recv("m1", "b", [["controllen", 1]]),
    write("a", "hello world"), recv("m2", "b", [["controllen", 1], ["name", assoc()]]),
    // Keys recvmsg does not read are dropped with the rest of the array.
    write("a", "hello world"), recv("m3", "b", [["controllen", 1], ["iov", 5], ["control", 7], ["junk", 1]]),
  ] },
  { name: "a buffer smaller than the datagram: MSG_TRUNC", steps: [
    ...unixPair("", "SOCK_DGRAM"),
    write("a", "hello world"), recv("m1", "b", [["controllen", 1], ["buffer_size", 5]]),
    write("a", "hello world"), recv("m2", "b", [["controllen", 1], ["buffer_size", 3]], k("MSG_PEEK")),
    recv("m3", "b", [["controllen", 1], ["buffer_size", 0]]),
    recv("m4", "b", [["controllen", 1], ["buffer_size", "4"]]),
  ] },
  { name: "a stream: partial reads, then end of stream", steps: [
    ...unixPair(),
    write("a", "abc"), call("socket_shutdown", [v("a"), 1]),
    recv("m1", "b", [["controllen", 1], ["buffer_size", 2]]),
    recv("m2", "b", [["controllen", 1], ["buffer_size", 2]]),
    recv("m3", "b", [["controllen", 1], ["buffer_size", 2]]),
  ] },
  { name: "over TCP", steps: [
    ...tcpPair(),
    write("cli", "over tcp"),
    recv("m1", "acc", [["controllen", 1], ["name", assoc()]], 0),
  ] },
  { name: "the sender's name: UDP", phpt: ["socket_recvmsg.phpt"], steps: [
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_bind", [v("u"), "127.0.0.1", 0]),
    call("socket_getsockname", [v("u"), r("uh"), r("up")], { mask: ["up"] }),
    as("w", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_sendto", [v("w"), "udp", 3, 0, "127.0.0.1", v("up")]),
    recvMasked("m1", "u", [["controllen", 1], ["name", assoc()]]),
    part("m1", "name", "family"), part("m1", "name", "addr"), part("m1", "iov"), part("m1", "control"), part("m1", "flags"),
    call("set", [at("m1", "name", "port")], { maskRet: true }),
    // No name buffer: no name.
    call("socket_sendto", [v("w"), "udp", 3, 0, "127.0.0.1", v("up")]),
    recvMasked("m2", "u", [["controllen", 1]]),
    part("m2", "name"),
  ] },
  { name: "the sender's name: unix paths, unnamed and abstract senders", steps: [
    as("s", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
    call("socket_bind", [v("s"), tmp("recvmsg-s.sock")]),
    as("c", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
    call("socket_bind", [v("c"), tmp("recvmsg-c.sock")]),
    call("socket_sendto", [v("c"), "named", 5, 0, tmp("recvmsg-s.sock")]),
    recv("m1", "s", [["controllen", 1], ["name", assoc()]]),
    as("n", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
    call("socket_sendto", [v("n"), "unnamed", 7, 0, tmp("recvmsg-s.sock")]),
    recv("m2", "s", [["controllen", 1], ["name", assoc(["family", k("AF_UNIX")])]]),
    as("ab", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
    call("socket_bind", [v("ab"), abstractName("recvmsg")]),
    call("socket_sendto", [v("ab"), "abstract", 8, 0, tmp("recvmsg-s.sock")]),
    recv("m3", "s", [["controllen", 1], ["name", assoc()]]),
  ] },
  { name: "IPv6: the name in full, and IPV6_PKTINFO", phpt: ["socket_recvmsg.phpt"], steps: [
    as("u", "socket_create", [k("AF_INET6"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_bind", [v("u"), "::1", 0]),
    call("socket_getsockname", [v("u"), r("uh"), r("up")], { mask: ["up"] }),
    call("socket_set_option", [v("u"), k("IPPROTO_IPV6"), k("IPV6_RECVPKTINFO"), 1]),
    as("w", "socket_create", [k("AF_INET6"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_sendto", [v("w"), "testing packet", 14, 0, "::1", v("up")]),
    as("space", "socket_cmsg_space", [k("IPPROTO_IPV6"), k("IPV6_PKTINFO")]),
    recvMasked("m1", "u", [["name", assoc(["family", k("AF_INET6")], ["addr", "::1"])], ["buffer_size", 2000], ["controllen", v("space")]]),
    part("m1", "control"), part("m1", "iov"), part("m1", "flags"),
    part("m1", "name", "family"), part("m1", "name", "addr"), part("m1", "name", "flowinfo"), part("m1", "name", "scope_id"),
    // A control buffer too small for the packet info.
    call("socket_sendto", [v("w"), "again", 5, 0, "::1", v("up")]),
    recvMasked("m2", "u", [["controllen", 20]]),
    part("m2", "control"), part("m2", "flags"),
  ] },
  { name: "control data PHP cannot read: the message becomes false, the count stays", steps: [
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_bind", [v("u"), "127.0.0.1", 0]),
    call("socket_getsockname", [v("u"), r("uh"), r("up")], { mask: ["up"] }),
    // IP_PKTINFO (8 on Linux): PHP 8.2 has no conversion for it.
    call("socket_set_option", [v("u"), k("IPPROTO_IP"), 8, 1]),
    call("socket_sendto", [v("u"), "y", 1, 0, "127.0.0.1", v("up")]),
    recv("m1", "u", [["controllen", 200], ["name", assoc()]]),
    call("socket_last_error", [v("u")]),
  ] },
  // The completion of a MSG_ZEROCOPY send waits on the sender's error queue as an IP_RECVERR message
  // (level SOL_IP, type 11), which PHP 8.2 cannot convert; a second read finds the queue empty.
  { name: "MSG_ERRQUEUE after a MSG_ZEROCOPY send", phpt: ["socket_sendto_zerocopy.phpt"], steps: [
    as("z", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_set_option", [v("z"), k("SOL_SOCKET"), k("SO_ZEROCOPY"), 1]),
    call("socket_bind", [v("u"), "127.0.0.1", 0]),
    call("socket_getsockname", [v("u"), r("uh"), r("up")], { mask: ["up"] }),
    call("socket_sendto", [v("z"), rep("0123456789abcdef", 1024), 16384, k("MSG_ZEROCOPY"), "127.0.0.1", v("up")]),
    call("socket_recvfrom", [v("u"), r("d"), 16, 0, r("a"), r("p")], { mask: ["p"] }),
    call("usleep", [20000]),
    recv("m1", "z", [["controllen", 256], ["buffer_size", 16]], k("MSG_ERRQUEUE")),
    recv("m2", "z", [["controllen", 256]], k("MSG_ERRQUEUE")),
    call("socket_last_error"),
  ] },
  { name: "messages recvmsg cannot take", phpt: ["socket_sendrecvmsg_error.phpt"], steps: [
    ...unixPair("", "SOCK_DGRAM"),
    recv("m1", "b", []),
    recv("m2", "b", [["controllen", 0]]),
    recv("m3", "b", [["controllen", -1]]),
    recv("m4", "b", [["controllen", 4294967296]]),
    recv("m5", "b", [["controllen", "x"]]),
    recv("m6", "b", [["controllen", 10], ["buffer_size", -1]]),
    recv("m7", "b", [["controllen", 10], ["buffer_size", 104857601]]),
    recv("m8", "b", [["controllen", 10], ["name", 5]]),
    recv("m9", "b", [["controllen", 10], ["name", assoc(["family", k("AF_INET")])]]),
    recv("m10", "b", [["controllen", 10], ["name", assoc(["family", k("AF_INET6")])]]),
    recv("m11", "b", [["controllen", 10], ["name", assoc(["family", 99])]]),
    recv("m12", "b", [["controllen", 10], ["name", assoc(["family", "x"])]]),
    // The name comes first, then buffer_size, then controllen.
    recv("m13", "b", [["buffer_size", -1], ["name", 5]]),
    recv("m14", "b", [["buffer_size", -1]]),
  ] },
  { name: "OS failures warn and set only the global error, even for EAGAIN", phpt: ["socket_sendrecvmsg_error.phpt"], steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    recv("m1", "s", [["controllen", 1]], -1),
    call("socket_last_error", [v("s")]),
    call("socket_last_error"),
    call("socket_clear_error"),
    ...unixPair("", "SOCK_DGRAM"),
    recv("m2", "b", [["controllen", 10]]),
    call("socket_last_error", [v("b")]),
    call("socket_last_error"),
  ] },
  { name: "argument count, types and the flags' range", steps: [
    ...unixPair("", "SOCK_DGRAM"),
    call("socket_recvmsg", [v("a")]),
    call("socket_recvmsg", [v("a"), r("m1", assoc(["controllen", 1])), 0, 1]),
    call("socket_recvmsg", ["a", r("m2", assoc(["controllen", 1]))]),
    call("socket_recvmsg", [v("a"), r("m3", "str")]),
    call("socket_recvmsg", [v("a"), r("m4", null)]),
    call("socket_recvmsg", [v("a"), r("m5", assoc(["controllen", 1])), 2147483648]),
    call("socket_recvmsg", [v("a"), r("m6", assoc(["controllen", 1])), "x"]),
    write("b", "f"),
    call("socket_recvmsg", [v("a"), r("m7", assoc(["controllen", 1])), flt("64.5")]),
    call("socket_close", [v("a")]),
    call("socket_recvmsg", [v("a"), r("m8", assoc(["controllen", 1]))]),
  ] },
  { name: "SCM_RIGHTS: three copies of a socket arrive as three Sockets", phpt: ["socket_cmsg_rights.phpt"], steps: [
    call("close_stdin"),
    as("x", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]),
    ...unixPair("", "SOCK_DGRAM"),
    call("socket_sendmsg", [v("a"), assoc(["iov", list("r")], ["control", list(assoc(["level", k("SOL_SOCKET")], ["type", k("SCM_RIGHTS")], ["data", list(v("x"), v("x"), v("x"))]))])]),
    as("space", "socket_cmsg_space", [k("SOL_SOCKET"), k("SCM_RIGHTS"), 3]),
    recv("m1", "b", [["name", assoc()], ["buffer_size", 2000], ["controllen", v("space")]]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_recvmsg", [v("c"), r("m", "message")]),
    call("socket_recvmsg", [v("c"), r("m2", list()), "x"]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket(),
    call("socket_recvmsg", [v("c"), r("m", list()), null]),
  ] },
  { name: "a closed socket: flags past a C int are checked before it, the message after it", steps: [
    ...closedSocket(),
    call("socket_recvmsg", [v("c"), r("m", list()), 1099511627776]),
    call("socket_recvmsg", [v("c"), r("m2", list()), 0]),
  ] },
] satisfies Scenario[];
