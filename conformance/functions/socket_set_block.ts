import { unixPair } from "../harness/fixtures.ts";
import { as, call, k, v, type Scenario } from "../harness/scenario.ts";

export default [
  { name: "back to blocking after non-blocking", phpt: ["socket_set_block-retval.phpt"], steps: [
    ...unixPair(), call("socket_set_nonblock", [v("b")]), call("socket_read", [v("b"), 10]),
    call("socket_set_block", [v("b")]), call("socket_write", [v("a"), "x"]), call("socket_read", [v("b"), 10]),
    call("socket_last_error", [v("b")]),
  ] },
  { name: "blocking already: true; twice: true", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_set_block", [v("s")]), call("socket_set_block", [v("s")]),
  ] },
  { name: "a blocking normal read at end of stream waits out PHP's 200 empty reads", steps: [
    ...unixPair(), call("socket_set_nonblock", [v("b")]), call("socket_set_block", [v("b")]),
    call("socket_write", [v("a"), "tail"]), call("socket_close", [v("a")]),
    call("socket_read", [v("b"), 10, k("PHP_NORMAL_READ")]), call("socket_last_error", [v("b")]),
  ] },
  { name: "a listener made blocking again accepts a pending connection", steps: [
    as("l", "socket_create_listen", [0]), call("socket_getsockname", [v("l"), { r: "addr" }, { r: "port" }], { mask: ["port"] }),
    call("socket_set_nonblock", [v("l")]), call("socket_accept", [v("l")]),
    as("c", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]), call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    call("socket_set_block", [v("l")]), as("d", "socket_accept", [v("l")]),
  ] },
  { name: "argument types, counts, and a closed socket", phpt: ["socket_set_block-wrongparams.phpt"], steps: [
    call("socket_set_block", []),
    call("socket_set_block", ["socket"]),
    call("socket_set_block", [{ obj: "stdClass" }]),
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]),
    call("socket_set_block", [v("s"), 1]),
    call("socket_close", [v("s")]),
    call("socket_set_block", [v("s")]),
  ] },
] satisfies Scenario[];
