// Fake: a serial kernel: a left fold in the caller with the product written as nested map/reduce expressions
export type Matrix = number[][];

const P = 1_000_003;

export type MatMul = (a: Matrix, b: Matrix) => Matrix;

export async function productAll(matrices: readonly Matrix[], _processes: number, _matMul: MatMul): Promise<Matrix> {
  return matrices.reduce((a, b) =>
    a.map((row) => b[0]!.map((_, j) => row.reduce((s, x, k) => s + x * b[k]![j]!, 0) % P)),
  );
}
