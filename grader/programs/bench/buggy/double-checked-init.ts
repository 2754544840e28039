// BUG (broken double-checked initialization): the lock is taken after the null check, but
// the check is not repeated under the lock. Two threads that both saw null create two
// connections, one after the other.
// Needs 1 preemption: a thread preempted between its check and taking the lock.
import { AtomicInt, Lock, Shared, spawn, assert } from "interleave";

interface Connection {
  id: number;
}

const instance = new Shared<Connection | null>(null, "instance");
const initLock = new Lock("initLock");
const created = new AtomicInt(0, "created");

async function getConnection(): Promise<Connection> {
  if ((await instance.get()) === null) {
    await initLock.acquire();
    try {
      const id = (await created.fetchAdd(1)) + 1;
      await instance.set({ id });
    } finally {
      initLock.release();
    }
  }
  return (await instance.get())!;
}

const seen: number[] = [];

export default async function main() {
  const users = [1, 2, 3].map((i) => spawn(async () => seen.push((await getConnection()).id), `User${i}`));
  for (const u of users) await u.join();
  const n = await created.load();
  assert(n === 1, `${n} connections were created (ids seen: ${seen.join(", ")})`);
}
