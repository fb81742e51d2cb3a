import { call, type Scenario } from "../harness/scenario.ts";

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
] satisfies Scenario[];
