// Fake: one thread per band, but each is joined before the next starts, so the bands never overlap
import { SharedArray, spawn } from "interleave";

export type Image = readonly (readonly number[])[];

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

export async function blur(image: Image, threads: number): Promise<number[][]> {
  const h = image.length;
  const w = h === 0 ? 0 : image[0]!.length;
  const out = new SharedArray<number[]>(h, "out");
  const share = Math.ceil(h / threads);
  for (let t = 0; t < threads; t++) {
    const worker = spawn(
      async () => {
        for (let y = t * share; y < Math.min(h, (t + 1) * share); y++) {
          const row: number[] = [];
          for (let x = 0; x < w; x++) row.push(blurPixel(image, y, x));
          await out.set(y, row);
        }
      },
      `Band-${t + 1}`,
    );
    await worker.join();
  }
  return out.toArray();
}
