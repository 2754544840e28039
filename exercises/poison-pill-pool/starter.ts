import type { ProcessQueue } from "interleave";

/** A task: the item's index and value. `null` is the poison pill: "no more tasks, exit". */
export type Task = [index: number, value: number] | null;
export type Kernel = (value: number) => Promise<number>;

/**
 * Apply `kernel` to every item in `workers` worker processes and return the results in the
 * order of the items. Send the tasks through `tasks`, get the answers back through
 * `results`, and shut the workers down with one poison pill (null) each: every worker must
 * have exited, and every pill been swallowed, when processAll returns.
 */
export async function processAll(
  items: number[],
  workers: number,
  kernel: Kernel,
  tasks: ProcessQueue<Task>,
  results: ProcessQueue<[number, number]>,
): Promise<number[]> {
  // TODO: worker processes. This computes everything in the calling process.
  void workers;
  void tasks;
  void results;
  const out: number[] = [];
  for (const item of items) out.push(await kernel(item));
  return out;
}
