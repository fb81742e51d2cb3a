// Descriptor passing with SCM_RIGHTS between processes: a TCP socket and a file go to a child Bun
// process over an abstract unix socket, the child uses both, and sends a socket of its own back with
// SCM_CREDENTIALS. Then the same in one process: what a receiver gets for sockets, files and
// truncated control buffers, and that nothing is left open.
import { closeSync, openSync, readFileSync, readdirSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "bun:test";
import * as P from "../src/index.ts";
import { useSandbox } from "./fixtures/sandbox.ts";

const { opened, warnings, dir: tmp } = useSandbox("phps-scm-");

function track<T extends P.Socket | false>(s: T): Exclude<T, false> {
  if (s === false) throw new Error(`socket call failed: ${warnings.join("; ")}`);
  opened.push(s as P.Socket);
  return s as Exclude<T, false>;
}

/** Reads never hang a failing test: every socket gives up after 5 s. */
const bounded = (s: P.Socket): P.Socket => (P.socket_set_option(s, P.SOL_SOCKET, P.SO_RCVTIMEO, { sec: 5, usec: 0 }), s);

function pair(type: number): [P.Socket, P.Socket] {
  const r = P.ref<P.Socket[]>();
  expect(P.socket_create_pair(P.AF_UNIX, type, 0, r)).toBe(true);
  return [bounded(track(r.value[0]!)), bounded(track(r.value[1]!))];
}

const openFds = (): number => readdirSync("/proc/self/fd").length;
/** Lets the finalizers of sockets earlier tests dropped run first, so that a count taken next is stable. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    Bun.gc(true);
    await Bun.sleep(1);
  }
}

describe.if(process.platform === "linux")("between processes", () => {
  test("a TCP socket and a file passed to a child are used there, and a socket comes back", async () => {
    // An abstract name (leading NUL), unique to this run; the child adds the NUL itself.
    const label = `php-sockets-scm-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const name = `\0${label}`;
    const lst = bounded(track(P.socket_create(P.AF_UNIX, P.SOCK_STREAM, 0)));
    expect(P.socket_bind(lst, name)).toBe(true);
    expect(P.socket_listen(lst, 1)).toBe(true);
    P.socket_set_option(lst, P.SOL_SOCKET, P.SO_PASSCRED, 1);

    // The TCP connection whose client end the child will write through.
    const srv = bounded(track(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP)));
    expect(P.socket_bind(srv, "127.0.0.1", 0)).toBe(true);
    expect(P.socket_listen(srv, 1)).toBe(true);
    const port = P.ref<number>(), host = P.ref();
    P.socket_getsockname(srv, host, port);
    const cli = track(P.socket_create(P.AF_INET, P.SOCK_STREAM, P.SOL_TCP));
    expect(P.socket_connect(cli, "127.0.0.1", port.value)).toBe(true);
    const acc = bounded(track(P.socket_accept(srv)));
    const path = join(tmp(), "from-child.txt");
    const fileFd = openSync(path, "w");

    const child = Bun.spawn([process.execPath, join(import.meta.dir, "fixtures", "scm-child.ts"), label], { stderr: "pipe", stdout: "pipe" });
    const killer = setTimeout(() => child.kill(), 20_000);
    try {
      const ch = bounded(track(P.socket_accept(lst)));
      P.socket_set_option(ch, P.SOL_SOCKET, P.SO_PASSCRED, 1);
      const sent = P.socket_sendmsg(ch, {
        iov: ["take these"],
        control: [{ level: P.SOL_SOCKET, type: P.SCM_RIGHTS, data: [cli, new P.FileDescriptor(fileFd)] }],
      });
      expect(sent).toBe(10);
      // The child holds its own copies now: closing ours must not end the connection.
      P.socket_close(cli);
      closeSync(fileFd);

      const childPid = child.pid;
      expect(P.socket_read(acc, 100)).toBe(`hello from child ${childPid}`);
      // The child closed its copy: the connection has ended.
      expect(P.socket_read(acc, 100)).toBe("");

      const back = P.ref<Record<string, unknown>>({
        controllen: P.socket_cmsg_space(P.SOL_SOCKET, P.SCM_RIGHTS, 1) + P.socket_cmsg_space(P.SOL_SOCKET, P.SCM_CREDENTIALS),
      });
      expect(P.socket_recvmsg(ch, back)).toBe(4);
      const control = back.value.control as { level: number; type: number; data: unknown }[];
      const rights = control.find((c) => c.type === P.SCM_RIGHTS)!;
      const creds = control.find((c) => c.type === P.SCM_CREDENTIALS)!;
      expect(creds.data).toEqual({ pid: childPid, uid: process.getuid!(), gid: process.getgid!() });
      const theirs = (rights.data as P.Socket[])[0]!;
      expect(theirs).toBeInstanceOf(P.Socket);
      track(theirs);
      expect(P.socket_write(theirs, "parent says hi")).toBe(14);
      expect(P.socket_read(ch, 100)).toBe("child heard: parent says hi");
      expect(await child.exited).toBe(0);
      expect(readFileSync(path, "utf8")).toBe(`file written by child ${childPid}\n`);
    } finally {
      clearTimeout(killer);
      child.kill();
      const err = await new Response(child.stderr).text();
      if (err) console.error(err);
    }
  });
});

describe.if(process.platform === "linux")("in one process", () => {
  test("received sockets are new descriptors on the same socket, with family, type and mode", () => {
    const [a, b] = pair(P.SOCK_DGRAM);
    const u = track(P.socket_create(P.AF_INET6, P.SOCK_DGRAM, P.SOL_UDP));
    expect(P.socket_bind(u, "::1", 0)).toBe(true);
    P.socket_set_nonblock(u);
    expect(P.socket_sendmsg(a, { iov: ["x"], control: [{ level: P.SOL_SOCKET, type: P.SCM_RIGHTS, data: [u] }] })).toBe(1);
    const m = P.ref<Record<string, any>>({ controllen: P.socket_cmsg_space(P.SOL_SOCKET, P.SCM_RIGHTS, 1) });
    expect(P.socket_recvmsg(b, m)).toBe(1);
    const got = track(m.value.control[0].data[0] as P.Socket);
    expect(got.fd).not.toBe(u.fd);
    expect(got.family).toBe(P.AF_INET6);
    expect(got.sockType).toBe(P.SOCK_DGRAM);
    expect(got.blocking).toBe(false);
    const h1 = P.ref(), p1 = P.ref(), h2 = P.ref(), p2 = P.ref();
    P.socket_getsockname(u, h1, p1);
    P.socket_getsockname(got, h2, p2);
    expect([h2.value, p2.value]).toEqual([h1.value, p1.value]);
  });

  test("each descriptor goes in its own slot (PHP 8.2 shifts them by one)", () => {
    const [a, b] = pair(P.SOCK_DGRAM);
    const x = track(P.socket_create(P.AF_INET, P.SOCK_DGRAM, 0));
    const y = track(P.socket_create(P.AF_UNIX, P.SOCK_STREAM, 0));
    P.socket_sendmsg(a, { iov: ["x"], control: [{ level: P.SOL_SOCKET, type: P.SCM_RIGHTS, data: [x, y] }] });
    const m = P.ref<Record<string, any>>({ controllen: 100 });
    P.socket_recvmsg(b, m);
    const [gx, gy] = m.value.control[0].data as P.Socket[];
    track(gx!), track(gy!);
    expect([gx!.family, gy!.family]).toEqual([P.AF_INET, P.AF_UNIX]);
  });

  test("a descriptor that is not a socket arrives as a FileDescriptor", () => {
    const [a, b] = pair(P.SOCK_DGRAM);
    const path = join(tmp(), "plain.txt");
    const fd = openSync(path, "w+");
    try {
      P.socket_sendmsg(a, { iov: ["f"], control: [{ level: P.SOL_SOCKET, type: P.SCM_RIGHTS, data: [new P.FileDescriptor(fd)] }] });
    } finally {
      closeSync(fd);
    }
    const m = P.ref<Record<string, any>>({ controllen: 100 });
    P.socket_recvmsg(b, m);
    const f = m.value.control[0].data[0] as P.FileDescriptor;
    expect(f).toBeInstanceOf(P.FileDescriptor);
    writeSync(f.fd, "through the passed fd");
    f.close();
    expect(f.closed).toBe(true);
    expect(readFileSync(path, "utf8")).toBe("through the passed fd");
  });

  test("descriptors that are not sockets or files cannot be sent; closed ones fail in the OS", () => {
    const [a] = pair(P.SOCK_DGRAM);
    const send = (data: unknown[]) => P.socket_sendmsg(a, { iov: ["x"], control: [{ level: P.SOL_SOCKET, type: P.SCM_RIGHTS, data }] });
    expect(send([3])).toBe(false);
    expect(send([{ fd: 3 }])).toBe(false);
    expect(warnings.splice(0)).toEqual([
      "socket_sendmsg(): error converting user data (path: msghdr > control > element #0 > data > element #1): expected a Socket object or a stream resource",
      "socket_sendmsg(): error converting user data (path: msghdr > control > element #0 > data > element #1): expected a Socket object or a stream resource",
    ]);
    const c = P.socket_create(P.AF_UNIX, P.SOCK_STREAM, 0) as P.Socket;
    P.socket_close(c);
    expect(send([c])).toBe(false);
    expect(warnings.splice(0)).toEqual(["socket_sendmsg(): Error in sendmsg [9]: Bad file descriptor"]);
    expect(() => new P.FileDescriptor(-1)).toThrow(TypeError);
    expect(() => new P.FileDescriptor(1.5)).toThrow(TypeError);
  });

  test("a control buffer too small: MSG_CTRUNC, and the descriptors that did not fit are not left open", async () => {
    const [a, b] = pair(P.SOCK_DGRAM);
    const x = track(P.socket_create(P.AF_INET, P.SOCK_DGRAM, 0));
    await settle();
    const before = openFds();
    for (let i = 0; i < 20; i++) {
      P.socket_sendmsg(a, { iov: ["x"], control: [{ level: P.SOL_SOCKET, type: P.SCM_RIGHTS, data: [x, x, x, x] }] });
      const m = P.ref<Record<string, any>>({ controllen: P.socket_cmsg_space(P.SOL_SOCKET, P.SCM_RIGHTS, 1) });
      expect(P.socket_recvmsg(b, m)).toBe(1);
      expect(m.value.flags & P.MSG_CTRUNC).toBe(P.MSG_CTRUNC);
      const got = m.value.control[0].data as P.Socket[];
      expect(got.length).toBe(2);
      for (const s of got) P.socket_close(s);
    }
    expect(openFds()).toBe(before);
  });

  test("descriptors are closed when the result cannot be given (a native conversion error)", async () => {
    const [a, b] = pair(P.SOCK_DGRAM);
    const x = track(P.socket_create(P.AF_INET, P.SOCK_DGRAM, 0));
    // SO_TIMESTAMP (29 on Linux): its control message, which PHP 8.2 cannot convert, comes before the
    // descriptors, so the message becomes false and the descriptors must not stay open.
    expect(P.socket_set_option(b, P.SOL_SOCKET, 29, 1)).toBe(true);
    await settle();
    const before = openFds();
    P.socket_sendmsg(a, { iov: ["x"], control: [{ level: P.SOL_SOCKET, type: P.SCM_RIGHTS, data: [x, x] }] });
    const m = P.ref<unknown>({ controllen: 200 });
    expect(P.socket_recvmsg(b, m)).toBe(1);
    expect(m.value).toBe(false);
    expect(warnings.splice(0)).toEqual([
      "socket_recvmsg(): error converting native data (path: msghdr > control > element #1 > data): cmsghdr with level 1 and type 29 not supported",
    ]);
    expect(openFds()).toBe(before);
  });

  test("sockets received but dropped are closed when collected", async () => {
    const [a, b] = pair(P.SOCK_DGRAM);
    const x = track(P.socket_create(P.AF_INET, P.SOCK_DGRAM, 0));
    await settle();
    const before = openFds();
    for (let i = 0; i < 50; i++) {
      P.socket_sendmsg(a, { iov: ["x"], control: [{ level: P.SOL_SOCKET, type: P.SCM_RIGHTS, data: [x] }] });
      P.socket_recvmsg(b, P.ref({ controllen: 100 }));
    }
    expect(openFds()).toBeGreaterThanOrEqual(before + 50);
    // Finalizers run when the event loop turns (see DESIGN.md); give it a few turns.
    for (let i = 0; i < 50 && openFds() > before; i++) {
      Bun.gc(true);
      await Bun.sleep(10);
    }
    expect(openFds()).toBe(before);
  });
});
