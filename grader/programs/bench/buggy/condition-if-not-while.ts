// BUG (condition without a predicate loop): a consumer checks the queue with `if` before
// waiting. Woken by notify, it must still reacquire the lock — and another consumer that
// arrived meanwhile can take the job first. The woken consumer then takes from an empty
// queue. Needs 2 preemptions: the second consumer held back until the producer's notify,
// then let in before the woken consumer reacquires the lock.
import { Condition, spawn, assert } from "interleave";

const jobs: string[] = [];
const available = new Condition(undefined, "jobsAvailable");
const done: string[] = [];

async function consumer() {
  await available.acquire();
  try {
    if (jobs.length === 0) await available.wait(); // should be: while (jobs.length === 0) ...
    const job = jobs.shift();
    assert(job !== undefined, "woke up to an empty job queue");
    done.push(job);
  } finally {
    available.release();
  }
}

async function producer() {
  for (const job of ["resize", "upload"]) {
    await available.acquire();
    try {
      jobs.push(job);
      available.notify();
    } finally {
      available.release();
    }
  }
}

export default async function main() {
  const c1 = spawn(consumer, "Consumer1");
  const c2 = spawn(consumer, "Consumer2");
  const p = spawn(producer, "Producer");
  for (const t of [c1, c2, p]) await t.join();
  assert(done.length === 2, `processed ${done.length} jobs`);
}
