import { SharedArray, spawn } from "interleave";

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

// Bands in THREADS: right, but under the GIL the threads of one process compute one at a
// time — no faster than one thread.
export async function blur(image: Image, processes: number, blurPixel: Kernel): Promise<Image> {
  const h = image.length;
  const share = Math.ceil(h / processes);
  const bands = new SharedArray<number[][]>(processes, "bands");
  const workers = [];
  for (let t = 0; t < processes; t++) {
    const start = Math.min(h, t * share);
    const end = Math.min(h, start + share);
    workers.push(spawn(() => bands.set(t, blurRows(image, start, end, blurPixel))));
  }
  for (const w of workers) await w.join();
  return (await bands.toArray()).flat();
}
