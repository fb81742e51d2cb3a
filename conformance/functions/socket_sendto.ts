import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { tmpPathOf } from "../harness/paths.ts";
import { as, bytes, call, flt, k, list, r, rep, tmp, v, type Scenario } from "../harness/scenario.ts";

/** A bound UDP receiver `u` (port in `up`) and an unbound sender `w`. */
const udp = (host = "127.0.0.1", family = "AF_INET") => [
  as("u", "socket_create", [k(family), k("SOCK_DGRAM"), k("SOL_UDP")]),
  call("socket_bind", [v("u"), host, 0]),
  call("socket_getsockname", [v("u"), r("uh"), r("up")], { mask: ["up"] }),
  as("w", "socket_create", [k(family), k("SOCK_DGRAM"), k("SOL_UDP")]),
];
const take = (sock = "u", name = "d") => call("socket_recvfrom", [v(sock), r(name), 1000, k("MSG_DONTWAIT"), r("a"), r("p")], { mask: ["p"] });

/** A unix datagram receiver `s` bound at $TMP/<name> (a path no other scenario uses) and a sender `c`. */
const unixDgram = (name: string) => [
  as("s", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
  call("socket_bind", [v("s"), tmp(name)]),
  as("c", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
];
const takeUnix = () => call("socket_recvfrom", [v("s"), r("d"), 1000, k("MSG_DONTWAIT"), r("a")]);

// A bound path of 107 bytes (the most sun_path holds), and the same path with more after it.
const longest = tmpPathOf(107);
const longestSteps = longest === null ? [] : [
  as("s", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
  call("socket_bind", [v("s"), longest]),
  as("c", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
  call("socket_sendto", [v("c"), "cut", 3, 0, tmp(`${(longest as { tmp: string }).tmp}-and-more`)]),
  call("socket_recvfrom", [v("s"), r("d"), 100, k("MSG_DONTWAIT"), r("a")]),
];

export default [
  { name: "UDP over IPv4", phpt: ["socket_sentto_recvfrom_ipv4_udp.phpt"], steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "Ping!", 5, 0, "127.0.0.1", v("up")]),
    take(),
  ] },
  { name: "UDP over IPv6", phpt: ["socket_sentto_recvfrom_ipv6_udp.phpt"], steps: [
    ...udp("::1", "AF_INET6"),
    call("socket_sendto", [v("w"), "Ping6!", 6, 0, "::1", v("up")]),
    take(),
  ] },
  { name: "AF_INET and AF_INET6 need a port: ValueError", phpt: ["socket_sentto_recvfrom_ipv4_udp.phpt"], steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "x", 1, 0, "127.0.0.1"]),
    call("socket_sendto", [v("w"), "x", 1, 0, "127.0.0.1", null]),
    as("w6", "socket_create", [k("AF_INET6"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_sendto", [v("w6"), "x", 1, 0, "::1"]),
  ] },
  { name: "a negative length is checked before the port", phpt: ["socket_sendto_params.phpt"], steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "foo", -1, k("MSG_OOB"), "127.0.0.1"]),
    call("socket_sendto", [v("w"), "foo", -1, 0, "127.0.0.1", v("up")]),
  ] },
  { name: "the length caps the datagram; a longer one sends it all; 0 sends an empty one", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "abcdef", 3, 0, "127.0.0.1", v("up")]),
    call("socket_sendto", [v("w"), "whole", 1000, 0, "127.0.0.1", v("up")]),
    call("socket_sendto", [v("w"), "none", 0, 0, "127.0.0.1", v("up")]),
    take(), take(), take(),
  ] },
  { name: "unknown hosts and wrong families: Host lookup failed", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "x", 1, 0, "no-such-host.invalid", v("up")]),
    call("socket_last_error", [v("w")]),
    call("socket_sendto", [v("w"), "x", 1, 0, "::1", v("up")]),
    call("socket_sendto", [v("w"), "x", 1, 0, "", v("up")]),
    as("w6", "socket_create", [k("AF_INET6"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_sendto", [v("w6"), "x", 1, 0, "no-such-host.invalid", 9]),
  ] },
  { name: "host names and short IPv4 forms resolve", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "by name", 7, 0, "localhost", v("up")]),
    call("socket_sendto", [v("w"), "short", 5, 0, "127.1", v("up")]),
    take(), take(),
  ] },
  { name: "an IPv6 socket sending to an IPv4 address", steps: [
    as("u", "socket_create", [k("AF_INET6"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_bind", [v("u"), "::", 0]),
    call("socket_getsockname", [v("u"), r("uh"), r("up")], { mask: ["up"] }),
    as("w", "socket_create", [k("AF_INET6"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_sendto", [v("w"), "mapped", 6, 0, "::ffff:127.0.0.1", v("up")]),
    call("socket_sendto", [v("w"), "dotted", 6, 0, "127.0.0.1", v("up")]),
    take(), take(),
  ] },
  { name: "ports wrap to 16 bits; port 0 is refused by the OS", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "x", 1, 0, "127.0.0.1", 65536]),
    call("socket_sendto", [v("w"), "x", 1, 0, "127.0.0.1", 0]),
    call("socket_sendto", [v("w"), "x", 1, 0, "127.0.0.1", -65536]),
  ] },
  { name: "the port converts as a PHP ?int", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "x", 1, 0, "127.0.0.1", "nine"]),
    call("socket_sendto", [v("w"), "x", 1, 0, "127.0.0.1", list()]),
    call("socket_sendto", [v("w"), "x", 1, 0, "127.0.0.1", flt("9.5")]),
    call("socket_sendto", [v("w"), "x", 1, 0, "127.0.0.1", "9"]),
  ] },
  { name: "broadcast without SO_BROADCAST: EACCES", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "all", 3, 0, "255.255.255.255", 9]),
    call("socket_last_error", [v("w")]),
    call("socket_set_option", [v("w"), k("SOL_SOCKET"), k("SO_BROADCAST"), 1]),
    call("socket_sendto", [v("w"), "all", 3, 0, "255.255.255.255", 9], { maskRet: true }),
  ] },
  { name: "one socket, two destinations, alternating", steps: [
    ...udp(),
    as("u2", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_bind", [v("u2"), "127.0.0.1", 0]),
    call("socket_getsockname", [v("u2"), r("uh2"), r("up2")], { mask: ["up2"] }),
    call("socket_sendto", [v("w"), "to u #1", 7, 0, "127.0.0.1", v("up")]),
    call("socket_sendto", [v("w"), "to u2 #1", 8, 0, "127.0.0.1", v("up2")]),
    call("socket_sendto", [v("w"), "to u #2", 7, 0, "127.0.0.1", v("up")]),
    call("socket_sendto", [v("w"), "to u #3", 7, 0, "127.0.0.1", v("up")]),
    call("socket_sendto", [v("w"), "to u2 #2", 8, 0, "127.0.0.1", v("up2")]),
    take(), take(), take(), take("u2"), take("u2"), take("u2"),
  ] },
  { name: "unix datagrams: the port is ignored", phpt: ["socket_sentto_recvfrom_unix.phpt"], steps: [
    ...unixDgram("t1.sock"),
    call("socket_sendto", [v("c"), "Ping!", 5, 0, tmp("t1.sock")]),
    call("socket_sendto", [v("c"), "port", 4, 0, tmp("t1.sock"), 1234]),
    call("socket_sendto", [v("c"), "null", 4, 0, tmp("t1.sock"), null]),
    takeUnix(), takeUnix(), takeUnix(),
  ] },
  { name: "unix: answering at the address socket_recvfrom gave; an unbound sender's \"\" has no answer", phpt: ["bug76839.phpt"], steps: [
    ...unixDgram("t7.sock"),
    call("socket_bind", [v("c"), tmp("t7-reply.sock")]),
    call("socket_sendto", [v("c"), "Ping!", 5, 0, tmp("t7.sock")]),
    call("socket_recvfrom", [v("s"), r("m"), 65535, 0, r("from")]),
    call("socket_sendto", [v("s"), "Pong!", 5, 0, v("from")]),
    call("socket_recvfrom", [v("c"), r("m"), 65535, k("MSG_DONTWAIT"), r("by")]),
    as("anon", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
    call("socket_sendto", [v("anon"), "Ping?", 5, 0, tmp("t7.sock")]),
    call("socket_recvfrom", [v("s"), r("m"), 65535, 0, r("from")]),
    call("socket_sendto", [v("s"), "Pong?", 5, 0, v("from")]),
  ] },
  { name: "unix: missing paths, empty paths, and abstract names (cut at the NUL)", steps: [
    ...unixDgram("t2.sock"),
    call("socket_sendto", [v("c"), "x", 1, 0, tmp("missing.sock")]),
    call("socket_sendto", [v("c"), "x", 1, 0, ""]),
    call("socket_sendto", [v("c"), "x", 1, 0, "\0abstract"]),
    call("socket_last_error", [v("c")]),
  ] },
  { name: "unix: a path is cut at its first NUL", steps: [
    ...unixDgram("t3.sock"),
    call("socket_sendto", [v("c"), "cut", 3, 0, tmp("t3.sock\0ignored")]),
    takeUnix(),
  ] },
  { name: "unix: an over-long path is cut to sun_path, no ValueError", steps: [
    ...unixDgram("t4.sock"),
    call("socket_sendto", [v("c"), "long", 4, 0, tmp(`t4.sock/${"x".repeat(200)}`)]),
    call("socket_sendto", [v("c"), "long", 4, 0, rep("/", 300)]),
    ...longestSteps,
  ] },
  { name: "unix: to a stream socket's path", steps: [
    as("l", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]),
    call("socket_bind", [v("l"), tmp("t5.sock")]),
    call("socket_listen", [v("l")]),
    as("c", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
    call("socket_sendto", [v("c"), "wrong type", 10, 0, tmp("t5.sock")]),
  ] },
  { name: "connected sockets: TCP ignores the address, a unix stream says EISCONN", steps: [
    ...tcpPair(),
    call("socket_sendto", [v("cli"), "abc", 3, 0, "10.9.9.9", 1234]),
    call("socket_recv", [v("acc"), r("d"), 10, 0]),
    ...unixPair(),
    call("socket_sendto", [v("a"), "abc", 3, 0, tmp("t6.sock")]),
  ] },
  { name: "an unconnected TCP socket: EPIPE", steps: [
    as("t", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    call("socket_sendto", [v("t"), "abc", 3, k("MSG_NOSIGNAL"), "127.0.0.1", 9]),
  ] },
  // The phpt binds its receiver at port 3001; an ephemeral port does the same without a fixed number.
  { name: "MSG_ZEROCOPY on a SO_ZEROCOPY socket: a MSG_ERRQUEUE read, then the datagram", phpt: ["socket_sendto_zerocopy.phpt"], steps: [
    as("z", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_set_option", [v("z"), k("SOL_SOCKET"), k("SO_ZEROCOPY"), 1]),
    call("socket_get_option", [v("z"), k("SOL_SOCKET"), k("SO_ZEROCOPY")]),
    call("socket_set_nonblock", [v("u")]),
    call("socket_bind", [v("u"), "127.0.0.1", 0]),
    call("socket_getsockname", [v("u"), r("uh"), r("up")], { mask: ["up"] }),
    call("socket_sendto", [v("z"), rep("0123456789abcdef", 1024), 16384, k("MSG_ZEROCOPY"), "127.0.0.1", v("up")]),
    // A length of 0 returns false before any read; the receiver's error queue is empty anyway.
    call("socket_recvfrom", [v("u"), r("d"), 0, k("MSG_ERRQUEUE"), r("a", "127.0.0.1"), r("p")], { mask: ["p"] }),
    call("socket_recvfrom", [v("u"), r("d"), 16, k("MSG_ERRQUEUE"), r("a"), r("p")], { mask: ["p"] }),
    call("socket_recvfrom", [v("u"), r("d"), 16, 0, r("a"), r("p")], { mask: ["p"] }),
  ] },
  { name: "MSG_ZEROCOPY from a non-blocking socket to a port nobody holds", phpt: ["socket_sendto_zerocopy.phpt"], steps: [
    as("z", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_set_option", [v("z"), k("SOL_SOCKET"), k("SO_ZEROCOPY"), 1]),
    call("socket_set_nonblock", [v("z")]),
    call("socket_bind", [v("z"), "127.0.0.1", 0]),
    call("socket_sendto", [v("z"), rep("0123456789abcdef", 1024), 16384, k("MSG_ZEROCOPY"), "127.0.0.1", 1]),
    // Without SO_ZEROCOPY the flag is ignored for UDP (Linux checks it only where the socket opted in).
    as("w", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_sendto", [v("w"), "plain", 5, k("MSG_ZEROCOPY"), "127.0.0.1", 1]),
  ] },
  { name: "too large for UDP: EMSGSIZE", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), rep("z", 70000), 70000, 0, "127.0.0.1", v("up")]),
  ] },
  { name: "binary datagrams", binary: true, steps: [
    ...udp(),
    call("socket_sendto", [v("w"), bytes("00ff80fe0a"), 5, 0, "127.0.0.1", v("up")]),
    take(),
  ] },
  { name: "bytes and UTF-8 text", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), bytes("414243"), 3, 0, "127.0.0.1", v("up")]),
    call("socket_sendto", [v("w"), "虎的笑话", 6, 0, "127.0.0.1", v("up")]),
    take(), take(),
  ] },
  { name: "argument count, types and the Socket", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "x", 1, 0]),
    call("socket_sendto", [v("w"), "x", 1, 0, "127.0.0.1", 9, 1]),
    call("socket_sendto", [v("w"), list(), 1, 0, "127.0.0.1", 9]),
    call("socket_sendto", [v("w"), "x", "one", 0, "127.0.0.1", 9]),
    call("socket_sendto", [v("w"), "x", 1, 0, list(), 9]),
    call("socket_sendto", [v("w"), "x", 1, 0, null, 9]),
    call("socket_sendto", ["w", "x", 1, 0, "127.0.0.1", 9]),
    call("socket_close", [v("w")]),
    call("socket_sendto", [v("w"), "x", 1, 0, "127.0.0.1", 9]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket("c", "AF_INET", "SOCK_DGRAM"),
    call("socket_sendto", [v("c"), list(), 1, 0, "127.0.0.1", 9]),
    call("socket_sendto", [v("c"), "data", 4, 0, list(), 9]),
    call("socket_sendto", [v("c"), "data", 4, 0, "127.0.0.1", "x"]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket("c", "AF_INET", "SOCK_DGRAM"),
    call("socket_sendto", [v("c"), "data", 4, null, "127.0.0.1", 9]),
    call("socket_sendto", [v("c"), "data", 4, 0, null, 9]),
  ] },
  { name: "a closed socket: values are checked only after it: a negative length, and no port for an IPv4 or IPv6 socket", steps: [
    ...closedSocket("c", "AF_INET", "SOCK_DGRAM"),
    call("socket_sendto", [v("c"), "data", -1, 0, "127.0.0.1", 9]),
    call("socket_sendto", [v("c"), "data", 4, 0, "127.0.0.1"]),
    ...closedSocket("c6", "AF_INET6", "SOCK_DGRAM"),
    call("socket_sendto", [v("c6"), "data", 4, 0, "::1", null]),
  ] },
] satisfies Scenario[];
