import { assert, currentProcess } from "interleave";
import { productAll, type Matrix } from "./solution";

/** A prime only the grader knows: a product of one's own, cheaper or not, gives other numbers. */
const P = 999_979;

/**
 * The grader's product, given to the solution: modulo the grader's prime, associative and not
 * commutative, about 15 ms for 24×24. It is the kernel whose time the makespan check
 * measures: a solution cannot make it cheaper (a hand-unrolled serial product used to beat
 * the limit), only run several at once. Exported, so a Pool can send it to its workers by name.
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

function matrix(n: number, seed: number): Matrix {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (seed * 7919 + i * 104729 + j * 1299709 + i * j * 31) % P),
  );
}

/**
 * A worker process imports this module again (Python's spawn start method): only the main
 * process needs the expected products, and computing them in a worker would be charged to it.
 */
function inMainProcess(): boolean {
  try {
    return currentProcess().name === "MainProcess";
  } catch {
    return true; // loading in the main program, before any thread runs
  }
}
const MAIN = inMainProcess();

interface Case {
  matrices: Matrix[];
  json: string;
}

/** Computed when the module loads: the harness's own work stays out of the measured time. */
function makeCase(count: number, n: number, seed: number): Case {
  if (!MAIN) return { matrices: [], json: "" }; // a worker only needs matMul
  const matrices = Array.from({ length: count }, (_, k) => matrix(n, seed + k));
  let acc = matrices[0]!;
  for (let k = 1; k < count; k++) acc = matMul(acc, matrices[k]!);
  return { matrices, json: JSON.stringify(acc) };
}

async function checkRun(c: Case, processes: number): Promise<void> {
  const got = await productAll(c.matrices, processes, matMul);
  const n = c.matrices[0]!.length;
  assert(
    JSON.stringify(got) === c.json,
    `the product of ${c.matrices.length} ${n}×${n} matrices on ${processes} processes is wrong${
      Array.isArray(got) && got.length === n ? "" : ` (got ${Array.isArray(got) ? `${got.length} rows` : typeof got})`
    }. Matrix products may be regrouped — (AB)C = A(BC) — but never reordered: AB is not BA. And no matrix may be left out.`,
  );
}

const SMALL = makeCase(5, 3, 1);
const BIG = makeCase(16, 24, 11);
const THIRTEEN = makeCase(13, 4, 5);
const ONE = makeCase(1, 3, 9);
const TWO = makeCase(2, 3, 21);

/** Five 3×3 matrices on two processes: a round with an odd one out. */
export async function small() {
  await checkRun(SMALL, 2);
}

/** Sixteen 24×24 matrices on eight processes and 8 virtual cores. */
export async function big() {
  await checkRun(BIG, 8);
}

export async function oddSizes() {
  await checkRun(THIRTEEN, 4);
  await checkRun(ONE, 3);
  await checkRun(TWO, 2);
}
