// The demo: the manual's talkback server (this library, in a child process, blocking as PHP does)
// answers a scripted node:net client on loopback; then the manual's HTTP HEAD client (this library)
// asks a local Bun.serve server for its headers. Everything stays on 127.0.0.1.
import { converse, freePort, waitForListener } from "./talkback-client.ts";

const dir = import.meta.dir;
const port = await freePort();
const server = Bun.spawn(["bun", `${dir}/talkback-server.ts`, "127.0.0.1", String(port)], { stdout: "pipe", stderr: "inherit" });
await waitForListener(port);

const session = await converse(port, ["hello\n", "虎的笑话\n", "a line sent with CRLF\r\n", "quit\n"]);
console.log("--- talkback session, as the client saw it ---");
console.log(session);
await converse(port, ["shutdown\n"]);
const code = await server.exited;
console.log("--- what the server printed ---");
console.log(await new Response(server.stdout).text());
console.log(`talkback server exited with ${code}`);

const http = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response("hi", { headers: { "X-Demo": "php-sockets" } }) });
const client = Bun.spawn(["bun", `${dir}/http-head-client.ts`, "127.0.0.1", String(http.port)], { stdout: "pipe" });
console.log("--- HTTP HEAD client ---");
console.log(await new Response(client.stdout).text());
await client.exited;
http.stop(true);
process.exit(code === 0 && client.exitCode === 0 ? 0 : 1);
