import { call, flt, rep, type Scenario } from "../harness/scenario.ts";

const host = (...names: unknown[]) => names.map((n) => call("gethostbyname", [n as never]));

// Unknown names end in .invalid, which no resolver answers; names that are neither numeric nor in
// /etc/hosts would ask this machine's DNS, so none are used.
export default [
  { name: "localhost and numeric addresses", steps: host("localhost", "LOCALHOST", "127.0.0.1", "1.2.3.4", "127.1", "2130706433", "0") },
  { name: "names that do not resolve come back unchanged", steps: host("no-such-host.invalid", "a.b.invalid", "", "::1", "fe80::1") },
  { name: "255 characters are looked up; 256 and more warn and come back", steps: host(
    `${"a".repeat(247)}.invalid`, rep("b", 256), rep("c", 1000),
  ) },
  { name: "a NUL byte is a ValueError", steps: host("local\u0000host", "\u0000", "localhost\u0000") },
  { name: "non-ASCII names", steps: host("héllo.invalid", "例え.invalid") },
  { name: "argument types and counts", steps: [
    call("gethostbyname", []),
    call("gethostbyname", ["localhost", 1]),
    call("gethostbyname", [{ a: [] }]),
    call("gethostbyname", [{ obj: "stdClass" }]),
    call("gethostbyname", [null]),
    call("gethostbyname", [2130706433]),
    call("gethostbyname", [flt("1.5")]),
    call("gethostbyname", [true]),
  ] },
  // Digits and dots alone are answered without a resolver, valid or not; anything else that is not in
  // /etc/hosts ends in .invalid.
  { name: "dotted numbers: octal, two and three parts; invalid forms come back", steps: host(
    "0177.0.0.1", "127.0.1", "10.1", "4294967295", "127.0.0.256", "1.2.3.4.5", "4294967296", "1..2", "00000000000000000000127.0.0.1",
  ) },
  { name: "numbers convert as PHP strings; control characters and dots in names", steps: host(
    0, 3232235777, flt("10.5"), "local\thost.invalid", "localhost\n.invalid", "a..invalid", ".invalid", "-.invalid",
  ) },
] satisfies Scenario[];
