import { SharedArray, spawn } from "interleave";

export type Image = readonly (readonly number[])[];

/**
 * One pixel of the 3×3 box blur: the mean (rounded down) of the pixel and its 8 neighbours;
 * beyond the border, the nearest edge pixel is used again. Keep it as it is.
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

// One row after the other in the calling thread: right, and one core.
export async function blur(image: Image, threads: number): Promise<number[][]> {
  const h = image.length;
  const w = h === 0 ? 0 : image[0]!.length;
  const out = new SharedArray<number[]>(h, "out");
  void spawn;
  void threads;
  for (let y = 0; y < h; y++) {
    const row: number[] = [];
    for (let x = 0; x < w; x++) row.push(blurPixel(image, y, x));
    await out.set(y, row);
  }
  return out.toArray();
}
