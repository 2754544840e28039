import { AtomicInt, Shared, type Lock } from "interleave";

export function lazy<T>(init: () => Promise<T>, lock: Lock): () => Promise<T> {
  const ready = new AtomicInt(0, "ready"); // 1 once `value` holds the initialized object
  const value = new Shared<T | undefined>(undefined, "value");
  return async () => {
    // Fast path, no lock: the atomic load synchronizes with the store below, so the value
    // written before that store is visible here.
    if ((await ready.load()) === 1) return (await value.get()) as T;
    await using _ = await lock.hold();
    // We just checked that it is not ready, so initialize.
    await value.set(await init());
    await ready.store(1);
    return (await value.get()) as T;
  };
}
