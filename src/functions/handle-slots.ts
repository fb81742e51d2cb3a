// Handle -> slot lookup for poll sets rebuilt on every call: a flat table stamped with the call's
// generation (so nothing is cleared between calls), and a Map for handles too large for a table
// (Windows SOCKETs).
const FLAT_LIMIT = 1 << 22;

export class HandleSlots {
  #slotOf = new Int32Array(1024);
  #stampOf = new Uint32Array(1024);
  #stamp = 0;
  #wide: Map<number, number> | null = null;

  /** Forgets every handle at once. */
  begin(): void {
    if (++this.#stamp === 0x100000000) {
      this.#stampOf.fill(0);
      this.#stamp = 1;
    }
    this.#wide?.clear();
  }

  /** The slot of a handle remembered since begin(), or -1. */
  find(fd: number): number {
    if (fd < FLAT_LIMIT) return fd < this.#stampOf.length && this.#stampOf[fd] === this.#stamp ? this.#slotOf[fd]! : -1;
    return this.#wide?.get(fd) ?? -1;
  }

  remember(fd: number, slot: number): void {
    if (fd >= FLAT_LIMIT) {
      (this.#wide ??= new Map()).set(fd, slot);
      return;
    }
    if (fd >= this.#stampOf.length) {
      let n = this.#stampOf.length;
      while (n <= fd) n *= 2;
      const slots = new Int32Array(n), stamps = new Uint32Array(n);
      slots.set(this.#slotOf);
      stamps.set(this.#stampOf);
      this.#slotOf = slots;
      this.#stampOf = stamps;
    }
    this.#slotOf[fd] = slot;
    this.#stampOf[fd] = this.#stamp;
  }
}
