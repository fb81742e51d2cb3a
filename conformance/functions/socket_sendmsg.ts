import { closedSocket, unixPair } from "../harness/fixtures.ts";
import { abstractName } from "../harness/paths.ts";
import { as, assoc, at, bytes, call, flt, k, list, r, rep, tmp, v, type Arg, type Scenario } from "../harness/scenario.ts";

const send = (sock: string, message: Arg, ...flags: Arg[]) => call("socket_sendmsg", [v(sock), message, ...flags]);
const cmsg = (level: Arg, type: Arg, data?: Arg): Arg =>
  data === undefined ? assoc(["level", level], ["type", type]) : assoc(["level", level], ["type", type], ["data", data]);
const rights = (...socks: string[]) => cmsg(k("SOL_SOCKET"), k("SCM_RIGHTS"), list(...socks.map(v)));
/**
 * recvmsg into a fresh variable `m` (recvmsg replaces the array it is given), masked because it names
 * ephemeral ports; the parts that matter are read with `part`.
 */
const recv = (m: string, sock: string, controllen: Arg = 1, more: [string, Arg][] = []) =>
  call("socket_recvmsg", [v(sock), r(m, assoc(["controllen", controllen], ...more)), k("MSG_DONTWAIT")], { mask: [m] });
const part = (m: string, ...keys: (string | number)[]) => call("set", [at(m, ...keys)]);

/** A bound UDP receiver `u` (port in `up`) and a sender `w` on the same family. */
const udp = (family = "AF_INET", host = "127.0.0.1") => [
  as("u", "socket_create", [k(family), k("SOCK_DGRAM"), k("SOL_UDP")]),
  call("socket_bind", [v("u"), host, 0]),
  call("socket_getsockname", [v("u"), r("uh"), r("up")], { mask: ["up"] }),
  as("w", "socket_create", [k(family), k("SOCK_DGRAM"), k("SOL_UDP")]),
];
const to = (addr: string, ...more: [string, Arg][]): [string, Arg] => ["name", assoc(["addr", addr], ["port", v("up")], ...more)];

/** Sends a datagram with the name given (bad values expected), to `u` when it gets there. */
const sendName = (name: Arg) => send("w", assoc(["name", name], ["iov", list("x")]));

export default [
  { name: "the iov elements go out as one datagram", phpt: ["socket_abstract_path_sendmsg.phpt"], steps: [
    ...unixPair("", "SOCK_DGRAM"),
    send("a", assoc(["iov", list("test ", "thing", "\n")])),
    call("socket_recv", [v("b"), r("buf"), 100, 0]),
    // Keys do not matter, only the order of the values.
    send("a", assoc(["iov", assoc(["k", "a"], ["j", "b"])])),
    call("socket_recv", [v("b"), r("buf"), 100, 0]),
    // Numbers, booleans and null are strings; an array is "Array" with PHP's warning.
    send("a", assoc(["iov", list("a", 5, flt("1.5"), true, null, false)])),
    call("socket_recv", [v("b"), r("buf"), 100, 0]),
    send("a", assoc(["iov", list("a", list("x"))])),
    call("socket_recv", [v("b"), r("buf"), 100, 0]),
  ] },
  { name: "no iov sends an empty datagram; binary data goes as is", binary: true, steps: [
    ...unixPair("", "SOCK_DGRAM"),
    send("a", assoc(["iov", list()])),
    send("a", assoc()),
    send("a", assoc(["iov", list(bytes("00ff00"), bytes("80"))])),
    call("socket_recv", [v("b"), r("buf"), 100, 0]),
    call("socket_recv", [v("b"), r("buf"), 100, 0]),
    call("socket_recv", [v("b"), r("buf"), 100, 0]),
  ] },
  { name: "a large message", steps: [
    ...unixPair(),
    send("a", assoc(["iov", list(rep("x", 70000), rep("y", 10))])),
    call("socket_recv", [v("b"), r("buf"), 10, k("MSG_PEEK")]),
  ] },
  { name: "to an IPv4 name", phpt: ["socket_sendrecvmsg_multi_msg.phpt"], steps: [
    ...udp(),
    send("w", assoc(to("127.0.0.1"), ["iov", list("to ", "udp")])),
    call("socket_recvfrom", [v("u"), r("d"), 100, 0, r("a"), r("p")], { mask: ["p"] }),
    // Numeric strings count as numbers, and the family may be given.
    send("w", assoc(["name", assoc(["family", k("AF_INET")], ["addr", "127.0.0.1"], ["port", v("up")])], ["iov", list("2")])),
    call("socket_recvfrom", [v("u"), r("d"), 100, 0, r("a"), r("p")], { mask: ["p"] }),
  ] },
  { name: "to an IPv6 name, with flowinfo and scope", steps: [
    ...udp("AF_INET6", "::1"),
    send("w", assoc(to("::1", ["flowinfo", 0], ["scope_id", 0]), ["iov", list("six")])),
    call("socket_recvfrom", [v("u"), r("d"), 100, 0, r("a"), r("p")], { mask: ["p"] }),
  ] },
  { name: "to unix paths and abstract names", phpt: ["socket_abstract_path_sendmsg.phpt"], steps: [
    as("s", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
    call("socket_bind", [v("s"), tmp("sendmsg.sock")]),
    as("c", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
    send("c", assoc(["name", assoc(["path", tmp("sendmsg.sock")])], ["iov", list("path")])),
    call("socket_recv", [v("s"), r("buf"), 100, 0]),
    as("ab", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
    call("socket_bind", [v("ab"), abstractName("sendmsg")]),
    send("c", assoc(["name", assoc(["path", abstractName("sendmsg")])], ["iov", list("abstract")])),
    call("socket_recv", [v("ab"), r("buf"), 100, 0]),
    // C reads the path up to a NUL: what follows one is not part of the address.
    send("c", assoc(["name", assoc(["path", `${abstractName("sendmsg")}\u0000junk`])], ["iov", list("cut")])),
    call("socket_recv", [v("ab"), r("buf"), 100, 0]),
  ] },
  { name: "unix paths that cannot be", steps: [
    as("c", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
    send("c", assoc(["name", assoc(["path", ""])], ["iov", list("x")])),
    send("c", assoc(["name", assoc(["path", rep("a", 108)])], ["iov", list("x")])),
    send("c", assoc(["name", assoc(["path", tmp("nobody-here.sock")])], ["iov", list("x")])),
    send("c", assoc(["name", assoc(["path", list()])], ["iov", list("x")])),
    // No path: sun_path stays empty, which the OS reads as the abstract name "".
    send("c", assoc(["name", assoc()], ["iov", list("x")])),
  ] },
  { name: "names of the wrong shape or family", phpt: ["socket_sendrecvmsg_error.phpt"], steps: [
    ...udp(),
    sendName("x"),
    sendName(null),
    sendName(assoc(["family", k("AF_INET6")], ["addr", "::1"])),
    sendName(assoc(["family", k("AF_UNIX")], ["path", "/x"])),
    sendName(assoc(["family", 99])),
    sendName(assoc(["family", "abc"])),
    sendName(assoc(["family", 4294967298])),
    sendName(assoc(["family", list()])),
    // 1.5 truncates to 1: AF_UNIX.
    sendName(assoc(["family", flt("1.5")])),
    // A null family is the socket's own.
    // A null family means the socket's own, but it is still converted as the struct's member.
    sendName(assoc(["family", null], ["addr", "127.0.0.1"], ["port", v("up")])),
    sendName(assoc(["family", 2], ["addr", "127.0.0.1"], ["port", v("up")])),
    call("socket_recv", [v("u"), r("buf"), 100, k("MSG_DONTWAIT")]),
  ] },
  { name: "ports and addresses that do not convert", steps: [
    ...udp(),
    sendName(assoc(["addr", "127.0.0.1"], ["port", 70000])),
    sendName(assoc(["addr", "127.0.0.1"], ["port", -1])),
    sendName(assoc(["addr", "127.0.0.1"], ["port", "12x"])),
    sendName(assoc(["addr", "127.0.0.1"], ["port", "0x1A"])),
    sendName(assoc(["addr", "127.0.0.1"], ["port", ""])),
    sendName(assoc(["addr", "127.0.0.1"], ["port", true])),
    sendName(assoc(["addr", "127.0.0.1"], ["port", null])),
    sendName(assoc(["addr", "127.0.0.1"], ["port", "abc\u0000def"])),
    sendName(assoc(["addr", "127.0.0.1"], ["port", flt("1e20")])),
    sendName(assoc(["addr", "127.0.0.1"], ["port", flt("-1.5")])),
    sendName(assoc(["addr", "127.0.0.1"], ["port", { obj: "stdClass" }])),
    sendName(assoc(["addr", "no-such-host.invalid"], ["port", 7])),
    // No port, or NaN: port 0, which the OS refuses.
    sendName(assoc(["addr", "127.0.0.1"])),
    sendName(assoc(["addr", "127.0.0.1"], ["port", flt("NAN")])),
  ] },
  { name: "ports as numeric strings and floats", steps: [
    ...udp(),
    // Sent to a port nobody reads: what matters is which ports convert (port 0 is the OS's EINVAL).
    ...["+9", " 9", "9 ", "\v9", "9.", "1e1", ".5", "1e400", "-0", "9223372036854775808"].map((p) => sendName(assoc(["addr", "127.0.0.1"], ["port", p]))),
    sendName(assoc(["addr", "127.0.0.1"], ["port", flt("9.9")])),
    sendName(assoc(["addr", "127.0.0.1"], ["port", flt("65535.9")])),
    sendName(assoc(["addr", "127.0.0.1"], ["port", flt("INF")])),
  ] },
  { name: "IPv6 name members out of range", steps: [
    ...udp("AF_INET6", "::1"),
    sendName(assoc(["addr", "::1"], ["port", v("up")], ["flowinfo", -1])),
    sendName(assoc(["addr", "::1"], ["port", v("up")], ["scope_id", "x"])),
    sendName(assoc(["addr", "::1"], ["port", v("up")], ["scope_id", 4294967296])),
    sendName(assoc(["family", k("AF_INET")], ["addr", "127.0.0.1"], ["port", v("up")])),
  ] },
  { name: "control messages of the wrong shape", phpt: ["socket_cmsg_rights.phpt"], steps: [
    ...unixPair("", "SOCK_DGRAM"),
    send("a", assoc(["iov", list("a")], ["control", "x"])),
    send("a", assoc(["iov", list("a")], ["control", list("x")])),
    send("a", assoc(["iov", list("a")], ["control", list(cmsg(1, 99))])),
    send("a", assoc(["iov", list("a")], ["control", list(cmsg("zz", 1))])),
    send("a", assoc(["iov", list("a")], ["control", list(cmsg(1, 4294967296))])),
    send("a", assoc(["iov", list("a")], ["control", list(cmsg(k("SOL_SOCKET"), k("SCM_RIGHTS")))])),
    send("a", assoc(["iov", list("a")], ["control", list(cmsg(k("SOL_SOCKET"), k("SCM_RIGHTS"), list()))])),
    send("a", assoc(["iov", list("a")], ["control", list(cmsg(k("SOL_SOCKET"), k("SCM_RIGHTS"), 5))])),
    send("a", assoc(["iov", list("a")], ["control", list(cmsg(k("SOL_SOCKET"), k("SCM_RIGHTS"), list(5)))])),
    send("a", assoc(["iov", list("a")], ["control", list(cmsg(k("SOL_SOCKET"), k("SCM_RIGHTS"), list(v("a"), "x")))])),
    send("a", assoc(["iov", list("a")], ["control", list(rights("a"), "x")])),
    // "level" and "type" may be numeric strings and floats.
    send("a", assoc(["iov", list("a")], ["control", list(cmsg("1", flt("99.0")))])),
  ] },
  { name: "a socket passed with SCM_RIGHTS arrives as a Socket", phpt: ["socket_cmsg_rights.phpt"], steps: [
    call("close_stdin"),
    as("x", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_bind", [v("x"), "127.0.0.1", 0]),
    call("socket_getsockname", [v("x"), r("xa"), r("up")], { mask: ["up"] }),
    ...unixPair("", "SOCK_DGRAM"),
    send("a", assoc(["iov", list("r")], ["control", list(rights("x"))])),
    recv("m1", "b", 24),
    part("m1", "control"), part("m1", "iov"), part("m1", "flags"), part("m1", "name"),
    as("rx", "set", [at("m1", "control", 0, "data", 0)]),
    call("socket_getsockname", [v("rx"), r("ra"), r("rp")], { mask: ["rp"] }),
    // The passed socket is the same socket: a datagram sent through it comes back to x.
    send("rx", assoc(to("127.0.0.1"), ["iov", list("via the passed socket")])),
    call("socket_recv", [v("x"), r("buf"), 100, 0]),
  ] },
  { name: "SCM_RIGHTS with a buffer too small: MSG_CTRUNC", steps: [
    call("close_stdin"),
    as("x", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]),
    ...unixPair("", "SOCK_DGRAM"),
    send("a", assoc(["iov", list("r")], ["control", list(rights("x", "x", "x"))])),
    recv("m2", "b", 24),
    part("m2", "control", 0, "data"), part("m2", "flags"),
    send("a", assoc(["iov", list("r")], ["control", list(rights("x", "x", "x"))])),
    recv("m3", "b", 17),
    part("m3", "control"), part("m3", "flags"),
    send("a", assoc(["iov", list("r")], ["control", list(rights("x"))])),
    recv("m4", "b", 20),
    part("m4", "control", 0, "data"), part("m4", "flags"),
  ] },
  { name: "SCM_CREDENTIALS with SO_PASSCRED", phpt: ["socket_cmsg_credentials.phpt"], steps: [
    ...unixPair("", "SOCK_DGRAM"),
    call("socket_set_option", [v("b"), k("SOL_SOCKET"), k("SO_PASSCRED"), 1]),
    send("a", assoc(["iov", list("dread")])),
    as("space", "socket_cmsg_space", [k("SOL_SOCKET"), k("SCM_CREDENTIALS")]),
    recv("m5", "b", v("space")),
    part("m5", "control", 0, "level"), part("m5", "control", 0, "type"),
    call("set", [at("m5", "control", 0, "data", "pid")], { maskRet: true }),
    part("m5", "control", 0, "data", "uid"), part("m5", "control", 0, "data", "gid"),
    part("m5", "iov"), part("m5", "flags"), part("m5", "name"),
    // Credentials of the wrong shape.
    send("a", assoc(["iov", list("c")], ["control", list(cmsg(k("SOL_SOCKET"), k("SCM_CREDENTIALS"), list()))])),
    send("a", assoc(["iov", list("c")], ["control", list(cmsg(k("SOL_SOCKET"), k("SCM_CREDENTIALS"), assoc(["pid", 1], ["uid", 0])))])),
    send("a", assoc(["iov", list("c")], ["control", list(cmsg(k("SOL_SOCKET"), k("SCM_CREDENTIALS"), assoc(["pid", -1], ["uid", 0], ["gid", 0])))])),
    send("a", assoc(["iov", list("c")], ["control", list(cmsg(k("SOL_SOCKET"), k("SCM_CREDENTIALS"), assoc(["pid", 2147483648], ["uid", 0], ["gid", 0])))])),
    send("a", assoc(["iov", list("c")], ["control", list(cmsg(k("SOL_SOCKET"), k("SCM_CREDENTIALS"), assoc(["pid", 1], ["uid", 4294967296], ["gid", 0])))])),
    send("a", assoc(["iov", list("c")], ["control", list(cmsg(k("SOL_SOCKET"), k("SCM_CREDENTIALS"), assoc(["pid", 1], ["uid", -1], ["gid", 0])))])),
    send("a", assoc(["iov", list("c")], ["control", list(cmsg(k("SOL_SOCKET"), k("SCM_CREDENTIALS"), "x"))])),
  ] },
  { name: "IPv6 ancillary data: PKTINFO, HOPLIMIT, TCLASS", phpt: ["socket_sendrecvmsg_multi_msg.phpt", "socket_sendrecvmsg_multi_msg-unix.phpt", "socket_recvmsg.phpt"], steps: [
    ...udp("AF_INET6", "::1"),
    call("socket_set_option", [v("u"), k("IPPROTO_IPV6"), k("IPV6_RECVPKTINFO"), 1]),
    call("socket_set_option", [v("u"), k("IPPROTO_IPV6"), k("IPV6_RECVHOPLIMIT"), 1]),
    call("socket_set_option", [v("u"), k("IPPROTO_IPV6"), k("IPV6_RECVTCLASS"), 1]),
    send("w", assoc(to("::1"), ["iov", list("test ", "thing", "\n")], ["control", list(
      cmsg(k("IPPROTO_IPV6"), k("IPV6_PKTINFO"), assoc(["addr", "::1"], ["ifindex", 1])),
      cmsg(k("IPPROTO_IPV6"), k("IPV6_HOPLIMIT"), 7),
      cmsg(k("IPPROTO_IPV6"), k("IPV6_TCLASS"), 32),
    )])),
    recv("m6", "u", 200, [["name", assoc(["family", k("AF_INET6")], ["addr", "::1"])], ["buffer_size", 2000]]),
    part("m6", "control"), part("m6", "iov"), part("m6", "flags"),
    part("m6", "name", "family"), part("m6", "name", "addr"), part("m6", "name", "flowinfo"), part("m6", "name", "scope_id"),
    // The interface by name; numeric strings for the ints; no data is zeros.
    send("w", assoc(to("::1"), ["iov", list("x")], ["control", list(
      cmsg(k("IPPROTO_IPV6"), k("IPV6_PKTINFO"), assoc(["addr", "::1"], ["ifindex", "lo"])),
      cmsg(k("IPPROTO_IPV6"), k("IPV6_HOPLIMIT"), "9"),
      cmsg(k("IPPROTO_IPV6"), k("IPV6_TCLASS")),
    )])),
    recv("m7", "u", 200),
    part("m7", "control"),
  ] },
  { name: "IPv6 ancillary data of the wrong shape", steps: [
    ...udp("AF_INET6", "::1"),
    send("w", assoc(to("::1"), ["iov", list("x")], ["control", list(cmsg(k("IPPROTO_IPV6"), k("IPV6_PKTINFO"), assoc(["addr", "::1"], ["ifindex", "nope0"])))])),
    send("w", assoc(to("::1"), ["iov", list("x")], ["control", list(cmsg(k("IPPROTO_IPV6"), k("IPV6_PKTINFO"), assoc(["addr", "::1"], ["ifindex", -1])))])),
    send("w", assoc(to("::1"), ["iov", list("x")], ["control", list(cmsg(k("IPPROTO_IPV6"), k("IPV6_PKTINFO"), assoc(["addr", "::1"])))])),
    send("w", assoc(to("::1"), ["iov", list("x")], ["control", list(cmsg(k("IPPROTO_IPV6"), k("IPV6_PKTINFO"), assoc(["ifindex", 1])))])),
    send("w", assoc(to("::1"), ["iov", list("x")], ["control", list(cmsg(k("IPPROTO_IPV6"), k("IPV6_PKTINFO"), 5))])),
    send("w", assoc(to("::1"), ["iov", list("x")], ["control", list(cmsg(k("IPPROTO_IPV6"), k("IPV6_HOPLIMIT"), 4294967296))])),
    // The OS refuses a hop limit over 255.
    send("w", assoc(to("::1"), ["iov", list("x")], ["control", list(cmsg(k("IPPROTO_IPV6"), k("IPV6_HOPLIMIT"), 300))])),
  ] },
  { name: "OS failures warn with errno and record it on the socket", phpt: ["socket_sendrecvmsg_error.phpt"], steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    send("s", assoc(), -1),
    send("s", assoc()),
    call("socket_last_error", [v("s")]),
    call("socket_last_error"),
  ] },
  { name: "argument count, types and the flags' range", steps: [
    ...unixPair("", "SOCK_DGRAM"),
    call("socket_sendmsg", [v("a")]),
    call("socket_sendmsg", [v("a"), assoc(), 0, 1]),
    call("socket_sendmsg", [5, assoc()]),
    call("socket_sendmsg", [v("a"), "x"]),
    call("socket_sendmsg", [v("a"), assoc(["iov", list("a")]), "x"]),
    call("socket_sendmsg", [v("a"), assoc(["iov", list("a")]), 2147483648]),
    call("socket_sendmsg", [v("a"), assoc(["iov", list("a")]), null]),
    call("socket_sendmsg", [v("a"), assoc(["iov", list("a", { obj: "stdClass" })])]),
    call("socket_close", [v("a")]),
    call("socket_sendmsg", [v("a"), assoc()]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_sendmsg", [v("c"), "message"]),
    call("socket_sendmsg", [v("c"), list(), "x"]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket(),
    call("socket_sendmsg", [v("c"), list(), null]),
  ] },
  { name: "a closed socket: flags past a C int are checked before it, the message after it", steps: [
    ...closedSocket(),
    call("socket_sendmsg", [v("c"), list(), 1099511627776]),
    call("socket_sendmsg", [v("c"), assoc(["iov", "not an array"]), 0]),
  ] },
] satisfies Scenario[];
