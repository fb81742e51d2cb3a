// The one interface every OS backend implements. Raw numbers in, raw numbers out: no PHP shapes,
// no messages, nothing allocated per call. A failing call returns -1 (Windows maps INVALID_SOCKET and
// SOCKET_ERROR to -1 inside its backend) and the caller then asks lastError().

/** A field of a C struct: byte offset and byte size. */
export type Field = readonly [offset: number, size: number];

export interface Struct {
  readonly size: number;
  readonly align: number;
  readonly fields: Readonly<Record<string, Field>>;
}

/** Generated from conformance/matrix by conformance/matrix/tables.ts: never typed by hand. */
export interface Tables {
  /** Constants PHP's sockets extension defines on this OS, with this OS's values. */
  readonly constants: Readonly<Record<string, number>>;
  /** Other OS values the backends and functions need (O_NONBLOCK, POLLIN, EAGAIN, SHUT_RD, ...). */
  readonly system: Readonly<Record<string, number>>;
  /** Struct layouts: sockaddr_in, sockaddr_in6, sockaddr_un, msghdr, cmsghdr, iovec, pollfd, ... */
  readonly layout: Readonly<Record<string, Struct>>;
}

/** Buffers handed to the OS: always TypedArrays passed as FFI "buffer" arguments, never raw ptr()s. */
export type Bytes = Uint8Array;

/** The hints of a getaddrinfo call (zero means "any"). */
export interface AddrInfoHints {
  flags: number;
  family: number;
  socktype: number;
  protocol: number;
}

/** One getaddrinfo result, copied out of the OS's list before it is freed. */
export interface AddrInfo extends AddrInfoHints {
  /** The sockaddr bytes (ai_addrlen of them). */
  addr: Uint8Array;
  /** ai_canonname's bytes, or null. */
  canonname: Uint8Array | null;
}

export interface Platform extends Tables {
  readonly os: "linux" | "darwin" | "windows";
  /**
   * True where SO_RCVTIMEO/SO_SNDTIMEO take a DWORD of milliseconds instead of a struct timeval
   * (Windows; PHP's Windows build converts sec*1000 + usec/1000 and back). Absent elsewhere.
   */
  readonly timeoutAsMillis?: boolean;

  socket(domain: number, type: number, protocol: number): number;
  /** Writes the two handles into out[0], out[1]. */
  socketpair(domain: number, type: number, protocol: number, out: Int32Array): number;
  bind(h: number, addr: Bytes, addrlen: number): number;
  connect(h: number, addr: Bytes, addrlen: number): number;
  listen(h: number, backlog: number): number;
  /** addr/addrlen may be null; addrlen[0] is in/out. */
  accept(h: number, addr: Bytes | null, addrlen: Uint32Array | null): number;
  close(h: number): number;
  shutdown(h: number, how: number): number;
  getsockname(h: number, addr: Bytes, addrlen: Uint32Array): number;
  getpeername(h: number, addr: Bytes, addrlen: Uint32Array): number;

  recv(h: number, buf: Bytes, len: number, flags: number): number;
  /** The backend adds what the OS needs so that a write to a closed peer is EPIPE, never a signal. */
  send(h: number, buf: Bytes, len: number, flags: number): number;
  recvfrom(h: number, buf: Bytes, len: number, flags: number, addr: Bytes, addrlen: Uint32Array): number;
  sendto(h: number, buf: Bytes, len: number, flags: number, addr: Bytes, addrlen: number): number;

  getsockopt(h: number, level: number, name: number, val: Bytes, len: Uint32Array): number;
  setsockopt(h: number, level: number, name: number, val: Bytes, len: number): number;
  /** O_NONBLOCK via fcntl, or FIONBIO via ioctlsocket. */
  setBlocking(h: number, blocking: boolean): number;
  /** 1 when the OS says the handle is non-blocking, 0 when blocking, -1 when it cannot tell. */
  isNonBlocking(h: number): number;
  /** fds is an array of the OS's pollfd structs (layout.pollfd). */
  poll(fds: Bytes, nfds: number, timeoutMs: number): number;

  /** inet_pton: 1 when `src` (NUL-terminated) parsed into dst, else 0. */
  inetPton(af: number, src: Bytes, dst: Bytes): number;
  /** gethostbyname: the family and addresses of a name (NUL-terminated), or null (then hostLookupError()). */
  gethostbyname(name: Bytes): { family: number; addrs: Uint8Array[] } | null;
  /**
   * The code PHP records for the last failed host lookup: -10000 - h_errno on Unix (socket_strerror
   * then gives hstrerror's text), WSAGetLastError() on Windows (FormatMessage's text).
   */
  hostLookupError(): number;
  hstrerror(code: number): string;
  /** getaddrinfo(name, NULL, {ai_family, ai_flags}) reduced to the first result's sockaddr bytes, or the EAI code. */
  resolve(name: Bytes, family: number, flags?: number): Uint8Array | number;
  /** getservbyname: the port in host order, or -1. */
  getservbyname(name: Bytes, proto: Bytes): number;
  /** getprotobyname: the protocol number, or -1. */
  getprotobyname(name: Bytes): number;
  /** if_nametoindex: 0 when there is no such interface. */
  ifNameToIndex(name: Bytes): number;
  /**
   * getaddrinfo(host, service, hints): every result in the OS's order, or the EAI code. `service` is
   * null for none. Optional: a backend without it makes the socket_addrinfo_* functions throw.
   */
  getaddrinfo?(host: Bytes, service: Bytes | null, hints: AddrInfoHints): AddrInfo[] | number;
  /** sockatmark(): 1 at the urgent-data mark, 0 before it, -1 on failure. Optional (not on Windows). */
  atmark?(h: number): number;
  /** dup(): a second handle on the same open socket, or -1. Optional (not on Windows). */
  dup?(h: number): number;
  /** ioctl with a buffer argument (a struct ifreq for SIOCGIFNAME, SIOCGIFADDR, SIOCGIFINDEX). Absent on Windows. */
  ioctl?(h: number, request: number, arg: Bytes): number;
  /** SIOCGIFCONF: copies the OS's ifreq records into `out`; gives the bytes used, or -1. Absent without the layout. */
  ifconf?(h: number, out: Bytes): number;
  /**
   * sendmsg/recvmsg on a struct msghdr (layout.msghdr) whose pointers (name, iovec array, control) all
   * point at memory from malloc(). recvmsg gives the bytes read; sendmsg adds the no-SIGPIPE flag as send
   * does. Optional: a backend without them makes the message and scatter/gather functions throw.
   */
  sendmsg?(h: number, msg: Bytes, flags: number): number;
  recvmsg?(h: number, msg: Bytes, flags: number): number;
  /** The C heap, for memory that structs point into: malloc gives 0 on failure. */
  malloc?(size: number): number;
  free?(p: number): void;
  /**
   * Linux epoll, a readiness set the kernel keeps between calls: epollCreate gives a close-on-exec
   * handle; epollCtl takes one struct epoll_event (layout.epoll_event; ignored by EPOLL_CTL_DEL);
   * epollWait fills `out` with up to `max` of them. Optional: without it socket_select polls the
   * whole set on every call.
   */
  epollCreate?(): number;
  epollCtl?(ep: number, op: number, h: number, ev: Bytes): number;
  epollWait?(ep: number, out: Bytes, max: number, timeoutMs: number): number;

  /**
   * Windows socket sharing, as PHP's socket_wsaprotocol_info_* use it. Optional: a backend without it
   * makes those functions undefined, as PHP defines them on Windows only. lastError() after a failure is
   * WSAGetLastError for the first two, GetLastError for the mapping calls.
   * duplicateSocket: WSADuplicateSocket for process `pid` into `info` (layout.WSAPROTOCOL_INFOA): 0 or -1.
   */
  duplicateSocket?(h: number, pid: number, info: Bytes): number;
  /** WSASocket(FROM_PROTOCOL_INFO x3, info, 0, 0): a blocking handle, or -1. */
  socketFromInfo?(info: Bytes): number;
  /** A new named page-file mapping of `size` bytes: a handle, or -1; a name already taken fails (183, ERROR_ALREADY_EXISTS). */
  mappingCreate?(name: Bytes, size: number): number;
  /** Opens a named mapping for reading: a handle, or -1. */
  mappingOpen?(name: Bytes): number;
  /** Maps a view and copies `buf` into it (write) or fills `buf` from it: 0, or -1. */
  mappingCopy?(h: number, buf: Bytes, write: boolean): number;
  /** CloseHandle of a mapping: 0, or -1. */
  closeHandle?(h: number): number;

  lastError(): number;
  /** The OS's own text for an error code, as PHP's socket_strerror prints it on this OS. */
  strerror(code: number): string;
}
