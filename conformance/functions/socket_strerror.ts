import { call, flt, type Scenario } from "../harness/scenario.ts";

const codes = (...c: number[]) => c.map((n) => call("socket_strerror", [n]));

export default [
  { name: "0 and the common codes", phpt: ["socket_strerror.phpt"], steps: codes(0, 1, 2, 11, 13, 22, 32, 98, 99, 104, 107, 110, 111, 115) },
  { name: "the highest codes and past them", steps: codes(131, 132, 133, 134, 1000, 2147483647) },
  { name: "negative codes that are not resolver codes", steps: codes(-1, -2, -9999, -10000, -2147483648) },
  { name: "resolver codes -10001 to -10005 and beyond", steps: codes(-10001, -10002, -10003, -10004, -10005, -10006, -10100, -2147483647) },
  { name: "codes beyond the C int range are ValueErrors", phpt: ["gh16267.phpt"], steps: codes(
    2147483648, 4294967296, 4294967297, 4294967295, -2147483649, -4294967297, 9007199254740991, -9223372036854775808,
  ) },
  { name: "argument types and counts", steps: [
    call("socket_strerror", []),
    call("socket_strerror", [1, 2]),
    call("socket_strerror", ["11"]),
    call("socket_strerror", [" 11 "]),
    call("socket_strerror", ["eleven"]),
    call("socket_strerror", [flt("11.5")]),
    call("socket_strerror", [flt("NAN")]),
    call("socket_strerror", [flt("1e19")]),
    call("socket_strerror", [null]),
    call("socket_strerror", [true]),
    call("socket_strerror", [{ a: [] }]),
  ] },
  { name: "every errno from 0 to 140", steps: codes(...Array.from({ length: 141 }, (_, i) => i)) },
  { name: "Winsock's codes mean nothing on Linux", steps: codes(10004, 10035, 10048, 10054, 10060, 10061, 11001, 11004) },
] satisfies Scenario[];
