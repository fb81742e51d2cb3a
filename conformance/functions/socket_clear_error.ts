import { closedSocket } from "../harness/fixtures.ts";
import { as, call, flt, k, v, type Scenario } from "../harness/scenario.ts";

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
  { name: "after clearing, the next failure sets both again", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]), failOn("s"),
    call("socket_clear_error", [v("s")]), call("socket_clear_error"),
    call("socket_listen", [v("s"), 0]),
    call("socket_connect", [v("s"), "127.0.0.1", 1]),
    call("socket_last_error", [v("s")]), call("socket_last_error"),
  ] },
  { name: "a socket that never failed, cleared twice; a success leaves a cleared error at 0", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), 0]),
    call("socket_clear_error", [v("s")]), call("socket_clear_error", [v("s")]),
    call("socket_last_error", [v("s")]),
    failOn("s"), call("socket_clear_error", [v("s")]),
    call("socket_bind", [v("s"), "127.0.0.1", 0]),
    call("socket_last_error", [v("s")]),
  ] },
  { name: "a quiet EAGAIN is cleared like any error", steps: [
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), 0, { r: "pair" }]),
    as("a", "set", [{ at: ["pair", 0] }]),
    call("socket_set_nonblock", [v("a")]),
    call("socket_read", [v("a"), 10]),
    call("socket_last_error", [v("a")]),
    call("socket_clear_error", [v("a")]),
    call("socket_last_error", [v("a")]), call("socket_last_error"),
  ] },
  { name: "false, NaN, strings and objects are not a ?Socket", steps: [
    call("socket_clear_error", [false]),
    call("socket_clear_error", [flt("NAN")]),
    call("socket_clear_error", ["s"]),
    call("socket_clear_error", [{ obj: "stdClass" }]),
    call("socket_clear_error", [null, null]),
  ] },
  { name: "a closed socket with one argument too many: the count comes first", steps: [
    ...closedSocket(),
    call("socket_clear_error", [v("c"), 1]),
    call("socket_clear_error", [v("c")]),
  ] },
] satisfies Scenario[];
