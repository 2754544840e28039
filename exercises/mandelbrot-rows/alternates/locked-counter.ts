// Alternate: the next row counter is a plain number under a Lock, and each thread takes rows in small batches of two, instead of one AtomicInt.fetchAdd per row.
import { Lock, spawn } from "interleave";

export type RenderRow = (y: number) => Promise<number[]>;

const BATCH = 2;

export async function render(height: number, threads: number, renderRow: RenderRow): Promise<number[][]> {
  const rows: number[][] = new Array<number[]>(height);
  const mutex = new Lock("nextRow");
  let next = 0;
  const workers = Array.from({ length: threads }, (_, t) =>
    spawn(
      async () => {
        for (;;) {
          let first: number;
          {
            await using _ = await mutex.hold();
            first = next;
            next += BATCH;
          }
          if (first >= height) return;
          for (let y = first; y < Math.min(height, first + BATCH); y++) rows[y] = await renderRow(y);
        }
      },
      `Renderer-${t + 1}`,
    ),
  );
  for (const w of workers) await w.join();
  return rows;
}
