// socket_wsaprotocol_info_export, _import, _release (PHP's Windows build only): a socket handed to
// another process. Export duplicates it for that process (WSADuplicateSocket) and leaves the
// WSAPROTOCOL_INFO in a named file mapping; the mapping's name is the id; import rebuilds the socket
// from it (WSASocket); release closes the mapping, which lives until then.
import { argc, int, str } from "../php/args.ts";
import { PhpError, warn } from "../php/errors.ts";
import type { Platform, Struct } from "../platform/types.ts";
import { Socket, ensureOpen, os, sockArg } from "./common.ts";
import { cstr } from "./sockaddr.ts";

type Sharing = Required<Pick<Platform, "duplicateSocket" | "socketFromInfo" | "mappingCreate" | "mappingOpen" | "mappingCopy" | "closeHandle">>;

const ERROR_ALREADY_EXISTS = 183;
/** How many taken names export steps over before it gives up (other processes' ids). */
const NAME_TRIES = 1024;

/** The ids this process exported and the mapping each keeps alive (PHP's SOCKETS_G(wsa_info)). */
const exported = new Map<string, number>();
/** PHP's SOCKETS_G(wsa_child_count): an unsigned int, counted per process. */
let count = 0;

/** The backend's sharing calls and the info layout, or PHP's Error: PHP defines these on Windows only. */
function sharing(fn: string): { p: Platform & Sharing; info: Struct } {
  const info = os.layout.WSAPROTOCOL_INFOA;
  if (!os.duplicateSocket || !os.socketFromInfo || !os.mappingCreate || !os.mappingOpen || !os.mappingCopy || !os.closeHandle || !info)
    throw new PhpError(`Call to undefined function ${fn}()`);
  return { p: os as Platform & Sharing, info };
}

/** PHP's "[0x%08lx]" of a DWORD. */
const hex = (code: number): string => `[0x${(code >>> 0).toString(16).padStart(8, "0")}]`;

/** PHP drops ": text" when the system has no text for the code (its php_win32_error_to_msg gives ""). */
function withText(fn: string, msg: string, code: number): void {
  const text = os.strerror(code);
  warn(fn, text ? `${msg} ${hex(code)}: ${text}` : `${msg} ${hex(code)}`);
}

export function socket_wsaprotocol_info_export(socket: Socket, process_id: number): string | false {
  const fn = "socket_wsaprotocol_info_export";
  const { p, info: layout } = sharing(fn);
  argc(fn, arguments.length, 2, 2);
  const s = sockArg(fn, socket);
  const pid = int(fn, 2, "process_id", process_id) >>> 0; // PHP's (DWORD) cast: the low 32 bits
  ensureOpen(fn, s);
  const info = new Uint8Array(layout.size);
  if (p.duplicateSocket(s.fd, pid, info) !== 0) {
    withText(fn, "Unable to export WSA protocol info", p.lastError());
    return false;
  }
  // PHP's name, php_wsa_for_<n>. PHP would open and overwrite a mapping another process already made
  // under that name (each process counts from 0); here a taken name is passed over for the next one.
  for (let tries = 0; ; tries++) {
    const id = `php_wsa_for_${count}`;
    count = (count + 1) >>> 0;
    const h = p.mappingCreate(cstr(id), layout.size);
    if (h < 0) {
      const code = p.lastError();
      if (code === ERROR_ALREADY_EXISTS && tries < NAME_TRIES) continue;
      warn(fn, `Unable to create file mapping ${hex(code)}`);
      return false;
    }
    if (p.mappingCopy(h, info, true) !== 0) {
      warn(fn, `Unable to map file view ${hex(p.lastError())}`);
      p.closeHandle(h);
      return false;
    }
    exported.set(id, h);
    return id;
  }
}

export function socket_wsaprotocol_info_import(info_id: string): Socket | false {
  const fn = "socket_wsaprotocol_info_import";
  const { p, info: layout } = sharing(fn);
  argc(fn, arguments.length, 1, 1);
  // A C string for OpenFileMapping, as in PHP: the name ends at a NUL.
  const name = cstr(str(fn, 1, "info_id", info_id));
  const h = p.mappingOpen(name);
  if (h < 0) {
    warn(fn, `Unable to open file mapping ${hex(p.lastError())}`);
    return false;
  }
  const info = new Uint8Array(layout.size);
  const copied = p.mappingCopy(h, info, false);
  const code = copied !== 0 ? p.lastError() : 0; // before CloseHandle can replace it
  p.closeHandle(h);
  if (copied !== 0) {
    warn(fn, `Unable to map file view ${hex(code)}`);
    return false;
  }
  const fd = p.socketFromInfo(info);
  if (fd < 0) {
    withText(fn, "Unable to import WSA protocol info", p.lastError());
    return false;
  }
  const dv = new DataView(info.buffer);
  const at = (field: string): number => dv.getInt32(layout.fields[field]![0], true);
  // PHP takes the family from the info and calls the socket blocking (WSASocket's default).
  const sock = Socket.wrap(fd, at("iAddressFamily"));
  sock.sockType = at("iSocketType");
  return sock;
}

export function socket_wsaprotocol_info_release(info_id: string): boolean {
  const fn = "socket_wsaprotocol_info_release";
  const { p } = sharing(fn);
  argc(fn, arguments.length, 1, 1);
  const id = str(fn, 1, "info_id", info_id);
  const h = exported.get(id);
  if (h === undefined) return false;
  exported.delete(id);
  p.closeHandle(h);
  return true;
}
