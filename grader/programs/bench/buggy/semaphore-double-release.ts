// BUG (semaphore misuse): a Semaphore(1) guards the printer, but skipping an empty job
// releases it and then the `finally` releases it again: the semaphore now holds 2 permits
// and two threads can print at once.
// Needs 1 preemption after the extra release: a printing thread preempted mid-job.
import { AtomicInt, Semaphore, spawn, assert } from "interleave";

const printer = new Semaphore(1, "printer");
const printing = new AtomicInt(0, "printing");
const pages = new AtomicInt(0, "pages");

async function printJobs(jobs: string[]) {
  for (const job of jobs) {
    await printer.acquire();
    try {
      if (job === "") {
        printer.release(); // nothing to print: give the printer back
        continue;
      }
      const others = await printing.fetchAdd(1);
      assert(others === 0, `two threads are printing at once (while printing "${job}")`);
      await pages.fetchAdd(job.length);
      await printing.fetchAdd(-1);
    } finally {
      printer.release();
    }
  }
}

export default async function main() {
  const a = spawn(() => printJobs(["report", "", "memo", "invoice"]), "Office");
  const b = spawn(() => printJobs(["poster", "flyer", "letter"]), "Lab");
  await a.join();
  await b.join();
  assert((await pages.load()) === 34, "pages");
}
