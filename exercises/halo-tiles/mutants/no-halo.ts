import { Pool } from "interleave";

export type Image = number[][];

/**
 * One pixel of the 3×3 box blur of `image`: the mean (rounded down) of the pixel and its 8
 * neighbours; beyond the border of `image`, its nearest edge pixel is used again. Keep it.
 */
export function blurPixel(image: Image, y: number, x: number): number {
  const h = image.length;
  const w = image[0]!.length;
  let sum = 0;
  for (let dy = -1; dy <= 1; dy++) {
    const row = image[Math.min(h - 1, Math.max(0, y + dy))]!;
    for (let dx = -1; dx <= 1; dx++) sum += row[Math.min(w - 1, Math.max(0, x + dx))]!;
  }
  return Math.floor(sum / 9);
}

/** Runs in a worker process: the blurred rows `from` to `to` (exclusive) of `image`. */
export function blurRows(image: Image, from: number, to: number): number[][] {
  const out: number[][] = [];
  for (let y = from; y < to; y++) {
    const row: number[] = [];
    for (let x = 0; x < image[0]!.length; x++) row.push(blurPixel(image, y, x));
    out.push(row);
  }
  return out;
}

export async function blur(image: Image, processes: number): Promise<Image> {
  const h = image.length;
  const share = Math.ceil(h / processes);
  const tasks: [Image, number, number][] = [];
  for (let start = 0; start < h; start += share) {
    const end = Math.min(h, start + share);
    // Only the band itself: its first and last rows are blurred as if they were the edge of
    // the image, because the worker never sees the rows next to them.
    tasks.push([image.slice(start, end), 0, end - start]);
  }
  const pool = new Pool(processes);
  try {
    const bands = await pool.starmap(blurRows, tasks, { chunksize: 1 });
    return bands.flat();
  } finally {
    pool.close();
    await pool.join();
  }
}
