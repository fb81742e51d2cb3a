import { as, assoc, at, call, flt, k, r, v, type Arg, type Scenario } from "../harness/scenario.ts";

const lookup = (name: string, ...args: Arg[]) => as(name, "socket_addrinfo_lookup", args);
const hints = (type: string) => assoc(["ai_socktype", k(type)]);

/** A stream socket `s` bound on `host` by addrinfo (listening when asked), its port in `port`. */
const bound = (s: string, host: string, listen: boolean) => [
  lookup(`${s}ai`, host, "0", hints("SOCK_STREAM")),
  as(s, "socket_addrinfo_bind", [at(`${s}ai`, 0)]),
  ...(listen ? [call("socket_listen", [v(s), 4])] : []),
  call("socket_getsockname", [v(s), r("addr"), r("port")], { mask: ["port"] }),
];

export default [
  { name: "a datagram socket connects without a peer", phpt: ["socket_addrinfo_connect.phpt"], steps: [
    lookup("ai", "127.0.0.1", 2000, assoc(["ai_family", k("AF_INET")], ["ai_socktype", k("SOCK_DGRAM")])),
    as("c", "socket_addrinfo_connect", [at("ai", 0)]),
    call("socket_getpeername", [v("c"), r("peer"), r("peerPort")]),
  ] },
  { name: "a stream socket connects to a listener on IPv4 and IPv6", steps: [
    ...bound("srv", "127.0.0.1", true),
    lookup("to", "127.0.0.1", v("port"), hints("SOCK_STREAM")),
    as("c", "socket_addrinfo_connect", [at("to", 0)]),
    call("socket_getpeername", [v("c"), r("peer")]),
    as("acc", "socket_accept", [v("srv")]),
    ...bound("six", "::1", true),
    lookup("to6", "::1", v("port"), hints("SOCK_STREAM")),
    as("c6", "socket_addrinfo_connect", [at("to6", 0)]),
    call("socket_getpeername", [v("c6"), r("peer6")]),
  ] },
  { name: "a refused connection warns, sets the global error and gives false", steps: [
    ...bound("closed", "127.0.0.1", false),
    lookup("to", "127.0.0.1", v("port"), hints("SOCK_STREAM")),
    as("c", "socket_addrinfo_connect", [at("to", 0)]),
    call("socket_last_error"),
    call("socket_clear_error"),
    ...bound("closed6", "::1", false),
    lookup("to6", "::1", v("port"), hints("SOCK_STREAM")),
    as("c6", "socket_addrinfo_connect", [at("to6", 0)]),
    call("socket_last_error"),
  ] },
  { name: "a raw result without a protocol: the socket cannot be made", steps: [
    lookup("ai", "::1", null, hints("SOCK_RAW")),
    as("c", "socket_addrinfo_connect", [at("ai", 0)]),
    call("socket_last_error"),
  ] },
  { name: "only an AddressInfo is accepted", steps: [
    call("socket_addrinfo_connect"),
    call("socket_addrinfo_connect", [null]),
    call("socket_addrinfo_connect", ["127.0.0.1"]),
    call("socket_addrinfo_connect", [{ obj: "stdClass" }]),
  ] },
  { name: "a connected datagram socket sends to the result's address", steps: [
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_bind", [v("u"), "127.0.0.1", 0]),
    call("socket_getsockname", [v("u"), r("uaddr"), r("uport")], { mask: ["uport"] }),
    lookup("ai", "127.0.0.1", v("uport"), hints("SOCK_DGRAM")),
    as("c", "socket_addrinfo_connect", [at("ai", 0)]),
    call("socket_send", [v("c"), "via addrinfo", 12, 0]),
    call("socket_recv", [v("u"), r("d"), 100, 0]),
    call("socket_getpeername", [v("c"), r("peer")]),
  ] },
  { name: "one result connects two sockets; port 0 is refused", steps: [
    ...bound("srv", "127.0.0.1", true),
    lookup("to", "127.0.0.1", v("port"), hints("SOCK_STREAM")),
    as("c1", "socket_addrinfo_connect", [at("to", 0)]),
    as("c2", "socket_addrinfo_connect", [at("to", 0)]),
    as("a1", "socket_accept", [v("srv")]),
    as("a2", "socket_accept", [v("srv")]),
    lookup("zero", "127.0.0.1", "0", hints("SOCK_STREAM")),
    as("c3", "socket_addrinfo_connect", [at("zero", 0)]),
    call("socket_last_error"),
  ] },
  { name: "numbers, NaN, arrays, a Socket and extra arguments", steps: [
    call("socket_addrinfo_connect", [1]),
    call("socket_addrinfo_connect", [flt("NAN")]),
    call("socket_addrinfo_connect", [{ a: [] }]),
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_addrinfo_connect", [v("s")]),
    lookup("ai", "127.0.0.1", "9", hints("SOCK_DGRAM")),
    call("socket_addrinfo_connect", [at("ai", 0), 1]),
  ] },
] satisfies Scenario[];
