// The main thread's half of a poller strategy (see shared.ts): it arms and cancels waits, and turns
// what the poller posts into calls of the waiting code's callbacks.
import type { Fired, StartMessage } from "./shared.ts";

/** Called once with poll()'s revents for the descriptor, or -errno when the wait call itself failed. */
export type OnFire = (revents: number) => void;

export interface Backend {
  /** Sets up what the poller needs and gives the message that starts it. */
  prepare(): StartMessage;
  /** A message from the poller. */
  deliver(fired: Fired): void;
  /** Arms a one-shot wait for poll() `events` on `fd`; a ticket for cancel(), or -1 when full. */
  arm(fd: number, events: number, cb: OnFire): number;
  /** Cancels a wait that has not fired (a no-op once it has). */
  cancel(ticket: number): void;
  /** The descriptor is about to be closed or given away: drop anything kept for it. */
  forget(fd: number): void;
  /** Waits pending now. */
  readonly pending: number;
}
