import { closedSocket, tcpPair } from "../harness/fixtures.ts";
import { as, call, k, r, tmp, v, type Scenario } from "../harness/scenario.ts";

export default [
  { name: "accepts a pending IPv4 connection", phpt: ["ipv4loop.phpt"], steps: [
    ...tcpPair(),
    call("socket_getpeername", [v("acc"), r("peer"), r("peerPort")], { mask: ["peerPort"] }),
    call("socket_getsockname", [v("acc"), r("self")]),
    call("socket_last_error", [v("acc")]),
    call("socket_write", [v("acc"), "hi"]), call("socket_read", [v("cli"), 10]),
  ] },
  { name: "accepts a pending IPv6 connection", phpt: ["ipv6loop.phpt"], steps: [
    ...tcpPair("", "AF_INET6"),
    call("socket_getpeername", [v("acc"), r("peer"), r("peerPort")], { mask: ["peerPort"] }),
  ] },
  { name: "accepts a unix connection; the accepted socket has no name", steps: [
    as("srv", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]),
    call("socket_bind", [v("srv"), tmp("acc.sock")]), call("socket_listen", [v("srv")]),
    as("cli", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]),
    call("socket_connect", [v("cli"), tmp("acc.sock")]),
    as("acc", "socket_accept", [v("srv")]),
    call("socket_getsockname", [v("acc"), r("self")]),
    call("socket_getpeername", [v("acc"), r("peer")]),
    call("socket_getpeername", [v("cli"), r("server")]),
  ] },
  { name: "a unix stream loopback: bind, listen, connect, accept, then data across", phpt: ["unixloop.phpt"], steps: [
    as("srv", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]),
    call("socket_bind", [v("srv"), tmp("loop.sock")]), call("socket_listen", [v("srv"), 2]),
    as("cli", "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]),
    call("socket_connect", [v("cli"), tmp("loop.sock")]),
    as("acc", "socket_accept", [v("srv")]),
    call("socket_write", [v("cli"), "ABCdef123\n"]),
    call("socket_read", [v("acc"), 10, k("PHP_BINARY_READ")]),
  ] },
  { name: "a non-blocking listener with nothing pending: EAGAIN, quietly", phpt: ["socket_accept_failure.phpt"], steps: [
    as("srv", "socket_create_listen", [0]), call("socket_set_nonblock", [v("srv")]),
    call("socket_accept", [v("srv")]),
    call("socket_last_error"), call("socket_last_error", [v("srv")]),
  ] },
  { name: "the accepted socket is blocking even from a non-blocking listener", steps: [
    ...tcpPair().slice(0, 6),
    call("socket_set_nonblock", [v("srv")]),
    as("acc", "socket_accept", [v("srv")]),
    call("socket_write", [v("cli"), "x\n"]),
    call("socket_read", [v("acc"), 10, k("PHP_NORMAL_READ")]),
  ] },
  { name: "a socket that does not listen", steps: [
    as("s", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), 0]), call("socket_accept", [v("s")]),
    call("socket_last_error"), call("socket_last_error", [v("s")]),
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), 0]), call("socket_accept", [v("u")]),
  ] },
  { name: "argument types, counts, and a closed socket", phpt: ["socket_accept-wrongparams.phpt"], steps: [
    call("socket_accept", []),
    call("socket_accept", [1]),
    call("socket_accept", [null]),
    as("s", "socket_create_listen", [0]),
    call("socket_accept", [v("s"), 1]),
    call("socket_close", [v("s")]),
    call("socket_accept", [v("s")]),
  ] },
  { name: "a closed socket with one argument too many: the count comes first", steps: [
    ...closedSocket(),
    call("socket_accept", [v("c"), 1]),
    call("socket_accept", [v("c")]),
  ] },
] satisfies Scenario[];
