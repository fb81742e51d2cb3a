import { abstractName, tmpPathOf } from "../harness/paths.ts";
import { closedSocket } from "../harness/fixtures.ts";
import { as, call, flt, k, list, r, rep, tmp, v, type Scenario } from "../harness/scenario.ts";

const inet = (name: string) => as(name, "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]);
const inet6 = (name: string) => as(name, "socket_create", [k("AF_INET6"), k("SOCK_STREAM"), k("SOL_TCP")]);
const unix = (name: string) => as(name, "socket_create", [k("AF_UNIX"), k("SOCK_STREAM"), 0]);
const name = (s: string) => call("socket_getsockname", [v(s), r("addr"), r("port")], { mask: ["port"] });
const path107 = tmpPathOf(107);

export default [
  { name: "IPv4 loopback with an ephemeral port", phpt: ["socket_bind.phpt"], steps: [
    inet("s"), call("socket_bind", [v("s"), "127.0.0.1", 0]), name("s"), call("socket_last_error", [v("s")]),
  ] },
  { name: "IPv4 without a port binds port 0", steps: [
    inet("s"), call("socket_bind", [v("s"), "0.0.0.0"]), name("s"),
  ] },
  { name: "IPv6 loopback and the any address", steps: [
    inet6("s"), call("socket_bind", [v("s"), "::1", 0]), name("s"),
    inet6("t"), call("socket_bind", [v("t"), "::", 0]), name("t"),
  ] },
  { name: "IPv6 socket given an IPv4 address or a v4-mapped one", steps: [
    inet6("s"), call("socket_bind", [v("s"), "127.0.0.1", 0]), name("s"),
    inet6("t"), call("socket_bind", [v("t"), "::ffff:127.0.0.1", 0]), name("t"),
  ] },
  { name: "host names resolve: localhost", steps: [
    inet("s"), call("socket_bind", [v("s"), "localhost", 0]), name("s"),
  ] },
  { name: "unknown host names fail the lookup", steps: [
    inet("s"), call("socket_bind", [v("s"), "no-such-host.invalid", 0]), call("socket_last_error", [v("s")]), call("socket_last_error"),
    inet6("t"), call("socket_bind", [v("t"), "no-such-host.invalid", 0]), call("socket_last_error", [v("t")]),
    call("socket_bind", [v("s"), "", 0]),
    call("socket_bind", [v("s"), "1.2.3", 0]),
    call("socket_bind", [v("t"), "::1::2", 0]),
  ] },
  { name: "host names of 256 and 300 characters", steps: [
    inet("s"), call("socket_bind", [v("s"), rep("a", 256), 0]), call("socket_bind", [v("s"), rep("a", 300), 0]),
    inet6("t"), call("socket_bind", [v("t"), rep("a", 300), 0]),
  ] },
  { name: "an address with a NUL byte is cut at the NUL", steps: [
    inet("s"), call("socket_bind", [v("s"), "127.0.0.1\u0000junk", 0]), name("s"),
    inet6("t"), call("socket_bind", [v("t"), "::1\u0000junk", 0]), name("t"),
    inet("u"), call("socket_bind", [v("u"), "\u0000127.0.0.1", 0]),
  ] },
  { name: "IPv6 scope ids", steps: [
    inet6("s"), call("socket_bind", [v("s"), "::1%1", 0]),
    inet6("t"), call("socket_bind", [v("t"), "::1%lo", 0]),
    inet6("u"), call("socket_bind", [v("u"), "fe80::1%no-such-if", 0]),
  ] },
  { name: "ports outside 0..65535 wrap to 16 bits", phpt: ["socket_bind_invalid_port.phpt"], steps: [
    inet("s"), call("socket_bind", [v("s"), "127.0.0.1", 65536]), name("s"),
    inet("t"), call("socket_bind", [v("t"), "127.0.0.1", -65536]), name("t"),
    inet("u"), call("socket_bind", [v("u"), "127.0.0.1", 4294967296]), name("u"),
  ] },
  { name: "binding twice, and to an address in use", phpt: ["socket_bind.phpt"], steps: [
    inet("s"), call("socket_bind", [v("s"), "127.0.0.1", 0]), name("s"),
    call("socket_bind", [v("s"), "127.0.0.1", 0]), call("socket_last_error", [v("s")]),
    call("socket_listen", [v("s")]),
    inet("t"), call("socket_bind", [v("t"), "127.0.0.1", v("port")]), call("socket_last_error", [v("t")]),
    call("socket_last_error"),
  ] },
  { name: "an address not on this host", steps: [
    inet("s"), call("socket_bind", [v("s"), "192.0.2.1", 0]),
    inet6("t"), call("socket_bind", [v("t"), "2001:db8::1", 0]),
  ] },
  { name: "unix path in a folder", phpt: ["socket_bind.phpt"], steps: [
    unix("s"), call("socket_bind", [v("s"), tmp("a.sock")]), name("s"),
    unix("t"), call("socket_bind", [v("t"), tmp("a.sock")]),
    unix("u"), call("socket_bind", [v("u"), tmp("no/such/dir.sock")]),
  ] },
  { name: "unix paths of 107, 108 and 200 bytes", phpt: ["socket_bind_params.phpt"], steps: [
    ...(path107 ? [unix("s"), call("socket_bind", [v("s"), path107]), name("s")] : []),
    unix("t"), call("socket_bind", [v("t"), rep("b", 108)]),
    call("socket_bind", [v("t"), rep("b", 200)]),
    call("socket_bind", [v("t"), "/no-such-dir/" + "c".repeat(94)]),
    call("socket_bind", [v("t"), rep("é", 54)]),
    call("socket_bind", [v("t"), "/no-such-dir/" + "é".repeat(47)]),
  ] },
  { name: "unix abstract names, up to 107 bytes", phpt: ["socket_abstract_path.phpt"], steps: [
    unix("s"), call("socket_bind", [v("s"), abstractName("bind-a")]), name("s"),
    unix("t"), call("socket_bind", [v("t"), abstractName("bind-a")]),
    unix("u"), call("socket_bind", [v("u"), abstractName("bind-107", 107)]), name("u"),
    unix("w"), call("socket_bind", [v("w"), abstractName("bind-108", 108)]),
  ] },
  { name: "a unix path with a NUL inside binds the part before it", steps: [
    unix("s"), call("socket_bind", [v("s"), tmp("x.sock\u0000tail")]), name("s"),
  ] },
  { name: "unix: the port is ignored", steps: [
    unix("s"), call("socket_bind", [v("s"), tmp("p.sock"), 1234]), name("s"),
  ] },
  { name: "an empty unix path autobinds", steps: [
    as("s", "socket_create", [k("AF_UNIX"), k("SOCK_DGRAM"), 0]), call("socket_bind", [v("s"), ""]),
  ] },
  { name: "argument types", phpt: ["socket_bind_params.phpt"], steps: [
    inet("s"),
    call("socket_bind", [v("s")]),
    call("socket_bind", [v("s"), "127.0.0.1", 0, 1]),
    call("socket_bind", [v("s"), { a: [] }, 0]),
    call("socket_bind", [v("s"), "127.0.0.1", "http"]),
    call("socket_bind", [v("s"), "127.0.0.1", flt("NAN")]),
    call("socket_bind", [v("s"), "127.0.0.1", flt("1e20")]),
    call("socket_bind", [v("s"), "127.0.0.1", flt("0.5")]),
    call("socket_bind", [v("s"), "127.0.0.1", null]),
    call("socket_bind", [v("s"), null, 0]),
    call("socket_bind", [{ obj: "stdClass" }, "127.0.0.1", 0]),
    call("socket_bind", [null, "127.0.0.1", 0]),
    call("socket_bind", ["s", "127.0.0.1", 0]),
    inet("n"), call("socket_bind", [v("n"), 2130706433, 0]), name("n"),
  ] },
  { name: "a closed socket", steps: [
    inet("s"), call("socket_close", [v("s")]), call("socket_bind", [v("s"), "127.0.0.1", 0]),
  ] },
  { name: "a closed socket with a bad second argument: the TypeError comes first", steps: [
    ...closedSocket(),
    call("socket_bind", [v("c"), list()]),
    call("socket_bind", [v("c"), "127.0.0.1", "x"]),
    call("socket_bind", [v("c"), "127.0.0.1", 0, 1]),
  ] },
  { name: "a closed socket with a null argument: the deprecation, then the closed Error", steps: [
    ...closedSocket(),
    call("socket_bind", [v("c"), null]),
    call("socket_bind", [v("c"), "127.0.0.1", null]),
    call("socket_bind", [v("c"), "127.0.0.1", flt("1.5")]),
    ...closedSocket("u", "AF_UNIX"),
    call("socket_bind", [v("u"), rep("x", 200)]),
  ] },
] satisfies Scenario[];
