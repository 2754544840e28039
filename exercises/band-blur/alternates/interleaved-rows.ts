// Alternate: interleaved rows (row y to thread y % threads, each writing its own rows of a plain array) instead of contiguous bands in a SharedArray.
import { spawn } from "interleave";

export type Image = readonly (readonly number[])[];
export type Kernel = (image: Image, y: number, x: number) => number;

export async function blur(image: Image, threads: number, blurPixel: Kernel): Promise<number[][]> {
  const h = image.length;
  const w = h === 0 ? 0 : image[0]!.length;
  const out: number[][] = new Array<number[]>(h);
  const workers = Array.from({ length: threads }, (_, t) =>
    spawn(
      async () => {
        for (let y = t; y < h; y += threads) {
          const row = new Array<number>(w);
          for (let x = 0; x < w; x++) row[x] = blurPixel(image, y, x);
          out[y] = row;
        }
      },
      `Rows-${t + 1}`,
    ),
  );
  for (const worker of workers) await worker.join();
  return out;
}
