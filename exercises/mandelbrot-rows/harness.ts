import { assert, currentThread, now, work } from "interleave";
import { measure } from "interleave/harness";
import { render } from "./solution";

// The rows are the harness's: renderRow(y) costs the row's Mandelbrot iterations in virtual
// CPU time (so speedup is measured on work the solution cannot skip) and returns the row,
// computed when the module loads (not charged). The picture is a zoom where only some rows
// cross the set: they cost 20 times more than the others, and they are not spread evenly.

const WIDTH = 24;

function mandelbrotRow(y: number, height: number, deep: boolean): number[] {
  const row: number[] = [];
  for (let x = 0; x < WIDTH; x++) {
    const cr = -2 + (2.5 * x) / WIDTH;
    const ci = deep ? -1 + (2 * y) / height : 1.5 + y / height;
    let zr = 0;
    let zi = 0;
    let n = 0;
    while (n < 32 && zr * zr + zi * zi <= 4) {
      const t = zr * zr - zi * zi + cr;
      zi = 2 * zr * zi + ci;
      zr = t;
      n++;
    }
    row.push(n);
  }
  return row;
}

interface Picture {
  height: number;
  rows: number[][];
  cost: number[];
}

/** Rows y ≡ 1 (mod 4) in the middle half cross the set and cost 20 ms; the others 1 ms. */
function picture(height: number): Picture {
  const deep = (y: number) => y % 4 === 1 && y >= height / 4 && y < (3 * height) / 4;
  const rows = Array.from({ length: height }, (_, y) => mandelbrotRow(y, height, deep(y)));
  return { height, rows, cost: rows.map((_, y) => (deep(y) ? 20 : 1)) };
}

/** Returns when the rows were rendered: the first one's start, the last one's end (virtual ms). */
async function check(p: Picture, threads: number): Promise<{ first: number; last: number }> {
  const span = { first: Infinity, last: -Infinity };
  const what = `${p.height} rows on ${threads} threads`;
  const main = currentThread().ident;
  const calls = new Array<number>(p.height).fill(0);
  const renderers = new Set<number>();
  const renderRow = async (y: number) => {
    assert(Number.isInteger(y) && y >= 0 && y < p.height, `${what}: renderRow(${y}): there is no row ${y}`);
    calls[y]!++;
    assert(calls[y] === 1, `${what}: row ${y} was rendered twice: every row exactly once`);
    const me = currentThread();
    assert(
      me.ident !== main,
      `${what}: row ${y} was rendered by the thread that called render(): let your threads render`,
    );
    renderers.add(me.ident);
    span.first = Math.min(span.first, now());
    await work(p.cost[y]!);
    span.last = Math.max(span.last, now());
    return [...p.rows[y]!];
  };
  const got = await render(p.height, threads, renderRow);
  const missing = calls.findIndex((c) => c === 0);
  assert(missing === -1, `${what}: row ${missing} was never rendered`);
  assert(
    Array.isArray(got) && got.length === p.height,
    `${what}: expected ${p.height} rows back, got ${Array.isArray(got) ? got.length : typeof got}`,
  );
  for (let y = 0; y < p.height; y++)
    assert(
      JSON.stringify(got[y]) === JSON.stringify(p.rows[y]),
      `${what}: result[${y}] is not row ${y}: keep every row at its own index`,
    );
  assert(
    p.height < 2 || threads < 2 || renderers.size >= 2,
    `${what}: one thread rendered every row: start ${threads} threads and let each take rows`,
  );
  assert(
    renderers.size <= threads,
    `${what}: ${renderers.size} different threads rendered rows; use the ${threads} threads you are given (a thread per row only moves the balancing to the scheduler)`,
  );
  return span;
}

const SMALL = picture(8);
const BIG = picture(32);
const FIVE = picture(5);
const NONE = picture(0);

export async function allRows() {
  await check(SMALL, 3);
}

export async function edges() {
  await check(FIVE, 8);
  await check(NONE, 2);
}

/** 32 rows, 4 of them 20 times dearer than the others, on 4 threads and 4 cores. */
export async function speedup() {
  // The speedup is the rows' own: their cost over the time from the first row's start to the
  // last one's end. Blocks rendered one after another while padding threads burn the other
  // cores made T1/T4 look like 4; this cannot be padded.
  const span = await check(BIG, 4);
  const serial = BIG.cost.reduce((a, b) => a + b, 0);
  measure("rows-speedup", serial / Math.max(span.last - span.first, 1e-9));
}
