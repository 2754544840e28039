import { SharedArray, spawn } from "interleave";

export type Image = readonly (readonly number[])[];

/** The grader's filter: one blurred pixel of `image` (see the statement). */
export type Kernel = (image: Image, y: number, x: number) => number;

// In place: one shared image that the bands read their neighbours from AND write their
// results into. A band's first row reads the row above it — which the band above may
// already have blurred.
export async function blur(image: Image, threads: number, blurPixel: Kernel): Promise<number[][]> {
  const h = image.length;
  const w = h === 0 ? 0 : image[0]!.length;
  const img = new SharedArray<number[]>(
    image.map((r) => [...r]),
    "img",
  );
  const share = Math.ceil(h / threads);
  const workers = [];
  for (let t = 0; t < threads; t++) {
    const start = t * share;
    const end = Math.min(h, start + share);
    workers.push(
      spawn(async () => {
        for (let y = start; y < end; y++) {
          // The three rows around y, from the image that the bands are writing into.
          const window = [await img.get(Math.max(0, y - 1)), await img.get(y), await img.get(Math.min(h - 1, y + 1))];
          const row: number[] = [];
          for (let x = 0; x < w; x++) row.push(blurPixel(window, 1, x));
          await img.set(y, row);
        }
      }),
    );
  }
  for (const w of workers) await w.join();
  return img.toArray();
}
