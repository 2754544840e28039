import { Lock, Shared } from "interleave";

export function lazy<T>(init: () => Promise<T>): () => Promise<T> {
  const ready = new Shared(false, "ready"); // a plain shared flag, read without the lock
  const value = new Shared<T | undefined>(undefined, "value");
  const lock = new Lock("initLock");
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
