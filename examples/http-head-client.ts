// The PHP manual's "Simple TCP/IP client" (an HTTP HEAD request), ported line for line.
// Usage: bun examples/http-head-client.ts [host] [port]   (defaults: www.example.com, getservbyname('www'))
import {
  AF_INET, SOCK_STREAM, SOL_TCP,
  gethostbyname, getservbyname, socket_close, socket_connect, socket_create, socket_last_error,
  socket_read, socket_strerror, socket_write, type Socket,
} from "../src/index.ts";

const echo = (s: string) => process.stdout.write(s);
const strlen = (s: string) => Buffer.byteLength(s);
const host = process.argv[2] ?? "www.example.com";

echo("<h2>TCP/IP Connection</h2>\n");

/* Get the port for the WWW service. */
const service_port = process.argv[3] ? Number(process.argv[3]) : getservbyname("www", "tcp");

/* Get the IP address for the target host. */
const address = gethostbyname(host);

/* Create a TCP/IP socket. */
const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
if (socket === false) {
  echo("socket_create() failed: reason: " + socket_strerror(socket_last_error()) + "\n");
} else {
  echo("OK.\n");
}

echo(`Attempting to connect to '${address}' on port '${service_port}'...`);
const result = socket_connect(socket as Socket, address, service_port as number);
if (result === false) {
  // PHP prints false as "" inside a string.
  echo("socket_connect() failed.\nReason: () " + socket_strerror(socket_last_error(socket as Socket)) + "\n");
} else {
  echo("OK.\n");
}

let input = "HEAD / HTTP/1.1\r\n";
input += `Host: ${host}\r\n`;
input += "Connection: Close\r\n\r\n";
let out: string | false = "";

echo("Sending HTTP HEAD request...");
socket_write(socket as Socket, input, strlen(input));
echo("OK.\n");

echo("Reading response:\n\n");
while ((out = socket_read(socket as Socket, 2048))) {
  echo(out);
}

echo("Closing socket...");
socket_close(socket as Socket);
echo("OK.\n\n");
