// Darwin LP64 struct layouts, computed with C's natural-alignment rules from the member types the
// xnu/Libinfo headers declare (named in each struct's source). Only members the backends read are
// reported, but every member is listed so the offsets come out right.

type Scalar = "u8" | "u16" | "u32" | "i16" | "i32" | "i64" | "ptr" | "in_addr" | "in6_addr" | "sockaddr_storage";
type Member = [name: string, type: Scalar, count?: number];
interface Def {
  name: string;
  source: string;
  members: Member[];
  pack?: number; // #pragma pack(n) in force
  report?: string[]; // members to report; all non-padding ones when absent
}

const SCALAR: Record<Scalar, [size: number, align: number]> = {
  u8: [1, 1], u16: [2, 2], i16: [2, 2], u32: [4, 4], i32: [4, 4], i64: [8, 8], ptr: [8, 8],
  in_addr: [4, 4], // struct in_addr { in_addr_t s_addr; }
  in6_addr: [16, 4], // a union whose widest member is __u6_addr32[4]
  sockaddr_storage: [128, 8], // its __ss_align is an __int64_t
};

const IN = "xnu bsd/netinet/in.h";
const SOCK = "xnu bsd/sys/socket.h";
const DEFS: Def[] = [
  { name: "sockaddr", source: SOCK, members: [["sa_len", "u8"], ["sa_family", "u8"], ["sa_data", "u8", 14]] },
  {
    name: "sockaddr_storage", source: SOCK, report: ["ss_len", "ss_family"],
    members: [["ss_len", "u8"], ["ss_family", "u8"], ["__ss_pad1", "u8", 6], ["__ss_align", "i64"], ["__ss_pad2", "u8", 112]],
  },
  {
    name: "sockaddr_in", source: IN, report: ["sin_len", "sin_family", "sin_port", "sin_addr"],
    members: [["sin_len", "u8"], ["sin_family", "u8"], ["sin_port", "u16"], ["sin_addr", "in_addr"], ["sin_zero", "u8", 8]],
  },
  {
    name: "sockaddr_in6", source: "xnu bsd/netinet6/in6.h",
    members: [["sin6_len", "u8"], ["sin6_family", "u8"], ["sin6_port", "u16"], ["sin6_flowinfo", "u32"], ["sin6_addr", "in6_addr"], ["sin6_scope_id", "u32"]],
  },
  { name: "sockaddr_un", source: "xnu bsd/sys/un.h", members: [["sun_len", "u8"], ["sun_family", "u8"], ["sun_path", "u8", 104]] },
  { name: "linger", source: SOCK, members: [["l_onoff", "i32"], ["l_linger", "i32"]] },
  { name: "timeval", source: "xnu bsd/sys/_types/_timeval.h", members: [["tv_sec", "i64"], ["tv_usec", "i32"]] },
  { name: "iovec", source: "xnu bsd/sys/_types/_iovec_t.h", members: [["iov_base", "ptr"], ["iov_len", "ptr"]] },
  {
    name: "msghdr", source: SOCK,
    members: [["msg_name", "ptr"], ["msg_namelen", "u32"], ["msg_iov", "ptr"], ["msg_iovlen", "i32"], ["msg_control", "ptr"], ["msg_controllen", "u32"], ["msg_flags", "i32"]],
  },
  { name: "cmsghdr", source: SOCK, members: [["cmsg_len", "u32"], ["cmsg_level", "i32"], ["cmsg_type", "i32"]] },
  { name: "pollfd", source: "xnu bsd/sys/poll.h", members: [["fd", "i32"], ["events", "i16"], ["revents", "i16"]] },
  {
    name: "addrinfo", source: "Libinfo lookup.subproj/netdb.h",
    members: [["ai_flags", "i32"], ["ai_family", "i32"], ["ai_socktype", "i32"], ["ai_protocol", "i32"], ["ai_addrlen", "u32"], ["ai_canonname", "ptr"], ["ai_addr", "ptr"], ["ai_next", "ptr"]],
  },
  {
    name: "hostent", source: "Libinfo lookup.subproj/netdb.h",
    members: [["h_name", "ptr"], ["h_aliases", "ptr"], ["h_addrtype", "i32"], ["h_length", "i32"], ["h_addr_list", "ptr"]],
  },
  { name: "servent", source: "Libinfo lookup.subproj/netdb.h", members: [["s_name", "ptr"], ["s_aliases", "ptr"], ["s_port", "i32"], ["s_proto", "ptr"]] },
  { name: "protoent", source: "Libinfo lookup.subproj/netdb.h", members: [["p_name", "ptr"], ["p_aliases", "ptr"], ["p_proto", "i32"]] },
  { name: "ip_mreq", source: IN, members: [["imr_multiaddr", "in_addr"], ["imr_interface", "in_addr"]] },
  { name: "ip_mreqn", source: IN, members: [["imr_multiaddr", "in_addr"], ["imr_address", "in_addr"], ["imr_ifindex", "i32"]] },
  { name: "ipv6_mreq", source: "xnu bsd/netinet6/in6.h", members: [["ipv6mr_multiaddr", "in6_addr"], ["ipv6mr_interface", "u32"]] },
  { name: "group_req", source: `${IN} (#pragma pack(4))`, pack: 4, members: [["gr_interface", "u32"], ["gr_group", "sockaddr_storage"]] },
  {
    name: "group_source_req", source: `${IN} (#pragma pack(4))`, pack: 4,
    members: [["gsr_interface", "u32"], ["gsr_group", "sockaddr_storage"], ["gsr_source", "sockaddr_storage"]],
  },
  { name: "in_pktinfo", source: IN, members: [["ipi_ifindex", "u32"], ["ipi_spec_dst", "in_addr"], ["ipi_addr", "in_addr"]] },
  { name: "in6_pktinfo", source: "xnu bsd/netinet6/in6.h", members: [["ipi6_addr", "in6_addr"], ["ipi6_ifindex", "u32"]] },
  { name: "fd_set", source: "xnu bsd/sys/_types/_fd_def.h", report: [], members: [["fds_bits", "i32", 32]] }, // __DARWIN_FD_SETSIZE 1024 bits
];

/** Rows "struct, member, value, source" in the layouts.tsv format. */
export function layouts(): string[][] {
  const rows: string[][] = [];
  for (const d of DEFS) {
    let off = 0;
    let maxAlign = 1;
    const fields: string[][] = [];
    for (const [m, type, count = 1] of d.members) {
      const [size, natural] = SCALAR[type];
      const align = Math.min(natural, d.pack ?? natural);
      off = Math.ceil(off / align) * align;
      if (!d.report || d.report.includes(m)) fields.push([d.name, m, `${off}:${size * count}`, `${d.source} (LP64)`]);
      off += size * count;
      maxAlign = Math.max(maxAlign, align);
    }
    const total = Math.ceil(off / maxAlign) * maxAlign;
    rows.push([d.name, "$size", String(total), `${d.source} (LP64)`], [d.name, "$align", String(maxAlign), `${d.source} (LP64)`], ...fields);
  }
  return rows;
}
