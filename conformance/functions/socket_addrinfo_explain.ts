import { as, assoc, at, call, flt, k, type Arg, type Scenario } from "../harness/scenario.ts";

const lookup = (name: string, ...args: Arg[]) => as(name, "socket_addrinfo_lookup", args);

export default [
  { name: "an IPv4 datagram result", phpt: ["socket_addrinfo_explain.phpt"], steps: [
    lookup("ai", "127.0.0.1", 2000, assoc(["ai_family", k("AF_INET")], ["ai_socktype", k("SOCK_DGRAM")])),
    call("socket_addrinfo_explain", [at("ai", 0)]),
  ] },
  { name: "IPv6 results, with and without a canonical name", steps: [
    lookup("a", "::1", "https", assoc(["ai_socktype", k("SOCK_STREAM")], ["ai_flags", k("AI_CANONNAME")])),
    call("socket_addrinfo_explain", [at("a", 0)]),
    lookup("b", "::ffff:127.0.0.1", "0", assoc(["ai_socktype", k("SOCK_DGRAM")], ["ai_flags", k("AI_NUMERICSERV")])),
    call("socket_addrinfo_explain", [at("b", 0)]),
  ] },
  { name: "explaining the same result twice gives the same array", steps: [
    lookup("ai", "localhost", "80", assoc(["ai_socktype", k("SOCK_STREAM")], ["ai_flags", k("AI_CANONNAME")])),
    call("socket_addrinfo_explain", [at("ai", 0)]),
    call("socket_addrinfo_explain", [at("ai", 0)]),
  ] },
  { name: "only an AddressInfo is accepted", steps: [
    call("socket_addrinfo_explain"),
    call("socket_addrinfo_explain", [null]),
    call("socket_addrinfo_explain", ["127.0.0.1"]),
    call("socket_addrinfo_explain", [{ a: [] }]),
    call("socket_addrinfo_explain", [{ obj: "stdClass" }]),
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_addrinfo_explain", [{ v: "s" }]),
    lookup("ai", "127.0.0.1", "80", assoc(["ai_socktype", k("SOCK_STREAM")])),
    call("socket_addrinfo_explain", [at("ai", 0), 1]),
  ] },
  { name: "every result of a lookup without hints: stream, datagram, raw", steps: [
    lookup("ai", "127.0.0.1", "7"),
    call("socket_addrinfo_explain", [at("ai", 0)]),
    call("socket_addrinfo_explain", [at("ai", 1)]),
    call("socket_addrinfo_explain", [at("ai", 2)]),
  ] },
  { name: "wildcard addresses, the highest port, and a service name", steps: [
    lookup("a", "0.0.0.0", "65535", assoc(["ai_socktype", k("SOCK_STREAM")])),
    call("socket_addrinfo_explain", [at("a", 0)]),
    lookup("b", "::", "0", assoc(["ai_socktype", k("SOCK_DGRAM")], ["ai_flags", k("AI_PASSIVE")])),
    call("socket_addrinfo_explain", [at("b", 0)]),
    lookup("c", "127.0.0.1", "ssh", assoc(["ai_family", k("AF_INET")], ["ai_socktype", k("SOCK_STREAM")], ["ai_protocol", k("SOL_TCP")])),
    call("socket_addrinfo_explain", [at("c", 0)]),
  ] },
  { name: "an IPv6 address with a scope, and AI_V4MAPPED", steps: [
    lookup("a", "fe80::1%lo", "1", assoc(["ai_socktype", k("SOCK_DGRAM")])),
    call("socket_addrinfo_explain", [at("a", 0)]),
    lookup("b", "127.0.0.1", "2", assoc(["ai_family", k("AF_INET6")], ["ai_socktype", k("SOCK_STREAM")], ["ai_flags", k("AI_V4MAPPED")])),
    call("socket_addrinfo_explain", [at("b", 0)]),
  ] },
  { name: "numbers, NaN, lists and a result's list are not an AddressInfo", steps: [
    call("socket_addrinfo_explain", [1]),
    call("socket_addrinfo_explain", [flt("NAN")]),
    call("socket_addrinfo_explain", [true]),
    lookup("ai", "127.0.0.1", "80", assoc(["ai_socktype", k("SOCK_STREAM")])),
    call("socket_addrinfo_explain", [{ v: "ai" }]),
    call("socket_addrinfo_explain", [at("ai", 1)]),
  ] },
] satisfies Scenario[];
