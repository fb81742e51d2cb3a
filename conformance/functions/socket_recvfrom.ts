import { closedSocket, tcpPair, unixPair } from "../harness/fixtures.ts";
import { as, bytes, call, k, or, r, rep, tmp, v, type Scenario } from "../harness/scenario.ts";

/** A bound UDP receiver `u` (port in `up`) and an unbound sender `w`. */
const udp = (host = "127.0.0.1", family = "AF_INET") => [
  as("u", "socket_create", [k(family), k("SOCK_DGRAM"), k("SOL_UDP")]),
  call("socket_bind", [v("u"), host, 0]),
  call("socket_getsockname", [v("u"), r("uh"), r("up")], { mask: ["up"] }),
  as("w", "socket_create", [k(family), k("SOCK_DGRAM"), k("SOL_UDP")]),
];

/** A unix datagram receiver `s` bound at $TMP/<name> (a path no other scenario uses) and a sender `c`. */
const unixDgram = (name: string) => [
  as("s", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
  call("socket_bind", [v("s"), tmp(name)]),
  as("c", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
];

/**
 * One round of php-src bug #76839: a bound unix datagram sender `c<i>` pings a receiver `s<i>`, which
 * answers at the address socket_recvfrom gave it. The paths' lengths vary from round to round, as the
 * phpt's random names do, so a stale byte after a shorter path would show.
 */
const pingPong = (i: number) => {
  const sender = tmp(`${"c".repeat(8 + i)}${i}.sock`), receiver = tmp(`${"r".repeat(16 - i)}${i}.sock`);
  return [
    as(`c${i}`, "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
    call("socket_bind", [v(`c${i}`), sender]),
    as(`s${i}`, "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
    call("socket_bind", [v(`s${i}`), receiver]),
    call("socket_sendto", [v(`c${i}`), "Ping!", 5, 0, receiver]),
    call("socket_recvfrom", [v(`s${i}`), r(`m${i}`, ""), 65535, 0, r(`from${i}`, "")]),
    call("socket_sendto", [v(`s${i}`), "Pong!", 5, 0, v(`from${i}`)]),
    call("socket_recvfrom", [v(`c${i}`), r(`back${i}`), 65535, k("MSG_DONTWAIT"), r(`by${i}`)]),
    call("socket_close", [v(`s${i}`)]),
    call("socket_close", [v(`c${i}`)]),
  ];
};

export default [
  { name: "UDP over IPv4: data, address and port", phpt: ["socket_sentto_recvfrom_ipv4_udp.phpt"], steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "ping", 4, 0, "127.0.0.1", v("up")]),
    call("socket_recvfrom", [v("u"), r("d"), 100, 0, r("a"), r("p")], { mask: ["p"] }),
  ] },
  { name: "the port is the sender's", steps: [
    ...udp(),
    call("socket_bind", [v("w"), "127.0.0.1", 0]),
    call("socket_getsockname", [v("w"), r("wh"), r("wp")], { mask: ["wp"] }),
    call("socket_sendto", [v("w"), "from w", 6, 0, "127.0.0.1", v("up")]),
    call("socket_recvfrom", [v("u"), r("d"), 100, 0, r("a"), r("p")], { mask: ["p"] }),
    // Send back to the port recvfrom gave: it reaches w.
    call("socket_sendto", [v("u"), "reply", 5, 0, v("a"), v("p")]),
    call("socket_recvfrom", [v("w"), r("d2"), 100, 0, r("a2"), r("p2")], { mask: ["p2"] }),
  ] },
  { name: "UDP over IPv6", phpt: ["socket_sentto_recvfrom_ipv6_udp.phpt"], steps: [
    ...udp("::1", "AF_INET6"),
    call("socket_sendto", [v("w"), "ping6", 5, 0, "::1", v("up")]),
    call("socket_recvfrom", [v("u"), r("d"), 100, 0, r("a"), r("p")], { mask: ["p"] }),
  ] },
  { name: "an IPv4 sender seen by a dual-stack IPv6 socket", steps: [
    as("u", "socket_create", [k("AF_INET6"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_bind", [v("u"), "::", 0]),
    call("socket_getsockname", [v("u"), r("uh"), r("up")], { mask: ["up"] }),
    as("w", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_sendto", [v("w"), "v4", 2, 0, "127.0.0.1", v("up")]),
    call("socket_recvfrom", [v("u"), r("d"), 100, 0, r("a"), r("p")], { mask: ["p"] }),
  ] },
  { name: "a short length truncates the datagram and drops the rest", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "hello world", 11, 0, "127.0.0.1", v("up")]),
    call("socket_recvfrom", [v("u"), r("d"), 5, 0, r("a"), r("p")], { mask: ["p"] }),
    call("socket_recvfrom", [v("u"), r("d"), 100, k("MSG_DONTWAIT"), r("a"), r("p")], { mask: ["p"] }),
  ] },
  // PHP 8.2 writes its terminating NUL at the full size, past its buffer: 3 bytes over a length of 100
  // stay inside the padding of PHP's allocation. The string there is PHP's heap bytes (masked).
  { name: "MSG_TRUNC reports the full size", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), rep("t", 103), 103, 0, "127.0.0.1", v("up")]),
    call("socket_recvfrom", [v("u"), r("d"), 100, k("MSG_TRUNC"), r("a"), r("p")], { mask: ["p", "d"] }),
  ] },
  { name: "MSG_PEEK then a real read of the same datagram", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "twice", 5, 0, "127.0.0.1", v("up")]),
    call("socket_recvfrom", [v("u"), r("d"), 100, k("MSG_PEEK"), r("a"), r("p")], { mask: ["p"] }),
    call("socket_recvfrom", [v("u"), r("d2"), 100, 0, r("a2"), r("p2")], { mask: ["p2"] }),
  ] },
  { name: "an empty datagram gives \"\" (not null) and 0", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "", 0, 0, "127.0.0.1", v("up")]),
    call("socket_recvfrom", [v("u"), r("d", "x"), 100, 0, r("a"), r("p")], { mask: ["p"] }),
  ] },
  { name: "datagrams keep their order", steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "1", 1, 0, "127.0.0.1", v("up")]),
    call("socket_sendto", [v("w"), "22", 2, 0, "127.0.0.1", v("up")]),
    call("socket_sendto", [v("w"), "333", 3, 0, "127.0.0.1", v("up")]),
    call("socket_recvfrom", [v("u"), r("d"), 100, 0, r("a"), r("p")], { mask: ["p"] }),
    call("socket_recvfrom", [v("u"), r("d"), 100, 0, r("a"), r("p")], { mask: ["p"] }),
    call("socket_recvfrom", [v("u"), r("d"), 100, 0, r("a"), r("p")], { mask: ["p"] }),
  ] },
  { name: "AF_INET and AF_INET6 need $port: ArgumentCountError, nothing read", phpt: ["socket_sentto_recvfrom_ipv4_udp.phpt", "socket_sentto_recvfrom_ipv6_udp.phpt"], steps: [
    ...udp(),
    call("socket_sendto", [v("w"), "kept", 4, 0, "127.0.0.1", v("up")]),
    call("socket_recvfrom", [v("u"), r("d", "x"), 100, 0, r("a", "y")]),
    call("socket_recvfrom", [v("u"), r("d"), 100, 0, r("a"), r("p")], { mask: ["p"] }),
    as("six", "socket_create", [k("AF_INET6"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_recvfrom", [v("six"), r("d"), 100, 0, r("a")]),
  ] },
  { name: "a length under 1 returns false first, even without $port", phpt: ["socket_sentto_recvfrom_unix.phpt"], steps: [
    ...udp(),
    call("socket_recvfrom", [v("u"), r("d", "x"), 0, 0, r("a", "y")]),
    call("socket_recvfrom", [v("u"), r("d"), -5, 0, r("a"), r("p", "z")]),
    call("socket_last_error", [v("u")]),
  ] },
  { name: "nothing to read: false, no warning, references untouched", steps: [
    ...udp(),
    call("socket_recvfrom", [v("u"), r("d", "x"), 100, k("MSG_DONTWAIT"), r("a", "y"), r("p", "z")]),
    call("socket_last_error", [v("u")]),
    call("socket_set_nonblock", [v("u")]),
    call("socket_recvfrom", [v("u"), r("d"), 100, 0, r("a"), r("p")]),
  ] },
  { name: "a refused peer: AF_INET says \"Unable\", AF_INET6 \"unable\"", steps: [
    as("w", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_connect", [v("w"), "127.0.0.1", 1]),
    call("socket_send", [v("w"), "x", 1, 0]),
    call("usleep", [20000]),
    call("socket_recvfrom", [v("w"), r("d", "x"), 10, 0, r("a", "y"), r("p", "z")]),
    as("w6", "socket_create", [k("AF_INET6"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_connect", [v("w6"), "::1", 1]),
    call("socket_send", [v("w6"), "x", 1, 0]),
    call("usleep", [20000]),
    call("socket_recvfrom", [v("w6"), r("d"), 10, 0, r("a"), r("p")]),
    call("socket_last_error"),
  ] },
  { name: "unix datagrams from a bound sender: the path, $port untouched", phpt: ["socket_sentto_recvfrom_unix.phpt"], steps: [
    ...unixDgram("s1.sock"),
    call("socket_bind", [v("c"), tmp("cli.sock")]),
    call("socket_sendto", [v("c"), "from cli", 8, 0, tmp("s1.sock")]),
    call("socket_recvfrom", [v("s"), r("d"), 100, 0, r("a"), r("p", "untouched")]),
    call("socket_sendto", [v("s"), "back", 4, 0, v("a")]),
    call("socket_recvfrom", [v("c"), r("d2"), 100, 0, r("a2")]),
  ] },
  { name: "bug #76839: ten rounds answering a unix datagram at the path it came from", phpt: ["bug76839.phpt"], steps:
    Array.from({ length: 10 }, (_, i) => pingPong(i)).flat() },
  { name: "unix datagrams from an unbound sender: address \"\"", steps: [
    ...unixDgram("s2.sock"),
    call("socket_sendto", [v("c"), "anon", 4, 0, tmp("s2.sock")]),
    call("socket_recvfrom", [v("s"), r("d"), 100, 0, r("a", "y")]),
    call("socket_sendto", [v("c"), "again", 5, 0, tmp("s2.sock")]),
    call("socket_recvfrom", [v("s"), r("d"), 3, 0, r("a"), r("p", 7)]),
  ] },
  { name: "a sender bound to an abstract name reads as \"\"", phpt: ["socket_abstract_path.phpt"], steps: [
    ...unixDgram("s3.sock"),
    call("socket_bind", [v("c"), "\0php-sockets-conformance-recvfrom"]),
    call("socket_sendto", [v("c"), "abstract", 8, 0, tmp("s3.sock")]),
    call("socket_recvfrom", [v("s"), r("d"), 100, 0, r("a", "y")]),
  ] },
  { name: "unix datagram errors say \"Unable to recvfrom\"", steps: [
    ...unixDgram("s4.sock"),
    call("socket_recvfrom", [v("s"), r("d", "x"), 10, or("MSG_OOB", "MSG_DONTWAIT"), r("a", "y")]),
    call("socket_recvfrom", [v("s"), r("d"), 10, k("MSG_DONTWAIT"), r("a")]),
    call("socket_last_error", [v("s")]),
  ] },
  { name: "a unix stream pair: data and an empty address", steps: [
    ...unixPair(),
    call("socket_write", [v("b"), "stream"]),
    call("socket_recvfrom", [v("a"), r("d"), 100, 0, r("a1", "y")]),
    call("socket_shutdown", [v("b"), 1]),
    call("socket_recvfrom", [v("a"), r("d", "x"), 100, 0, r("a1")]),
  ] },
  { name: "TCP: no sender address, so 0.0.0.0 / :: and port 0", steps: [
    ...tcpPair(),
    call("socket_write", [v("acc"), "tcp data"]),
    call("socket_recvfrom", [v("cli"), r("d"), 100, 0, r("a"), r("p")]),
    ...tcpPair("v6", "AF_INET6"),
    call("socket_write", [v("v6acc"), "six"]),
    call("socket_recvfrom", [v("v6cli"), r("d6"), 100, 0, r("a6"), r("p6")]),
    call("socket_close", [v("acc")]),
    call("socket_recvfrom", [v("cli"), r("d"), 100, 0, r("a"), r("p")]),
  ] },
  { name: "binary datagrams", binary: true, steps: [
    ...udp(),
    call("socket_sendto", [v("w"), bytes("00ff80c3280a"), 6, 0, "127.0.0.1", v("up")]),
    call("socket_recvfrom", [v("u"), r("d"), 100, 0, r("a"), r("p")], { mask: ["p"] }),
  ] },
  { name: "UTF-8 datagrams", steps: [
    ...unixDgram("s5.sock"),
    call("socket_sendto", [v("c"), "虎的笑话 😀", 100, 0, tmp("s5.sock")]),
    call("socket_recvfrom", [v("s"), r("d"), 100, 0, r("a")]),
  ] },
  { name: "argument count, types and the Socket", steps: [
    ...udp(),
    call("socket_recvfrom", [v("u"), r("d"), 10, 0]),
    call("socket_recvfrom", [v("u"), r("d"), 10, 0, r("a"), r("p"), 1]),
    call("socket_recvfrom", [v("u"), r("d"), "ten", 0, r("a"), r("p")]),
    call("socket_recvfrom", [v("u"), r("d"), 10, "none", r("a"), r("p")]),
    call("socket_recvfrom", [1, r("d"), 10, 0, r("a"), r("p")]),
    call("socket_close", [v("u")]),
    call("socket_recvfrom", [v("u"), r("d"), 10, 0, r("a"), r("p")]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket("c", "AF_INET", "SOCK_DGRAM"),
    call("socket_recvfrom", [v("c"), r("d"), "x", 0, r("a")]),
    call("socket_recvfrom", [v("c"), r("d"), 5, "x", r("a"), r("p")]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket("c", "AF_INET", "SOCK_DGRAM"),
    call("socket_recvfrom", [v("c"), r("d"), null, 0, r("a"), r("p")]),
    call("socket_recvfrom", [v("c"), r("d"), 5, null, r("a"), r("p")]),
  ] },
  { name: "a closed socket: values are checked only after it: a length under 1, and no port for an IPv4 socket", steps: [
    ...closedSocket("c", "AF_INET", "SOCK_DGRAM"),
    call("socket_recvfrom", [v("c"), r("d"), 0, 0, r("a"), r("p")]),
    call("socket_recvfrom", [v("c"), r("d"), 5, 0, r("a")]),
  ] },
] satisfies Scenario[];
