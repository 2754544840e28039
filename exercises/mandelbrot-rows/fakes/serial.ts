// Fake: no concurrency — the calling thread renders every row itself.
export type RenderRow = (y: number) => Promise<number[]>;

export async function render(height: number, _threads: number, renderRow: RenderRow): Promise<number[][]> {
  const rows: number[][] = [];
  for (let y = 0; y < height; y++) rows.push(await renderRow(y));
  return rows;
}
