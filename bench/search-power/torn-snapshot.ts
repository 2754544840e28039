// Issue 10, "misses": a size-check snapshot torn by a remove-then-reinsert. Every access is
// under one lock, so no data race is reported: only the schedule can expose the bug. It
// needs three preemptions between two threads: the auditor stops right after its first
// size read (an exact point), the mover takes an item out and is stopped anywhere in its
// long update, the auditor counts and stops right before its second size read (an exact
// point), and the mover puts the item back. Both sizes then agree and the count is short.
// PCT at depth ≤ 3 cannot place it with two threads; bounded dfs needs ~1,250 schedules.
import { Lock, Shared, SharedArray, spawn, assert } from "interleave";

export default async function main() {
  const lock = new Lock();
  const slots = new SharedArray<number>([1, 2, 3, 4], "slots");
  const size = new Shared(4, "size");
  const checksum = new Shared(0, "checksum");
  const mover = spawn(async () => {
    await lock.acquire();
    await slots.set(2, 0);
    await size.set((await size.get()) - 1);
    await lock.release();
    // The long update: the item is out while the checksum is recomputed.
    for (let i = 0; i < 12; i++) {
      await lock.acquire();
      await checksum.set((await checksum.get()) + i);
      await lock.release();
    }
    await lock.acquire();
    await slots.set(2, 3);
    await size.set((await size.get()) + 1);
    await lock.release();
  }, "mover");
  const auditor = spawn(async () => {
    await lock.acquire();
    const before = await size.get();
    await lock.release();
    let count = 0;
    await lock.acquire();
    for (let i = 0; i < 4; i++) if ((await slots.get(i)) !== 0) count++;
    await lock.release();
    await lock.acquire();
    const after = await size.get();
    await lock.release();
    // The size did not change between the two reads: the auditor trusts its count.
    if (before === after) assert(count === before, `torn snapshot: size ${before} but ${count} items`);
  }, "auditor");
  await mover.join();
  await auditor.join();
}
