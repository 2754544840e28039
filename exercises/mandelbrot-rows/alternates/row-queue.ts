// Alternate: rows handed out through a Queue pre-filled with every row number and one poison pill per thread, instead of an AtomicInt counter.
import { Queue, spawn } from "interleave";

export type RenderRow = (y: number) => Promise<number[]>;

export async function render(height: number, threads: number, renderRow: RenderRow): Promise<number[][]> {
  const rows: number[][] = new Array<number[]>(height);
  const todo = new Queue<number | null>(0, "rows");
  for (let y = 0; y < height; y++) await todo.put(y);
  for (let t = 0; t < threads; t++) await todo.put(null);
  const workers = Array.from({ length: threads }, (_, t) =>
    spawn(
      async () => {
        for (let y = await todo.get(); y !== null; y = await todo.get()) rows[y] = await renderRow(y);
      },
      `Renderer-${t + 1}`,
    ),
  );
  for (const w of workers) await w.join();
  return rows;
}
