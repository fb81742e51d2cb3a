import { abstractName } from "../harness/paths.ts";
import { closedSocket } from "../harness/fixtures.ts";
import { as, call, flt, k, r, v, type Scenario } from "../harness/scenario.ts";

const tcp = (s: string) => as(s, "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]);

export default [
  { name: "a bound TCP socket listens", steps: [
    tcp("s"), call("socket_bind", [v("s"), "127.0.0.1", 0]), call("socket_listen", [v("s")]), call("socket_last_error", [v("s")]),
    call("socket_listen", [v("s"), 5]),
  ] },
  { name: "an unbound TCP socket listens on an ephemeral port", steps: [
    tcp("s"), call("socket_listen", [v("s"), 1]),
    call("socket_getsockname", [v("s"), r("addr"), r("port")], { mask: ["port"] }),
  ] },
  { name: "backlogs: negative, zero, huge", steps: [
    tcp("a"), call("socket_listen", [v("a"), -1]),
    tcp("b"), call("socket_listen", [v("b"), 0]),
    tcp("c"), call("socket_listen", [v("c"), 4294967296]),
    tcp("d"), call("socket_listen", [v("d"), -9007199254740991]),
  ] },
  { name: "datagram sockets cannot listen", steps: [
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), 0]), call("socket_listen", [v("u")]),
    call("socket_last_error", [v("u")]), call("socket_last_error"),
    as("d", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]), call("socket_listen", [v("d")]),
  ] },
  { name: "a connected socket cannot listen", steps: [
    tcp("s"), call("socket_bind", [v("s"), "127.0.0.1", 0]), call("socket_listen", [v("s")]),
    call("socket_getsockname", [v("s"), r("addr"), r("port")], { mask: ["port"] }),
    tcp("c"), call("socket_connect", [v("c"), "127.0.0.1", v("port")]), call("socket_listen", [v("c")]),
  ] },
  { name: "unix stream sockets listen once bound, seqpacket too", phpt: ["socket_listen-wrongparams.phpt"], steps: [
    as("s", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]), call("socket_bind", [v("s"), { tmp: "l.sock" }]), call("socket_listen", [v("s"), 2]),
    as("q", "socket_create", [k("AF_UNIX"), k("SOCK_SEQPACKET"), 0]), call("socket_bind", [v("q"), abstractName("listen-q")]), call("socket_listen", [v("q")]),
    as("n", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]), call("socket_listen", [v("n")]),
  ] },
  { name: "argument types, counts, and a closed socket", phpt: ["socket_listen_params.phpt"], steps: [
    tcp("s"),
    call("socket_listen", []),
    call("socket_listen", [v("s"), 1, 2]),
    call("socket_listen", [v("s"), "many"]),
    call("socket_listen", [v("s"), flt("NAN")]),
    call("socket_listen", [v("s"), flt("1.5")]),
    call("socket_listen", [v("s"), null]),
    call("socket_listen", [null]),
    call("socket_listen", [{ obj: "stdClass" }]),
    call("socket_close", [v("s")]),
    call("socket_listen", [v("s")]),
  ] },
  { name: "listening twice, a shut-down socket, and a backlog given as a string", steps: [
    tcp("s"), call("socket_listen", [v("s"), "3"]), call("socket_listen", [v("s"), " 3"]), call("socket_listen", [v("s"), true]),
    tcp("t"), call("socket_bind", [v("t"), "127.0.0.1", 0]), call("socket_shutdown", [v("t"), 2]), call("socket_listen", [v("t")]),
    as("r", "socket_create", [k("AF_INET"), k("SOCK_RAW"), k("SOL_UDP")]), call("socket_listen", [v("r")]),
    call("socket_listen", [v("s"), flt("-INF")]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_listen", [v("c"), "many"]),
    call("socket_listen", [v("c"), flt("NAN")]),
    call("socket_listen", [v("c"), 1, 2]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket(),
    call("socket_listen", [v("c"), null]),
    call("socket_listen", [v("c"), flt("1.5")]),
  ] },
] satisfies Scenario[];
