import { spawn } from "interleave";

export type RenderRow = (y: number) => Promise<number[]>;

export async function render(height: number, threads: number, renderRow: RenderRow): Promise<number[][]> {
  const rows: number[][] = new Array<number[]>(height);
  const workers = [];
  for (let t = 0; t < threads; t++) {
    // Static and cyclic: thread t renders rows t, t + T, t + 2T, …
    workers.push(
      spawn(
        async () => {
          for (let y = t; y < height; y += threads) rows[y] = await renderRow(y);
        },
        `Renderer-${t + 1}`,
      ),
    );
  }
  for (const w of workers) await w.join();
  return rows;
}
