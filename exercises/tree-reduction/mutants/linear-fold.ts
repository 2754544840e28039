import { Pool } from "interleave";

export type Matrix = number[][];

/**
 * The grader's product of two square matrices, modulo a prime only the grader knows:
 * associative, NOT commutative, and expensive (a 24×24 product is about 15 ms of
 * computation). It is given to productAll; pass it to the pool as it is.
 */
export type MatMul = (a: Matrix, b: Matrix) => Matrix;

export async function productAll(matrices: readonly Matrix[], processes: number, matMul: MatMul): Promise<Matrix> {
  // A left fold in the caller: n − 1 products, one after the other, on one core.
  void Pool;
  void processes;
  let acc = matrices[0]!;
  for (let i = 1; i < matrices.length; i++) acc = matMul(acc, matrices[i]!);
  return acc;
}
