import * as lib from "../../src/index.ts";
import { closedSocket } from "../harness/fixtures.ts";
import { as, assoc, at, call, flt, k, list, r, rep, v, type Scenario, type Step } from "../harness/scenario.ts";

// Scenarios wait briefly at most: a ready socket makes select return at once, so timeouts are
// checked by whether the call is accepted, not by waiting them out (one phpt case waits 1 s).

const n = null;
/** A Unix stream pair whose ends are the variables a and b. */
const pair = (type = "SOCK_STREAM"): Step[] => [
  call("socket_create_pair", [k("AF_UNIX"), k(type), 0, r("p")]),
  as("a", "set", [at("p", 0)]),
  as("b", "set", [at("p", 1)]),
];
/** A listening TCP socket `srv` on 127.0.0.1 and its port in the by-reference `port`. */
const listener: Step[] = [
  as("srv", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
  call("socket_bind", [v("srv"), "127.0.0.1", 0]),
  call("socket_listen", [v("srv")]),
  call("socket_getsockname", [v("srv"), r("host"), r("port")], { mask: ["port"] }),
];
/** socket_select(read, write, except, ...timeout), with step options (mask) last if given. */
const sel = (read: unknown, write: unknown, except: unknown, ...rest: unknown[]): Step => {
  const last = rest[rest.length - 1];
  const opts = last !== null && typeof last === "object" && "mask" in last ? (rest.pop() as { mask: string[] }) : {};
  return call("socket_select", [read, write, except, ...rest] as never, opts);
};

const scenarios: Scenario[] = [
  // ---- arguments
  { name: "no array at all is a ValueError", phpt: ["socket_select-wrongparams-2.phpt"], steps: [
    sel(r("rd", null), r("wr", null), r("ex", null), 0),
    sel(n, n, n, n),
  ] },
  { name: "three empty arrays count as no array", steps: [
    sel(r("rd", list()), r("wr", list()), r("ex", list()), 0),
    sel(r("o", assoc()), n, n, 1),
  ] },
  { name: "argument count", steps: [
    ...pair(),
    sel(r("rd", list(v("a"))), n, n),
    call("socket_select", [r("rd"), n, n, 0, 0, 0]),
    call("socket_select", []),
  ] },
  { name: "an array argument that is not an array", steps: [
    ...pair(),
    sel(r("x", 5), n, n, 0),
    sel(n, r("y", "str"), n, 0),
    sel(n, n, v("a"), 0),
    sel(n, n, r("z", flt("1.5")), 0),
    sel(r("t", true), n, n, 0),
  ] },
  { name: "elements must all be Sockets, named by the argument", phpt: ["socket_select_error.phpt"], steps: [
    ...pair(),
    sel(r("r1", list(v("a"), 1)), n, n, 0),
    sel(n, r("w1", list("no resource")), n, 0),
    sel(n, n, r("e1", list({ obj: "stdClass" })), 0),
    sel(r("r2", list(n)), n, n, 0),
    sel(r("r3", list(flt("2.5"))), n, n, 0),
    sel(r("r4", list(false)), n, n, 0),
    sel(r("r5", list(list(v("a")))), n, n, 0),
    sel(r("r6", assoc(["k", v("a")], ["bad", "x"])), n, n, 0),
  ] },
  { name: "the read array is checked before write and except", steps: [
    ...pair(),
    sel(r("r1", list(1)), r("w1", list("x")), r("e1", list(true)), 0),
    sel(r("r2", list(v("a"))), r("w2", list("x")), r("e2", list(true)), 0),
  ] },
  { name: "a closed socket in an array is a TypeError", steps: [
    ...pair(),
    call("socket_close", [v("b")]),
    sel(r("r1", list(v("a"), v("b"))), n, n, 0),
    sel(n, r("w1", list(v("b"))), n, 0),
    sel(n, n, r("e1", assoc(["x", v("b")])), 0),
    call("socket_last_error"),
  ] },
  { name: "argument types are checked before the arrays' elements", steps: [
    ...pair(),
    sel(r("r1", list(1)), n, n, "soon"),
    sel(r("r1", list(1)), n, n, 0, "x"),
    sel(r("r1", list(1)), n, n, flt("1.5")),
  ] },
  { name: "seconds takes PHP's ?int", phpt: ["socket_select-wrongparams-3.phpt"], steps: [
    ...pair(),
    call("socket_write", [v("b"), "x"]),
    sel(r("rd", list(v("a"))), n, n, list()),
    sel(r("rd", list(v("a"))), n, n, "abc"),
    sel(r("rd", list(v("a"))), n, n, flt("NAN")),
    sel(r("rd", list(v("a"))), n, n, flt("INF")),
    sel(r("rd", list(v("a"))), n, n, flt("1e30")),
    sel(r("rd", list(v("a"))), n, n, { obj: "stdClass" }),
    sel(r("rd", list(v("a"))), n, n, flt("0.5")),
    sel(r("rd", list(v("a"))), n, n, "1"),
    sel(r("rd", list(v("a"))), n, n, " 2"),
    sel(r("rd", list(v("a"))), n, n, "0.0"),
    sel(r("rd", list(v("a"))), n, n, true),
  ] },
  { name: "microseconds takes PHP's int", steps: [
    ...pair(),
    call("socket_write", [v("b"), "x"]),
    sel(r("rd", list(v("a"))), n, n, 0, n),
    sel(r("rd", list(v("a"))), n, n, 0, "x"),
    sel(r("rd", list(v("a"))), n, n, 0, flt("1.5")),
    sel(r("rd", list(v("a"))), n, n, 0, flt("NAN")),
    sel(r("rd", list(v("a"))), n, n, 0, "10"),
    sel(r("rd", list(v("a"))), n, n, 0, false),
    sel(r("rd", list(v("a"))), n, n, 0, list()),
  ] },

  // ---- timeouts
  { name: "a negative timeout fails with EINVAL and leaves the arrays alone", phpt: ["socket_select-wrongparams-1.phpt"], steps: [
    ...pair(),
    call("socket_write", [v("b"), "x"]),
    sel(r("rd", list(v("a"), v("b"))), n, n, -1),
    call("socket_last_error"),
    call("socket_last_error", [v("a")]),
    sel(r("rd"), n, n, 0, -1),
    sel(r("rd"), n, n, 5, -1000000),
    sel(r("rd"), n, n, -2147483648),
    call("socket_clear_error"),
    sel(r("rd"), n, n, 0),
  ] },
  { name: "microseconds of a second or more fold into the seconds", phpt: ["socket_select-wrongparams-4.phpt"], steps: [
    ...pair(),
    call("socket_write", [v("b"), "x"]),
    sel(r("r1", list(v("a"))), n, n, -1, 2000000),
    sel(r("r2", list(v("a"))), n, n, -1, 1000000),
    sel(r("r3", list(v("a"))), n, n, -2, 1999999),
    sel(r("r4", list(v("a"))), n, n, 0, 999999),
    sel(r("r5", list(v("a"))), n, n, 0, 2147483648),
    sel(r("r6", list(v("a"))), n, n, -3000, 4000000000),
  ] },
  { name: "timeouts at the edges of the integer range", steps: [
    ...pair(),
    call("socket_write", [v("b"), "x"]),
    sel(r("r1", list(v("a"))), n, n, "9223372036854775807"),
    sel(r("r2", list(v("a"))), n, n, "9223372036854775807", 1000000),
    sel(r("r3", list(v("a"))), n, n, "9223372036854775807", 999999),
    sel(r("r4", list(v("a"))), n, n, "-9223372036854775807", "9223372036854775807"),
    sel(r("r5", list(v("a"))), n, n, 0, -2147483648),
    sel(r("r6", list(v("a"))), n, n, 0, -2147483649),
    sel(r("r7", list(v("a"))), n, n, 0, -4294967296),
    sel(r("r8", list(v("a"))), n, n, 0, -4294967291),
    sel(r("r9", list(v("a"))), n, n, 4294967296, 0),
  ] },
  { name: "a zero timeout polls and empties the arrays of idle sockets", phpt: ["socket_select.phpt"], steps: [
    ...pair(),
    sel(r("rd", list(v("a"), v("b"))), n, n, 0),
    sel(r("rd2", list(v("a"), v("b"))), n, n, 0, 20000),
  ] },
  { name: "usec 1000000 waits a second on an idle pair", phpt: ["socket_select-wrongparams-4.phpt"], steps: [
    ...pair(),
    sel(r("rd", list(v("a"))), n, n, 0, 1000000),
  ] },
  { name: "null seconds waits for readiness", steps: [
    ...pair(),
    call("socket_write", [v("a"), "ping"]),
    sel(r("rd", list(v("b"), v("a"))), n, n, n),
    sel(r("rd2", list(v("b"))), n, n, n, 5),
  ] },

  // ---- readiness and the arrays
  { name: "a socketpair: readable once the peer writes, writable at once", steps: [
    ...pair(),
    sel(r("rd", list(v("a"), v("b"))), r("wr", list(v("a"), v("b"))), r("ex", list(v("a"), v("b"))), 0),
    call("socket_write", [v("a"), "hello"]),
    sel(r("rd2", list(v("a"), v("b"))), n, n, 0, { mask: ["rd2"] }),
    call("values", [v("rd2")]),
    call("socket_read", [v("b"), 10]),
    sel(r("rd3", list(v("a"), v("b"))), n, n, 0),
  ] },
  { name: "the read array keeps the keys of the ready sockets", steps: [
    ...pair(),
    call("socket_write", [v("a"), "x"]),
    sel(r("rd", assoc(["first", v("a")], ["second", v("b")])), n, n, 0),
    call("socket_write", [v("b"), "y"]),
    sel(r("rd2", assoc([3, v("b")], [9, v("a")], ["k", v("a")])), n, n, 0),
    call("socket_read", [v("b"), 10]),
    sel(r("rd3", assoc([4, v("b")], [7, v("a")], ["z", v("b")])), n, n, 0),
  ] },
  { name: "a list with a gap where a socket was not ready", steps: [
    ...pair(),
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_STREAM"), 0, r("q")]),
    as("c", "set", [at("q", 0)]),
    as("d", "set", [at("q", 1)]),
    call("socket_write", [v("c"), "x"]),
    call("socket_write", [v("a"), "x"]),
    sel(r("rd", list(v("b"), v("d"), v("a"), v("c"))), n, n, 0),
    sel(r("rd2", list(v("a"), v("d"), v("c"))), n, n, 0, { mask: ["rd2"] }),
    call("values", [v("rd2")]),
  ] },
  { name: "each set counts a ready socket once", steps: [
    ...pair(),
    call("socket_write", [v("b"), "x"]),
    sel(r("rd", list(v("a"), v("a"), v("a"))), n, n, 0),
    sel(r("rd2", list(v("a"))), r("wr2", list(v("a"), v("a"))), n, 0),
    sel(r("rd3", list(v("a"), v("b"))), r("wr3", list(v("a"), v("b"))), r("ex3", list(v("a"), v("b"))), 0),
  ] },
  { name: "a null ref leaves its set out", steps: [
    ...pair(),
    sel(r("rd", null), r("wr", list(v("a"))), r("ex", null), 0),
    sel(n, r("wr2", list(v("a"))), r("ex2", list()), 0),
  ] },
  { name: "the same variable as read and write array", steps: [
    ...pair(),
    call("socket_write", [v("b"), "x"]),
    sel(r("both", list(v("a"), v("b"))), r("both"), n, 0),
  ] },
  { name: "end of stream is readable: close and shutdown", steps: [
    ...pair(),
    call("socket_shutdown", [v("b"), 1]),
    sel(r("rd", list(v("a"), v("b"))), r("wr", list(v("a"), v("b"))), n, 0),
    call("socket_read", [v("a"), 10]),
    call("socket_close", [v("b")]),
    sel(r("rd2", list(v("a"))), r("wr2", list(v("a"))), r("ex2", list(v("a"))), 0),
  ] },
  { name: "datagram and seqpacket pairs", steps: [
    ...pair("SOCK_DGRAM"),
    sel(r("rd", list(v("a"), v("b"))), r("wr", list(v("a"), v("b"))), n, 0),
    call("socket_write", [v("a"), "dgram"]),
    sel(r("rd2", list(v("a"), v("b"))), n, n, 0, { mask: ["rd2"] }),
    call("values", [v("rd2")]),
    call("socket_create_pair", [k("AF_UNIX"), k("SOCK_SEQPACKET"), 0, r("q")]),
    as("c", "set", [at("q", 0)]),
    as("d", "set", [at("q", 1)]),
    call("socket_write", [v("d"), "seq"]),
    sel(r("rd3", list(v("c"), v("d"))), r("wr3", list(v("c"), v("d"))), n, 0),
  ] },
  { name: "a full send buffer is not writable until the peer reads", steps: [
    ...pair(),
    call("socket_set_nonblock", [v("a")]),
    call("socket_set_nonblock", [v("b")]),
    call("socket_write", [v("a"), rep("x", 1 << 22)], { maskRet: true }),
    call("socket_write", [v("a"), rep("x", 1 << 16)]),
    sel(n, r("wr", list(v("b"), v("a"))), n, 0),
    call("socket_read", [v("b"), 1 << 23], { maskRet: true }),
    sel(n, r("wr2", list(v("a"))), n, 1),
  ] },
  { name: "a listening socket is readable with a pending connection, never writable", steps: [
    ...listener,
    sel(r("rd", list(v("srv"))), r("wr", list(v("srv"))), r("ex", list(v("srv"))), 0),
    as("c", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    sel(r("rd2", list(v("srv"))), r("wr2", list(v("srv"))), n, 2),
    as("acc", "socket_accept", [v("srv")]),
    sel(r("rd3", list(v("srv"), v("acc"))), r("wr3", list(v("acc"))), n, 0),
  ] },
  { name: "a non-blocking connect becomes writable", steps: [
    ...listener,
    as("c", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    call("socket_set_nonblock", [v("c")]),
    call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    sel(n, r("wr", list(v("c"))), n, 2),
    call("socket_get_option", [v("c"), k("SOL_SOCKET"), k("SO_ERROR")]),
    sel(r("rd", list(v("srv"), v("c"))), n, n, 2),
  ] },
  { name: "a refused connect is readable and writable (error and hang-up)", steps: [
    as("t", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    call("socket_bind", [v("t"), "127.0.0.1", 0]),
    call("socket_getsockname", [v("t"), r("host"), r("port")], { mask: ["port"] }),
    call("socket_close", [v("t")]),
    as("c", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    call("socket_set_nonblock", [v("c")]),
    call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    sel(r("rd", list(v("c"))), r("wr", list(v("c"))), r("ex", list(v("c"))), 2),
    call("socket_get_option", [v("c"), k("SOL_SOCKET"), k("SO_ERROR")]),
    sel(r("rd2", list(v("c"))), r("wr2", list(v("c"))), r("ex2", list(v("c"))), 0),
  ] },
  { name: "fresh sockets: an unconnected TCP socket is hung up, a UDP one writable", steps: [
    as("tcp", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    as("udp", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    as("tcp6", "socket_create", [k("AF_INET6"), k("SOCK_STREAM"), k("SOL_TCP")]),
    sel(r("rd", list(v("tcp"), v("udp"), v("tcp6"))), r("wr", list(v("tcp"), v("udp"), v("tcp6"))), r("ex", list(v("tcp"), v("udp"))), 0, { mask: ["rd"] }),
    call("values", [v("rd")]),
  ] },
  { name: "a UDP socket becomes readable when a datagram arrives", steps: [
    as("u", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_bind", [v("u"), "127.0.0.1", 0]),
    call("socket_getsockname", [v("u"), r("host"), r("port")], { mask: ["port"] }),
    as("s", "socket_create", [k("AF_INET"), k("SOCK_DGRAM"), k("SOL_UDP")]),
    call("socket_connect", [v("s"), "127.0.0.1", v("port")]),
    sel(r("rd", list(v("u"), v("s"))), n, n, 0),
    call("socket_write", [v("s"), "dgram"]),
    sel(r("rd2", list(v("u"), v("s"))), n, n, 2),
  ] },
  { name: "nothing urgent: the except set stays empty", steps: [
    ...listener,
    as("c", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    as("acc", "socket_accept", [v("srv")]),
    call("socket_write", [v("c"), "normal"]),
    sel(r("rd", list(v("acc"))), n, r("ex", list(v("acc"), v("c"))), 2),
  ] },
  { name: "the error state after a failed select", steps: [
    ...pair(),
    call("socket_write", [v("b"), "x"]),
    sel(r("rd", list(v("a"))), n, n, -5),
    call("socket_last_error"),
    call("socket_last_error", [v("a")]),
    sel(r("rd", list(v("a"))), n, n, 0),
    call("socket_last_error"),
  ] },
  { name: "a socket inside an array that is not a list of sockets alone", steps: [
    ...pair(),
    call("socket_write", [v("b"), "x"]),
    sel(r("rd", assoc(["x", v("a")], ["y", v("b")], ["z", v("a")])), r("wr", assoc(["w", v("b")])), n, 0),
  ] },
  { name: "a closed socket in an array: the other arguments are parsed first", steps: [
    ...closedSocket(),
    sel(r("r1", list(v("c"))), n, n, "soon"),
    sel(r("r2", list(v("c"))), n, n, 0, list()),
    sel(r("r3", list(v("c"))), n, n, 0, null),
    sel(r("r4", list(v("c"))), n, n, flt("0.5")),
  ] },
];

// The except set only fills with urgent (MSG_OOB) data; socket_send is what sends it.
if ("socket_send" in lib && "socket_recv" in lib) {
  scenarios.push({ name: "urgent data makes a TCP socket exceptional", steps: [
    ...listener,
    as("c", "socket_create", [k("AF_INET"), k("SOCK_STREAM"), k("SOL_TCP")]),
    call("socket_connect", [v("c"), "127.0.0.1", v("port")]),
    as("acc", "socket_accept", [v("srv")]),
    call("socket_send", [v("c"), "!", 1, k("MSG_OOB")]),
    sel(r("rd", list(v("acc"))), r("wr", list(v("acc"))), r("ex", list(v("acc"), v("c"))), 2),
    call("socket_recv", [v("acc"), r("buf"), 1, k("MSG_OOB")]),
    sel(n, n, r("ex2", list(v("acc"))), 0),
  ] });
}

export default scenarios;
