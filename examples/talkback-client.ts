// A scripted talkback client that is not this library: node:net, as Bun's own networking runs it.
// It sends its lines, then reads everything the server says until the server closes the connection.
import net from "node:net";

export async function converse(port: number, lines: string[], host = "127.0.0.1", timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // end() half-closes after the lines: a server that reads on sees the end of the stream.
    const c = net.connect({ host, port }, () => void c.end(lines.join("")));
    const timer = setTimeout(() => (c.destroy(), reject(new Error(`no end of conversation after ${timeoutMs} ms`))), timeoutMs);
    c.on("data", (d: Buffer) => chunks.push(d));
    c.on("error", (e) => (clearTimeout(timer), reject(e)));
    c.on("close", () => (clearTimeout(timer), resolve(Buffer.concat(chunks).toString("utf8"))));
  });
}

/**
 * Waits until the talkback server answers (it may still be starting), bounded in time. The probe is a
 * whole session ending in "quit": a client that just hangs up makes the manual's server stop, since
 * its blocking PHP_NORMAL_READ then fails with ECONNRESET.
 */
export async function waitForListener(port: number, host = "127.0.0.1", timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const ok = await converse(port, ["quit\n"], host).then(() => true, () => false);
    if (ok) return;
    await Bun.sleep(25);
  }
  throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`);
}

/** A port that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}
