// What every implementation measures, so that the ratios compare the same work. A round trip is
// four calls through the kernel with both ends in one thread: send on A, receive on B, send the bytes
// back on B, receive on A. A stream receive loops until all the bytes are in.

export type Transport = "unix" | "tcp" | "udp";
export const TRANSPORTS: readonly Transport[] = ["unix", "tcp", "udp"];

/** Payload sizes in bytes. A UDP datagram over IPv4 carries at most 65,507 bytes: its "64 KiB" is that. */
export const SIZES = [1, 64, 1024, 65536] as const;
export const UDP_MAX = 65507;
export const sizeFor = (t: Transport, size: number): number => (t === "udp" ? Math.min(size, UDP_MAX) : size);
export const sizeLabel = (size: number): string => (size >= 1024 ? `${size / 1024} KiB` : `${size} B`);

/** The socket_select case: this many idle sockets in the read set, one of them with a byte waiting. */
export const SELECT_SOCKETS = 1000;

/** Round trips timed inside the out-of-process baselines (C, PHP); about 0.3 s each on this machine. */
export function iterations(size: number, scale: number): number {
  const base = size >= 65536 ? 8_000 : 60_000;
  return Math.max(100, Math.round(base * scale));
}
export const selectIterations = (scale: number): number => Math.max(100, Math.round(10_000 * scale));

/** A result cell: round trips (or select calls) per second of one implementation on one case. */
export interface Cell {
  impl: string;
  /** "unix", "tcp", "udp" or "select". */
  transport: Transport | "select";
  /** Payload bytes, or the socket count for select. */
  size: number;
  ops: number;
  note?: string;
}
