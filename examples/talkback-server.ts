// The PHP manual's "Simple TCP/IP server" (talkback server), ported line for line.
// Usage: bun examples/talkback-server.ts [address] [port]   (defaults: 127.0.0.1 10000)
// It answers each line with "PHP: You said '...'."; "quit" ends a session, "shutdown" stops the server.
import {
  AF_INET, PHP_NORMAL_READ, SOCK_STREAM, SOL_TCP,
  socket_accept, socket_bind, socket_close, socket_create, socket_last_error, socket_listen,
  socket_read, socket_strerror, socket_write, type Socket,
} from "../src/index.ts";

const echo = (s: string) => process.stdout.write(s);
// PHP's trim(): the same characters it strips by default.
const trim = (s: string) => s.replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, "");
const strlen = (s: string) => Buffer.byteLength(s);

const address = process.argv[2] ?? "127.0.0.1";
const port = Number(process.argv[3] ?? 10000);

let sock: Socket | false;
if ((sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP)) === false) {
  echo("socket_create() failed: reason: " + socket_strerror(socket_last_error()) + "\n");
}
const server = sock as Socket;

if (socket_bind(server, address, port) === false) {
  echo("socket_bind() failed: reason: " + socket_strerror(socket_last_error(server)) + "\n");
}

if (socket_listen(server, 5) === false) {
  echo("socket_listen() failed: reason: " + socket_strerror(socket_last_error(server)) + "\n");
}

outer: do {
  let msgsock: Socket | false;
  if ((msgsock = socket_accept(server)) === false) {
    echo("socket_accept() failed: reason: " + socket_strerror(socket_last_error(server)) + "\n");
    break;
  }
  /* Send instructions. */
  const msg = "\nWelcome to the PHP Test Server. \n" +
    "To quit, type 'quit'. To shut down the server type 'shutdown'.\n";
  socket_write(msgsock, msg, strlen(msg));

  do {
    let buf: string | false;
    if (false === (buf = socket_read(msgsock, 2048, PHP_NORMAL_READ))) {
      echo("socket_read() failed: reason: " + socket_strerror(socket_last_error(msgsock)) + "\n");
      break outer;
    }
    if (!(buf = trim(buf))) {
      continue;
    }
    if (buf == "quit") {
      break;
    }
    if (buf == "shutdown") {
      socket_close(msgsock);
      break outer;
    }
    const talkback = `PHP: You said '${buf}'.\n`;
    socket_write(msgsock, talkback, strlen(talkback));
    echo(`${buf}\n`);
  } while (true);
  socket_close(msgsock);
} while (true);

socket_close(server);
