import { assert, currentThread, now, yieldNow } from "interleave";
import { measure } from "interleave/harness";
import { blur } from "./solution";

type Image = number[][];

/**
 * The grader's filter, given to the solution: one pixel of a 3×3 weighted blur of `image`
 * (weights only the grader knows, so the only way to the blurred image is to run it — once
 * per pixel, on some core); beyond the border, the nearest edge pixel is used again.
 */
const WEIGHTS = [
  [2, 1, 2],
  [3, 4, 1],
  [1, 3, 2],
];
let callsByThread = new Map<string, number>();
let counting = false; // not while the module loads the expected images
/** While counting: the filter's first call, and when blur() returned, on the virtual clock. */
let firstCall = Infinity;
let returnedAt = -Infinity;
export function blurPixel(image: readonly (readonly number[])[], y: number, x: number): number {
  if (counting) {
    const who = currentThread().name;
    callsByThread.set(who, (callsByThread.get(who) ?? 0) + 1);
    firstCall = Math.min(firstCall, now());
  }
  const h = image.length;
  const w = image[0]!.length;
  let sum = 0;
  for (let dy = -1; dy <= 1; dy++) {
    const row = image[Math.min(h - 1, Math.max(0, y + dy))]!;
    const weights = WEIGHTS[dy + 1]!;
    for (let dx = -1; dx <= 1; dx++) sum += weights[dx + 1]! * row[Math.min(w - 1, Math.max(0, x + dx))]!;
  }
  return Math.floor(sum / 19);
}

/** The whole image blurred by the grader's filter. */
function expectedBlur(image: Image): Image {
  return image.map((row, y) => row.map((_, x) => blurPixel(image, y, x)));
}

/**
 * The filter must run in the worker threads, shared between them: a blur done by the calling
 * thread (with threads started only to look busy) is not a parallel blur.
 */
function filterRanInWorkers(main: string, threads: number, rows: number, what: string): void {
  const total = [...callsByThread.values()].reduce((a, b) => a + b, 0);
  const fromMain = callsByThread.get(main) ?? 0;
  assert(
    fromMain === 0,
    `${what}: the calling thread ran the filter ${fromMain} of ${total} times: give every band of rows to a worker thread`,
  );
  // Shared: not all by one thread. Not "evenly": rows taken dynamically (the next free row) are
  // legitimately uneven when a stress schedule holds some threads back, and the speedup check
  // measures the filter's own span, so a lopsided split loses its points there.
  const workers = Math.min(threads, rows);
  const most = Math.max(0, ...callsByThread.values());
  assert(
    workers <= 1 || most < total,
    `${what}: one thread ran the filter ${most} of ${total} times: share the rows between the ${workers} threads`,
  );
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

async function checkRun(c: Case, threads: number): Promise<void> {
  const before = JSON.stringify(c.image);
  callsByThread = new Map();
  counting = true;
  const got = await blur(c.image, threads, blurPixel);
  returnedAt = now();
  counting = false;
  const h = c.image.length;
  const w = h === 0 ? 0 : c.image[0]!.length;
  const what = `a ${w}×${h} image on ${threads} threads`;
  assert(JSON.stringify(c.image) === before, `${what}: blur changed its input image; it must return a new one`);
  filterRanInWorkers(currentThread().name, threads, h, what);
  if (JSON.stringify(got) === c.json) return;
  assert(
    Array.isArray(got) && got.length === h,
    `${what}: expected ${h} rows, got ${Array.isArray(got) ? got.length : typeof got}`,
  );
  for (let y = 0; y < h; y++) {
    const row = got[y];
    assert(Array.isArray(row) && row.length === w, `${what}: row ${y} should have ${w} pixels`);
    for (let x = 0; x < w; x++)
      assert(
        row[x] === c.want[y]![x],
        `${what}: pixel (x ${x}, y ${y}) should be ${c.want[y]![x]}, got ${row[x]}. Every output row must be blurred exactly once, from the unchanged input.`,
      );
  }
}

const SMALL = makeCase(10, 8, 1);
const BIG = makeCase(96, 64, 2);
const FEW_ROWS = makeCase(3, 7, 3);
const PIXEL = makeCase(1, 1, 4);
const LINE = makeCase(1, 9, 5);
const TALL = makeCase(13, 5, 6);

/** A 8×10 image on three threads: bands of 4, 4 and 2 rows. */
export async function small() {
  await checkRun(SMALL, 3);
}

/**
 * The filter's serial cost on an image, measured here: every pixel once, in this thread, on
 * the virtual clock (computation is charged at the next scheduling point).
 */
async function serialCost(image: Image): Promise<number> {
  await yieldNow();
  const t0 = now();
  for (let y = 0; y < image.length; y++) for (let x = 0; x < image[0]!.length; x++) blurPixel(image, y, x);
  await yieldNow();
  return now() - t0;
}

/**
 * A 64×96 image on four threads. The speedup is the filter's own: its serial cost over the
 * time from its first call to its last, on 4 virtual cores. Bands blurred one after another
 * while padding threads burn the other cores made T1/T4 look like 4; this cannot be padded.
 */
export async function big() {
  const serial = await serialCost(BIG.image);
  firstCall = Infinity;
  await checkRun(BIG, 4);
  // From the filter's first call to blur()'s return: the end of the last call is not visible
  // from inside it (computation is charged at the next scheduling point).
  measure("blur-speedup", serial / Math.max(returnedAt - firstCall, 1e-9));
}

export async function edges() {
  await checkRun(FEW_ROWS, 5);
  await checkRun(PIXEL, 2);
  await checkRun(LINE, 3);
  await checkRun(TALL, 1);
  await checkRun(TALL, 4);
}
