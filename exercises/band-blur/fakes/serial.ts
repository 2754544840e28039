// Fake: no threads at all: the calling thread blurs every row itself
export type Image = readonly (readonly number[])[];

/** The grader's filter: one blurred pixel of `image` (see the statement). */
export type Kernel = (image: Image, y: number, x: number) => number;

export async function blur(image: Image, _threads: number, blurPixel: Kernel): Promise<number[][]> {
  return image.map((row, y) => row.map((_, x) => blurPixel(image, y, x)));
}
