// Issue 10, "misses": a timing bug that needs several injected delays on one thread. The
// holder checks its 30 ms lease once, then writes after four short steps (~12 ms). The
// standby takes the lease over when it expires. The write is wrong only if the holder is
// held up by more than ~18 ms in total between its check and its write: with delays of
// 1–10 ms, that is two or three delays, all on the holder, all in that window. A metrics
// thread runs beside them: its scheduling points dilute delays spread over all threads.
import { Lock, Shared, spawn, sleep, now, assert } from "interleave";

export default async function main() {
  const lock = new Lock();
  const owner = new Shared("holder", "owner");
  const log = new Shared<string[]>([], "log");
  const holder = spawn(async () => {
    await lock.acquire();
    const valid = now() < 30 && (await owner.get()) === "holder";
    await lock.release();
    if (!valid) return;
    for (let step = 0; step < 4; step++) await sleep(3); // prepare the write
    await lock.acquire();
    await log.set([...(await log.get()), `holder@${now()}`]);
    await lock.release();
  }, "holder");
  const standby = spawn(async () => {
    await sleep(30);
    await lock.acquire();
    await owner.set("standby");
    await log.set([...(await log.get()), `standby@${now()}`]);
    await lock.release();
  }, "standby");
  const metrics = spawn(async () => {
    const statsLock = new Lock();
    const hits = new Shared(0, "hits");
    for (let i = 0; i < 20; i++) {
      await statsLock.acquire();
      await hits.set((await hits.get()) + 1);
      await statsLock.release();
      await sleep(2);
    }
  }, "metrics");
  await holder.join();
  await standby.join();
  await metrics.join();
  const entries = await log.get();
  assert(
    entries[entries.length - 1]!.startsWith("standby"),
    `the holder wrote after its lease expired: ${entries.join(", ")}`,
  );
}
