// The documented failures of PHP's socket functions: what went wrong, its POSIX name, and where a
// platform reports it under another name than that (or cannot meet it at all). errors-merge.ts turns
// these into errors.tsv with each platform's code and the text socket_strerror prints for it.
import type { PlatformName } from "./tsv.ts";

/** Header of <os>/strerror.tsv and windows/wine-texts.tsv: a code, the text PHP prints, its source. */
export const STRERROR_HEADER = ["code", "text", "source"] as const;
export const ERRORS_HEADER = ["failure", "errno", "linux", "darwin", "windows", "source"] as const;

/**
 * Resolver failures have h_errno names. PHP stores them as -10000 - h_errno off Windows (and prints
 * hstrerror), but as WSAGetLastError() on Windows (php-src ext/sockets/sockaddr_conv.c).
 */
export const RESOLVER_NAMES: readonly string[] = ["HOST_NOT_FOUND", "TRY_AGAIN", "NO_RECOVERY", "NO_DATA"];

/** A platform's own name for the failure (an errno, or a WSA* code on windows), or null when it has none. */
type Other = readonly [name: string | null, source: string];

export interface Failure {
  readonly failure: string;
  /** POSIX name: an errno, or an h_errno name for resolver failures. */
  readonly errno: string;
  readonly other?: Partial<Record<PlatformName, Other>>;
}

// Sources of the exceptions, named once.
const MS_CONNECT = "Microsoft connect()";
const MS_SEND = "Microsoft send()";
const XNU_SOCREATE = "xnu bsd/kern/uipc_socket.c socreate_internal";
const XNU_SOSENDCHECK = "xnu bsd/kern/uipc_socket.c sosendcheck";
const MEASURED = "measured with PHP 8.2 on Linux";
const WINE_TEST = "Wine dlls/ws2_32/tests/sock.c test_WSASocket, written against Windows";

export const FAILURES: readonly Failure[] = [
  { failure: "bind: address already in use", errno: "EADDRINUSE" },
  { failure: "bind: address not available (not a local address)", errno: "EADDRNOTAVAIL" },
  { failure: "bind: socket already bound", errno: "EINVAL" },
  { failure: "permission denied (privileged port; broadcast without SO_BROADCAST)", errno: "EACCES" },
  { failure: "connect: refused", errno: "ECONNREFUSED" },
  { failure: "connect: timed out", errno: "ETIMEDOUT" },
  { failure: "connect: no route to host", errno: "EHOSTUNREACH" },
  { failure: "connect: network unreachable", errno: "ENETUNREACH" },
  {
    failure: "connect on a non-blocking socket in progress", errno: "EINPROGRESS",
    other: { windows: ["WSAEWOULDBLOCK", MS_CONNECT] },
  },
  { failure: "connect while a non-blocking connect is in progress", errno: "EALREADY" },
  { failure: "connect on an already connected socket", errno: "EISCONN" },
  { failure: "accept on a socket that is not listening", errno: "EINVAL" },
  {
    failure: "read on a non-blocking socket with no data", errno: "EAGAIN",
    other: { windows: ["WSAEWOULDBLOCK", "Winsock has no EAGAIN"] },
  },
  {
    failure: "read timed out (SO_RCVTIMEO)", errno: "EAGAIN",
    other: { windows: ["WSAETIMEDOUT", "a SO_RCVTIMEO expiry is WSAETIMEDOUT (Wine 8 agrees)"] },
  },
  {
    failure: "write after shutdown for writing", errno: "EPIPE",
    other: { darwin: ["EPIPE", XNU_SOSENDCHECK], windows: ["WSAESHUTDOWN", MS_SEND] },
  },
  {
    failure: "write to a closed peer", errno: "EPIPE",
    other: { windows: ["WSAECONNRESET", `${MS_SEND}: the closed peer resets the circuit (Wine 8 agrees)`] },
  },
  { failure: "read after the peer reset the connection", errno: "ECONNRESET" },
  { failure: "connection aborted by the local stack", errno: "ECONNABORTED" },
  { failure: "getpeername, read or shutdown on an unconnected socket", errno: "ENOTCONN" },
  {
    failure: "write on an unconnected stream socket", errno: "ENOTCONN",
    other: { linux: ["EPIPE", MEASURED], darwin: ["ENOTCONN", XNU_SOSENDCHECK], windows: ["WSAENOTCONN", MS_SEND] },
  },
  {
    failure: "send on an unconnected datagram socket (destination address required)", errno: "EDESTADDRREQ",
    other: { darwin: ["EDESTADDRREQ", XNU_SOSENDCHECK], windows: ["WSAENOTCONN", MS_SEND] },
  },
  {
    failure: "unsupported socket type (AF_INET with SOCK_SEQPACKET)", errno: "ESOCKTNOSUPPORT",
    other: { darwin: ["EPROTONOSUPPORT", XNU_SOCREATE] },
  },
  { failure: "unsupported protocol (an unknown protocol number)", errno: "EPROTONOSUPPORT" },
  {
    failure: "protocol of another socket type (SOCK_STREAM with SOL_UDP)", errno: "EPROTOTYPE",
    other: { linux: ["EPROTONOSUPPORT", MEASURED], darwin: ["EPROTOTYPE", XNU_SOCREATE], windows: ["WSAEPROTONOSUPPORT", WINE_TEST] },
  },
  { failure: "unsupported family (AF_UNIX under Wine or before Windows 10 1803)", errno: "EAFNOSUPPORT" },
  { failure: "protocol option not available (unknown socket option)", errno: "ENOPROTOOPT" },
  { failure: "operation not supported (listen on a datagram socket)", errno: "EOPNOTSUPP" },
  { failure: "message too long (datagram over the limit)", errno: "EMSGSIZE" },
  { failure: "not a socket", errno: "ENOTSOCK" },
  {
    failure: "bad descriptor (a closed handle)", errno: "EBADF",
    other: { windows: ["WSAENOTSOCK", `${MS_SEND}: an invalid SOCKET is WSAENOTSOCK (Wine 8 agrees)`] },
  },
  { failure: "too many open files", errno: "EMFILE" },
  { failure: "no buffer space", errno: "ENOBUFS" },
  { failure: "network is down", errno: "ENETDOWN" },
  { failure: "host is down", errno: "EHOSTDOWN" },
  { failure: "interrupted by a signal", errno: "EINTR" },
  {
    failure: "connect: unix socket path does not exist", errno: "ENOENT",
    other: { windows: [null, "Winsock documents no code for it"] },
  },
  { failure: "host lookup failed: unknown host", errno: "HOST_NOT_FOUND" },
  { failure: "host lookup failed: temporary failure", errno: "TRY_AGAIN" },
  { failure: "host lookup failed: non-recoverable error", errno: "NO_RECOVERY" },
  { failure: "host lookup failed: no address for the name", errno: "NO_DATA" },
];

/** The name a platform reports a failure under: its own (other), else the errno's (WSA-prefixed on windows). */
export function nameOn(f: Failure, p: PlatformName): string | null {
  const o = f.other?.[p];
  if (o) return o[0];
  if (p === "windows" && !RESOLVER_NAMES.includes(f.errno)) return "WSA" + f.errno;
  return f.errno;
}

/** PHP's php_win32_error_to_msg: every trailing CR, LF and period goes (php-src win32/winutil.c). */
export function phpWinTrim(text: string): string {
  return text.replace(/[\r\n.]+$/, "");
}
