// Fake: daemon workers that are never joined — no clean shutdown, the pills are left for nobody.
import { Process, type ProcessQueue } from "interleave";

/** A task: the item's index and value. `null` is the poison pill: "no more tasks, exit". */
export type Task = [index: number, value: number] | null;
export type Kernel = (value: number) => Promise<number>;

/** The worker process: takes tasks until it swallows a poison pill. */
export async function worker(tasks: ProcessQueue<Task>, results: ProcessQueue<[number, number]>, kernel: Kernel) {
  for (;;) {
    const task = await tasks.get();
    if (task === null) return; // the pill: exit cleanly
    const [index, value] = task;
    await results.put([index, await kernel(value)]);
  }
}

export async function processAll(
  items: number[],
  workers: number,
  kernel: Kernel,
  tasks: ProcessQueue<Task>,
  results: ProcessQueue<[number, number]>,
): Promise<number[]> {
  const procs = Array.from(
    { length: workers },
    (_, w) => new Process(worker, { args: [tasks, results, kernel], name: `Worker-${w + 1}`, daemon: true }),
  );
  for (const p of procs) await p.start();
  for (const [index, value] of items.entries()) await tasks.put([index, value]);
  for (let w = 0; w < workers; w++) await tasks.put(null); // one pill per worker
  const out = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) {
    const [index, value] = await results.get();
    out[index] = value;
  }
  // daemon workers, never joined: "they will die with the main process anyway"
  return out;
}
