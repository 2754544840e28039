import { spawn } from "interleave";

export type RenderRow = (y: number) => Promise<number[]>;

export async function render(height: number, threads: number, renderRow: RenderRow): Promise<number[][]> {
  const rows: number[][] = new Array<number[]>(height);
  const workers = [];
  for (let t = 0; t < threads; t++) {
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
  return rows;
}
