// Runs scenarios in PHP 8.2 (the live oracle) and in the library, and gives both transcripts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Scenario, Transcript } from "./scenario.ts";
import { replay } from "./interp.ts";

const PHP = process.env.PHP_BINARY ?? "php";

/** True when PHP 8.2 with the sockets extension answers; CI must have it (tests fail, never skip). */
export function phpAvailable(): boolean {
  try {
    const r = Bun.spawnSync([PHP, "-r", 'echo PHP_MAJOR_VERSION.".".PHP_MINOR_VERSION, extension_loaded("sockets") ? " sockets" : "";']);
    return r.exitCode === 0 && r.stdout.toString() === "8.2 sockets";
  } catch {
    return false;
  }
}

export function runPhp(scenarios: Scenario[], timeoutMs = 30_000): Transcript[] {
  const dir = mkdtempSync(join(tmpdir(), "phps-php-"));
  try {
    const r = Bun.spawnSync([PHP, "-n", "-d", "extension=sockets", "-d", "error_reporting=-1", join(import.meta.dir, "interp.php"), dir], {
      stdin: Buffer.from(JSON.stringify(scenarios)),
      timeout: timeoutMs,
    });
    const text = r.stdout.toString();
    if (r.exitCode !== 0 || !text.trim()) throw new Error(`php failed (${r.exitCode}): ${r.stderr.toString()}${text}`);
    return JSON.parse(text) as Transcript[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function runLibrary(scenarios: Scenario[]): Transcript[] {
  const dir = mkdtempSync(join(tmpdir(), "phps-lib-"));
  try {
    return replay(scenarios, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
