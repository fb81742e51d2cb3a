/*
 * Prints the Windows values of the reference matrix, as PHP 8.2's sockets extension and the
 * windows backend see them. Cross-compiled with mingw-w64 and run under Wine by generate.ts:
 *
 *   gen.exe values    name<TAB>value<TAB>source, one line per name the headers define
 *   gen.exe layouts   struct<TAB>member<TAB>value<TAB>source ($size, $align, or offset:size)
 *
 * names.h (one #if block per name of ../names.ts) is written by generate.ts beside the build.
 * _WIN32_WINNT is 0x0602 (Windows 8), the API level PHP 8.2's Windows builds target, so the
 * Vista+ names (WSAPoll, MCAST_*, ...) are visible as they are to PHP.
 */
#define _WIN32_WINNT 0x0602
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <ws2ipdef.h>
#include <mswsock.h>
#include <mstcpip.h>
#include <afunix.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define HDR "mingw-w64 headers via windows/gen.c"
#define SDK_ONLY "Windows SDK documentation (ws2ipdef.h), absent from mingw-w64 10"

static void row(const char *name, long long value, const char *what)
{
    if (what && *what) printf("%s\t%lld\t" HDR ": %s\n", name, value, what);
    else printf("%s\t%lld\t" HDR "\n", name, value);
}

static void row_src(const char *name, long long value, const char *source)
{
    printf("%s\t%lld\t%s\n", name, value, source);
}

/* PHP constant `name` registered from C macro `cv`. */
#define K(name, cv, what) row(#name, (long long)(cv), what)
/* System name with its own value / with a Winsock code standing in for it. */
#define S(name, what) row(#name, (long long)(name), what)
#define SA(name, cv, what) row(#name, (long long)(cv), what)

static void values(void)
{
#include "names.h"

    /* --- PHP constants PHP derives itself --- */
#ifdef MSG_EOF
    K(MSG_EOF, MSG_EOF, "");
#elif defined(MSG_FIN)
    K(MSG_EOF, MSG_FIN, "MSG_FIN (php_sockets.h fallback)");
#endif
    row("PHP_NORMAL_READ", 1, "php_sockets.h (PHP's own value)");
    row("PHP_BINARY_READ", 2, "php_sockets.h (PHP's own value)");
    /* multicast.h: MCAST_JOIN_GROUP defined and not __APPLE__ -> RFC 3678 API, PHP_MCAST_* = MCAST_*. */
#ifdef MCAST_JOIN_GROUP
    K(MCAST_JOIN_GROUP, MCAST_JOIN_GROUP, "multicast.h RFC3678_API");
    K(MCAST_LEAVE_GROUP, MCAST_LEAVE_GROUP, "multicast.h RFC3678_API");
    K(MCAST_BLOCK_SOURCE, MCAST_BLOCK_SOURCE, "multicast.h RFC3678_API");
    K(MCAST_UNBLOCK_SOURCE, MCAST_UNBLOCK_SOURCE, "multicast.h RFC3678_API");
    K(MCAST_JOIN_SOURCE_GROUP, MCAST_JOIN_SOURCE_GROUP, "multicast.h RFC3678_API");
    K(MCAST_LEAVE_SOURCE_GROUP, MCAST_LEAVE_SOURCE_GROUP, "multicast.h RFC3678_API");
#else
    K(MCAST_JOIN_GROUP, IP_ADD_MEMBERSHIP, "multicast.h fallback IP_ADD_MEMBERSHIP");
    K(MCAST_LEAVE_GROUP, IP_DROP_MEMBERSHIP, "multicast.h fallback IP_DROP_MEMBERSHIP");
#endif
    /* ext/sockets/windows_common.h: #define EAGAIN WSAEWOULDBLOCK, so #ifdef EAGAIN holds. */
    K(SOCKET_EAGAIN, WSAEWOULDBLOCK, "WSAEWOULDBLOCK (windows_common.h redefines EAGAIN)");

    /* TCP keep-alive options: the Windows SDK's ws2ipdef.h has them, mingw-w64 10 does not. */
#ifdef TCP_KEEPALIVE
    K(TCP_KEEPALIVE, TCP_KEEPALIVE, "");
#else
    row_src("TCP_KEEPALIVE", 3, SDK_ONLY);
#endif
#ifdef TCP_KEEPIDLE
    K(TCP_KEEPIDLE, TCP_KEEPIDLE, "");
    K(TCP_KEEPINTVL, TCP_KEEPINTVL, "");
    K(TCP_KEEPCNT, TCP_KEEPCNT, "");
#else
    row_src("TCP_KEEPIDLE", 3, SDK_ONLY);
    row_src("TCP_KEEPINTVL", 17, SDK_ONLY);
    row_src("TCP_KEEPCNT", 16, SDK_ONLY);
#endif

    /* --- system names needing a word of explanation --- */
    row("SHUT_RD", SD_RECEIVE, "SD_RECEIVE");
    row("SHUT_WR", SD_SEND, "SD_SEND");
    row("SHUT_RDWR", SD_BOTH, "SD_BOTH");
    row("INVALID_SOCKET", (long long)INVALID_SOCKET,
        "(SOCKET)(~0), all 64 bits set; -1 as a signed value");
    /* ioctlsocket() takes `long cmd`: the values as that 32-bit long sees them. */
    row("FIONBIO", (long)FIONBIO, "_IOW('f',126,u_long) as ioctlsocket's long cmd (0x8004667e)");
    row("FIONREAD", (long)FIONREAD, "_IOR('f',127,u_long) as ioctlsocket's long cmd");
    row("SIOCATMARK", (long)SIOCATMARK, "_IOR('s',7,u_long) as ioctlsocket's long cmd");
    row("EAGAIN", WSAEWOULDBLOCK, "WSAEWOULDBLOCK: Winsock has no EAGAIN, a would-block call fails with 10035");
#ifdef SO_EXCLUSIVEADDRUSE
    row("SO_EXCLUSIVEADDRUSE", (long long)SO_EXCLUSIVEADDRUSE, "((int)(~SO_REUSEADDR))");
#endif
#ifdef TCP_MAXSEG
    S(TCP_MAXSEG, "");
#else
    row_src("TCP_MAXSEG", 4, SDK_ONLY);
#endif
#ifdef TCP_FASTOPEN
    S(TCP_FASTOPEN, "");
#else
    row_src("TCP_FASTOPEN", 15, SDK_ONLY);
#endif
}

static void lay_row(const char *s, const char *m, const char *v, const char *note)
{
    printf("%s\t%s\t%s\t" HDR " (x86_64)%s%s\n", s, m, v, note && *note ? ": " : "", note ? note : "");
}

static void lay_size(const char *s, size_t size, size_t align, const char *note)
{
    char b[32];
    snprintf(b, sizeof b, "%u", (unsigned)size);
    lay_row(s, "$size", b, note);
    snprintf(b, sizeof b, "%u", (unsigned)align);
    lay_row(s, "$align", b, "");
}

static void lay_field(const char *s, const char *m, size_t off, size_t size, const char *note)
{
    char b[48];
    snprintf(b, sizeof b, "%u:%u", (unsigned)off, (unsigned)size);
    lay_row(s, m, b, note);
}

#define SZ(name, T, note) lay_size(name, sizeof(T), _Alignof(T), note)
#define F(name, T, m, note) lay_field(name, #m, offsetof(T, m), sizeof(((T *)0)->m), note)
#define FN(name, T, label, m, note) lay_field(name, label, offsetof(T, m), sizeof(((T *)0)->m), note)

static void layouts(void)
{
    SZ("sockaddr", struct sockaddr, "");
    F("sockaddr", struct sockaddr, sa_family, "");
    F("sockaddr", struct sockaddr, sa_data, "");

    SZ("sockaddr_storage", struct sockaddr_storage, "");
    F("sockaddr_storage", struct sockaddr_storage, ss_family, "");

    SZ("sockaddr_in", struct sockaddr_in, "");
    F("sockaddr_in", struct sockaddr_in, sin_family, "");
    F("sockaddr_in", struct sockaddr_in, sin_port, "");
    F("sockaddr_in", struct sockaddr_in, sin_addr, "");
    F("sockaddr_in", struct sockaddr_in, sin_zero, "");

    SZ("sockaddr_in6", struct sockaddr_in6, "");
    F("sockaddr_in6", struct sockaddr_in6, sin6_family, "");
    F("sockaddr_in6", struct sockaddr_in6, sin6_port, "");
    F("sockaddr_in6", struct sockaddr_in6, sin6_flowinfo, "");
    F("sockaddr_in6", struct sockaddr_in6, sin6_addr, "");
    F("sockaddr_in6", struct sockaddr_in6, sin6_scope_id, "");

    SZ("sockaddr_un", SOCKADDR_UN, "afunix.h");
    F("sockaddr_un", SOCKADDR_UN, sun_family, "afunix.h");
    F("sockaddr_un", SOCKADDR_UN, sun_path, "afunix.h");

    SZ("linger", struct linger, "u_short members");
    F("linger", struct linger, l_onoff, "");
    F("linger", struct linger, l_linger, "");

    SZ("timeval", struct timeval, "long is 4 bytes on Win64");
    F("timeval", struct timeval, tv_sec, "");
    F("timeval", struct timeval, tv_usec, "");

    SZ("WSABUF", WSABUF, "");
    F("WSABUF", WSABUF, len, "ULONG");
    F("WSABUF", WSABUF, buf, "");

    SZ("WSAMSG", WSAMSG, "");
    F("WSAMSG", WSAMSG, name, "");
    F("WSAMSG", WSAMSG, namelen, "");
    F("WSAMSG", WSAMSG, lpBuffers, "");
    F("WSAMSG", WSAMSG, dwBufferCount, "");
    FN("WSAMSG", WSAMSG, "Control_len", Control.len, "Control.len");
    FN("WSAMSG", WSAMSG, "Control_buf", Control.buf, "Control.buf");
    F("WSAMSG", WSAMSG, dwFlags, "");

    SZ("cmsghdr", WSACMSGHDR, "WSACMSGHDR");
    F("cmsghdr", WSACMSGHDR, cmsg_len, "SIZE_T");
    F("cmsghdr", WSACMSGHDR, cmsg_level, "");
    F("cmsghdr", WSACMSGHDR, cmsg_type, "");
    {
        /* Where WSA_CMSG_DATA(cmsg) starts: recorded as a zero-size member, like cmsg_data[]. */
        WSACMSGHDR h;
        lay_field("cmsghdr", "cmsg_data", (size_t)((u_char *)WSA_CMSG_DATA(&h) - (u_char *)&h), 0,
                  "WSA_CMSG_DATA offset");
    }

    SZ("pollfd", WSAPOLLFD, "WSAPOLLFD");
    F("pollfd", WSAPOLLFD, fd, "SOCKET");
    F("pollfd", WSAPOLLFD, events, "");
    F("pollfd", WSAPOLLFD, revents, "");

    SZ("addrinfo", struct addrinfo, "ADDRINFOA");
    F("addrinfo", struct addrinfo, ai_flags, "");
    F("addrinfo", struct addrinfo, ai_family, "");
    F("addrinfo", struct addrinfo, ai_socktype, "");
    F("addrinfo", struct addrinfo, ai_protocol, "");
    F("addrinfo", struct addrinfo, ai_addrlen, "size_t");
    F("addrinfo", struct addrinfo, ai_canonname, "");
    F("addrinfo", struct addrinfo, ai_addr, "");
    F("addrinfo", struct addrinfo, ai_next, "");

    SZ("hostent", struct hostent, "");
    F("hostent", struct hostent, h_name, "");
    F("hostent", struct hostent, h_aliases, "");
    F("hostent", struct hostent, h_addrtype, "short");
    F("hostent", struct hostent, h_length, "short");
    F("hostent", struct hostent, h_addr_list, "");

    SZ("servent", struct servent, "Win64 order: s_name, s_aliases, s_proto, s_port");
    F("servent", struct servent, s_name, "");
    F("servent", struct servent, s_aliases, "");
    F("servent", struct servent, s_proto, "");
    F("servent", struct servent, s_port, "short");

    SZ("protoent", struct protoent, "");
    F("protoent", struct protoent, p_name, "");
    F("protoent", struct protoent, p_aliases, "");
    F("protoent", struct protoent, p_proto, "short");

    SZ("ip_mreq", struct ip_mreq, "");
    F("ip_mreq", struct ip_mreq, imr_multiaddr, "");
    F("ip_mreq", struct ip_mreq, imr_interface, "");

    SZ("ipv6_mreq", struct ipv6_mreq, "");
    F("ipv6_mreq", struct ipv6_mreq, ipv6mr_multiaddr, "");
    F("ipv6_mreq", struct ipv6_mreq, ipv6mr_interface, "");

    SZ("group_req", struct group_req, "");
    F("group_req", struct group_req, gr_interface, "");
    F("group_req", struct group_req, gr_group, "");

    SZ("group_source_req", struct group_source_req, "");
    F("group_source_req", struct group_source_req, gsr_interface, "");
    F("group_source_req", struct group_source_req, gsr_group, "");
    F("group_source_req", struct group_source_req, gsr_source, "");

    SZ("in_pktinfo", IN_PKTINFO, "IN_PKTINFO");
    F("in_pktinfo", IN_PKTINFO, ipi_addr, "");
    F("in_pktinfo", IN_PKTINFO, ipi_ifindex, "");

    SZ("in6_pktinfo", IN6_PKTINFO, "IN6_PKTINFO");
    F("in6_pktinfo", IN6_PKTINFO, ipi6_addr, "");
    F("in6_pktinfo", IN6_PKTINFO, ipi6_ifindex, "");

    /* PHP's WSAPROTOCOL_INFO: its Windows build defines _MBCS, not UNICODE, so the A form. */
    SZ("WSAPROTOCOL_INFOA", WSAPROTOCOL_INFOA, "WSAPROTOCOL_INFO without UNICODE");
    F("WSAPROTOCOL_INFOA", WSAPROTOCOL_INFOA, iAddressFamily, "");
    F("WSAPROTOCOL_INFOA", WSAPROTOCOL_INFOA, iSocketType, "");
    F("WSAPROTOCOL_INFOA", WSAPROTOCOL_INFOA, iProtocol, "");

    SZ("fd_set", fd_set, "u_int fd_count, then SOCKET fd_array[FD_SETSIZE]");
    F("fd_set", fd_set, fd_count, "");
    F("fd_set", fd_set, fd_array, "");
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "values") == 0) values();
    else if (argc == 2 && strcmp(argv[1], "layouts") == 0) layouts();
    else {
        fprintf(stderr, "usage: gen.exe values|layouts\n");
        return 2;
    }
    return 0;
}
