// The public surface of php-sockets: PHP's socket functions and constants, plus the few helpers that
// let JavaScript speak PHP's language (ref, error handlers, exception classes). Re-exports only.
export * from "./constants.ts";
export { Socket } from "./socket.ts";
export { ref, type Ref } from "./php/ref.ts";
export {
  set_error_handler,
  restore_error_handler,
  ValueError,
  ArgumentCountError,
  PhpError,
  E_WARNING,
  E_NOTICE,
  E_DEPRECATED,
  type ErrorHandler,
} from "./php/errors.ts";
export { socket_create, socket_create_listen, socket_create_pair } from "./functions/create.ts";
export { socket_bind, socket_listen, socket_accept, socket_connect, socket_shutdown, socket_close } from "./functions/connect.ts";
export { socket_read, socket_write } from "./functions/io.ts";
export { socket_recv, socket_recvfrom, socket_recv_into } from "./functions/recv.ts";
export { socket_send, socket_sendto } from "./functions/send.ts";
export { socket_getsockname, socket_getpeername } from "./functions/names.ts";
export { socket_set_block, socket_set_nonblock, socket_set_encoding } from "./functions/blocking.ts";
export { socket_last_error, socket_clear_error, socket_strerror } from "./functions/errors.ts";
export { gethostbyname, getservbyname, getprotobyname } from "./functions/netdb.ts";
export { socket_get_option, socket_set_option, socket_getopt, socket_setopt, type OptionValue } from "./functions/options.ts";
export {
  AddressInfo,
  socket_addrinfo_lookup,
  socket_addrinfo_explain,
  socket_addrinfo_bind,
  socket_addrinfo_connect,
} from "./functions/addrinfo.ts";
export { socket_atmark } from "./functions/atmark.ts";
export { socket_select } from "./functions/select.ts";
export { IOVec } from "./iovec.ts";
export { FileDescriptor } from "./descriptor.ts";
export {
  socket_iovec_alloc,
  socket_iovec_add,
  socket_iovec_delete,
  socket_iovec_fetch,
  socket_iovec_set,
  socket_iovec_free,
  socket_readv,
  socket_writev,
} from "./functions/iovec.ts";
export { socket_sendmsg, socket_recvmsg, socket_cmsg_space } from "./functions/message.ts";
export { socket_export_stream, socket_import_stream, type ExportedStream } from "./functions/stream.ts";
export { socket_wait, socket_select_async } from "./functions/wait.ts";
export { socket_wsaprotocol_info_export, socket_wsaprotocol_info_import, socket_wsaprotocol_info_release } from "./functions/wsaprotocol.ts";
