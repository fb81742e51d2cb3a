import { as, assoc, at, call, flt, k, r, v, type Arg, type Scenario } from "../harness/scenario.ts";

const lookup = (name: string, ...args: Arg[]) => as(name, "socket_addrinfo_lookup", args);
const dgram = () => assoc(["ai_family", k("AF_INET")], ["ai_socktype", k("SOCK_DGRAM")]);

export default [
  { name: "binds a datagram socket to the result's address", phpt: ["socket_addrinfo_bind.phpt"], steps: [
    lookup("ai", "127.0.0.1", 0, dgram()),
    as("s", "socket_addrinfo_bind", [at("ai", 0)]),
    call("socket_getsockname", [v("s"), r("addr"), r("port")], { mask: ["port"] }),
    call("socket_last_error", [v("s")]),
  ] },
  { name: "a stream socket on IPv6 loopback, then listening on it", steps: [
    lookup("ai", "::1", "0", assoc(["ai_socktype", k("SOCK_STREAM")])),
    as("s", "socket_addrinfo_bind", [at("ai", 0)]),
    call("socket_listen", [v("s"), 4]),
    call("socket_getsockname", [v("s"), r("addr"), r("port")], { mask: ["port"] }),
  ] },
  { name: "an address in use warns and gives false", steps: [
    lookup("ai", "127.0.0.1", "0", dgram()),
    as("s", "socket_addrinfo_bind", [at("ai", 0)]),
    call("socket_getsockname", [v("s"), r("addr"), r("port")], { mask: ["port"] }),
    lookup("again", "127.0.0.1", v("port"), dgram()),
    as("t", "socket_addrinfo_bind", [at("again", 0)]),
    call("socket_last_error"),
    call("socket_last_error", [v("s")]),
  ] },
  { name: "an address that is not local", steps: [
    lookup("ai", "192.0.2.1", "0", assoc(["ai_socktype", k("SOCK_STREAM")])),
    as("s", "socket_addrinfo_bind", [at("ai", 0)]),
    call("socket_last_error"),
  ] },
  { name: "a raw result without a protocol: the socket cannot be made", steps: [
    lookup("ai", "127.0.0.1", null, assoc(["ai_socktype", k("SOCK_RAW")])),
    call("socket_addrinfo_explain", [at("ai", 0)]),
    as("s", "socket_addrinfo_bind", [at("ai", 0)]),
    call("socket_last_error"),
  ] },
  { name: "only an AddressInfo is accepted", steps: [
    call("socket_addrinfo_bind"),
    call("socket_addrinfo_bind", [null]),
    call("socket_addrinfo_bind", [1]),
    call("socket_addrinfo_bind", [{ a: [] }]),
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_addrinfo_bind", [v("s")]),
  ] },
  { name: "wildcard addresses on both families, and a v4-mapped one", steps: [
    lookup("a", "0.0.0.0", "0", dgram()),
    as("s", "socket_addrinfo_bind", [at("a", 0)]),
    call("socket_getsockname", [v("s"), r("addr"), r("port")], { mask: ["port"] }),
    lookup("b", "::", "0", assoc(["ai_socktype", k("SOCK_STREAM")])),
    as("t", "socket_addrinfo_bind", [at("b", 0)]),
    call("socket_getsockname", [v("t"), r("addr6"), r("port6")], { mask: ["port6"] }),
    lookup("c", "::ffff:127.0.0.1", "0", assoc(["ai_socktype", k("SOCK_DGRAM")])),
    as("m", "socket_addrinfo_bind", [at("c", 0)]),
    call("socket_getsockname", [v("m"), r("addrm"), r("portm")], { mask: ["portm"] }),
  ] },
  { name: "numbers, NaN, objects and extra arguments", steps: [
    call("socket_addrinfo_bind", [flt("NAN")]),
    call("socket_addrinfo_bind", ["127.0.0.1"]),
    call("socket_addrinfo_bind", [{ obj: "stdClass" }]),
    lookup("ai", "127.0.0.1", "0", dgram()),
    call("socket_addrinfo_bind", [at("ai", 0), 1]),
    call("socket_addrinfo_bind", [at("ai", 5)]),
  ] },
] satisfies Scenario[];
