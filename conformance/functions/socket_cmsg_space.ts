import { call, flt, k, type Scenario } from "../harness/scenario.ts";

const space = (level: string | number, type: string | number, ...num: unknown[]) =>
  call("socket_cmsg_space", [typeof level === "string" ? k(level) : level, typeof type === "string" ? k(type) : type, ...(num as never[])]);

export default [
  { name: "the space of each supported control message", phpt: ["socket_cmsg_rights.phpt", "socket_cmsg_credentials.phpt", "socket_recvmsg.phpt"], steps: [
    space("SOL_SOCKET", "SCM_RIGHTS"),
    space("SOL_SOCKET", "SCM_RIGHTS", 1),
    space("SOL_SOCKET", "SCM_RIGHTS", 3),
    space("SOL_SOCKET", "SCM_RIGHTS", 253),
    space("SOL_SOCKET", "SCM_CREDENTIALS"),
    // A fixed-size message ignores the count.
    space("SOL_SOCKET", "SCM_CREDENTIALS", 5),
    space("IPPROTO_IPV6", "IPV6_PKTINFO"),
    space("IPPROTO_IPV6", "IPV6_HOPLIMIT"),
    space("IPPROTO_IPV6", "IPV6_TCLASS", 2),
  ] },
  { name: "counts up to the largest C int", phpt: ["socket_cmsg_space_return_type.phpt"], steps: [
    space("SOL_SOCKET", "SCM_RIGHTS", 536870911),
    space("SOL_SOCKET", "SCM_RIGHTS", 2147483647),
  ] },
  { name: "pairs PHP does not support are a ValueError", steps: [
    space(1, 99),
    space(-1, 1),
    space("IPPROTO_IPV6", "IPV6_RECVPKTINFO"),
    space("IPPROTO_IPV6", "IPV6_RECVTCLASS"),
    space(0, 8),
  ] },
  { name: "a negative count, and arguments past a C int", steps: [
    space("SOL_SOCKET", "SCM_RIGHTS", -1),
    // The count is checked before the pair.
    space(1, 99, -1),
    space(4294967297, 1),
    space(1, 2147483648),
    space("SOL_SOCKET", "SCM_RIGHTS", 2147483648),
    space(-2147483649, 1),
  ] },
  { name: "PHP_INT_MAX as the count is a ValueError before the pair is looked up", phpt: ["socket_cmsg_space_num_range_64bit.phpt"], steps: [
    // PHP_INT_MAX as a numeric string: a JS number cannot hold it, PHP reads the string as that int.
    space("SOL_SOCKET", 0, "9223372036854775807"),
    space("SOL_SOCKET", "SCM_RIGHTS", "9223372036854775807"),
    space(1, 99, "-9223372036854775808"),
    // The double next to it is a float out of int range in both: a TypeError.
    space("SOL_SOCKET", 0, 9223372036854775807),
  ] },
  { name: "argument count and types", steps: [
    call("socket_cmsg_space", [1]),
    call("socket_cmsg_space", [1, 1, 1, 1]),
    call("socket_cmsg_space", ["a", 1]),
    call("socket_cmsg_space", [1, { a: [] }]),
    call("socket_cmsg_space", [null, 1]),
    call("socket_cmsg_space", [flt("1.5"), 1]),
    call("socket_cmsg_space", ["1", "1", "2"]),
    call("socket_cmsg_space", [true, 1, false]),
  ] },
  { name: "SCM_RIGHTS grows by an int per descriptor, rounded up to 8 bytes", steps: [
    ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => space("SOL_SOCKET", "SCM_RIGHTS", n)),
  ] },
  { name: "NaN and infinities in any place are TypeErrors; numeric strings and floats convert", steps: [
    call("socket_cmsg_space", [flt("NAN"), k("SCM_RIGHTS")]),
    call("socket_cmsg_space", [k("SOL_SOCKET"), flt("INF")]),
    space("SOL_SOCKET", "SCM_RIGHTS", flt("-INF")),
    space("SOL_SOCKET", "SCM_RIGHTS", flt("NAN")),
    space("SOL_SOCKET", "SCM_RIGHTS", flt("2.5")),
    space("SOL_SOCKET", "SCM_RIGHTS", " 3"),
    space("SOL_SOCKET", "SCM_RIGHTS", "3 apples"),
    space("SOL_SOCKET", "SCM_RIGHTS", null),
  ] },
] satisfies Scenario[];
