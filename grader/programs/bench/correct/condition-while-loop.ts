// FIXED condition use: consumers wait in a `while` loop on the state they need (a job in
// the queue), so a stolen wakeup or a notify sent before they waited does no harm.
import { Condition, spawn, assert } from "interleave";

const jobs: string[] = [];
const available = new Condition(undefined, "jobsAvailable");
const done: string[] = [];

async function consumer() {
  await available.acquire();
  try {
    while (jobs.length === 0) await available.wait();
    const job = jobs.shift();
    assert(job !== undefined, "woke up to an empty job queue");
    done.push(job);
  } finally {
    available.release();
  }
}

async function producer() {
  for (const job of ["resize", "upload", "thumbnail"]) {
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
  const cs = [spawn(consumer, "Consumer1"), spawn(consumer, "Consumer2"), spawn(consumer, "Consumer3")];
  const p = spawn(producer, "Producer");
  for (const t of [...cs, p]) await t.join();
  assert(done.length === 3 && new Set(done).size === 3, `processed ${JSON.stringify(done)}`);
}
