// What the main thread and the poller Worker share. Two strategies: epoll (Linux), where the main
// thread arms one-shot registrations itself and the poller only waits and forwards; and poll()
// elsewhere, where the waits live in shared memory: a header and one slot per pending wait, whose
// first int packs a generation with its state so that one compare-and-swap both checks that the wait
// is still the one the poller saw and claims it (no ABA when a slot is reused).

/** Header ints (poll strategy). */
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

/**
 * What the poller posts back, as triples of ints. poll: [slot, armed value, revents]; epoll: [fd,
 * generation, events]. A negative third int is -errno: the wait call itself failed.
 */
export type Fired = Int32Array;

/** The message that starts the poller. */
export type StartMessage =
  | { kind: "poll"; sab: SharedArrayBuffer; wakeFd: number }
  | { kind: "epoll"; ep: number };
