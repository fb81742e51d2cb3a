// socket_select beyond the differential scenarios: thousands of descriptors (where PHP's own select
// gives up at 1024), waits measured, EINTR and EBADF, the in-place filtering of JS arrays and objects,
// and the epoll registrations kept between calls following sockets that close and descriptors reused.
// Loopback and socket pairs only; every wait is bounded and every socket closed.
import { afterAll, describe, expect, test } from "bun:test";
import { dlopen } from "bun:ffi";
import { readFileSync } from "node:fs";
import {
  AF_INET, AF_UNIX, SOCK_STREAM, SOL_TCP, Socket, ref, restore_error_handler, set_error_handler, socket_bind,
  socket_clear_error, socket_close, socket_create, socket_create_pair, socket_getsockname,
  socket_last_error, socket_listen, socket_read, socket_select, socket_write,
} from "../src/index.ts";
import { os } from "../src/platform/index.ts";
import { EXCEPT, READ, WRITE, type ReadySet } from "../src/functions/readyset.ts";
import { PollReady } from "../src/functions/ready-poll.ts";
import { EpollReady } from "../src/functions/ready-epoll.ts";

const PHP = process.env.PHP_BINARY ?? "php";
const opened: Socket[] = [];
afterAll(() => {
  for (const s of opened) if (!s.closed) socket_close(s);
});

function pair(): [Socket, Socket] {
  const p = ref<Socket[]>();
  expect(socket_create_pair(AF_UNIX, SOCK_STREAM, 0, p)).toBe(true);
  opened.push(...p.value);
  return [p.value[0]!, p.value[1]!];
}

/** The result of `f` and the warnings it emitted. */
function warnings<T>(f: () => T): [T, string[]] {
  const seen: string[] = [];
  set_error_handler((_, msg) => (seen.push(msg), true));
  try {
    return [f(), seen];
  } finally {
    restore_error_handler();
  }
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

function php(code: string, timeout = 20_000): string {
  const r = Bun.spawnSync([PHP, "-n", "-d", "extension=sockets", "-d", "error_reporting=-1", "-r", code], { timeout });
  return r.stdout.toString() + r.stderr.toString();
}

/** The soft RLIMIT_NOFILE, raised towards the hard limit when below `want` (the process's own limit). */
function ensureFileLimit(want: number): number {
  const soft = (): number => Number(/Max open files\s+(\d+|unlimited)/.exec(readFileSync("/proc/self/limits", "utf8"))![1]!.replace("unlimited", "1e9"));
  if (soft() >= want) return soft();
  const RLIMIT_NOFILE = 7; // Linux's number, for this test only
  const libc = dlopen("libc.so.6", { getrlimit: { args: ["i32", "buffer"], returns: "i32" }, setrlimit: { args: ["i32", "buffer"], returns: "i32" } });
  const lim = new BigUint64Array(2);
  libc.symbols.getrlimit(RLIMIT_NOFILE, lim);
  lim[0] = lim[1]! < BigInt(want) ? lim[1]! : BigInt(want);
  libc.symbols.setrlimit(RLIMIT_NOFILE, lim);
  libc.close();
  return soft();
}

describe("no FD_SETSIZE ceiling", () => {
  test("2,000 sockets with descriptors past 1024: the ready ones, counted as select() does", () => {
    expect(ensureFileLimit(2300)).toBeGreaterThanOrEqual(2300);
    const pairs: [Socket, Socket][] = [];
    try {
      for (let i = 0; i < 1000; i++) pairs.push(pair());
      const all = pairs.flat();
      expect(Math.max(...all.map((s) => s.fd))).toBeGreaterThan(1024);
      const ready = [3, 500, 998, 999, 0].map((i) => pairs[i]![0]);
      for (const i of [3, 500, 998, 999, 0]) socket_write(pairs[i]![1], "x");

      const rd = all.slice();
      expect(socket_select(rd, null, null, 0)).toBe(5);
      expect(new Set(rd)).toEqual(new Set(ready));
      // Order is the array's own.
      expect(rd).toEqual(all.filter((s) => ready.includes(s)));

      const r2 = all.slice(), w2 = all.slice();
      expect(socket_select(r2, w2, [], 1)).toBe(2005);
      expect(w2.length).toBe(2000);

      // The highest descriptors, read as they come.
      const last = pairs[999]!;
      expect(socket_read(last[0], 10)).toBe("x");
      const r3 = all.slice();
      expect(socket_select(r3, null, null, 0)).toBe(4);
      expect(r3.includes(last[0])).toBe(false);
    } finally {
      for (const [a, b] of pairs) (socket_close(a), socket_close(b));
    }
  });

  test("PHP 8.2's own socket_select refuses descriptors from 1024 on", () => {
    const out = php(`
      for ($i = 0; $i < 600; $i++) { socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p); $all[] = $p[0]; $all[] = $p[1]; }
      $r = $all; $n = null;
      var_dump(socket_select($r, $n, $n, 0));`);
    expect(out).toContain("socket_select(): You MUST recompile PHP with a larger value of FD_SETSIZE.");
    expect(out).toContain("It is set to 1024, but you have descriptors numbered at least as high as");
    expect(out).toContain("bool(false)");
  });
});

describe("waiting", () => {
  test("a timeout on idle sockets is waited out, a zero one is not", () => {
    const [a, b] = pair();
    const [n1, t1] = timed(() => socket_select([a, b], null, null, 0, 200_000));
    expect(n1).toBe(0);
    expect(t1).toBeGreaterThanOrEqual(190);
    expect(t1).toBeLessThan(2000);
    const [n2, t2] = timed(() => socket_select([a, b], null, null, 0));
    expect(n2).toBe(0);
    expect(t2).toBeLessThan(50);
    // Microseconds of a second or more fold into the seconds: -1 s + 1.2 s is 0.2 s.
    const [n3, t3] = timed(() => socket_select([a], null, null, -1, 1_200_000));
    expect(n3).toBe(0);
    expect(t3).toBeGreaterThanOrEqual(190);
  });

  test("null seconds waits until another process connects", () => {
    const srv = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
    opened.push(srv);
    socket_bind(srv, "127.0.0.1", 0);
    socket_listen(srv);
    const host = ref(), port = ref<number>();
    socket_getsockname(srv, host, port);
    const child = Bun.spawn([PHP, "-n", "-d", "extension=sockets", "-r",
      `usleep(150000); $s = socket_create(AF_INET, SOCK_STREAM, SOL_TCP); socket_connect($s, "127.0.0.1", ${port.value}); usleep(300000);`]);
    try {
      const rd = [srv];
      const [n, t] = timed(() => socket_select(rd, null, null, null));
      expect(n).toBe(1);
      expect(rd).toEqual([srv]);
      expect(t).toBeGreaterThanOrEqual(100);
    } finally {
      child.kill();
    }
  });

  // select() keeps waiting while a socket in the except set only reports a hang-up; poll() and
  // epoll report it at once, so the wait must go on without that socket.
  const hangupCases: [string, () => ReadySet | null][] = [
    ["socket_select", () => null],
    ["poll()", () => new PollReady()],
    ...(os.epollCreate ? [["epoll", () => new EpollReady()] as [string, () => ReadySet]] : []),
  ];
  for (const [name, make] of hangupCases) {
    test(`${name}: a hang-up seen only from the except set does not end the wait`, () => {
      const [a, b] = pair();
      socket_close(b);
      const set = make();
      const [n, t] = timed(() => {
        if (!set) return socket_select(null, null, [a], 0, 250_000);
        set.begin();
        set.add(a, a.fd, EXCEPT);
        return set.wait(250);
      });
      expect(n).toBe(0);
      expect(t).toBeGreaterThanOrEqual(240);
      // ...while the read set sees the same hang-up at once.
      const [m, u] = timed(() => socket_select([a], null, [a], 5));
      expect(m).toBe(1);
      expect(u).toBeLessThan(1000);
    });
  }

  test("PHP waits out the same except-only hang-up", () => {
    const out = php(`
      socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p); socket_close($p[1]);
      $e = [$p[0]]; $n = null; $t = microtime(true);
      $r = socket_select($n, $n, $e, 0, 250000);
      echo $r, " ", (microtime(true) - $t) >= 0.24 ? "waited" : "early";`);
    expect(out).toBe("0 waited");
  });
});

describe("failures", () => {
  test("a signal interrupts the wait: EINTR's warning, as PHP gives it", async () => {
    const [a] = pair();
    let handled = 0;
    const onSignal = () => void handled++;
    process.on("SIGUSR2", onSignal);
    try {
      const child = Bun.spawn(["sh", "-c", `sleep 0.2; kill -USR2 ${process.pid}`]);
      socket_clear_error();
      const [[n, seen], t] = timed(() => warnings(() => socket_select([a], null, null, 3)));
      await child.exited;
      expect(n).toBe(false);
      expect(seen).toEqual(["socket_select(): Unable to select [4]: Interrupted system call"]);
      expect(socket_last_error()).toBe(4);
      expect(socket_last_error(a)).toBe(0);
      expect(t).toBeLessThan(2500);
      await Bun.sleep(20);
      expect(handled).toBe(1);
    } finally {
      process.off("SIGUSR2", onSignal);
    }
    const out = php(`
      pcntl_signal(SIGUSR2, function () {});
      socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p); $r = [$p[0]]; $n = null;
      exec("(sleep 0.2; kill -USR2 " . getmypid() . ") > /dev/null 2>&1 &");
      var_dump(socket_select($r, $n, $n, 3), socket_last_error());`);
    expect(out).toContain("Warning: socket_select(): Unable to select [4]: Interrupted system call");
    expect(out).toContain("bool(false)\nint(4)");
  });

  test("a descriptor closed under a Socket: EBADF, as select() gives it", () => {
    for (const make of [null, () => new PollReady()]) {
      const [a] = pair();
      const fd = a.fd;
      os.close(fd);
      try {
        if (!make) {
          socket_clear_error();
          const [n, seen] = warnings(() => socket_select([a], null, null, 0));
          expect(n).toBe(false);
          expect(seen).toEqual(["socket_select(): Unable to select [9]: Bad file descriptor"]);
          expect(socket_last_error()).toBe(9);
        } else {
          const set = make();
          set.begin();
          set.add(a, fd, READ);
          expect(set.wait(0)).toBe(-1);
          expect(set.error).toBe(9);
        }
      } finally {
        a.release();
      }
    }
  });
});

describe("the arrays", () => {
  test("a bare array, a ref() around one, and a plain object are filtered in place", () => {
    const [a, b] = pair();
    socket_write(b, "x");
    const arr = [a, b];
    expect(socket_select(arr, null, null, 0)).toBe(1);
    expect(arr).toEqual([a]);

    const box = ref([b, a, b]);
    const inside = box.value;
    expect(socket_select(box, null, null, 0)).toBe(1);
    expect(box.value).toBe(inside);
    expect(inside).toEqual([a]);

    const obj: Record<string, Socket> = { 10: b, 2: a, peer: b, me: a };
    expect(socket_select(obj, null, null, 0)).toBe(1);
    expect(obj).toEqual({ 2: a, me: a });

    const nullBox = ref(null);
    const w = ref<Record<string, Socket>>({ out: b });
    expect(socket_select(nullBox, w, undefined, 0)).toBe(1);
    expect(nullBox.value).toBeNull();
    expect(w.value).toEqual({ out: b });
  });

  test("arrays are left alone when the call fails", () => {
    const [a, b] = pair();
    const arr = [a, b];
    const [n] = warnings(() => socket_select(arr, null, null, -1));
    expect(n).toBe(false);
    expect(arr).toEqual([a, b]);
    expect(() => socket_select(arr, [a, 5], null, 0)).toThrow(TypeError);
    expect(arr).toEqual([a, b]);
  });
});

describe("registrations kept between calls", () => {
  test("a socket closed and its descriptor reused by a new one", () => {
    const [a, b] = pair();
    socket_write(b, "x");
    expect(socket_select([a, b], [a], null, 0)).toBe(2);
    const fds = [a.fd, b.fd];
    socket_close(a);
    socket_close(b);
    const [c, d] = pair();
    expect([c.fd, d.fd]).toEqual(fds);
    const rd = [c, d];
    expect(socket_select(rd, null, null, 0)).toBe(0);
    socket_write(d, "y");
    const rd2 = [c, d];
    expect(socket_select(rd2, null, null, 0)).toBe(1);
    expect(rd2).toEqual([c]);
  });

  test("a closed socket whose descriptor lives on in a copy does not answer for its successor", () => {
    if (!os.dup) return;
    const [a, b] = pair();
    const copy = os.dup(a.fd);
    expect(copy).toBeGreaterThanOrEqual(0);
    try {
      expect(socket_select([a], null, null, 0)).toBe(0);
      const fd = a.fd;
      socket_close(a);
      const [c, d] = pair();
      expect(c.fd).toBe(fd);
      // The old socket (still open through the copy) becomes readable: its registration must not
      // be taken for c's.
      socket_write(b, "old");
      const rd = [c];
      expect(socket_select(rd, null, null, 0)).toBe(0);
      expect(rd).toEqual([]);
      const [n, t] = timed(() => socket_select([c], null, null, 0, 100_000));
      expect(n).toBe(0);
      expect(t).toBeGreaterThanOrEqual(90);
      socket_write(d, "new");
      const rd2 = [c];
      expect(socket_select(rd2, null, null, 0)).toBe(1);
      expect(rd2).toEqual([c]);
    } finally {
      os.close(copy);
    }
  });

  test("sets that change between calls", () => {
    const ps = Array.from({ length: 8 }, () => pair());
    ps.forEach(([, b], i) => i % 2 && socket_write(b, "x"));
    for (let round = 0; round < 20; round++) {
      const pick = ps.filter((_, i) => (i + round) % 3 !== 0).map(([a]) => a);
      const want = pick.filter((s) => ps.findIndex(([a]) => a === s) % 2 === 1);
      const rd = pick.slice(), wr = round % 2 ? pick.slice() : null;
      expect(socket_select(rd, wr, pick.slice(), 0)).toBe(want.length + (wr ? pick.length : 0));
      expect(rd).toEqual(want);
    }
  });

  test("without an epoll instance to be had (no descriptor left), the call polls instead", () => {
    if (!os.epollCreate) return;
    const [a, b] = pair();
    socket_write(b, "x");
    const mutable = os as { epollCreate?: () => number };
    const real = mutable.epollCreate;
    mutable.epollCreate = () => -1;
    try {
      const set = new EpollReady();
      set.begin();
      set.add(a, a.fd, READ | WRITE);
      set.add(b, b.fd, READ);
      expect(set.wait(0)).toBe(2);
      expect([set.readyIn(a.fd), set.readyIn(b.fd)]).toEqual([READ | WRITE, 0]);
    } finally {
      mutable.epollCreate = real;
    }
  });

  test("the ReadySets agree on one set asked in every way", () => {
    const [a, b] = pair();
    const [c, d] = pair();
    socket_write(b, "x");
    socket_close(d);
    const sets: ReadySet[] = [new PollReady(), ...(os.epollCreate ? [new EpollReady()] : [])];
    for (const set of sets) {
      set.begin();
      set.add(a, a.fd, READ | WRITE);
      set.add(a, a.fd, EXCEPT);
      set.add(b, b.fd, READ);
      set.add(c, c.fd, READ | WRITE | EXCEPT);
      // a: read + write; b: nothing; c: hung up, so readable, and writable
      expect(set.wait(0)).toBe(4);
      expect([set.readyIn(a.fd), set.readyIn(b.fd), set.readyIn(c.fd)]).toEqual([READ | WRITE, 0, READ | WRITE]);
    }
  });
});

test("1,000 idle sockets and one ready: less CPU per call than PHP's select", () => {
  const ps = Array.from({ length: 500 }, () => pair());
  const all = ps.flat();
  socket_write(ps[0]![1], "x");
  const N = 3000;
  for (let i = 0; i < 300; i++) socket_select(all.slice(), null, null, 0);
  const c0 = process.cpuUsage();
  let n: number | false = 0;
  for (let i = 0; i < N; i++) n = socket_select(all.slice(), null, null, 0);
  const c = process.cpuUsage(c0);
  expect(n).toBe(1);
  const lib = (c.user + c.system) / N;
  const out = php(`
    for ($i = 0; $i < 500; $i++) { socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $p); $all[] = $p[0]; $all[] = $p[1]; }
    socket_write($all[1], "x"); $n = null;
    for ($k = 0; $k < 300; $k++) { $r = $all; socket_select($r, $n, $n, 0); }
    $u0 = getrusage();
    for ($k = 0; $k < ${N}; $k++) { $r = $all; socket_select($r, $n, $n, 0); }
    $u1 = getrusage();
    $us = fn($u) => ($u['ru_utime.tv_sec'] + $u['ru_stime.tv_sec']) * 1e6 + $u['ru_utime.tv_usec'] + $u['ru_stime.tv_usec'];
    echo ($us($u1) - $us($u0)) / ${N};`);
  const phpUs = Number(out);
  expect(phpUs).toBeGreaterThan(0);
  expect(lib).toBeLessThan(phpUs);
});
