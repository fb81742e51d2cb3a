// PHP's by-reference parameters (&$buf, &$addr, &$port): an object whose `value` the function sets.
export interface Ref<T = unknown> {
  value: T;
}

export function ref<T = unknown>(initial?: T): Ref<T> {
  return { value: initial as T };
}

/** By-reference arguments must be objects with a value slot, or PHP would not have a variable to set. */
export function isRef(v: unknown): v is Ref {
  return typeof v === "object" && v !== null && "value" in v;
}
