// Step sequences many scenarios start from: connected pairs over loopback and socketpair. Ephemeral
// ports are masked, so transcripts stay equal between PHP and the library.
import { as, at, call, k, r, v, type Step } from "./scenario.ts";

/**
 * A connected TCP pair over loopback: `<p>srv` listening, `<p>cli` connected to it and `<p>acc` accepted.
 * The listening port is in the by-reference variable `<p>port`.
 */
export function tcpPair(p = "", family: "AF_INET" | "AF_INET6" = "AF_INET"): Step[] {
  const host = family === "AF_INET" ? "127.0.0.1" : "::1";
  return [
    as(`${p}srv`, "socket_create", [k(family), k("SOCK_STREAM"), k("SOL_TCP")]),
    call("socket_bind", [v(`${p}srv`), host, 0]),
    call("socket_listen", [v(`${p}srv`)]),
    call("socket_getsockname", [v(`${p}srv`), r(`${p}host`), r(`${p}port`)], { mask: [`${p}port`] }),
    as(`${p}cli`, "socket_create", [k(family), k("SOCK_STREAM"), k("SOL_TCP")]),
    call("socket_connect", [v(`${p}cli`), host, v(`${p}port`)]),
    as(`${p}acc`, "socket_accept", [v(`${p}srv`)]),
  ];
}

/** A socketpair of the given type, its ends named `<p>a` and `<p>b`. */
export function unixPair(p = "", type = "SOCK_STREAM"): Step[] {
  return [
    call("socket_create_pair", [k("AF_UNIX"), k(type), 0, r(`${p}pair`)]),
    as(`${p}a`, "set", [at(`${p}pair`, 0)]),
    as(`${p}b`, "set", [at(`${p}pair`, 1)]),
  ];
}

/**
 * A socket made and closed at once, named `name`: for the scenarios that show PHP's order, where
 * every argument is parsed (TypeErrors, deprecations) before the closed socket's Error.
 */
export function closedSocket(name = "c", domain = "AF_INET", type = "SOCK_STREAM"): Step[] {
  return [
    as(name, "socket_create", [k(domain), k(type), 0]),
    call("socket_close", [v(name)]),
  ];
}
