import { as, assoc, at, call, flt, k, list, type Arg, type Scenario } from "../harness/scenario.ts";

const lookup = (name: string, ...args: Arg[]) => as(name, "socket_addrinfo_lookup", args);
/** Explains results 0..n-1 of a lookup (a missing index explains null: PHP's TypeError). */
const explain = (name: string, n: number) => Array.from({ length: n }, (_, i) => call("socket_addrinfo_explain", [at(name, i)]));
const obj = { obj: "stdClass" } as Arg;

export default [
  { name: "an unknown hint key is a ValueError", phpt: ["socket_addrinfo_lookup.phpt"], steps: [
    call("socket_addrinfo_lookup", ["127.0.0.1", 2000, assoc(["ai_family", k("AF_INET")], ["ai_socktype", k("SOCK_DGRAM")], ["invalid", null])]),
    call("socket_addrinfo_lookup", ["127.0.0.1", "80", assoc(["AI_FAMILY", k("AF_INET")])]),
  ] },
  { name: "numeric IPv4 host, int service, family and type hints", phpt: ["socket_addrinfo_explain.phpt"], steps: [
    lookup("ai", "127.0.0.1", 2000, assoc(["ai_family", k("AF_INET")], ["ai_socktype", k("SOCK_DGRAM")])), ...explain("ai", 1),
  ] },
  { name: "no service and no hints: one result per socket type", steps: [
    lookup("ai", "127.0.0.1"), ...explain("ai", 3),
    lookup("b", "127.0.0.1", null), lookup("c", "127.0.0.1", null, list()), ...explain("c", 3),
  ] },
  { name: "numeric IPv6 hosts", steps: [
    lookup("a", "::1", "80", assoc(["ai_socktype", k("SOCK_STREAM")])), ...explain("a", 1),
    lookup("b", "::", "443", assoc(["ai_socktype", k("SOCK_DGRAM")])), ...explain("b", 1),
    lookup("c", "::ffff:1.2.3.4", "0", assoc(["ai_socktype", k("SOCK_DGRAM")])), ...explain("c", 1),
    lookup("d", "fe80::1%1", "7", assoc(["ai_socktype", k("SOCK_STREAM")])), ...explain("d", 1),
    lookup("e", "2001:db8::ff00:42:8329", "65535", assoc(["ai_family", k("AF_INET6")], ["ai_socktype", k("SOCK_STREAM")])), ...explain("e", 1),
    lookup("f", "::1", "80", assoc(["ai_family", k("AF_INET")])),
  ] },
  { name: "service names from /etc/services, with a protocol hint", steps: [
    lookup("a", "127.0.0.1", "http", assoc(["ai_socktype", k("SOCK_STREAM")])), ...explain("a", 1),
    lookup("b", "127.0.0.1", "domain"), ...explain("b", 2),
    lookup("c", "127.0.0.1", "ssh", assoc(["ai_protocol", k("SOL_TCP")])), ...explain("c", 1),
    lookup("d", "127.0.0.1", "ssh", assoc(["ai_protocol", k("SOL_UDP")])),
    lookup("e", "127.0.0.1", "no-such-service"),
  ] },
  { name: "localhost, and AI_CANONNAME", steps: [
    lookup("a", "localhost", "80", assoc(["ai_socktype", k("SOCK_STREAM")])), ...explain("a", 1),
    lookup("b", "localhost", "80", assoc(["ai_flags", k("AI_CANONNAME")])), ...explain("b", 3),
    lookup("c", "127.0.0.1", "80", assoc(["ai_flags", k("AI_CANONNAME")], ["ai_socktype", k("SOCK_STREAM")])), ...explain("c", 1),
    lookup("d", "localhost", "80", assoc(["ai_flags", k("AI_NUMERICHOST")])),
    lookup("e", "127.0.0.1", "80", assoc(["ai_flags", k("AI_NUMERICHOST") as Arg], ["ai_socktype", k("SOCK_STREAM")])), ...explain("e", 1),
  ] },
  { name: "lookups that fail give false without a word", steps: [
    lookup("a", ""), lookup("b", "", "80"), lookup("c", "127.0.0.1", "80", assoc(["ai_family", k("AF_UNIX")])),
    lookup("d", "127.0.0.1", "80", assoc(["ai_socktype", 99])), lookup("e", "127.0.0.1", "80", assoc(["ai_flags", -1])),
    lookup("f", "127.0.0.1", "1.5"), lookup("g", "127.0.0.1", flt("1.5")), lookup("h", "1.2.3", "80", assoc(["ai_flags", k("AI_NUMERICHOST")])),
    call("socket_last_error"),
  ] },
  { name: "hint values convert as PHP's zval_get_long, then to a C int", phpt: ["socket_getaddrinfo_error.phpt"], steps: [
    lookup("a", "127.0.0.1", 2000, assoc(["ai_family", obj], ["ai_socktype", k("SOCK_DGRAM")], ["ai_flags", 0], ["ai_protocol", 0])),
    lookup("b", "127.0.0.1", 2000, assoc(["ai_family", k("AF_INET")], ["ai_socktype", obj], ["ai_flags", 0], ["ai_protocol", 0])),
    lookup("c", "127.0.0.1", 2000, assoc(["ai_family", k("AF_INET")], ["ai_socktype", k("SOCK_DGRAM")], ["ai_flags", obj], ["ai_protocol", 0])),
    lookup("d", "127.0.0.1", 2000, assoc(["ai_family", k("AF_INET")], ["ai_socktype", k("SOCK_DGRAM")], ["ai_flags", 0], ["ai_protocol", obj])),
    lookup("e", "127.0.0.1", 2000, assoc(["ai_family", k("AF_INET")], ["ai_socktype", -1], ["ai_flags", 0], ["ai_protocol", 0])),
    lookup("f", "127.0.0.1", 2000, assoc(["ai_family", k("AF_INET")], ["ai_socktype", k("SOCK_DGRAM")], ["ai_flags", -256], ["ai_protocol", 0])),
    lookup("g", "127.0.0.1", 2000, list(k("AF_INET"), k("SOCK_DGRAM"), 0, 0)), ...explain("g", 1),
    lookup("h", "127.0.0.1", 2000, assoc(["ai_family", k("AF_INET")], ["ai_socktype", k("SOCK_DGRAM")], [0, 0], [1, 0])), ...explain("h", 1),
    lookup("i", "127.0.0.1", 2000, assoc([5, 1], ["ai_socktype", k("SOCK_STREAM")])), ...explain("i", 1),
  ] },
  { name: "strings, floats, bools, arrays and null as hint values", steps: [
    lookup("a", "::1", "80", assoc(["ai_family", "10"], ["ai_socktype", " 1"])), ...explain("a", 1),
    lookup("b", "::1", "80", assoc(["ai_family", "10abc"], ["ai_socktype", "1e0"])), ...explain("b", 1),
    lookup("c", "::1", "80", assoc(["ai_family", flt("10.9")], ["ai_socktype", true])), ...explain("c", 1),
    lookup("d", "127.0.0.1", "80", assoc(["ai_family", "abc"], ["ai_socktype", null], ["ai_protocol", list()])), ...explain("d", 3),
    lookup("e", "127.0.0.1", "80", assoc(["ai_socktype", list(7)])), ...explain("e", 1),
    lookup("f", "127.0.0.1", "80", assoc(["ai_family", 4294967296 + 10])),
    lookup("g", "127.0.0.1", "80", assoc(["ai_flags", 4294967296 + 2], ["ai_socktype", k("SOCK_STREAM")])), ...explain("g", 1),
    lookup("h", "127.0.0.1", "80", assoc(["ai_family", flt("1e19")])),
    lookup("i", "127.0.0.1", "80", assoc(["ai_family", flt("NAN")], ["ai_socktype", flt("-INF")])), ...explain("i", 3),
    lookup("j", "127.0.0.1", "80", assoc(["ai_socktype", "99999999999999999999"])),
    lookup("k", "127.0.0.1", "80", assoc(["ai_socktype", "1e100"])),
    lookup("l", "127.0.0.1", "80", assoc(["ai_socktype", "4294967298.5"])), ...explain("l", 1),
  ] },
  { name: "names end at a NUL byte, as C strings do", steps: [
    lookup("a", "127.0.0.1\u0000junk", "80\u0000x", assoc(["ai_socktype", k("SOCK_STREAM")])), ...explain("a", 1),
  ] },
  { name: "argument types and counts", steps: [
    call("socket_addrinfo_lookup"),
    call("socket_addrinfo_lookup", ["127.0.0.1", "80", list(), 1]),
    call("socket_addrinfo_lookup", [list()]),
    call("socket_addrinfo_lookup", [obj]),
    call("socket_addrinfo_lookup", ["127.0.0.1", list()]),
    call("socket_addrinfo_lookup", ["127.0.0.1", obj]),
    call("socket_addrinfo_lookup", ["127.0.0.1", "80", null]),
    call("socket_addrinfo_lookup", ["127.0.0.1", "80", "ai_family"]),
    call("socket_addrinfo_lookup", ["127.0.0.1", "80", 1]),
    lookup("a", null), lookup("b", 127), lookup("c", flt("1.5")), lookup("d", true, true),
  ] },
] satisfies Scenario[];
