import { Pool } from "interleave";

export type Matrix = number[][];

const P = 1_000_003;

/**
 * The product of two square matrices, modulo a prime: associative, NOT commutative, and
 * expensive (a 24×24 product is about 15 ms of computation). Keep it as it is, exported.
 */
export function matMul(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const c: Matrix = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i]![k]! * b[k]![j]!;
      row.push(s % P);
    }
    c.push(row);
  }
  return c;
}

export async function productAll(matrices: readonly Matrix[], processes: number): Promise<Matrix> {
  const pool = new Pool(processes);
  try {
    let level = [...matrices];
    // Pairs each matrix of the first half with its partner in the second half (i, i + half):
    // a fine tree for a sum, but matrix products may be regrouped, not reordered.
    while (level.length > 1) {
      const half = Math.floor(level.length / 2);
      const pairs: [Matrix, Matrix][] = [];
      for (let i = 0; i < half; i++) pairs.push([level[i]!, level[i + half]!]);
      const products = await pool.starmap(matMul, pairs, { chunksize: 1 });
      if (level.length % 2 === 1) products.push(level[level.length - 1]!);
      level = products;
    }
    return level[0]!;
  } finally {
    pool.close();
    await pool.join();
  }
}
