import { Shared, type Lock } from "interleave";

export function lazy<T>(init: () => Promise<T>, lock: Lock): () => Promise<T> {
  const ready = new Shared(false, "ready"); // a plain shared flag, read without the lock
  const value = new Shared<T | undefined>(undefined, "value");
  return async () => {
    if (await ready.get()) return (await value.get()) as T;
    await using _ = await lock.hold();
    if (!(await ready.get())) {
      await value.set(await init());
      await ready.set(true);
    }
    return (await value.get()) as T;
  };
}
