// The two string encodings of a socket. UTF-8 (the default): a read never splits a character, even one
// byte at a time or with MSG_PEEK, while the count a read returns stays PHP's: bytes taken from the
// socket. Binary: PHP byte strings, one char per byte, every byte value round-trips.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import * as P from "../src/index.ts";

const opened: P.Socket[] = [];
const warnings: string[] = [];

/** A connected pair; reads give up after 2 s rather than hang a failing test. */
function pair(type = P.SOCK_STREAM): [P.Socket, P.Socket] {
  const out = P.ref<P.Socket[]>();
  expect(P.socket_create_pair(P.AF_UNIX, type, 0, out)).toBe(true);
  const [a, b] = out.value as [P.Socket, P.Socket];
  for (const s of [a, b]) P.socket_set_option(s, P.SOL_SOCKET, P.SO_RCVTIMEO, { sec: 2, usec: 0 });
  opened.push(a, b);
  return [a, b];
}

beforeAll(() => P.set_error_handler((_, text) => void warnings.push(text)));
afterAll(() => P.restore_error_handler());
afterEach(() => {
  for (const s of opened.splice(0)) if (!s.closed) P.socket_close(s);
  warnings.length = 0;
});

const TIGER = "虎的笑话"; // four 3-byte characters
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("utf8 mode", () => {
  test("one-byte reads give whole characters; the count is the bytes taken", () => {
    const [a, b] = pair();
    expect(P.socket_write(b, TIGER)).toBe(12);
    const d = P.ref();
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      expect(P.socket_recv(a, d, 1, 0)).toBe(3);
      seen.push(d.value as string);
    }
    expect(seen).toEqual([..."虎的笑话"]);
    expect(P.socket_recv(a, d, 1, P.MSG_DONTWAIT)).toBe(false);
    expect(P.socket_last_error(a)).toBe(P.SOCKET_EAGAIN);
  });

  test("socket_read of 1 byte gives whole characters too", () => {
    const [a, b] = pair();
    P.socket_write(b, TIGER);
    const seen: (string | false)[] = [];
    for (let i = 0; i < 4; i++) seen.push(P.socket_read(a, 1));
    expect(seen).toEqual([..."虎的笑话"]);
  });

  test("MSG_PEEK of 1 byte shows a whole character and consumes nothing", () => {
    const [a, b] = pair();
    P.socket_write(b, TIGER);
    const d = P.ref();
    expect(P.socket_recv(a, d, 1, P.MSG_PEEK)).toBe(3);
    expect(d.value).toBe("虎");
    expect(P.socket_recv(a, d, 4, P.MSG_PEEK)).toBe(6);
    expect(d.value).toBe("虎的");
    expect(P.socket_recv(a, d, 100, 0)).toBe(12);
    expect(d.value).toBe(TIGER);
  });

  test("four-byte characters, one byte at a time, with ASCII between", () => {
    const [a, b] = pair();
    const text = "a😀b🐯c";
    P.socket_write(b, text);
    const d = P.ref();
    let joined = "";
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      bytes += P.socket_recv(a, d, 1, 0) as number;
      joined += d.value as string;
    }
    expect(joined).toBe(text);
    expect(bytes).toBe(Buffer.byteLength(text));
  });

  test("a character split across two writes is read whole", () => {
    const [a, b] = pair();
    const all = bytesOf("虎的");
    P.socket_write(b, all.subarray(0, 2));
    P.socket_write(b, all.subarray(2));
    const d = P.ref();
    expect(P.socket_recv(a, d, 2, 0)).toBe(3);
    expect(d.value).toBe("虎");
    expect(P.socket_recv(a, d, 100, 0)).toBe(3);
    expect(d.value).toBe("的");
  });

  test("non-blocking: an unfinished character waits on the socket, reported as EAGAIN", () => {
    const [a, b] = pair();
    P.socket_set_nonblock(a);
    const all = bytesOf("虎!");
    P.socket_write(b, all.subarray(0, 2));
    const d = P.ref<string | null>("x");
    expect(P.socket_recv(a, d, 10, 0)).toBe(false);
    expect(d.value).toBe(null);
    expect(P.socket_last_error(a)).toBe(P.SOCKET_EAGAIN);
    expect(warnings).toEqual([]);
    P.socket_write(b, all.subarray(2));
    // The count is what this call took from the socket; the string starts with the waiting bytes.
    expect(P.socket_recv(a, d, 10, 0)).toBe(2);
    expect(d.value).toBe("虎!");
  });

  test("end of stream inside a character shows U+FFFD instead of losing the bytes", () => {
    const [a, b] = pair();
    P.socket_write(b, bytesOf("ok虎").subarray(0, 4));
    P.socket_shutdown(b, 1);
    const d = P.ref();
    expect(P.socket_recv(a, d, 3, 0)).toBe(4);
    expect(d.value).toBe("ok\uFFFD");
    expect(P.socket_recv(a, d, 3, 0)).toBe(0);
    expect(d.value).toBe(null);
  });

  test("counts are bytes, strings hold characters", () => {
    const [a, b] = pair();
    expect(P.socket_send(b, TIGER, 100, 0)).toBe(12);
    const d = P.ref();
    expect(P.socket_recv(a, d, 100, 0)).toBe(12);
    expect((d.value as string).length).toBe(4);
    expect(Buffer.byteLength(d.value as string)).toBe(12);
  });

  test("datagrams decode each message alone: a cut character shows as U+FFFD", () => {
    const [a, b] = pair(P.SOCK_DGRAM);
    P.socket_write(b, TIGER);
    P.socket_write(b, "的");
    const d = P.ref();
    expect(P.socket_recv(a, d, 4, 0)).toBe(4);
    expect(d.value).toBe("虎\uFFFD");
    expect(P.socket_recv(a, d, 100, 0)).toBe(3);
    expect(d.value).toBe("的");
  });

  test("waiting bytes come first for recv_into and after a switch to binary", () => {
    const [a, b] = pair();
    P.socket_set_nonblock(a);
    const all = bytesOf("虎");
    P.socket_write(b, all.subarray(0, 2));
    expect(P.socket_recv(a, P.ref(), 10, 0)).toBe(false);
    P.socket_write(b, all.subarray(2));
    const into = new Uint8Array(8);
    expect(P.socket_recv_into(a, into)).toBe(3);
    expect([...into.subarray(0, 3)]).toEqual([...all]);

    P.socket_write(b, all.subarray(0, 1));
    expect(P.socket_read(a, 10)).toBe(false);
    P.socket_set_encoding(a, "binary");
    P.socket_write(b, "z");
    expect(P.socket_read(a, 10)).toBe("\xe8z");
  });
});

describe("binary mode", () => {
  const every = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i));

  test("all 256 byte values round-trip; .length is the byte count", () => {
    const [a, b] = pair();
    P.socket_set_encoding(a, "binary");
    P.socket_set_encoding(b, "binary");
    expect(P.socket_write(b, every)).toBe(256);
    expect(P.socket_send(b, every, 256, 0)).toBe(256);
    const d = P.ref();
    expect(P.socket_recv(a, d, 256, P.MSG_WAITALL)).toBe(256);
    expect(d.value).toBe(every);
    expect((d.value as string).length).toBe(256);
    const r = P.socket_read(a, 256);
    expect(r).toBe(every);
  });

  test("the bytes on the wire are the char codes", () => {
    const [a, b] = pair();
    P.socket_set_encoding(b, "binary");
    P.socket_write(b, every);
    const raw = new Uint8Array(256);
    let got = 0;
    for (let i = 0; i < 10 && got < 256; i++) got += P.socket_recv_into(a, raw.subarray(got)) as number;
    expect(got).toBe(256);
    expect([...raw]).toEqual(Array.from({ length: 256 }, (_, i) => i));
  });

  test("single bytes of a UTF-8 character come back one by one", () => {
    const [a, b] = pair();
    P.socket_set_encoding(a, "binary");
    P.socket_write(b, "虎");
    const d = P.ref();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      expect(P.socket_recv(a, d, 1, 0)).toBe(1);
      seen.push(d.value as string);
    }
    expect(seen).toEqual(["\xe8", "\x99", "\x8e"]);
  });

  test("datagrams and recvfrom", () => {
    const [a, b] = pair(P.SOCK_DGRAM);
    P.socket_set_encoding(a, "binary");
    P.socket_set_encoding(b, "binary");
    P.socket_send(b, every, 256, 0);
    const d = P.ref(), from = P.ref();
    expect(P.socket_recvfrom(a, d, 1000, 0, from)).toBe(256);
    expect(d.value).toBe(every);
    expect(from.value).toBe("");
  });

  test("a char over 0xFF is not a byte: ValueError, nothing sent", () => {
    const [a, b] = pair();
    P.socket_set_encoding(b, "binary");
    expect(() => P.socket_send(b, "虎", 3, 0)).toThrow(P.ValueError);
    expect(() => P.socket_write(b, "ok\u0100")).toThrow(P.ValueError);
    expect(P.socket_recv(a, P.ref(), 10, P.MSG_DONTWAIT)).toBe(false);
  });

  // A binary write takes one of three routes by length (a char loop, an ASCII encodeInto, a native
  // Latin-1 copy): each must send exactly the byte string, and refuse a char over 0xFF wherever it is.
  for (const n of [5, 31, 32, 33, 255, 256, 1024, 70000]) {
    test(`byte strings of ${n} chars: ASCII, Latin-1 and not`, () => {
      const [a, b] = pair();
      P.socket_set_encoding(a, "binary");
      P.socket_set_encoding(b, "binary");
      const ascii = "q".repeat(n - 1) + "z";
      const latin = "a".repeat(n - 2) + "\xe9\xff";
      const early = "\xe9" + "a".repeat(n - 1);
      for (const s of [ascii, latin, early]) {
        expect(P.socket_write(b, s)).toBe(n);
        const got = P.ref<string>();
        expect(P.socket_recv(a, got, n, P.MSG_WAITALL)).toBe(n);
        expect(got.value).toBe(s);
      }
      for (const bad of ["\u0100" + "a".repeat(n - 1), "a".repeat(n - 1) + "\u0100", "a".repeat(n - 2) + "\ud83d\ude00"]) {
        expect(() => P.socket_write(b, bad)).toThrow(P.ValueError);
      }
      expect(P.socket_recv(a, P.ref(), 10, P.MSG_DONTWAIT)).toBe(false);
    });
  }
});

describe("reads of every size", () => {
  // Reads are decoded where they land by Buffer's native codecs: the text must be what TextDecoder
  // (UTF-8, BOM kept, U+FFFD for each invalid sequence) and ISO-8859-1 give, at sizes where the copy
  // takes different paths.
  const td = new TextDecoder("utf-8", { ignoreBOM: true });
  for (const n of [1, 2, 63, 1024, 4097, 65536]) {
    test(`${n} bytes of every kind`, () => {
      const bytes = new Uint8Array(n);
      let seed = n;
      for (let i = 0; i < n; i++) bytes[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
      if (n > 3) bytes.set([0xef, 0xbb, 0xbf]); // a BOM first, kept as data
      bytes[n - 1] = 0x41; // ends on a whole character: a read takes exactly these bytes
      let latin1 = "";
      for (const c of bytes) latin1 += String.fromCharCode(c);
      const [a, b] = pair();
      const d = P.ref();
      P.socket_send(b, bytes, n, 0);
      expect(P.socket_recv(a, d, n, P.MSG_WAITALL)).toBe(n);
      expect(d.value).toBe(td.decode(bytes));
      P.socket_send(b, bytes, n, 0);
      expect(P.socket_read(a, n)).toBe(td.decode(bytes));
      P.socket_set_encoding(a, "binary");
      P.socket_send(b, bytes, n, 0);
      expect(P.socket_recv(a, d, n, P.MSG_WAITALL)).toBe(n);
      expect(d.value).toBe(latin1);
      P.socket_send(b, bytes, n, 0);
      expect(P.socket_read(a, n)).toBe(latin1);
    });
  }
});

describe("data as any ArrayBufferView", () => {
  test("views with offsets send exactly their bytes", () => {
    const [a, b] = pair();
    const backing = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(P.socket_send(b, backing.subarray(3, 6), 100, 0)).toBe(3);
    expect(P.socket_send(b, new DataView(backing.buffer, 6, 2), 100, 0)).toBe(2);
    expect(P.socket_send(b, new Uint16Array([0x0a0b]), 100, 0)).toBe(2);
    expect(P.socket_sendto(b, backing.subarray(9), 1, 0, "ignored")).toBe(false); // a connected pair: EISCONN
    const into = new Uint8Array(16);
    expect(P.socket_recv_into(a, into)).toBe(7);
    const le = new Uint8Array(new Uint16Array([0x0a0b]).buffer);
    expect([...into.subarray(0, 7)]).toEqual([3, 4, 5, 6, 7, le[0]!, le[1]!]);
    expect(warnings).toEqual(["socket_sendto(): Unable to write to socket [106]: Transport endpoint is already connected"]);
  });
});
