// The memory the main thread and the poller Worker share: a header and one slot per pending wait.
// A slot's first int packs a generation with its state, so that one compare-and-swap both checks
// that the wait is still the one the poller saw and claims it (no ABA when a slot is reused).

/** Header ints. */
export const WAKE = 0; // 1 while a wake-up byte is on its way to the poller (coalesces wake-ups)
export const HWM = 1; // slots [0, HWM) may be in use
export const HEADER_BYTES = 64;

/** Ints per slot: state|generation, fd, events, spare. */
export const SLOT_INTS = 4;
export const STATE = 0, FD = 1, EVENTS = 2;
/** Most waits pending at once (1 MiB of shared memory, only the touched part resident). */
export const MAX_SLOTS = 1 << 16;

export const FREE = 0, ARMED = 1, FIRED = 2;
export const STATE_MASK = 3;
export const GEN_LIMIT = 1 << 29;

export const SHARED_BYTES = HEADER_BYTES + MAX_SLOTS * SLOT_INTS * 4;

/** What the poller posts back: [slot, armed value, revents (or -errno when poll failed)] per fired slot. */
export type Fired = Int32Array;

/** The message that starts the poller. */
export interface StartMessage {
  sab: SharedArrayBuffer;
  wakeFd: number;
}
