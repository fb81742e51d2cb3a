import { as, assoc, at, call, k, r, v, type Arg, type Scenario } from "../harness/scenario.ts";

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
] satisfies Scenario[];
