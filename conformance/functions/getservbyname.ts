import { call, flt, rep, type Scenario } from "../harness/scenario.ts";

const serv = (...pairs: [unknown, unknown][]) => pairs.map(([s, p]) => call("getservbyname", [s as never, p as never]));

// The answers come from this machine's /etc/services, which PHP and the library read alike.
export default [
  { name: "well-known services over tcp and udp", steps: serv(["http", "tcp"], ["https", "tcp"], ["ssh", "tcp"], ["domain", "udp"], ["ntp", "udp"], ["www", "tcp"]) },
  { name: "unknown services and protocols give false", steps: serv(["no-such-service", "tcp"], ["http", "sctp"], ["http", "nope"], ["", "tcp"], ["HTTP", "tcp"], ["80", "tcp"]) },
  { name: "an empty protocol", steps: serv(["http", ""], ["domain", ""]) },
  { name: "NUL bytes are ValueErrors", steps: serv(["http\u0000junk", "tcp"], ["http", "tcp\u0000junk"], ["\u0000http", "tcp"]) },
  { name: "argument types and counts", steps: [
    call("getservbyname", ["http"]),
    call("getservbyname", ["http", "tcp", 1]),
    call("getservbyname", [{ a: [] }, "tcp"]),
    call("getservbyname", ["http", { a: [] }]),
    call("getservbyname", [null, "tcp"]),
    call("getservbyname", ["http", null]),
    call("getservbyname", [22, "tcp"]),
  ] },
  { name: "services' aliases and case", steps: serv(["www-http", "tcp"], ["http", "TCP"], ["SSH", "tcp"], ["nameserver", "udp"], ["smtp", "tcp"], ["mail", "tcp"]) },
  { name: "whitespace, control characters, non-ASCII and long names give false", steps: serv(
    [" http", "tcp"], ["http ", "tcp"], ["http", " tcp"], ["http\n", "tcp"], ["htt", "tcp"], ["héllo", "tcp"], ["http", "tçp"], [rep("a", 10000), "tcp"], ["http", rep("t", 10000)],
  ) },
  { name: "numbers, floats and booleans convert as PHP strings", steps: serv(
    [80, "tcp"], ["http", 6], [true, "tcp"], [flt("NAN"), "tcp"], ["http", flt("1.5")], [false, false],
  ) },
] satisfies Scenario[];
