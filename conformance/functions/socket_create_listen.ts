import { as, call, flt, r, v, type Scenario } from "../harness/scenario.ts";

const name = (s: string, port = "port") => call("socket_getsockname", [v(s), r("addr"), r(port)], { mask: [port] });

// Ports are 0 (ephemeral) or wrap to 0 (65536, -65536): a fixed port could be taken on the machine,
// and port numbers under 1024 would depend on privileges.
export default [
  { name: "an ephemeral port on every address", phpt: ["socket_create_listen.phpt"], steps: [
    as("s", "socket_create_listen", [0]), name("s"), call("socket_last_error", [v("s")]), call("socket_last_error"),
  ] },
  { name: "a backlog of any size", steps: [
    as("a", "socket_create_listen", [0, 1]),
    as("b", "socket_create_listen", [0, 0]),
    as("c", "socket_create_listen", [0, -1]),
    as("d", "socket_create_listen", [0, 4294967297]),
    as("e", "socket_create_listen", [0, 9007199254740991]),
  ] },
  { name: "ports wrap to 16 bits", phpt: ["socket_create_listen_invalid_port.phpt"], steps: [
    as("a", "socket_create_listen", [65536]), name("a"),
    as("b", "socket_create_listen", [-65536]), name("b"),
    as("c", "socket_create_listen", [4294967296]), name("c"),
  ] },
  { name: "a port in use", phpt: ["socket_create_listen_used.phpt", "socket_create_listen-nobind.phpt"], steps: [
    as("a", "socket_create_listen", [0]), name("a"),
    as("b", "socket_create_listen", [v("port")]),
    call("socket_last_error"),
    call("socket_last_error", [v("a")]),
    as("c", "socket_create_listen", [0]), call("socket_last_error"),
  ] },
  { name: "the listener accepts a connection", steps: [
    as("a", "socket_create_listen", [0]), name("a"),
    as("c", "socket_create", [{ k: "AF_INET" }, { k: "SOCK_STREAM" }, 0]),
    call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    as("d", "socket_accept", [v("a")]),
    call("socket_getpeername", [v("d"), r("peer"), r("peerPort")], { mask: ["peerPort"] }),
  ] },
  { name: "argument types and counts", phpt: ["socket_create_listen-wrongparams.phpt", "socket_create_listen_params.phpt"], steps: [
    call("socket_create_listen", []),
    call("socket_create_listen", [0, 1, 2]),
    call("socket_create_listen", ["port"]),
    call("socket_create_listen", [flt("NAN")]),
    call("socket_create_listen", [flt("1e100")]),
    call("socket_create_listen", [0, "x"]),
    call("socket_create_listen", [{ a: [] }]),
    as("a", "socket_create_listen", [null]), name("a"),
    as("b", "socket_create_listen", [flt("0.5")]), name("b"),
    as("c", "socket_create_listen", ["0", null]),
    as("d", "socket_create_listen", [false, true]),
  ] },
  { name: "the backlog converts as a PHP int; NaN and infinities are TypeErrors", steps: [
    call("socket_create_listen", [0, flt("NAN")]),
    call("socket_create_listen", [0, flt("-INF")]),
    call("socket_create_listen", [0, "many"]),
    as("a", "socket_create_listen", [0, "5"]),
    as("b", "socket_create_listen", [0, flt("2.5")]),
    as("c", "socket_create_listen", [0, null]),
    as("d", "socket_create_listen", [0, 9223372036854775807]),
  ] },
  { name: "ports as numeric strings, floats, and multiples of 65536", steps: [
    as("a", "socket_create_listen", ["0"]), name("a"),
    as("b", "socket_create_listen", [" 0 "]), name("b"),
    as("c", "socket_create_listen", [flt("65536.0")]), name("c"),
    as("d", "socket_create_listen", [-131072]), name("d"),
    as("e", "socket_create_listen", ["281474976710656"]), name("e"),
    call("socket_create_listen", ["0x10"]),
  ] },
] satisfies Scenario[];
