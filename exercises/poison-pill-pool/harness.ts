import { assert, currentProcess, ProcessQueue, work } from "interleave";
import { processAll, type Task } from "./solution";

// The kernel is the harness's (exported, so that a worker process can find it by name, as
// Python's pickle does): it costs 5 virtual ms of CPU and refuses to run in the main
// process. The GIL is on: only processes compute in parallel. The queues are the harness's
// too, so that it can see, when processAll returns, that every poison pill was swallowed.

export async function slowSquare(value: number): Promise<number> {
  assert(
    currentProcess().pid !== 0,
    `the kernel ran in the main process: with the GIL, only worker processes compute in parallel — send the tasks to your Process workers`,
  );
  await work(5);
  return value * value;
}

async function check(items: number[], workers: number) {
  const what = `${items.length} items on ${workers} workers`;
  const tasks = new ProcessQueue<Task>(0, "tasks");
  const results = new ProcessQueue<[number, number]>(0, "results");
  const got = await processAll(items, workers, slowSquare, tasks, results);
  const want = items.map((x) => x * x);
  assert(
    JSON.stringify(got) === JSON.stringify(want),
    `${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)} (in the order of the items)`,
  );
  assert(
    tasks.empty(),
    `${what}: when processAll returned, ${tasks.qsize()} message(s) were still in the tasks queue: every worker must swallow its poison pill and exit — join the workers before returning`,
  );
  assert(results.empty(), `${what}: ${results.qsize()} result(s) were left in the results queue`);
}

export async function allResults() {
  await check([3, 1, 4, 1, 5, 9, 2, 6], 3);
}

export async function edges() {
  await check([], 2);
  await check([7], 3);
  await check([2, 3], 1);
}

/** 16 items of 5 ms on 4 processes and 4 cores. */
export async function speedup() {
  await check(
    Array.from({ length: 16 }, (_, i) => i + 1),
    4,
  );
}
