/** Renders row y of the picture (its cost depends on the row: from 1 to 20 virtual ms). */
export type RenderRow = (y: number) => Promise<number[]>;

/**
 * Render rows 0..height−1 with `threads` threads and return them in order: result[y] is
 * what renderRow(y) returned. Every row is rendered exactly once.
 */
export async function render(height: number, threads: number, renderRow: RenderRow): Promise<number[][]> {
  // TODO: use `threads` threads, and hand the rows out so that none of them idles.
  const rows: number[][] = [];
  for (let y = 0; y < height; y++) rows[y] = await renderRow(y);
  return rows;
}
