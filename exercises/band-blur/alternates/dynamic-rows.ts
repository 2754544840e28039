// Alternate: dynamic rows (each thread takes the next row from an AtomicInt) instead of one contiguous band per thread.
import { AtomicInt, spawn } from "interleave";

export type Image = readonly (readonly number[])[];
export type Kernel = (image: Image, y: number, x: number) => number;

export async function blur(image: Image, threads: number, blurPixel: Kernel): Promise<number[][]> {
  const h = image.length;
  const w = h === 0 ? 0 : image[0]!.length;
  const out: number[][] = new Array<number[]>(h);
  const next = new AtomicInt(0, "nextRow");
  const workers = Array.from({ length: threads }, (_, t) =>
    spawn(
      async () => {
        for (let y = await next.fetchAdd(1); y < h; y = await next.fetchAdd(1)) {
          const row: number[] = [];
          for (let x = 0; x < w; x++) row.push(blurPixel(image, y, x));
          out[y] = row;
        }
      },
      `Rows-${t + 1}`,
    ),
  );
  for (const worker of workers) await worker.join();
  return out;
}
