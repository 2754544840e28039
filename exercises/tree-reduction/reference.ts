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
    // Each round multiplies NEIGHBOURS (2i, 2i + 1), in order: associativity lets us regroup
    // the product, never reorder it. An odd one out goes up to the next round as it is.
    while (level.length > 1) {
      const pairs: [Matrix, Matrix][] = [];
      for (let i = 0; i + 1 < level.length; i += 2) pairs.push([level[i]!, level[i + 1]!]);
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
