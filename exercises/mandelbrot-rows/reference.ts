import { AtomicInt, spawn } from "interleave";

export type RenderRow = (y: number) => Promise<number[]>;

export async function render(height: number, threads: number, renderRow: RenderRow): Promise<number[][]> {
  const rows: number[][] = new Array<number[]>(height);
  // Dynamic assignment: each thread takes the next row nobody has taken yet, so a thread
  // that drew cheap rows simply takes more of them.
  const next = new AtomicInt(0, "nextRow");
  const workers = [];
  for (let t = 0; t < threads; t++) {
    workers.push(
      spawn(
        async () => {
          for (;;) {
            const y = await next.fetchAdd(1);
            if (y >= height) return;
            rows[y] = await renderRow(y);
          }
        },
        `Renderer-${t + 1}`,
      ),
    );
  }
  for (const w of workers) await w.join();
  return rows;
}
