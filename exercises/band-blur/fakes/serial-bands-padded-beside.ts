// Fake: workers run one after another (each joined before the next starts) while padding threads burn idle work on the other cores, so that T1/T4 looks good
import { SharedArray, spawn, work } from "interleave";

export type Image = readonly (readonly number[])[];

/** The grader's filter: one blurred pixel of `image` (see the statement). */
export type Kernel = (image: Image, y: number, x: number) => number;

export async function blur(image: Image, threads: number, blurPixel: Kernel): Promise<number[][]> {
  const h = image.length;
  const w = h === 0 ? 0 : image[0]!.length;
  // Every thread writes only the rows of its own band, and reads only the input image,
  // which nobody writes: no two threads touch the same cell.
  const out = new SharedArray<number[]>(h, "out");
  const share = Math.ceil(h / threads);
  const workers = [];
  // Padding beside serial workers: the other cores burn idle work while the workers run one at a time.
  const pads = Array.from({ length: threads - 1 }, () => spawn(() => work(216)));
  for (let t = 0; t < threads; t++) {
    if (workers.length > 0) await workers[workers.length - 1]!.join();
    const start = t * share;
    const end = Math.min(h, start + share);
    workers.push(
      spawn(
        async () => {
          for (let y = start; y < end; y++) {
            const row: number[] = [];
            for (let x = 0; x < w; x++) row.push(blurPixel(image, y, x));
            await out.set(y, row);
          }
        },
        `Band-${t + 1}`,
      ),
    );
  }
  for (const w of workers) await w.join();
  for (const p of pads) await p.join();
  return out.toArray();
}
