import { Pool } from "interleave";

export type Image = number[][];

/** The grader's filter for one pixel of `image` (see blurRows). */
export type Kernel = (image: Image, y: number, x: number) => number;

/** Runs in a worker process: the blurred rows `from` to `to` (exclusive) of `image`. */
export function blurRows(image: Image, from: number, to: number, blurPixel: Kernel): number[][] {
  const out: number[][] = [];
  for (let y = from; y < to; y++) {
    const row: number[] = [];
    for (let x = 0; x < image[0]!.length; x++) row.push(blurPixel(image, y, x));
    out.push(row);
  }
  return out;
}

/** The blurred image, computed by a pool of `processes` worker processes. */
export async function blur(image: Image, processes: number, blurPixel: Kernel): Promise<Image> {
  const h = image.length;
  const pool = new Pool(processes);
  try {
    // One task per row, and every task carries the whole image so that the worker can
    // read the neighbours. TODO: bigger tiles, and send each only the rows it needs.
    const parts = await pool.starmap(
      blurRows,
      Array.from({ length: h }, (_, y) => [image, y, y + 1, blurPixel]),
      { chunksize: 1 },
    );
    return parts.flat();
  } finally {
    pool.close();
    await pool.join();
  }
}
