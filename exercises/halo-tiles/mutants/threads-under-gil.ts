import { SharedArray, spawn } from "interleave";

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

// Bands in THREADS: right, but under the GIL the threads of one process compute one at a
// time — no faster than one thread.
export async function blur(image: Image, processes: number): Promise<Image> {
  const h = image.length;
  const share = Math.ceil(h / processes);
  const bands = new SharedArray<number[][]>(processes, "bands");
  const workers = [];
  for (let t = 0; t < processes; t++) {
    const start = Math.min(h, t * share);
    const end = Math.min(h, start + share);
    workers.push(spawn(() => bands.set(t, blurRows(image, start, end))));
  }
  for (const w of workers) await w.join();
  return (await bands.toArray()).flat();
}
