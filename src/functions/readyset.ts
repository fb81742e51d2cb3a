// What socket_select needs from a readiness mechanism (poll() everywhere, epoll on Linux): add the
// handles of one call with the select sets they are in, wait, then ask in which sets each is ready.
import type { Socket } from "../socket.ts";

/** select()'s three sets, as bits. */
export const READ = 1, WRITE = 2, EXCEPT = 4;

export interface ReadySet {
  /** The OS error code of the last failed wait(). */
  error: number;
  /** Starts a call's set. */
  begin(): void;
  /** Puts a socket's handle in the given sets (bits); a handle given twice merges its sets. */
  add(sock: Socket, fd: number, sets: number): void;
  /**
   * Waits up to `ms` milliseconds (-1: forever, any size) until a handle is ready in one of its sets,
   * as select() counts them: the number of (handle, set) pairs ready, or -1 with `error` set.
   */
  wait(ms: number): number;
  /** The sets in which the handle was found ready by the last wait(). */
  readyIn(fd: number): number;
}

/**
 * The select sets a handle is ready in, from the events the OS reported: the kernel's select() counts
 * hang-up and error as readable and error as writable, and only urgent data as exceptional.
 */
export function readyRule(IN: number, OUT: number, PRI: number, ERR: number, HUP: number): (sets: number, ev: number) => number {
  const R = IN | HUP | ERR, W = OUT | ERR, X = PRI;
  return (sets, ev) => (sets & READ && ev & R ? READ : 0) | (sets & WRITE && ev & W ? WRITE : 0) | (sets & EXCEPT && ev & X ? EXCEPT : 0);
}

export const bitCount = (b: number): number => (b & 1) + ((b >> 1) & 1) + ((b >> 2) & 1);

/** Milliseconds left until `deadline` (performance.now() time), never negative. */
export const leftUntil = (deadline: number): number => Math.max(0, Math.ceil(deadline - performance.now()));

/** poll() and epoll_wait() take an int of milliseconds: longer waits are made of several. */
export const MAX_WAIT_MS = 0x7fffffff;
