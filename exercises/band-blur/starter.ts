import { SharedArray, spawn } from "interleave";

export type Image = readonly (readonly number[])[];

/** The grader's filter: one blurred pixel of `image` (see the statement). */
export type Kernel = (image: Image, y: number, x: number) => number;

/** The blurred image (a new one; `image` is not changed), computed by `threads` threads. */
export async function blur(image: Image, threads: number, blurPixel: Kernel): Promise<number[][]> {
  const h = image.length;
  const w = h === 0 ? 0 : image[0]!.length;
  const out = new SharedArray<number[]>(h, "out");
  // Sequential: one row after the other. TODO: give each thread a band of rows.
  void spawn;
  void threads;
  for (let y = 0; y < h; y++) {
    const row: number[] = [];
    for (let x = 0; x < w; x++) row.push(blurPixel(image, y, x));
    await out.set(y, row);
  }
  return out.toArray();
}
