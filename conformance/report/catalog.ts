// The functions the project implements, as the PHP manual documents them, with where PHP has them.
// "all" = every platform PHP builds the sockets extension on; "windows" = PHP's Windows build only.

export interface FunctionEntry {
  name: string;
  family: string;
  /** Platforms where PHP itself defines the function. */
  where: "all" | "windows" | "unix";
  /** Where it comes from: the current manual, the PHP 4/5 manual (dropped later), or this library. */
  origin: "php8" | "php4-5" | "library";
  /** Where PHP 8.2 lacks the function, the PHP script in conformance/harness/ that stands in for it. */
  standIn?: string;
}

const e = (name: string, family: string, where: FunctionEntry["where"] = "all", origin: FunctionEntry["origin"] = "php8"): FunctionEntry =>
  ({ name, family, where, origin });

const IOVEC = "php4-iovec.php (PHP 4/5's documented behaviour on PHP 8's socket functions)";

export const FUNCTIONS: FunctionEntry[] = [
  e("socket_create", "create"), e("socket_create_listen", "create"), e("socket_create_pair", "create"),
  e("socket_bind", "connect"), e("socket_listen", "connect"), e("socket_accept", "connect"),
  e("socket_connect", "connect"), e("socket_shutdown", "connect"), e("socket_close", "connect"),
  e("socket_read", "io"), e("socket_write", "io"), e("socket_recv", "io"), e("socket_send", "io"),
  e("socket_recvfrom", "io"), e("socket_sendto", "io"),
  e("socket_get_option", "options"), e("socket_set_option", "options"), e("socket_getopt", "options"), e("socket_setopt", "options"),
  e("socket_select", "select"), e("socket_set_block", "select"), e("socket_set_nonblock", "select"),
  e("socket_getsockname", "names"), e("socket_getpeername", "names"),
  e("socket_last_error", "errors"), e("socket_clear_error", "errors"), e("socket_strerror", "errors"),
  e("socket_sendmsg", "message"), e("socket_recvmsg", "message"), e("socket_cmsg_space", "message", "unix"),
  { ...e("socket_iovec_alloc", "iovec", "unix", "php4-5"), standIn: IOVEC }, { ...e("socket_iovec_add", "iovec", "unix", "php4-5"), standIn: IOVEC },
  { ...e("socket_iovec_delete", "iovec", "unix", "php4-5"), standIn: IOVEC }, { ...e("socket_iovec_fetch", "iovec", "unix", "php4-5"), standIn: IOVEC },
  { ...e("socket_iovec_set", "iovec", "unix", "php4-5"), standIn: IOVEC }, { ...e("socket_iovec_free", "iovec", "unix", "php4-5"), standIn: IOVEC },
  { ...e("socket_readv", "iovec", "unix", "php4-5"), standIn: IOVEC }, { ...e("socket_writev", "iovec", "unix", "php4-5"), standIn: IOVEC },
  e("socket_addrinfo_lookup", "addrinfo"), e("socket_addrinfo_explain", "addrinfo"),
  e("socket_addrinfo_bind", "addrinfo"), e("socket_addrinfo_connect", "addrinfo"),
  { ...e("socket_atmark", "io"), standIn: "php83-atmark.php (socket_atmark arrived in PHP 8.3; sockatmark() through PHP's FFI)" },
  e("socket_export_stream", "stream"), e("socket_import_stream", "stream"),
  e("socket_wsaprotocol_info_export", "windows", "windows"), e("socket_wsaprotocol_info_import", "windows", "windows"),
  e("socket_wsaprotocol_info_release", "windows", "windows"),
  e("gethostbyname", "netdb"), e("getservbyname", "netdb"), e("getprotobyname", "netdb"),
  { ...e("socket_set_encoding", "library", "all", "library"), standIn: "extensions.php" },
  { ...e("socket_recv_into", "library", "all", "library"), standIn: "extensions.php" },
  e("socket_wait", "library", "all", "library"), e("socket_select_async", "library", "all", "library"),
];
