// FIXED double-checked initialization: the check is repeated under the lock, and the
// instance is published through the lock (readers that skip the lock read it after a
// lock-protected publication through an Event).
import { AtomicInt, Event, Lock, Shared, spawn, assert } from "interleave";

interface Connection {
  id: number;
}

const instance = new Shared<Connection | null>(null, "instance");
const ready = new Event("instanceReady");
const initLock = new Lock("initLock");
const created = new AtomicInt(0, "created");

async function getConnection(): Promise<Connection> {
  if (!ready.isSet()) {
    await using _ = await initLock.hold();
    if ((await instance.get()) === null) {
      const id = (await created.fetchAdd(1)) + 1;
      await instance.set({ id });
      await ready.set();
    }
  }
  await ready.wait();
  return (await instance.get())!;
}

const seen: number[] = [];

export default async function main() {
  const users = [1, 2, 3].map((i) => spawn(async () => seen.push((await getConnection()).id), `User${i}`));
  for (const u of users) await u.join();
  const n = await created.load();
  assert(n === 1, `${n} connections were created (ids seen: ${seen.join(", ")})`);
  assert(
    seen.every((id) => id === 1),
    `users saw ids ${seen.join(", ")}`,
  );
}
