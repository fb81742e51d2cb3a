import { as, call, flt, k, v, type Scenario } from "../harness/scenario.ts";

export default [
  { name: "creates each domain and type", phpt: ["socket_create_params.phpt"], steps: [
    as("a", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    as("b", "socket_create", [k("AF_INET6"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    as("c", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]),
    as("d", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]),
    as("e", "socket_create", [k("AF_UNIX"), k("SOCK_SEQPACKET"), 0]),
    call("socket_last_error", [v("a")]),
  ] },
  { name: "rejects unknown domains and types with PHP's ValueErrors", phpt: ["socket_create_params.phpt"], steps: [
    call("socket_create", [99, k("SOCK_STREAM"), 0]),
    call("socket_create", [-1, k("SOCK_STREAM"), 0]),
    call("socket_create", [k("AF_INET"), 11, 0]),
    call("socket_create", [k("AF_INET"), 2147483648, 0]),
  ] },
  { name: "OS failures warn with errno and text", steps: [
    call("socket_create", [k("AF_INET"), -1, 0]),
    call("socket_last_error"),
    call("socket_create", [k("AF_INET"), k("SOCK_STREAM"), 99]),
    call("socket_last_error"),
    call("socket_create", [k("AF_INET"), k("SOCK_STREAM"), -5]),
    call("socket_create", [k("AF_UNIX"), k("SOCK_RAW"), 0]),
    call("socket_create", [k("AF_INET"), 0, 0]),
  ] },
  { name: "argument count and types", steps: [
    call("socket_create", [k("AF_INET"), k("SOCK_STREAM")]),
    call("socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0, 1]),
    call("socket_create", ["inet", k("SOCK_STREAM"), 0]),
    call("socket_create", [k("AF_INET"), flt("1.5"), 0]),
    call("socket_create", [k("AF_INET"), flt("NAN"), 0]),
    call("socket_create", [k("AF_INET"), null, 0]),
    call("socket_create", ["2", " 1", "0 "]),
    call("socket_create", [true, 1, false]),
    call("socket_create", [{ a: [] }, 1, 0]),
    call("socket_create", [{ obj: "stdClass" }, 1, 0]),
    call("socket_create", [flt("1e30"), 1, 0]),
    call("socket_create", ["2.0", 1, 0]),
    call("socket_create", ["2abc", 1, 0]),
  ] },
  { name: "Socket cannot be constructed directly", steps: [call("socket_create_listen", [{ a: [] }])] },
] satisfies Scenario[];
