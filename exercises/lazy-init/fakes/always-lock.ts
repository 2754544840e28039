// Fake: takes the lock on every call — no lock-free fast path, which the exercise forbids after initialization
import { Shared, type Lock } from "interleave";

export function lazy<T>(init: () => Promise<T>, lock: Lock): () => Promise<T> {
  const value = new Shared<T | undefined>(undefined, "value");
  const ready = new Shared(false, "ready");
  return async () => {
    await using _ = await lock.hold();
    if (!(await ready.get())) {
      await value.set(await init());
      await ready.set(true);
    }
    return (await value.get()) as T;
  };
}
