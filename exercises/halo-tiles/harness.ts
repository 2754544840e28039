import { assert, currentProcess } from "interleave";
import { blur } from "./solution";

type Image = number[][];

/**
 * The grader's filter, given to the solution: one pixel of a 3×3 weighted blur of `image`
 * (weights only the grader knows, so the only way to the blurred image is to run it — once
 * per pixel, on some core); beyond the border of `image`, its nearest edge pixel is used
 * again. Exported, so a Pool can send it to its workers by name.
 */
const WEIGHTS = [
  [1, 3, 2],
  [2, 5, 3],
  [2, 2, 1],
];
export function blurPixel(image: Image, y: number, x: number): number {
  const h = image.length;
  const w = image[0]!.length;
  let sum = 0;
  for (let dy = -1; dy <= 1; dy++) {
    const row = image[Math.min(h - 1, Math.max(0, y + dy))]!;
    const weights = WEIGHTS[dy + 1]!;
    for (let dx = -1; dx <= 1; dx++) sum += weights[dx + 1]! * row[Math.min(w - 1, Math.max(0, x + dx))]!;
  }
  return Math.floor(sum / 21);
}

/**
 * A worker process imports this module again (Python's spawn start method): only the main
 * process needs the expected images, and computing them in a worker would be charged to it.
 */
function inMainProcess(): boolean {
  try {
    return currentProcess().name === "MainProcess";
  } catch {
    return true; // loading in the main program, before any thread runs
  }
}
const MAIN = inMainProcess();

/** The whole image blurred by the grader's filter. */
function expectedBlur(image: Image): Image {
  if (!MAIN) return [];
  return image.map((row, y) => row.map((_, x) => blurPixel(image, y, x)));
}

interface Case {
  image: Image;
  want: Image;
  json: string;
}

/** Computed when the module loads: the harness's own work stays out of the measured time. */
function makeCase(h: number, w: number, seed: number): Case {
  const image = Array.from({ length: h }, (_, y) =>
    Array.from({ length: w }, (_, x) => (seed * 131 + y * 977 + x * 1291 + ((x * y) % 17) * 61) % 256),
  );
  const want = expectedBlur(image);
  return { image, want, json: JSON.stringify(want) };
}

async function checkRun(c: Case, processes: number): Promise<void> {
  const got = await blur(c.image, processes, blurPixel);
  if (JSON.stringify(got) === c.json) return;
  const h = c.image.length;
  const w = c.image[0]!.length;
  const what = `a ${w}×${h} image on ${processes} processes`;
  assert(
    Array.isArray(got) && got.length === h,
    `${what}: expected ${h} rows, got ${Array.isArray(got) ? got.length : typeof got}. Send each worker its halo, but take back only the rows of its band.`,
  );
  for (let y = 0; y < h; y++) {
    const row = got[y];
    assert(Array.isArray(row) && row.length === w, `${what}: row ${y} should have ${w} pixels`);
    for (let x = 0; x < w; x++)
      assert(
        row[x] === c.want[y]![x],
        `${what}: pixel (x ${x}, y ${y}) should be ${c.want[y]![x]}, got ${row[x]}. The first and last rows of a band need the rows next to it — the halo.`,
      );
  }
}

const SMALL = makeCase(12, 10, 1);
const BIG = makeCase(128, 64, 2);
const LINE = makeCase(1, 9, 3);
const FEW_ROWS = makeCase(3, 6, 4);
const TALL = makeCase(11, 5, 5);

/** A 10×12 image on three processes: bands of 4 rows. */
export async function small() {
  await checkRun(SMALL, 3);
}

/** A 64×128 image on four processes and 4 virtual cores. */
export async function big() {
  await checkRun(BIG, 4);
}

export async function edges() {
  await checkRun(LINE, 2);
  await checkRun(FEW_ROWS, 5);
  await checkRun(TALL, 1);
  await checkRun(TALL, 3);
}
