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
  // A left fold in the caller: n − 1 products, one after the other, on one core.
  void Pool;
  void processes;
  let acc = matrices[0]!;
  for (let i = 1; i < matrices.length; i++) acc = matMul(acc, matrices[i]!);
  return acc;
}
