// The manual's talkback server, run by PHP 8.2 and by this library, answers the same node:net client
// byte for byte, and prints the same lines.
import { expect, test } from "bun:test";
import { converse, freePort, waitForListener } from "../examples/talkback-client.ts";

const root = `${import.meta.dir}/..`;
const sessions: string[][] = [
  ["hello\n", "虎的笑话\n", "a line sent with CRLF\r\n", "\n", "  spaced  \n", "tab\there\n", "quit\n"],
  ["no newline yet", " then the end\n", "\r\n\r\n", "°C ünïcödé €\n", "quit\n"],
  ["abrupt\n"], // the client hangs up without quit: PHP's blocking PHP_NORMAL_READ fails, the server stops
];

async function run(cmd: string[]): Promise<{ talk: string[]; printed: string; code: number }> {
  const port = await freePort();
  const server = Bun.spawn([...cmd, "127.0.0.1", String(port)], { stdout: "pipe", stderr: "pipe" });
  try {
    await waitForListener(port);
    const talk: string[] = [];
    for (const lines of sessions) talk.push(await converse(port, lines));
    const code = await Promise.race([server.exited, Bun.sleep(5000).then(() => -1)]);
    return { talk, printed: await new Response(server.stdout).text(), code };
  } finally {
    server.kill();
  }
}

test("talkback server: the library answers exactly as PHP does", async () => {
  const php = await run(["php", `${root}/test/fixtures/talkback-server.php`]);
  const lib = await run(["bun", `${root}/examples/talkback-server.ts`]);
  expect(php.talk[0]).toContain("PHP: You said '虎的笑话'.\n");
  expect(php.talk[0]).toContain("PHP: You said 'a line sent with CRLF'.\n");
  expect(php.printed).toContain("socket_read() failed: reason: Connection reset by peer");
  expect(php.code).toBe(0);
  expect(lib).toEqual(php);
}, 30_000);
