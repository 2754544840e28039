// Fake: a serial kernel: blurs the whole image in the caller, one short expression per pixel, with no pool
export type Image = number[][];
export type Kernel = (image: Image, y: number, x: number) => number;

export async function blur(image: Image, _processes: number, _blurPixel: Kernel): Promise<Image> {
  const h = image.length;
  const w = h === 0 ? 0 : image[0]!.length;
  const at = (y: number, x: number) => image[Math.min(h - 1, Math.max(0, y))]![Math.min(w - 1, Math.max(0, x))]!;
  return image.map((row, y) =>
    row.map((_, x) =>
      Math.floor(
        (at(y - 1, x - 1) +
          at(y - 1, x) +
          at(y - 1, x + 1) +
          at(y, x - 1) +
          at(y, x) +
          at(y, x + 1) +
          at(y + 1, x - 1) +
          at(y + 1, x) +
          at(y + 1, x + 1)) /
          9,
      ),
    ),
  );
}
