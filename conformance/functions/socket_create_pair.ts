import { unixPair } from "../harness/fixtures.ts";
import { as, at, call, k, r, v, type Scenario } from "../harness/scenario.ts";

export default [
  { name: "a unix stream pair talks both ways", phpt: ["socket_create_pair.phpt"], steps: [
    ...unixPair(),
    call("socket_write", [v("a"), "ping"]), call("socket_read", [v("b"), 10]),
    call("socket_write", [v("b"), "pong"]), call("socket_read", [v("a"), 10]),
    call("socket_getsockname", [v("a"), r("addr")]), call("socket_getpeername", [v("a"), r("peer")]),
    call("socket_last_error", [v("a")]),
  ] },
  { name: "datagram and seqpacket pairs keep message boundaries", steps: [
    ...unixPair("d", "SOCK_DGRAM"),
    call("socket_write", [v("da"), "one"]), call("socket_write", [v("da"), "two"]),
    call("socket_read", [v("db"), 100]), call("socket_read", [v("db"), 2]),
    ...unixPair("q", "SOCK_SEQPACKET"),
    call("socket_write", [v("qa"), "three"]), call("socket_read", [v("qb"), 100]),
  ] },
  { name: "the reference gets a new list, whatever it held", steps: [
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), 0, r("pair", "old")]),
    as("a", "set", [at("pair", 0)]), as("b", "set", [at("pair", 1)]),
    call("set", [at("pair", 2)]),
  ] },
  { name: "families without socketpair", phpt: ["socket_create_pair-wrongparams.phpt"], steps: [
    call("socket_create_pair", [k("AF_INET"), k("SOCK_STREAM"), 0, r("p", 5)]),
    call("socket_last_error"),
    call("socket_create_pair", [k("AF_INET6"), k("SOCK_DGRAM"), 0, r("q", { a: [1] })]),
  ] },
  { name: "OS failures: bad type, bad protocol", steps: [
    call("socket_create_pair", [k("AF_UNIX"), -1, 0, r("p")]),
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), 99, r("p")]),
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_RAW"), 0, r("p")]),
    call("socket_create_pair", [k("AF_UNIX"), 0, 0, r("p")]),
    call("socket_last_error"),
  ] },
  { name: "ValueErrors for domain and type", phpt: ["socket_create_pair-wrongparams.phpt"], steps: [
    call("socket_create_pair", [99, k("SOCK_STREAM"), 0, r("p")]),
    call("socket_create_pair", [k("AF_UNIX"), 11, 0, r("p")]),
    call("socket_create_pair", [k("AF_UNIX"), 2049, 0, r("p")]),
    call("socket_create_pair", [4294967297, k("SOCK_STREAM"), 0, r("p")]),
  ] },
  { name: "argument types and counts", steps: [
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), 0]),
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), 0, r("p"), 1]),
    call("socket_create_pair", ["unix", k("SOCK_STREAM"), 0, r("p")]),
    call("socket_create_pair", [k("AF_UNIX"), { f: "NAN" }, 0, r("p")]),
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), null, r("q")]),
  ] },
  { name: "NaN, infinities, floats and numeric strings for domain, type and protocol", steps: [
    call("socket_create_pair", [{ f: "NAN" }, k("SOCK_STREAM"), 0, r("p")]),
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), { f: "INF" }, r("p")]),
    call("socket_create_pair", [k("AF_UNIX"), { f: "1.5" }, 0, r("p")]),
    call("socket_create_pair", ["1", "2", "0", r("q")]),
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), -1, r("n", "kept")]),
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), 2147483648, r("m", "kept")]),
  ] },
] satisfies Scenario[];
