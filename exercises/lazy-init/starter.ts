import { Shared, type Lock } from "interleave";

/**
 * Lazy initialization: returns a getter. The first call runs `init()` and remembers its
 * result; every call (from any thread) resolves to that same result; `init()` runs exactly
 * once. If `init()` throws, that call rejects with the error and a later call tries again.
 * `init()` must run while holding `lock` (the lock that guards initialization, given to
 * you); once initialized, the getter must not take it.
 *
 * This version works with one thread.
 */
export function lazy<T>(init: () => Promise<T>, lock: Lock): () => Promise<T> {
  const value = new Shared<T | undefined>(undefined, "value");
  const ready = new Shared(false, "ready");
  return async () => {
    if (!(await ready.get())) {
      await value.set(await init());
      await ready.set(true);
    }
    return (await value.get()) as T;
  };
}
