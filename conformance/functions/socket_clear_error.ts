import { as, call, k, v, type Scenario } from "../harness/scenario.ts";

const failOn = (s: string) => call("socket_getpeername", [v(s), { r: "a" }]);

export default [
  { name: "clearing a socket leaves the global error", phpt: ["socket_clear_error.phpt"], steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]), failOn("s"),
    call("socket_clear_error", [v("s")]),
    call("socket_last_error", [v("s")]), call("socket_last_error"),
  ] },
  { name: "clearing globally leaves the sockets' errors", phpt: ["socket_clear_error.phpt"], steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]), failOn("s"),
    call("socket_clear_error"),
    call("socket_last_error", [v("s")]), call("socket_last_error"),
    call("socket_clear_error", [null]), call("socket_last_error"),
  ] },
  { name: "clearing one socket leaves another's", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    as("t", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    failOn("s"), failOn("t"), call("socket_clear_error", [v("s")]),
    call("socket_last_error", [v("s")]), call("socket_last_error", [v("t")]),
  ] },
  { name: "argument types, counts, and a closed socket", steps: [
    call("socket_clear_error", [0]),
    call("socket_clear_error", [{ a: [] }]),
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_clear_error", [v("s"), v("s")]),
    call("socket_close", [v("s")]),
    call("socket_clear_error", [v("s")]),
  ] },
] satisfies Scenario[];
