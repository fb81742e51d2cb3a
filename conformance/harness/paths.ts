// Unix socket paths of an exact byte length inside the scenario's temporary folder. Both replays get a
// folder of the same length (differential.ts: tmpdir()/phps-php-XXXXXX and tmpdir()/phps-lib-XXXXXX).
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tmp, type Arg } from "./scenario.ts";

const FOLDER = join(tmpdir(), "phps-php-XXXXXX").length;

/** A path of exactly `bytes` bytes in the temporary folder, or null when the folder itself is too long. */
export function tmpPathOf(bytes: number, fill = "p"): Arg | null {
  const name = bytes - FOLDER - 1;
  return name < 1 ? null : tmp(fill.repeat(name));
}
