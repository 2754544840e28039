// FIXED semaphore use: a pool of 2 connections guarded by a Semaphore(2); each job takes a
// permit once and gives it back exactly once (hold() + `await using`), skipped jobs never
// touch the semaphore.
import { AtomicInt, Semaphore, spawn, assert } from "interleave";

const POOL = 2;
const pool = new Semaphore(POOL, "connections");
const inUse = new AtomicInt(0, "inUse");
const maxInUse = new AtomicInt(0, "maxInUse");
const served = new AtomicInt(0, "served");

async function runJobs(jobs: string[]) {
  for (const job of jobs) {
    if (job === "") continue;
    await using _ = await pool.hold();
    const n = (await inUse.fetchAdd(1)) + 1;
    assert(n <= POOL, `${n} connections in use, the pool has ${POOL}`);
    let seen = await maxInUse.load();
    while (n > seen && !(await maxInUse.compareExchange(seen, n))) seen = await maxInUse.load();
    await served.fetchAdd(1);
    await inUse.fetchAdd(-1);
  }
}

export default async function main() {
  const ts = [
    spawn(() => runJobs(["a", "", "b"]), "Client1"),
    spawn(() => runJobs(["c", "d"]), "Client2"),
    spawn(() => runJobs(["e", "", "f"]), "Client3"),
  ];
  for (const t of ts) await t.join();
  assert((await served.load()) === 6, "every job was served");
  assert((await maxInUse.load()) <= POOL, "never more connections than the pool holds");
}
