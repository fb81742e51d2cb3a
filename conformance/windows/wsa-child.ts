// The second process of wsaprotocol.test.ts: reads an id on stdin, imports the listening socket the
// parent exported for it, says "imported", accepts one connection through it and answers with its own
// pid, then says "ok"; on failure it says "fail <warnings>".
import * as P from "../../src/index.ts";

const warnings: string[] = [];
P.set_error_handler((_errno, text) => {
  warnings.push(text);
  return true;
});

const id = (await Bun.stdin.text()).trim();
const lsn = P.socket_wsaprotocol_info_import(id);
if (!lsn) {
  console.log(`fail ${warnings.join(" | ")}`);
  process.exit(1);
}
console.log("imported"); // the parent blocks in its own socket calls only after this line
const acc = P.socket_accept(lsn);
if (!acc || P.socket_write(acc, `child ${process.pid}`) === false) {
  console.log(`fail ${warnings.join(" | ")}`);
  process.exit(1);
}
P.socket_close(acc);
P.socket_close(lsn);
console.log("ok");
