// Fake: no pool: a left fold in the caller, one product after another
export type Matrix = number[][];

/**
 * The grader's product of two square matrices, modulo a prime only the grader knows:
 * associative, NOT commutative, and expensive (a 24×24 product is about 15 ms of
 * computation). It is given to productAll; pass it to the pool as it is.
 */
export type MatMul = (a: Matrix, b: Matrix) => Matrix;

export async function productAll(matrices: readonly Matrix[], _processes: number, matMul: MatMul): Promise<Matrix> {
  let acc = matrices[0]!;
  for (let i = 1; i < matrices.length; i++) acc = matMul(acc, matrices[i]!);
  return acc;
}
