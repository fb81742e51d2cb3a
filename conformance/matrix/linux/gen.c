// Prints, for this C library, the value of every name in ../names.ts and the layout of the structs
// the backends use. generate.ts writes names.gen.h (one #ifdef block per name) and compiles this.
// Output lines: "C name value" (PHP constant), "S name value" (system), "L struct member value",
// tab-separated.
#define _GNU_SOURCE 1
#include <stdio.h>
#include <stddef.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/epoll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/uio.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netpacket/packet.h>
#include <net/ethernet.h>
#include <linux/filter.h>
#include <linux/sock_diag.h>

// PHP's sockets.c falls back to MSG_FIN for MSG_EOF.
#if !defined(MSG_EOF) && defined(MSG_FIN)
#define MSG_EOF MSG_FIN
#endif

// PHP's multicast.h: the RFC 3678 options when the OS has them (never on Apple), else the IPv4 ones.
#if defined(MCAST_JOIN_GROUP) && !defined(__APPLE__)
#define PHP_MCAST_JOIN_GROUP MCAST_JOIN_GROUP
#define PHP_MCAST_LEAVE_GROUP MCAST_LEAVE_GROUP
#define PHP_MCAST_BLOCK_SOURCE MCAST_BLOCK_SOURCE
#define PHP_MCAST_UNBLOCK_SOURCE MCAST_UNBLOCK_SOURCE
#define PHP_MCAST_JOIN_SOURCE_GROUP MCAST_JOIN_SOURCE_GROUP
#define PHP_MCAST_LEAVE_SOURCE_GROUP MCAST_LEAVE_SOURCE_GROUP
#else
#define PHP_MCAST_JOIN_GROUP IP_ADD_MEMBERSHIP
#define PHP_MCAST_LEAVE_GROUP IP_DROP_MEMBERSHIP
#endif

#define K(n) printf("C\t%s\t%lld\n", #n, (long long)(n))
#define KA(n, cv) printf("C\t%s\t%lld\n", #n, (long long)(cv))
#define S(n) printf("S\t%s\t%lld\n", #n, (long long)(n))
#define SIZE(s, t) printf("L\t%s\t$size\t%zu\nL\t%s\t$align\t%zu\n", #s, sizeof(t), #s, _Alignof(t))
#define F(s, m) printf("L\t%s\t%s\t%zu:%zu\n", #s, #m, offsetof(struct s, m), sizeof(((struct s *)0)->m))

int main(void) {
  KA(PHP_NORMAL_READ, 1); // php_sockets.h
  KA(PHP_BINARY_READ, 2);
#ifdef MSG_EOF
  K(MSG_EOF);
#endif
  KA(MCAST_JOIN_GROUP, PHP_MCAST_JOIN_GROUP);
  KA(MCAST_LEAVE_GROUP, PHP_MCAST_LEAVE_GROUP);
#ifdef PHP_MCAST_BLOCK_SOURCE
  KA(MCAST_BLOCK_SOURCE, PHP_MCAST_BLOCK_SOURCE);
  KA(MCAST_UNBLOCK_SOURCE, PHP_MCAST_UNBLOCK_SOURCE);
  KA(MCAST_JOIN_SOURCE_GROUP, PHP_MCAST_JOIN_SOURCE_GROUP);
  KA(MCAST_LEAVE_SOURCE_GROUP, PHP_MCAST_LEAVE_SOURCE_GROUP);
#endif
#include "names.gen.h"
  // SO_MEMINFO's indexes are enum members, which the #ifdef blocks above cannot see.
  S(SK_MEMINFO_RMEM_ALLOC); S(SK_MEMINFO_RCVBUF); S(SK_MEMINFO_WMEM_ALLOC); S(SK_MEMINFO_SNDBUF);
  S(SK_MEMINFO_FWD_ALLOC); S(SK_MEMINFO_WMEM_QUEUED); S(SK_MEMINFO_OPTMEM); S(SK_MEMINFO_BACKLOG);
  S(SK_MEMINFO_DROPS); S(SK_MEMINFO_VARS);

  SIZE(sockaddr, struct sockaddr); F(sockaddr, sa_family); F(sockaddr, sa_data);
  SIZE(sockaddr_storage, struct sockaddr_storage); F(sockaddr_storage, ss_family);
  SIZE(sockaddr_in, struct sockaddr_in);
  F(sockaddr_in, sin_family); F(sockaddr_in, sin_port); F(sockaddr_in, sin_addr);
  SIZE(sockaddr_in6, struct sockaddr_in6);
  F(sockaddr_in6, sin6_family); F(sockaddr_in6, sin6_port); F(sockaddr_in6, sin6_flowinfo);
  F(sockaddr_in6, sin6_addr); F(sockaddr_in6, sin6_scope_id);
  SIZE(sockaddr_un, struct sockaddr_un); F(sockaddr_un, sun_family); F(sockaddr_un, sun_path);
  SIZE(sockaddr_ll, struct sockaddr_ll);
  F(sockaddr_ll, sll_family); F(sockaddr_ll, sll_protocol); F(sockaddr_ll, sll_ifindex);
  F(sockaddr_ll, sll_hatype); F(sockaddr_ll, sll_pkttype); F(sockaddr_ll, sll_halen); F(sockaddr_ll, sll_addr);
  SIZE(linger, struct linger); F(linger, l_onoff); F(linger, l_linger);
  SIZE(timeval, struct timeval); F(timeval, tv_sec); F(timeval, tv_usec);
  SIZE(iovec, struct iovec); F(iovec, iov_base); F(iovec, iov_len);
  SIZE(msghdr, struct msghdr);
  F(msghdr, msg_name); F(msghdr, msg_namelen); F(msghdr, msg_iov); F(msghdr, msg_iovlen);
  F(msghdr, msg_control); F(msghdr, msg_controllen); F(msghdr, msg_flags);
  SIZE(cmsghdr, struct cmsghdr); F(cmsghdr, cmsg_len); F(cmsghdr, cmsg_level); F(cmsghdr, cmsg_type);
  SIZE(pollfd, struct pollfd); F(pollfd, fd); F(pollfd, events); F(pollfd, revents);
  SIZE(epoll_event, struct epoll_event); F(epoll_event, events); F(epoll_event, data);
  SIZE(addrinfo, struct addrinfo);
  F(addrinfo, ai_flags); F(addrinfo, ai_family); F(addrinfo, ai_socktype); F(addrinfo, ai_protocol);
  F(addrinfo, ai_addrlen); F(addrinfo, ai_addr); F(addrinfo, ai_canonname); F(addrinfo, ai_next);
  SIZE(hostent, struct hostent);
  F(hostent, h_name); F(hostent, h_aliases); F(hostent, h_addrtype); F(hostent, h_length); F(hostent, h_addr_list);
  SIZE(servent, struct servent); F(servent, s_name); F(servent, s_aliases); F(servent, s_port); F(servent, s_proto);
  SIZE(protoent, struct protoent); F(protoent, p_name); F(protoent, p_aliases); F(protoent, p_proto);
  SIZE(ip_mreq, struct ip_mreq); F(ip_mreq, imr_multiaddr); F(ip_mreq, imr_interface);
  SIZE(ip_mreqn, struct ip_mreqn);
  F(ip_mreqn, imr_multiaddr); F(ip_mreqn, imr_address); F(ip_mreqn, imr_ifindex);
  SIZE(ipv6_mreq, struct ipv6_mreq); F(ipv6_mreq, ipv6mr_multiaddr); F(ipv6_mreq, ipv6mr_interface);
  SIZE(group_req, struct group_req); F(group_req, gr_interface); F(group_req, gr_group);
  SIZE(group_source_req, struct group_source_req);
  F(group_source_req, gsr_interface); F(group_source_req, gsr_group); F(group_source_req, gsr_source);
  SIZE(in_pktinfo, struct in_pktinfo);
  F(in_pktinfo, ipi_ifindex); F(in_pktinfo, ipi_spec_dst); F(in_pktinfo, ipi_addr);
  SIZE(in6_pktinfo, struct in6_pktinfo); F(in6_pktinfo, ipi6_addr); F(in6_pktinfo, ipi6_ifindex);
  SIZE(ucred, struct ucred); F(ucred, pid); F(ucred, uid); F(ucred, gid);
  SIZE(fd_set, fd_set);
  SIZE(ifreq, struct ifreq); F(ifreq, ifr_name); F(ifreq, ifr_addr); F(ifreq, ifr_ifindex);
  SIZE(ifconf, struct ifconf); F(ifconf, ifc_len); F(ifconf, ifc_buf);
  return 0;
}
