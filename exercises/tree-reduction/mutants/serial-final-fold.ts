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

export function foldChunk(chunk: Matrix[]): Matrix {
  let acc = chunk[0]!;
  for (let i = 1; i < chunk.length; i++) acc = matMul(acc, chunk[i]!);
  return acc;
}

// Chunks in the workers (good), then a left fold of the partials in the caller: with many
// workers, the final serial fold is as long as the parallel part.
export async function productAll(matrices: readonly Matrix[], processes: number): Promise<Matrix> {
  const size = Math.ceil(matrices.length / processes);
  const chunks: Matrix[][] = [];
  for (let i = 0; i < matrices.length; i += size) chunks.push(matrices.slice(i, i + size));
  const pool = new Pool(processes);
  try {
    const partials = await pool.map(foldChunk, chunks, { chunksize: 1 });
    let acc = partials[0]!;
    for (let i = 1; i < partials.length; i++) acc = matMul(acc, partials[i]!);
    return acc;
  } finally {
    pool.close();
    await pool.join();
  }
}
