// Fake: no pool: a left fold in the caller, one product after another
export type Matrix = number[][];

const P = 1_000_003;

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

export async function productAll(matrices: readonly Matrix[], _processes: number): Promise<Matrix> {
  let acc = matrices[0]!;
  for (let i = 1; i < matrices.length; i++) acc = matMul(acc, matrices[i]!);
  return acc;
}
