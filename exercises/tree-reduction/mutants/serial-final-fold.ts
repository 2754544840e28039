import { Pool } from "interleave";

export type Matrix = number[][];

/**
 * The grader's product of two square matrices, modulo a prime only the grader knows:
 * associative, NOT commutative, and expensive (a 24×24 product is about 15 ms of
 * computation). It is given to productAll; pass it to the pool as it is.
 */
export type MatMul = (a: Matrix, b: Matrix) => Matrix;

export function foldChunk(chunk: Matrix[], matMul: MatMul): Matrix {
  let acc = chunk[0]!;
  for (let i = 1; i < chunk.length; i++) acc = matMul(acc, chunk[i]!);
  return acc;
}

// Chunks in the workers (good), then a left fold of the partials in the caller: with many
// workers, the final serial fold is as long as the parallel part.
export async function productAll(matrices: readonly Matrix[], processes: number, matMul: MatMul): Promise<Matrix> {
  const size = Math.ceil(matrices.length / processes);
  const chunks: Matrix[][] = [];
  for (let i = 0; i < matrices.length; i += size) chunks.push(matrices.slice(i, i + size));
  const pool = new Pool(processes);
  try {
    const partials = await pool.starmap(
      foldChunk,
      chunks.map((chunk) => [chunk, matMul]),
      { chunksize: 1 },
    );
    let acc = partials[0]!;
    for (let i = 1; i < partials.length; i++) acc = matMul(acc, partials[i]!);
    return acc;
  } finally {
    pool.close();
    await pool.join();
  }
}
