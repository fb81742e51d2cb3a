import { call, flt, rep, type Scenario } from "../harness/scenario.ts";

const proto = (...names: unknown[]) => names.map((n) => call("getprotobyname", [n as never]));

// The answers come from this machine's /etc/protocols, which PHP and the library read alike.
export default [
  { name: "known protocols and their aliases", steps: proto("ip", "icmp", "tcp", "udp", "ipv6", "ipv6-icmp", "TCP", "UDP") },
  { name: "unknown names give false", steps: proto("no-such-protocol", "", "6", " tcp") },
  { name: "a NUL byte is a ValueError", steps: proto("tcp\u0000junk", "\u0000tcp") },
  { name: "argument types and counts", steps: [
    call("getprotobyname", []),
    call("getprotobyname", ["tcp", "udp"]),
    call("getprotobyname", [{ a: [] }]),
    call("getprotobyname", [null]),
    call("getprotobyname", [6]),
    call("getprotobyname", [false]),
  ] },
  { name: "the uppercase aliases of /etc/protocols", steps: proto("IP", "ICMP", "IPv6", "IPSEC-ESP", "IPv6-ICMP", "ipv6-ICMP") },
  { name: "whitespace, control characters and partial names do not match", steps: proto("tcp ", "tcp\n", "\ttcp", "tc", "tcpp", "t*p", "#tcp") },
  { name: "non-ASCII names and a very long one give false", steps: proto("tçp", "虎", "\u00ff", rep("a", 10000)) },
  { name: "numbers and booleans convert as PHP strings", steps: [
    call("getprotobyname", [0]),
    call("getprotobyname", [17]),
    call("getprotobyname", [true]),
    call("getprotobyname", [flt("6.0")]),
    call("getprotobyname", [flt("NAN")]),
    call("getprotobyname", [flt("INF")]),
    call("getprotobyname", [-1]),
  ] },
] satisfies Scenario[];
