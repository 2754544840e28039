// Fake: threads are started, but the first one blurs every row while the others return at once (a worker, not the caller, runs the filter)
import { SharedArray, spawn } from "interleave";

export type Image = readonly (readonly number[])[];
export type Kernel = (image: Image, y: number, x: number) => number;

export async function blur(image: Image, threads: number, blurPixel: Kernel): Promise<number[][]> {
  const h = image.length;
  const w = h === 0 ? 0 : image[0]!.length;
  const out = new SharedArray<number[]>(h, "out");
  const workers = Array.from({ length: threads }, (_, t) =>
    spawn(
      async () => {
        if (t !== 0) return;
        for (let y = 0; y < h; y++) {
          const row: number[] = [];
          for (let x = 0; x < w; x++) row.push(blurPixel(image, y, x));
          await out.set(y, row);
        }
      },
      `Band-${t + 1}`,
    ),
  );
  for (const worker of workers) await worker.join();
  return out.toArray();
}
