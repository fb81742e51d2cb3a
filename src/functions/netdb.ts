// The netdb helpers of PHP's standard library that the manual's socket examples call.
import { argc, path } from "../php/args.ts";
import { warn } from "../php/errors.ts";
import { AF_INET } from "../address.ts";
import { os } from "./common.ts";
import { cstr } from "./sockaddr.ts";

const MAXFQDNLEN = 255;

/** The IPv4 address of a host, or the name itself when it does not resolve (as PHP's gethostbyname). */
export function gethostbyname(hostname: string): string {
  const fn = "gethostbyname";
  argc(fn, arguments.length, 1, 1);
  const name = path(fn, 1, "hostname", hostname);
  const c = cstr(name);
  // PHP measures the name in bytes and refuses long ones before the resolver sees them (CVE-2015-0235).
  if (c.length - 1 > MAXFQDNLEN) {
    warn(fn, `Host name cannot be longer than ${MAXFQDNLEN} characters`);
    return name;
  }
  const h = os.gethostbyname(c);
  if (!h || h.family !== AF_INET || h.addrs.length === 0) return name;
  const a = h.addrs[0]!;
  return `${a[0]}.${a[1]}.${a[2]}.${a[3]}`;
}

export function getservbyname(service: string, protocol: string): number | false {
  const fn = "getservbyname";
  argc(fn, arguments.length, 2, 2);
  const s = path(fn, 1, "service", service), p = path(fn, 2, "protocol", protocol);
  const port = os.getservbyname(cstr(s), cstr(p));
  return port < 0 ? false : port;
}

export function getprotobyname(protocol: string): number | false {
  const fn = "getprotobyname";
  argc(fn, arguments.length, 1, 1);
  const n = os.getprotobyname(cstr(path(fn, 1, "protocol", protocol)));
  return n < 0 ? false : n;
}
