import { AtomicInt, Shared, type Lock } from "interleave";

export function lazy<T>(init: () => Promise<T>, lock: Lock): () => Promise<T> {
  const ready = new AtomicInt(0, "ready"); // 1 once `value` holds the initialized object
  const value = new Shared<T | undefined>(undefined, "value");
  return async () => {
    // Fast path, no lock: the atomic load synchronizes with the store below, so the value
    // written before that store is visible here.
    if ((await ready.load()) === 1) return (await value.get()) as T;
    await using _ = await lock.hold();
    // Second check: another thread may have initialized while we waited for the lock.
    if ((await ready.load()) === 0) {
      await value.set(await init()); // if init() throws, `ready` stays 0 and the next call retries
      await ready.store(1); // publish only after the value is stored
    }
    return (await value.get()) as T;
  };
}
