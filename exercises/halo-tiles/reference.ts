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

export async function blur(image: Image, processes: number, blurPixel: Kernel): Promise<Image> {
  const h = image.length;
  const share = Math.ceil(h / processes);
  const tasks: [Image, number, number, Kernel][] = [];
  for (let start = 0; start < h; start += share) {
    const end = Math.min(h, start + share);
    // The band plus its halo: one row above and one below, where the image has them.
    const top = Math.max(0, start - 1);
    const tile = image.slice(top, Math.min(h, end + 1));
    tasks.push([tile, start - top, start - top + (end - start), blurPixel]);
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
